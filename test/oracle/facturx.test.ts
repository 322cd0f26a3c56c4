import fs from 'node:fs';
import type { FacturXProfile } from '../../invoice/cii/profile';
import { extractFacturX } from '../../invoice/facturx';
import { validateFacturXProfile } from '../../invoice/validate';
import { decodeXmlBytes, parseXml } from '../../invoice/xml';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import type { OracleCase } from './cases';
import { mutants } from './mutants';
import { runOracle, type OracleResult } from './oracle';

/**
 * Our Factur-X profile validation against the official Factur-X 1.09.2 XSLT of the profile (Saxon-HE)
 * on every MINIMUM, BASIC WL and EXTENDED document of the corpus (CII files and the XML inside the PDFs, found
 * through EXPECTED.tsv) and on edited variants of them (an element removed, duplicated, or its value
 * changed). The sets of fatal rule ids must be identical. The XSLT reports unused elements and
 * attributes without an id; we report them as FX-NOT-ALLOWED, and its flag-less rules are errors.
 */
const MUTANTS_PER_DOCUMENT = 80;
const XSLT_DIR = 'ZUGFeRD/mustangproject/validator/src/main/resources/xslt/ZF_250';
const XSLT_FILE: Partial<Record<FacturXProfile, string>> = {
  MINIMUM: 'FACTUR-X_MINIMUM.xslt',
  'BASIC WL': 'FACTUR-X_BASIC-WL.xslt',
  EXTENDED: 'FACTUR-X_EXTENDED.xslt',
};

/** By EXPECTED.tsv's guideline column (`factur-x.xml:urn:…:minimum`); ZUGFeRD 1.0 EXTENDED is another syntax. */
const GUIDELINE_PROFILES: [RegExp, FacturXProfile][] = [
  [/:minimum$/, 'MINIMUM'],
  [/:basicwl$/, 'BASIC WL'],
  [/#conformant#urn:(factur-x\.eu|zugferd\.de):[12]p0:extended$/, 'EXTENDED'],
];

interface ProfileCase extends OracleCase {
  profile: FacturXProfile;
}

/** The corpus documents of the profiles above. */
async function profileCases(): Promise<ProfileCase[]> {
  const out: ProfileCase[] = [];
  for (const line of fs.readFileSync(corpusPath('EXPECTED.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.startsWith('path\t')) continue;
    const [file, format, guideline] = line.split('\t');
    const profile = GUIDELINE_PROFILES.find(([pattern]) => pattern.test(guideline ?? ''))?.[1];
    if (!profile) continue;
    const bytes = fs.readFileSync(corpusPath(file));
    const xml = format === 'pdf' ? (await extractFacturX(bytes)).xml : bytes;
    out.push({ name: file, syntax: 'cii', xml: decodeXmlBytes(xml), expects: [], profile });
  }
  return out;
}

const NOT_ALLOWED = 'FX-NOT-ALLOWED';

/** Fatal ids the XSLT fired: id-less reports are our FX-NOT-ALLOWED, flag-less rules are fatal. */
function officialFatal(result: { fired: { rule: string; flag: string }[] }): string[] {
  const fired = result.fired.filter((f) => f.flag === 'fatal' || f.flag === '?');
  return [...new Set(fired.map((f) => (f.rule === '?' ? NOT_ALLOWED : f.rule)))].sort();
}

function ourFatal(c: ProfileCase): string[] {
  const findings = validateFacturXProfile(parseXml(c.xml), c.profile);
  return [...new Set(findings.filter((f) => f.severity === 'fatal').map((f) => f.rule))].sort();
}

describeWithCorpus(
  'Factur-X MINIMUM, BASIC WL and EXTENDED validation agrees with the official 1.09.2 XSLT',
  () => {
    let documents: ProfileCase[] = [];
    let variants: ProfileCase[] = [];
    let oracle: Map<string, OracleResult>;

    beforeAll(async () => {
      documents = await profileCases();
      variants = documents.flatMap((d) =>
        mutants([d], MUTANTS_PER_DOCUMENT).map((v) => ({ ...v, profile: d.profile })),
      );
      const all = [...documents, ...variants];
      const profileOf = new Map(all.map((c) => [c.name, c.profile]));
      oracle = runOracle(all, (c) => corpusPath(XSLT_DIR, XSLT_FILE[profileOf.get(c.name)!]!));
    }, 180_000);

    it('covers every MINIMUM, BASIC WL and EXTENDED document of the corpus', () => {
      expect(documents.filter((d) => d.profile === 'MINIMUM').length).toBeGreaterThanOrEqual(3);
      expect(documents.filter((d) => d.profile === 'BASIC WL').length).toBeGreaterThanOrEqual(4);
      expect(documents.filter((d) => d.profile === 'EXTENDED').length).toBeGreaterThanOrEqual(5);
      expect(variants.length).toBeGreaterThanOrEqual(300);
    });

    it('reports the same fatal rules on every document and every variant', () => {
      const disagreements: string[] = [];
      for (const c of [...documents, ...variants]) {
        const official = oracle.get(c.name);
        if (!official) throw new Error(`no oracle result for ${c.name}`);
        const ours = ourFatal(c);
        if ('error' in official) {
          // Saxon stops on a dynamic error: the official verdict is "invalid".
          if (ours.length === 0) disagreements.push(`${c.name}: official XSLT failed, we found nothing`);
          continue;
        }
        const theirs = officialFatal(official);
        if (ours.join(' ') !== theirs.join(' '))
          disagreements.push(
            `${c.name} (${c.profile}): ours [${ours.join(' ')}] official [${theirs.join(' ')}]`,
          );
      }
      expect(disagreements).toEqual([]);
    });

    it('flags what the official XSLT flags on the corpus documents', () => {
      const verdicts = documents.map((d) => `${d.name}: ${ourFatal(d).join(' ') || 'PASS'}`);
      expect(verdicts.filter((v) => v.endsWith('PASS')).length).toBeGreaterThanOrEqual(3);
      expect(verdicts.some((v) => v.includes(NOT_ALLOWED))).toBe(true);
    });
  },
);
