import fs from 'node:fs';
import path from 'node:path';
import { CONVERSION_RULES } from '../../invoice/convert';
import { checkConversionSource, convertChecked, type CheckedConversion } from '../../invoice/convert-check';
import { decodeXmlBytes } from '../../invoice/xml';
import { closeXsdEngines } from '../../invoice/xsd';
import { compilePeppolCii, readSource } from '../../scripts/rules-source';
import { corpusFiles } from '../support/corpus';
import { describeNeeding } from '../support/requirements';
import { fatalIds, unitTestCases } from './agreement';
import type { OracleCase } from './cases';
import { PEPPOL_ORACLE, runOracle, type OracleResult } from './oracle';

/**
 * Peppol BIS documents converted to CII, judged by OpenPEPPOL's own rules under Saxon-HE: the source
 * by the published UBL XSLT of the pinned artefact, the result by OpenPEPPOL's CII Schematron compiled
 * as `rules:generate` compiles it. Sources: the corpus's Peppol examples and every document of its UBL
 * unit tests (the unit-UBL-* folders), judged by the Peppol rules as `facturflow convert --rules peppol`
 * judges them. What `convertChecked` accepts must not break a fatal Peppol rule its source does not;
 * what it refuses, it refuses for a rule the official CII rules fire too.
 */
const PEPPOL = 'OpenPEPPOL/peppol-bis-invoice-3/rules';
const CACHE = path.join(__dirname, '..', '..', '.cache', 'oracle', 'peppol');
const UBL_XSLT = path.join(CACHE, 'PEPPOL-EN16931-UBL.xslt');
const CII_XSLT = path.join(CACHE, 'PEPPOL-EN16931-CII.xslt');

interface Converted {
  source: OracleCase;
  result: OracleCase;
  checked: CheckedConversion;
}

function peppolSources(): OracleCase[] {
  const examples: OracleCase[] = corpusFiles(`${PEPPOL}/examples`, /\.xml$/i).map((file) => ({
    name: `examples/${path.basename(file)}`,
    syntax: 'ubl',
    xml: fs.readFileSync(file, 'utf8'),
    expects: [],
  }));
  return [...examples, ...unitTestCases(PEPPOL, 'ubl')];
}

const officialFatal = (result: OracleResult | undefined): string[] => {
  if (!result) throw new Error('no oracle result');
  return 'error' in result ? ['SAXON-ERROR'] : fatalIds(result.fired);
};

const requirements = PEPPOL_ORACLE;

describeNeeding(
  requirements,
  'Peppol BIS documents converted to CII pass the official Peppol CII rules',
  () => {
    const converted: Converted[] = [];
    let unreadable = 0;
    let oracle: Map<string, OracleResult>;

    beforeAll(async () => {
      fs.mkdirSync(CACHE, { recursive: true });
      fs.writeFileSync(UBL_XSLT, (await readSource()).peppol.ubl);
      if (!fs.existsSync(CII_XSLT)) fs.writeFileSync(CII_XSLT, await compilePeppolCii());
      for (const source of peppolSources()) {
        const verdict = await checkConversionSource(Buffer.from(source.xml), { rules: 'peppol' });
        if (!verdict.invoice) {
          unreadable++;
          continue;
        }
        const checked = await convertChecked(verdict, 'cii');
        const xml = decodeXmlBytes(checked.output);
        converted.push({
          source,
          checked,
          result: { name: `${source.name} → cii`, syntax: 'cii', xml, expects: [] },
        });
      }
      oracle = runOracle(
        converted.flatMap((c) => [c.source, c.result]),
        (c) => (c.syntax === 'ubl' ? UBL_XSLT : CII_XSLT),
      );
    }, 600_000);

    afterAll(() => closeXsdEngines());

    it('converts the nine examples and the readable unit-test documents, judged by the Peppol rules', () => {
      expect(converted.filter((c) => c.source.name.startsWith('examples/')).length).toBe(9);
      expect(converted.length).toBeGreaterThanOrEqual(100);
      expect(unreadable).toBeLessThan(converted.length / 10);
      for (const c of converted) expect(c.checked.ruleSets).toContain('peppol');
    });

    it('what the conversion check accepts breaks no fatal Peppol rule its source does not', () => {
      const added: string[] = [];
      for (const c of converted) {
        if (c.checked.introduced.length) continue;
        const before = officialFatal(oracle.get(c.source.name));
        const after = officialFatal(oracle.get(c.result.name)).filter((r) => !before.includes(r));
        if (after.length) added.push(`${c.result.name}: ${after.join(' ')}`);
      }
      expect(added).toEqual([]);
    });

    it('what it refuses, the official CII rules reject for a rule the source does not break', () => {
      const unfounded: string[] = [];
      for (const c of converted) {
        if (!c.checked.introduced.length) continue;
        const before = officialFatal(oracle.get(c.source.name));
        const after = officialFatal(oracle.get(c.result.name)).filter((r) => !before.includes(r));
        const ours = [...new Set(c.checked.introduced.map((f) => f.rule))].filter((r) =>
          r.startsWith('PEPPOL'),
        );
        // A Saxon error is the official validation stopping without a verdict: refused there too.
        if (!after.includes('SAXON-ERROR') && ours.some((r) => !after.includes(r)))
          unfounded.push(`${c.result.name}: ours [${ours}] official [${after}]`);
      }
      expect(unfounded).toEqual([]);
    });

    it('the four examples with invalid GLNs on item and delivery identifiers pass, with FF-CONV-06', () => {
      const adapted = converted.filter((c) =>
        c.checked.findings.some((f) => f.rule === CONVERSION_RULES.peppolIdentifierFormat),
      );
      expect(
        adapted
          .filter((c) => c.source.name.startsWith('examples/'))
          .map((c) => c.source.name)
          .sort(),
      ).toEqual([
        'examples/base-creditnote-correction.xml',
        'examples/base-example.xml',
        'examples/base-negative-inv-correction.xml',
        'examples/sales-order-example.xml',
      ]);
      for (const c of adapted) {
        expect(c.checked.introduced).toEqual([]);
        expect(officialFatal(oracle.get(c.result.name))).not.toContain('PEPPOL-COMMON-R040');
      }
    });
  },
);
