import fs from 'node:fs';
import path from 'node:path';
import { validatePeppol } from '../../invoice/validate/peppol';
import { parseXml } from '../../invoice/xml';
import { jarPath, PINNED, readSource } from '../../scripts/rules-source';
import { corpusAvailable, corpusFiles } from '../support/corpus';
import { describeNeeding } from '../support/requirements';
import { type OracleCase } from './cases';
import { fatalDisagreements, unitTestCases, unmetExpectations } from './agreement';
import { mutants } from './mutants';
import { runOracle, type OracleResult } from './oracle';

/**
 * Our Peppol BIS Billing 3.0 rules against the official Peppol XSLT of the pinned artefact (the file
 * the rules data is generated from) under Saxon-HE, on every UBL example and UBL unit test of the
 * corpus's OpenPEPPOL folder and on edited variants of the examples: the sets of fatal rule ids must be
 * identical, and every unit test's stated expectation must hold.
 */
const PEPPOL = 'OpenPEPPOL/peppol-bis-invoice-3/rules';
const XSLT = path.join(__dirname, '..', '..', '.cache', 'oracle', 'peppol', 'PEPPOL-EN16931-UBL.xslt');
const MUTANTS_PER_EXAMPLE = 25;

function peppolCases(): OracleCase[] {
  const cases: OracleCase[] = corpusFiles(`${PEPPOL}/examples`, /\.xml$/i).map((file) => ({
    name: `examples/${path.basename(file)}`,
    syntax: 'ubl',
    xml: fs.readFileSync(file, 'utf8'),
    expects: [],
  }));
  return [...cases, ...unitTestCases(PEPPOL, 'ubl')];
}

const ours = (c: OracleCase) =>
  validatePeppol(parseXml(c.xml)).map((f) => ({ rule: f.rule, flag: f.severity }));

const requirements = {
  what: 'the corpus and the pinned Peppol artefact',
  available: corpusAvailable && fs.existsSync(jarPath(PINNED.peppol.maven)),
  missing: `needs the corpus and ${jarPath(PINNED.peppol.maven)} (npm run rules:fetch)`,
};

describeNeeding(
  requirements,
  'Peppol BIS Billing 3.0 validation agrees with the official Peppol XSLT',
  () => {
    let cases: OracleCase[] = [];
    let oracle: Map<string, OracleResult>;

    beforeAll(async () => {
      fs.mkdirSync(path.dirname(XSLT), { recursive: true });
      fs.writeFileSync(XSLT, (await readSource()).peppol.ubl);
      const documents = peppolCases();
      const examples = documents.filter((c) => c.name.startsWith('examples/'));
      cases = [...documents, ...mutants(examples, MUTANTS_PER_EXAMPLE)];
      oracle = runOracle(cases, () => XSLT);
    }, 300_000);

    it('covers the Peppol examples and unit tests of the corpus', () => {
      expect(cases.filter((c) => c.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(9);
      expect(cases.filter((c) => c.expects.length > 0).length).toBeGreaterThanOrEqual(100);
    });

    it('reports the same fatal rules as the official XSLT on every document', () => {
      expect(fatalDisagreements(cases, oracle, ours)).toEqual([]);
    });

    it('meets every expectation the unit tests state', () => {
      expect(unmetExpectations(cases, ours)).toEqual([]);
    });
  },
);
