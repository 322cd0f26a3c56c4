import fs from 'node:fs';
import path from 'node:path';
import { checkInvoiceFile, type CheckResult } from '../../invoice/check';
import { PEPPOL_BIS_BILLING } from '../../invoice/validate/peppol';
import { closeXsdEngines } from '../../invoice/xsd';
import { jarPath, PINNED, readSource } from '../../scripts/rules-source';
import { corpusAvailable, corpusPath } from '../support/corpus';
import { describeNeeding } from '../support/requirements';
import type { OracleCase } from './cases';
import { officialXslt, runOracle, type OracleResult } from './oracle';

/**
 * UBL documents of the corpus outside the OpenPEPPOL folder that declare Peppol BIS Billing 3.0 (EN 16931
 * examples, XRechnung's UBL samples): a deposit judges them by EN 16931 and Peppol, and both verdicts must
 * be the official XSLTs' (EN 16931 1.3.16 and Peppol 3.0.19 under Saxon-HE).
 */
const XSLT = path.join(__dirname, '..', '..', '.cache', 'oracle', 'peppol', 'PEPPOL-EN16931-UBL.xslt');

function peppolDeclaringDocuments(): OracleCase[] {
  return fs
    .readFileSync(corpusPath('EXPECTED.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([file, format]) => /^ubl-/.test(format ?? '') && !file.startsWith('OpenPEPPOL/'))
    .map(([file]) => ({ name: file, syntax: 'ubl' as const, xml: fs.readFileSync(corpusPath(file), 'utf8') }))
    .filter((c) => c.xml.includes('poacc:billing:3.0'))
    .map((c) => ({ ...c, expects: [] }));
}

const officialFatal = (result: OracleResult | undefined, name: string): string[] => {
  if (!result || 'error' in result) throw new Error(`no official verdict for ${name}`);
  return result.fired.filter((f) => f.flag === 'fatal').map((f) => f.rule);
};
const fatalRules = (r: CheckResult) =>
  [
    ...new Set(
      r.findings.filter((f) => f.severity === 'fatal' && !f.rule.startsWith('XSD-')).map((f) => f.rule),
    ),
  ].sort();

const requirements = {
  what: 'the corpus and the pinned Peppol artefact',
  available: corpusAvailable && fs.existsSync(jarPath(PINNED.peppol.maven)),
  missing: `needs the corpus and ${jarPath(PINNED.peppol.maven)} (npm run rules:fetch)`,
};

describeNeeding(
  requirements,
  'Documents that declare Peppol BIS are judged as the official XSLTs judge them',
  () => {
    let documents: OracleCase[] = [];
    let en16931: Map<string, OracleResult>;
    let peppol: Map<string, OracleResult>;

    beforeAll(async () => {
      fs.mkdirSync(path.dirname(XSLT), { recursive: true });
      fs.writeFileSync(XSLT, (await readSource()).peppol.ubl);
      documents = peppolDeclaringDocuments();
      en16931 = runOracle(documents, () => officialXslt.ubl);
      peppol = runOracle(documents, () => XSLT);
    }, 300_000);

    afterAll(() => closeXsdEngines());

    it('finds the EN 16931 examples and XRechnung UBL samples that declare it', () => {
      expect(documents.map((d) => d.name)).toEqual(
        expect.arrayContaining([
          'ConnectingEurope/eInvoicing-EN16931/ubl/examples/issue116.xml',
          'ZUGFeRD/corpus/XML-Rechnung/UBL/EN16931_Einfach.ubl.xml',
          'ZUGFeRD/corpus/XML-Rechnung/UBL/EN16931_Gutschrift.ubl.xml',
          'ZUGFeRD/corpus/XML-Rechnung/UBL/EN16931_Rabatte.ubl.xml',
        ]),
      );
    });

    it('--rules peppol: the fatal rules are those of the EN 16931 and Peppol XSLTs together', async () => {
      const disagreements: string[] = [];
      for (const d of documents) {
        const result = await checkInvoiceFile(Buffer.from(d.xml), { rules: 'peppol' });
        const official = [
          ...new Set([
            ...officialFatal(en16931.get(d.name), d.name),
            ...officialFatal(peppol.get(d.name), d.name),
          ]),
        ].sort();
        if (fatalRules(result).join(' ') !== official.join(' '))
          disagreements.push(
            `${d.name}: ours [${fatalRules(result).join(' ')}] official [${official.join(' ')}]`,
          );
      }
      expect(disagreements).toEqual([]);
    });

    it('a deposit applies Peppol to the documents whose BT-24 is Peppol BIS, en16931 alone never', async () => {
      const declaring = documents.filter((d) => d.xml.includes(`>${PEPPOL_BIS_BILLING}<`));
      expect(declaring.length).toBeGreaterThanOrEqual(4);
      for (const d of declaring) {
        const deposit = await checkInvoiceFile(Buffer.from(d.xml), { rules: 'all' });
        expect(deposit.ruleSets).toEqual(['en16931', 'peppol', 'platform']);
        const peppolFatal = officialFatal(peppol.get(d.name), d.name);
        expect(fatalRules(deposit)).toEqual(expect.arrayContaining(peppolFatal));
        const standardOnly = await checkInvoiceFile(Buffer.from(d.xml), { rules: 'en16931' });
        expect(standardOnly.ruleSets).toEqual(['en16931']);
      }
    });
  },
);
