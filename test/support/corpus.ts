import fs from 'node:fs';
import path from 'node:path';
import { describeNeeding } from './requirements';

/**
 * Third-party invoice test files live outside the project (never copied in). Tests find them through
 * FACTURFLOW_CORPUS, defaulting to ../shared/corpus. Where the corpus is absent, corpus tests report
 * themselves skipped loudly, except under CI=true, where its absence is a failure.
 */
export const corpusDir = path.resolve(
  process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', '..', 'shared', 'corpus'),
);

export const corpusAvailable = fs.existsSync(path.join(corpusDir, 'SOURCES.md'));

export function corpusPath(...parts: string[]): string {
  return path.join(corpusDir, ...parts);
}

/** describe() for tests that need the corpus; see the module comment for what happens without it. */
export function describeWithCorpus(name: string, fn: () => void): void {
  describeNeeding(
    {
      what: 'the invoice corpus',
      available: corpusAvailable,
      missing: `invoice corpus not found at ${corpusDir} (set FACTURFLOW_CORPUS)`,
    },
    name,
    fn,
  );
}

/** Every file under a corpus folder whose name matches, sorted, as absolute paths. */
export function corpusFiles(folder: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) out.push(full);
    }
  };
  walk(corpusPath(folder));
  return out.sort();
}
