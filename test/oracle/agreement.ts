import fs from 'node:fs';
import path from 'node:path';
import { corpusFiles } from '../support/corpus';
import { testSetCases, type OracleCase } from './cases';
import type { OracleResult } from './oracle';

/** One rule fired on a document, by our validator or by the official XSLT. */
export interface Fired {
  rule: string;
  flag: string;
}

/** The distinct ids of the fatal rules fired, sorted. */
export const fatalIds = (fired: Fired[]) =>
  [...new Set(fired.filter((f) => f.flag === 'fatal').map((f) => f.rule))].sort();

/**
 * Every case of a folder of unit tests (`unit-UBL-*` or `unit-CII-*` under `root`), one per test of a
 * test set, named `<folder>/<file>#<n>`.
 */
export function unitTestCases(root: string, syntax: 'ubl' | 'cii'): OracleCase[] {
  const folder = new RegExp(`/unit-${syntax.toUpperCase()}-[^/]+/`);
  const cases: OracleCase[] = [];
  for (const file of corpusFiles(root, /\.xml$/i).filter((f) => folder.test(f))) {
    const name = `${path.basename(path.dirname(file))}/${path.basename(file)}`;
    testSetCases(fs.readFileSync(file, 'utf8')).forEach((c, i) =>
      cases.push({ ...c, syntax, name: `${name}#${i + 1}` }),
    );
  }
  return cases;
}

/** The documents where our fatal rules differ from the official XSLT's, one line each. */
export function fatalDisagreements(
  cases: OracleCase[],
  oracle: Map<string, OracleResult>,
  ours: (c: OracleCase) => Fired[],
): string[] {
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
  return disagreements;
}

/** The unit tests' stated expectations (rule succeeds, errs or warns) our validator does not meet. */
export function unmetExpectations(cases: OracleCase[], ours: (c: OracleCase) => Fired[]): string[] {
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
  return unmet;
}
