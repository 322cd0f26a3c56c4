import fs from 'node:fs';
import path from 'node:path';
import { validatePeppol } from '../../invoice/validate/peppol';
import { parseXml } from '../../invoice/xml';
import { jarPath, PINNED, readSource } from '../../scripts/rules-source';
import { corpusAvailable, corpusFiles } from '../support/corpus';
import { describeNeeding } from '../support/requirements';
import { testSetCases, type OracleCase } from './cases';
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
  for (const file of corpusFiles(PEPPOL, /\.xml$/i).filter((f) => /\/unit-UBL-[^/]+\//.test(f))) {
    const folder = path.basename(path.dirname(file));
    testSetCases(fs.readFileSync(file, 'utf8')).forEach((c, i) =>
      cases.push({ ...c, syntax: 'ubl', name: `${folder}/${path.basename(file)}#${i + 1}` }),
    );
  }
  return cases;
}

const fatalIds = (fired: { rule: string; flag: string }[]) =>
  [...new Set(fired.filter((f) => f.flag === 'fatal').map((f) => f.rule))].sort();

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
      const disagreements: string[] = [];
      for (const c of cases) {
        const official = oracle.get(c.name);
        if (!official) throw new Error(`no oracle result for ${c.name}`);
        const mine = fatalIds(ours(c));
        if ('error' in official) {
          if (mine.length === 0)
            disagreements.push(`${c.name}: official XSLT failed (${official.error}), we found nothing`);
          continue;
        }
        const theirs = fatalIds(official.fired);
        if (mine.join(' ') !== theirs.join(' '))
          disagreements.push(`${c.name}: ours [${mine.join(' ')}] official [${theirs.join(' ')}]`);
      }
      expect(disagreements).toEqual([]);
    });

    it('meets every expectation the unit tests state', () => {
      const unmet: string[] = [];
      for (const c of cases) {
        const fired = ours(c);
        for (const { rule, outcome } of c.expects) {
          const flags = fired.filter((f) => f.rule === rule).map((f) => f.flag);
          const met =
            outcome === 'success'
              ? !flags.includes('fatal') && !flags.includes('warning')
              : flags.includes(outcome === 'error' ? 'fatal' : 'warning');
          if (!met) unmet.push(`${c.name}: ${outcome} ${rule}, fired [${flags.join(' ')}]`);
        }
      }
      expect(unmet).toEqual([]);
    });
  },
);
