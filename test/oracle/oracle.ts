import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jarPath, PINNED, SAXON_JAR } from '../../scripts/rules-source';
import { corpusAvailable, corpusPath } from '../support/corpus';
import type { OracleCase, Syntax } from './cases';

/** What the official XSLT reported for one document: fired rule ids with their flag, or a Saxon error. */
export type OracleResult = { fired: { rule: string; flag: string }[] } | { error: string };

// Per machine, like the Go builds: a result is a function of the stylesheet, the driver, Saxon and the
// document, all four in its key, so a clean clone on the same machine reuses what an earlier run computed.
const CACHE_DIR = path.join(
  process.env.FACTURFLOW_CACHE_DIR || path.join(os.homedir(), '.cache', 'facturflow'),
  'oracle-results',
);
const DRIVER_SOURCE = path.join(__dirname, 'OracleDriver.java');

/** What the Peppol oracle suites need: the corpus, Saxon-HE and both pinned Peppol artefacts. */
export const PEPPOL_ORACLE = {
  what: 'the corpus, Saxon-HE and the pinned Peppol artefacts',
  available:
    corpusAvailable &&
    fs.existsSync(SAXON_JAR) &&
    fs.existsSync(jarPath(PINNED.peppol.maven)) &&
    fs.existsSync(jarPath(PINNED.peppolCii.maven)),
  missing: `needs the corpus, ${SAXON_JAR}, ${jarPath(PINNED.peppol.maven)} and ${jarPath(PINNED.peppolCii.maven)} (npm run rules:fetch)`,
};

export const officialXslt: Record<Syntax, string> = {
  ubl: corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/xslt/EN16931-UBL-validation.xslt'),
  cii: corpusPath('ConnectingEurope/eInvoicing-EN16931/cii/xslt/EN16931-CII-validation.xslt'),
};

/**
 * Runs an official compiled Schematron over every case (by default the EN 16931 XSLT of its syntax),
 * one JVM per stylesheet for the cases not yet cached. Results are cached per machine (CACHE_DIR) by a
 * hash of XSLT + driver + Saxon + input bytes, so only changed inputs ever reach Saxon again.
 */
export function runOracle(
  cases: OracleCase[],
  xsltOf: (c: OracleCase) => string = (c) => officialXslt[c.syntax],
): Map<string, OracleResult> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const results = new Map<string, OracleResult>();
  const hashes = new Map<string, string>();
  const missing = new Map<string, { key: string; c: OracleCase }[]>();
  for (const c of cases) {
    const xslt = xsltOf(c);
    let xsltHash = hashes.get(xslt);
    if (!xsltHash) {
      xsltHash = sha256(fs.readFileSync(xslt), ...tools());
      hashes.set(xslt, xsltHash);
    }
    const key = sha256(Buffer.from(xsltHash), Buffer.from(c.xml));
    const cached = path.join(CACHE_DIR, `${key}.json`);
    if (fs.existsSync(cached))
      results.set(c.name, JSON.parse(fs.readFileSync(cached, 'utf8')) as OracleResult);
    else missing.set(xslt, [...(missing.get(xslt) ?? []), { key, c }]);
  }
  if (missing.size === 0) return results;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-oracle-'));
  try {
    const bin = path.join(work, 'bin');
    execFileSync('javac', ['-cp', SAXON_JAR, '-d', bin, DRIVER_SOURCE], { stdio: 'pipe' });
    [...missing].forEach(([xslt, todo], i) => {
      const inputs = path.join(work, `inputs-${i}`);
      fs.mkdirSync(inputs);
      for (const { key, c } of todo) fs.writeFileSync(path.join(inputs, `${key}.xml`), c.xml);
      const tsv = path.join(work, `results-${i}.tsv`);
      // Saxon also prints dynamic errors on stderr; the TSV carries them, so stderr is captured and dropped.
      execFileSync(
        'java',
        ['-cp', `${bin}${path.delimiter}${SAXON_JAR}`, 'OracleDriver', xslt, inputs, tsv],
        {
          stdio: 'pipe',
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      const byKey = new Map<string, OracleResult>();
      for (const line of fs.readFileSync(tsv, 'utf8').split('\n')) {
        if (!line) continue;
        const [file, out] = line.split('\t');
        byKey.set(file.replace(/\.xml$/, ''), parseDriverOutput(out));
      }
      for (const { key, c } of todo) {
        const result = byKey.get(key) ?? { error: 'no oracle output' };
        fs.writeFileSync(path.join(CACHE_DIR, `${key}.json`), JSON.stringify(result));
        results.set(c.name, result);
      }
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return results;
}

let toolBytes: Buffer[] | undefined;

/** The driver's source and Saxon's jar, read once per process: part of every verdict's key. */
function tools(): Buffer[] {
  return (toolBytes ??= [fs.readFileSync(DRIVER_SOURCE), fs.readFileSync(SAXON_JAR)]);
}

function parseDriverOutput(out: string): OracleResult {
  if (out.startsWith('ERROR ')) return { error: out.slice(6) };
  if (!out) return { fired: [] };
  return {
    fired: out.split(',').map((pair) => {
      const i = pair.lastIndexOf(':');
      return { rule: pair.slice(0, i), flag: pair.slice(i + 1) };
    }),
  };
}

function sha256(...parts: Buffer[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}
