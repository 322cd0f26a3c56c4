import { validateEn16931 } from '../../invoice/validate';
import { describeWithCorpus } from '../support/corpus';
import { officialCases, type OracleCase } from './cases';
import { mutants } from './mutants';
import { runOracle, type OracleResult } from './oracle';

/**
 * Our EN 16931 validator against the official compiled Schematron (Saxon-HE) on every official
 * example and every per-rule test case of the corpus. The set of fatal rule ids must be identical;
 * warnings are compared and summarised, and each testSet's own success/error/warning expectations
 * must hold for our validator too. Edited variants of the examples (an element removed, duplicated,
 * or its value changed) extend the comparison to full documents and to rules the test cases miss.
 */
/** Edited variants per official example (about 1,700 in all: Saxon needs ~15 s for them uncached). */
const MUTANTS_PER_EXAMPLE = 60;

function ids(flag: string, list: { rule: string; flag: string }[]): string[] {
  return [...new Set(list.filter((f) => f.flag === flag).map((f) => f.rule))].sort();
}

const fatalIds = (list: { rule: string; flag: string }[]) => ids('fatal', list);

describeWithCorpus('EN 16931 validation agrees with the official 1.3.16 XSLT', () => {
  const cases = officialCases();
  const examples = cases.filter((c) => c.expects.length === 0);
  const variants = mutants(examples, MUTANTS_PER_EXAMPLE);
  let oracle: Map<string, OracleResult>;
  const warningDisagreements: string[] = [];

  beforeAll(() => {
    oracle = runOracle([...cases, ...variants]);
  }, 180_000);

  afterAll(() => {
    const summary = warningDisagreements.length
      ? warningDisagreements.join('\n')
      : `none over ${cases.length} documents`;
    console.log(`EN 16931 warning disagreements with the official XSLT: ${summary}`);
  });

  it.each(examples.map((e) => [e.name]))('variants of %s', (example) => {
    const disagreements: string[] = [];
    for (const v of variants.filter((m) => m.name.startsWith(`${example}~`))) {
      const official = oracle.get(v.name);
      if (!official) throw new Error(`no oracle result for ${v.name}`);
      const ourFatal = fatalIds(validateEn16931(v.xml).map((f) => ({ rule: f.rule, flag: f.severity })));
      if ('error' in official) {
        // Saxon stops on a dynamic error (e.g. xs:decimal('')): the official verdict is "invalid".
        if (ourFatal.length === 0) disagreements.push(`${v.name}: official XSLT failed, we found nothing`);
        continue;
      }
      const theirFatal = fatalIds(official.fired);
      if (ourFatal.join(' ') !== theirFatal.join(' ')) {
        disagreements.push(`${v.name}: ours [${ourFatal.join(' ')}] official [${theirFatal.join(' ')}]`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('covers every official example and per-rule test case', () => {
    expect(cases.filter((c) => c.expects.length === 0).length).toBeGreaterThanOrEqual(34);
    expect(cases.filter((c) => c.expects.length > 0).length).toBeGreaterThanOrEqual(546);
  });

  it.each(cases.map((c) => [c.name, c] as [string, OracleCase]))('%s', (_name, c) => {
    const official = oracle.get(c.name);
    if (!official || 'error' in official)
      throw new Error(`oracle failed on ${c.name}: ${JSON.stringify(official)}`);
    const ours = validateEn16931(c.xml);
    const mine = ours.map((f) => ({ rule: f.rule, flag: f.severity }));

    expect(ids('fatal', mine)).toEqual(ids('fatal', official.fired));

    const ourWarnings = ids('warning', mine).join(' ');
    const theirWarnings = ids('warning', official.fired).join(' ');
    if (ourWarnings !== theirWarnings) {
      warningDisagreements.push(`${c.name}: ours [${ourWarnings}] official [${theirWarnings}]`);
    }

    for (const e of c.expects) {
      const fired = mine.filter((f) => f.rule === e.rule).map((f) => f.flag);
      if (e.outcome === 'success') expect({ rule: e.rule, fired }).toEqual({ rule: e.rule, fired: [] });
      else
        expect({ rule: e.rule, fired: fired.includes(e.outcome === 'error' ? 'fatal' : 'warning') }).toEqual({
          rule: e.rule,
          fired: true,
        });
    }
    if (c.expects.length === 0) expect(ours).toEqual([]);
  });
});
