import fs from 'node:fs';
import path from 'node:path';
import { checkInvoiceFile } from '../../invoice/check';
import { extractFacturX } from '../../invoice/facturx';
import { validateFrench } from '../../invoice/validate';
import { decodeXmlBytes, parseXml } from '../../invoice/xml';
import { closeXsdEngines } from '../../invoice/xsd';
import { jarPath, PINNED, readSource } from '../../scripts/rules-source';
import { corpusAvailable, corpusPath } from '../support/corpus';
import { describeNeeding } from '../support/requirements';
import type { OracleCase, Syntax } from './cases';
import { mutants } from './mutants';
import { runOracle, type OracleResult } from './oracle';

/**
 * Our BR-FR rules (French e-invoicing reform, FNFE-MPE Schematron V1.3.0) against the official
 * compiled Schematron of the pinned artefact (the file the rules data is generated from) under Saxon-HE:
 * every UBL and CII document of the corpus (the XML of the Factur-X PDFs too, listed by EXPECTED.tsv),
 * and edited variants of the French EXTENDED-CTC-FR sample and of a French Factur-X. Fatal and warning
 * rule ids must be identical: most BR-FR rules are published as warnings.
 */
const XSLT_DIR = path.join(__dirname, '..', '..', '.cache', 'oracle', 'france');
const xsltOf = (syntax: Syntax) => path.join(XSLT_DIR, `BR-FR-${syntax.toUpperCase()}.xslt`);
const FRENCH_SAMPLES = [
  'akretion/factur-x/tests/fixtures/xml/ubl-21-extended-ctc-fr.xml',
  'akretion/factur-x/tests/fixtures/xml/factur-x-extended.xml',
];
const MUTANTS_PER_SAMPLE = 120;

async function corpusDocuments(): Promise<OracleCase[]> {
  const cases: OracleCase[] = [];
  for (const line of fs.readFileSync(corpusPath('EXPECTED.tsv'), 'utf8').split('\n')) {
    const [file, format] = line.split('\t');
    if (!['ubl-invoice', 'ubl-creditnote', 'cii', 'pdf'].includes(format)) continue;
    let xml: string;
    try {
      const bytes = fs.readFileSync(corpusPath(file));
      xml = decodeXmlBytes(format === 'pdf' ? (await extractFacturX(bytes)).xml : bytes);
    } catch {
      continue; // a PDF without invoice, a broken file: nothing for the rules to judge
    }
    const syntax = /<(\w+:)?CrossIndustryInvoice[\s>]/.test(xml) ? 'cii' : 'ubl';
    if (syntax === 'ubl' && !/<(\w+:)?(Invoice|CreditNote)[\s>]/.test(xml)) continue;
    cases.push({ name: file, syntax, xml, expects: [] });
  }
  return cases;
}

const ruleIds = (fired: { rule: string; flag: string }[]) =>
  [...new Set(fired.map((f) => `${f.rule}:${f.flag}`))].sort();

const ours = (c: OracleCase) =>
  ruleIds(validateFrench(parseXml(c.xml)).map((f) => ({ rule: f.rule, flag: f.severity })));

const requirements = {
  what: 'the corpus and the pinned French artefact',
  available: corpusAvailable && fs.existsSync(jarPath(PINNED.france.maven)),
  missing: `needs the corpus and ${jarPath(PINNED.france.maven)} (npm run rules:fetch)`,
};

describeNeeding(requirements, "The French reform's BR-FR rules agree with the official XSLT", () => {
  let documents: OracleCase[] = [];
  let variants: OracleCase[] = [];
  let oracle: Map<string, OracleResult>;

  beforeAll(async () => {
    const source = await readSource();
    fs.mkdirSync(XSLT_DIR, { recursive: true });
    fs.writeFileSync(xsltOf('ubl'), source.france.ubl);
    fs.writeFileSync(xsltOf('cii'), source.france.cii);
    documents = await corpusDocuments();
    variants = mutants(
      documents.filter((d) => FRENCH_SAMPLES.includes(d.name)),
      MUTANTS_PER_SAMPLE,
    );
    oracle = runOracle([...documents, ...variants], (c) => xsltOf(c.syntax));
  }, 300_000);

  afterAll(() => closeXsdEngines());

  it('covers the corpus documents of both syntaxes and variants of the French samples', () => {
    expect(documents.filter((d) => d.syntax === 'ubl').length).toBeGreaterThanOrEqual(20);
    expect(documents.filter((d) => d.syntax === 'cii').length).toBeGreaterThanOrEqual(30);
    expect(variants.length).toBeGreaterThanOrEqual(150);
  });

  it('reports the same rules, with the same flags, on every document and variant', () => {
    const disagreements: string[] = [];
    for (const c of [...documents, ...variants]) {
      const official = oracle.get(c.name);
      if (!official) throw new Error(`no oracle result for ${c.name}`);
      const mine = ours(c);
      if ('error' in official) {
        if (!mine.some((r) => r.endsWith(':fatal')))
          disagreements.push(`${c.name}: official XSLT failed (${official.error}), we found nothing fatal`);
        continue;
      }
      const theirs = ruleIds(official.fired);
      if (mine.join(' ') !== theirs.join(' '))
        disagreements.push(`${c.name}: ours [${mine.join(' ')}] official [${theirs.join(' ')}]`);
    }
    expect(disagreements).toEqual([]);
  });

  it('--rules fr judges by EN 16931 and BR-FR; a deposit does not apply BR-FR', async () => {
    const sample = fs.readFileSync(corpusPath(FRENCH_SAMPLES[0]));
    const fr = await checkInvoiceFile(sample, { rules: 'fr' });
    expect(fr.ruleSets).toEqual(['en16931', 'fr']);
    const deposit = await checkInvoiceFile(sample, { rules: 'all' });
    expect(deposit.ruleSets).toEqual(['en16931', 'platform']);
  });
});
