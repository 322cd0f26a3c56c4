import fs from 'node:fs';
import path from 'node:path';
import { convertXml } from '../../invoice/convert';
import { readUbl } from '../../invoice/ubl/read';
import { validatePeppol } from '../../invoice/validate/peppol';
import { parseXml } from '../../invoice/xml';
import { readPeppolXslt } from '../../scripts/peppol-rules';
import { compilePeppolCii, compileSchematron, readSkeleton, readSource } from '../../scripts/rules-source';
import { corpusFiles, corpusPath } from '../support/corpus';
import { describeNeeding } from '../support/requirements';
import { type OracleCase } from './cases';
import { fatalDisagreements, unitTestCases, unmetExpectations } from './agreement';
import { mutants } from './mutants';
import { PEPPOL_ORACLE, runOracle, type OracleResult } from './oracle';

/**
 * Our Peppol BIS Billing 3.0 rules for CII against OpenPEPPOL's CII Schematron compiled by the ISO
 * skeleton under Saxon-HE (the XSLT the rules data is generated from; OpenPEPPOL publishes no compiled
 * CII XSLT in a registry artefact). The same compilation of OpenPEPPOL's UBL Schematron must give the
 * rules of the UBL XSLT OpenPEPPOL publishes, which is what makes the compiled CII XSLT the official
 * one. Documents: every CII unit test of the corpus's OpenPEPPOL folder, every CII document of the
 * corpus, the Peppol examples converted to CII, and edited variants of those: the sets of fatal rule
 * ids must be identical, and every unit test's stated expectation must hold.
 */
const PEPPOL = 'OpenPEPPOL/peppol-bis-invoice-3/rules';
const XSLT = path.join(__dirname, '..', '..', '.cache', 'oracle', 'peppol', 'PEPPOL-EN16931-CII.xslt');
const MUTANTS_PER_EXAMPLE = 25;

/** The CII documents of the corpus (EXPECTED.tsv). */
function corpusCiiCases(): OracleCase[] {
  return fs
    .readFileSync(corpusPath('EXPECTED.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([, format]) => format === 'cii')
    .map(([file]) => ({ name: file, syntax: 'cii' as const, xml: fs.readFileSync(corpusPath(file), 'utf8') }))
    .map((c) => ({ ...c, expects: [] }));
}

/** The Peppol BIS examples (UBL) as CII, written by the converter. */
function convertedExamples(): OracleCase[] {
  return corpusFiles(`${PEPPOL}/examples`, /\.xml$/i).map((file) => ({
    name: `examples/${path.basename(file)} → cii`,
    syntax: 'cii',
    xml: convertXml(readUbl(parseXml(fs.readFileSync(file))), 'cii').output,
    expects: [],
  }));
}

const ours = (c: OracleCase) =>
  validatePeppol(parseXml(c.xml)).map((f) => ({ rule: f.rule, flag: f.severity }));

const requirements = PEPPOL_ORACLE;

describeNeeding(
  requirements,
  'Peppol BIS Billing 3.0 validation of CII agrees with the official Peppol Schematron',
  () => {
    let cases: OracleCase[] = [];
    let oracle: Map<string, OracleResult>;

    beforeAll(async () => {
      fs.mkdirSync(path.dirname(XSLT), { recursive: true });
      fs.writeFileSync(XSLT, await compilePeppolCii());
      const examples = convertedExamples();
      cases = [
        ...unitTestCases(PEPPOL, 'cii'),
        ...corpusCiiCases(),
        ...examples,
        ...mutants(examples, MUTANTS_PER_EXAMPLE),
      ];
      oracle = runOracle(cases, () => XSLT);
    }, 600_000);

    it('compiling the UBL Schematron the same way gives the rules of the published UBL XSLT', async () => {
      const published = readPeppolXslt((await readSource()).peppol.ubl);
      const sch = corpusPath(PEPPOL, 'sch', 'PEPPOL-EN16931-UBL.sch');
      const compiled = readPeppolXslt(compileSchematron(sch, await readSkeleton()));
      expect(compiled.patterns.flatMap((p) => p.rules).length).toBeGreaterThan(50);
      expect(compiled).toEqual(published);
    });

    it('covers the Peppol CII unit tests, the CII documents and the converted examples', () => {
      expect(cases.filter((c) => /^unit-CII-/.test(c.name)).length).toBeGreaterThanOrEqual(100);
      expect(cases.filter((c) => c.expects.length > 0).length).toBeGreaterThanOrEqual(100);
      expect(cases.filter((c) => c.name.startsWith('examples/') && !c.name.includes('~')).length).toBe(9);
      expect(cases.filter((c) => c.name.includes('~')).length).toBeGreaterThanOrEqual(150);
    });

    it('reports the same fatal rules as the official Schematron on every document', () => {
      expect(fatalDisagreements(cases, oracle, ours)).toEqual([]);
    });

    it('reports the same warnings as the official Schematron on every document', () => {
      const warnings = (fired: { rule: string; flag: string }[]) =>
        [...new Set(fired.filter((f) => f.flag === 'warning').map((f) => f.rule))].sort().join(' ');
      const disagreements: string[] = [];
      for (const c of cases) {
        const official = oracle.get(c.name);
        if (!official || 'error' in official) continue;
        const [mine, theirs] = [warnings(ours(c)), warnings(official.fired)];
        if (mine !== theirs) disagreements.push(`${c.name}: ours [${mine}] official [${theirs}]`);
      }
      expect(disagreements).toEqual([]);
    });

    it('meets every expectation the unit tests state', () => {
      expect(unmetExpectations(cases, ours)).toEqual([]);
    });
  },
);
