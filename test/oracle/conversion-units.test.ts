import { checkInvoiceFile, type CheckResult } from '../../invoice/check';
import { convertXml } from '../../invoice/convert';
import { closeXsdEngines } from '../../invoice/xsd';
import { roundTripLosses } from '../invoice/conversion-terms';
import { describeWithCorpus } from '../support/corpus';
import { officialCases, type OracleCase, type Syntax } from './cases';
import { officialXslt, runOracle, type OracleResult } from './oracle';

/**
 * The per-rule unit tests of the EN 16931 artefacts (ConnectingEurope test/Invoice-unit-UBL,
 * CreditNote-unit-UBL, cii) as conversion sources. They are fragments that hold only what their rule
 * needs, so a whole-document verdict says little; what must survive conversion is the business content:
 * every term round trips, and the business rule a test is about (BR-*, not a syntax rule) gets the
 * same outcome from the official XSLT on the other syntax as the test states for its own.
 */
interface Source {
  unit: OracleCase;
  verdict: CheckResult;
}

const other = (syntax: Syntax): Syntax => (syntax === 'ubl' ? 'cii' : 'ubl');
/** Rules about business terms, bound to neither syntax (UBL-*, CII-* are syntax rules). */
const BUSINESS_RULE = /^BR-/;

describeWithCorpus('the EN 16931 per-rule unit tests convert without losing their business content', () => {
  const sources: Source[] = [];
  const converted: OracleCase[] = [];
  let oracle: Map<string, OracleResult>;

  beforeAll(async () => {
    for (const unit of officialCases().filter((c) => c.name.startsWith('test/'))) {
      const verdict = await checkInvoiceFile(Buffer.from(unit.xml), { rules: 'en16931' });
      sources.push({ unit, verdict });
      if (!verdict.invoice) continue;
      const syntax = other(unit.syntax);
      const xml = convertXml(verdict.invoice, syntax).output;
      converted.push({ name: `${unit.name} → ${syntax}`, syntax, xml, expects: unit.expects });
    }
    oracle = runOracle(converted);
  }, 600_000);

  afterAll(() => closeXsdEngines());

  it('reads every unit test document', () => {
    expect(sources.length).toBeGreaterThanOrEqual(500);
    expect(sources.filter((s) => !s.verdict.invoice).map((s) => s.unit.name)).toEqual([]);
  });

  it('round trips keep every business term of every unit test document', () => {
    const lost = sources.flatMap((s) => roundTripLosses(s.verdict.invoice!).map((d) => `${s.unit.name} ${d}`));
    expect(lost).toEqual([]);
  });

  it('the official XSLT gives the converted document the outcome the test states for its business rule', () => {
    const unmet: string[] = [];
    let checked = 0;
    for (const c of converted) {
      const result = oracle.get(c.name);
      if (!result || 'error' in result) {
        unmet.push(`${c.name}: no official verdict`);
        continue;
      }
      for (const { rule, outcome } of c.expects.filter((e) => BUSINESS_RULE.test(e.rule))) {
        checked++;
        const flags = result.fired.filter((f) => f.rule === rule).map((f) => f.flag);
        const met =
          outcome === 'success'
            ? !flags.includes('fatal') && !flags.includes('warning')
            : flags.includes(outcome === 'error' ? 'fatal' : 'warning');
        if (!met) unmet.push(`${c.name}: ${outcome} ${rule}, official fired [${flags.join(' ')}]`);
      }
    }
    expect(unmet).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(400);
  });
});
