import { checkInvoiceFile, type CheckResult } from '../../invoice/check';
import { convertXml } from '../../invoice/convert';
import { closeXsdEngines } from '../../invoice/xsd';
import { roundTripLosses } from '../invoice/conversion-terms';
import { describeWithCorpus } from '../support/corpus';
import { officialCases, type OracleCase, type Syntax } from './cases';
import { runOracle, type OracleResult } from './oracle';

/**
 * The per-rule unit tests of the EN 16931 artefacts (ConnectingEurope test/Invoice-unit-UBL,
 * CreditNote-unit-UBL, cii) as conversion sources. They are fragments that hold only what their rule
 * needs, so a whole-document verdict says little; what must survive conversion is the business content:
 * every term round trips, and the business rule a test is about (BR-*, not a syntax rule) gets the
 * same outcome from the official XSLT on the other syntax as the test states for its own.
 */
const EMPTY_GROUP = 'the fragment breaks the rule with an empty group (no business term), not written';
const EMPTY_COUNTRY =
  'empty BT-80: the UBL BR-IC-12 tests its length, the CII one only that the element exists';
const STRICTER_CII = 'rate 0: the UBL BR-AF-05/07 accepts 0 or more, the CII one only more than 0';
const LINE_O = 'the CII BR-O-01 fires only when the VAT breakdown has category O, the UBL one also without';
const TRUE_IN_CII = 'the CII BR-AF-09 and BR-AG-09 test is true(): the CII artefact does not check them';
const TOLERANCE =
  'a VAT amount 1 away: the UBL BR-CO-17 tolerance is strict (- 1 <), the CII one inclusive (- 1 <=)';
/**
 * Unit tests whose business rule the official XSLT judges differently once converted, each with its
 * reason: the EN 16931 UBL and CII artefacts (1.3.16) do not always test a rule on the same terms,
 * and a fragment that breaks a rule with an empty group is written without it. The list may only shrink:
 * a case that starts to agree must leave it.
 */
const KNOWN: Record<string, string> = {
  'test/Invoice-unit-UBL/BR-49.xml#2 → cii: error BR-49': EMPTY_GROUP,
  'test/CreditNote-unit-UBL/BR-49.xml#2 → cii: error BR-49': EMPTY_GROUP,
  'test/Invoice-unit-UBL/BR-CO-19.xml#4 → cii: error BR-CO-19': EMPTY_GROUP,
  'test/Invoice-unit-UBL/BR-IC-12.xml#2 → cii: error BR-IC-12': EMPTY_COUNTRY,
  'test/Invoice-unit-UBL/BR-IC-12.xml#3 → cii: error BR-IC-12': EMPTY_COUNTRY,
  'test/Invoice-unit-UBL/BR-IC-12.xml#4 → cii: error BR-IC-12': EMPTY_COUNTRY,
  'test/Invoice-unit-UBL/BR-IG-05.xml#2 → cii: success BR-AF-05': STRICTER_CII,
  'test/Invoice-unit-UBL/BR-IG-07.xml#2 → cii: success BR-AF-07': STRICTER_CII,
  'test/Invoice-unit-UBL/BR-CO-17.xml#9 → cii: error BR-CO-17': TOLERANCE,
  'test/Invoice-unit-UBL/BR-IG-09.xml#4 → cii: error BR-AF-09': TRUE_IN_CII,
  'test/Invoice-unit-UBL/BR-IP-09.xml#4 → cii: error BR-AG-09': TRUE_IN_CII,
  'test/Invoice-unit-UBL/BR-O-01.xml#5 → cii: error BR-O-01': LINE_O,
  'test/Invoice-unit-UBL/BR-O-01.xml#7 → cii: error BR-O-01': LINE_O,
  'test/Invoice-unit-UBL/BR-O-01.xml#8 → cii: error BR-O-01': LINE_O,
  'test/Invoice-unit-UBL/BR-O-01.xml#9 → cii: error BR-O-01': LINE_O,
  'test/cii/BR-CO-17.xml#2 → ubl: success BR-CO-17': TOLERANCE,
  'test/cii/BR-CO-17.xml#3 → ubl: success BR-CO-17': TOLERANCE,
};

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
  /** Conversions that reported a term they could not carry (FF-CONV-*): that term may be the offending one. */
  const reported = new Set<string>();
  let oracle: Map<string, OracleResult>;

  beforeAll(async () => {
    for (const unit of officialCases().filter((c) => c.name.startsWith('test/'))) {
      const verdict = await checkInvoiceFile(Buffer.from(unit.xml), { rules: 'en16931' });
      sources.push({ unit, verdict });
      if (!verdict.invoice) continue;
      const syntax = other(unit.syntax);
      const { output: xml, findings } = convertXml(verdict.invoice, syntax);
      if (findings.length) reported.add(`${unit.name} → ${syntax}`);
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
    const lost = sources.flatMap((s) =>
      roundTripLosses(s.verdict.invoice!).map((d) => `${s.unit.name} ${d}`),
    );
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
        // The UBL and CII artefacts do not always give a rule the same flag (BR-51): whether it fires counts.
        const fires = result.fired.some((f) => f.rule === rule && f.flag !== 'information');
        if (outcome === 'success' ? !fires : fires || reported.has(c.name)) continue;
        unmet.push(`${c.name}: ${outcome} ${rule}`);
      }
    }
    expect(unmet.filter((u) => !KNOWN[u])).toEqual([]);
    expect(Object.keys(KNOWN).filter((k) => !unmet.includes(k))).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(400);
  });
});
