/**
 * `facturflow validate` as a user runs it: a whole process from a cold start, on one file and on the
 * corpus, wall-clock. Three ways side by side in one run: the compiled CLI (dist/, what
 * bin/facturflow.js runs once built), the TypeScript source through tsx (how it started before),
 * and the official EN 16931 XSLT under Saxon-HE, one shot (JVM start included), on the one file.
 * Usage: npm run bench:cli [-- --runs 5] [-- --smoke]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASELINE, CORPUS, fmt, printFigures, printTable, smoke } from './report';

const ROOT = path.join(__dirname, '..');
const runsArg = process.argv.indexOf('--runs');
/** Runs of each one-file case; the median is reported. */
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : smoke ? 1 : 5;
const SMOKE_CORPUS_FILES = 20;
const SAXON_JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
const ONE_FILE = path.join(CORPUS, 'ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml');
const UBL_XSLT = path.join(
  CORPUS,
  'ConnectingEurope/eInvoicing-EN16931/ubl/xslt/EN16931-UBL-validation.xslt',
);

/** The corpus's invoice documents: every .xml and .pdf outside the official artefacts' folders. */
function corpusDocuments(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!/^(xslt|schematron|xsd|schema|schemas|\.git)$/i.test(entry.name)) walk(file);
      } else if (/\.(xml|pdf)$/i.test(entry.name)) files.push(file);
    }
  };
  walk(CORPUS);
  return files.sort();
}

/** Wall seconds of one process; exit codes 0–2 are answers (valid, invalid, unreadable), others crashes. */
function wall(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64e6 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.error || run.status === null || run.status > 2)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … failed (${run.status}): ${run.stderr}`);
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const repeat = (n: number, fn: () => number) => median(Array.from({ length: n }, fn));

/**
 * Where a one-file run's time goes, each phase alone in a fresh process of the compiled CLI: node's own
 * start, loading the CLI's modules, compiling the EN 16931 UBL rules, starting the XSD worker and
 * compiling the UBL schema in it, and the file's check once all that is done. The worker's part runs
 * beside the rules since the first file's schema is compiled ahead (cli/validate.ts).
 */
const PHASES_SCRIPT = `
const t0 = performance.now();
const dist = process.argv[1];
const { checkInvoiceFile } = require(dist + '/invoice/check');
const { prepareEn16931 } = require(dist + '/invoice/validate');
const { compiledXsdSchemas, prepareXsd, closeXsdEngines } = require(dist + '/invoice/xsd');
const t1 = performance.now();
(async () => {
  prepareXsd(['ubl-invoice']);
  await compiledXsdSchemas();
  const t2 = performance.now();
  prepareEn16931('ubl');
  const t3 = performance.now();
  await checkInvoiceFile(require('fs').readFileSync(process.argv[2]), { rules: 'all' });
  const t4 = performance.now();
  console.log(JSON.stringify({ modules: t1 - t0, xsdWorker: t2 - t1, rules: t3 - t2, check: t4 - t3 }));
  await closeXsdEngines();
})();`;

function phases(dist: string): Record<string, number> {
  const bare = repeat(RUNS, () => wall(process.execPath, ['-e', '0']));
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(process.execPath, ['-e', PHASES_SCRIPT, dist, ONE_FILE], { encoding: 'utf8' });
    if (run.status !== 0) {
      // A smoke run takes dist/ as it is, which may predate the functions the script calls.
      console.log(`Phases not measured (dist/ not current?): ${run.stderr.trim().split('\n')[0]}`);
      return {};
    }
    runs.push(JSON.parse(run.stdout) as Record<string, number>);
  }
  const out: Record<string, number> = { nodeStart: bare * 1000 };
  for (const key of Object.keys(runs[0])) out[key] = median(runs.map((r) => r[key]));
  return out;
}

function main(): void {
  const compiled = path.join(ROOT, 'dist', 'cli', 'main.js');
  // A smoke run takes dist/ as it is (building takes a minute); a full run builds it when stale.
  const built =
    smoke ||
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--if-stale'], { stdio: 'inherit' })
      .status === 0;
  const haveCompiled = built && fs.existsSync(compiled);
  if (!haveCompiled) console.log('No current build in dist/ (see above): the compiled rows stay empty.');
  const node = process.execPath;
  const viaTsx = ['--import', 'tsx', path.join(ROOT, 'cli', 'main.ts'), 'validate'];
  const viaDist = [compiled, 'validate'];

  const docs = corpusDocuments();
  const batch = smoke ? docs.slice(0, SMOKE_CORPUS_FILES) : docs;
  console.log(
    `facturflow validate, whole process, median of ${RUNS} run(s); ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}${smoke ? ' (smoke run: figures are not comparable)' : ''}`,
  );
  const oneTsx = repeat(RUNS, () => wall(node, [...viaTsx, ONE_FILE]));
  const oneDist = haveCompiled ? repeat(RUNS, () => wall(node, [...viaDist, ONE_FILE])) : NaN;
  const saxon = fs.existsSync(SAXON_JAR)
    ? repeat(RUNS, () =>
        wall('java', [
          '-cp',
          SAXON_JAR,
          'net.sf.saxon.Transform',
          `-s:${ONE_FILE}`,
          `-xsl:${UBL_XSLT}`,
          '-o:/dev/null',
        ]),
      )
    : NaN;
  const corpusTsx = wall(node, [...viaTsx, ...batch]);
  const corpusDist = haveCompiled ? wall(node, [...viaDist, ...batch]) : NaN;

  printTable(
    ['case', 'today s', 'tsx s', 'compiled s', 'Saxon s', 'compiled files/s', 'aim'],
    [
      [
        'one file',
        fmt(BASELINE.cliOneFileSeconds, 1),
        fmt(oneTsx, 2),
        fmt(oneDist, 2),
        fmt(saxon, 2),
        fmt(1 / oneDist, 1),
        '≤ 0.3 s',
      ],
      [
        `corpus, ${batch.length} files`,
        `${BASELINE.cliCorpusFirst200Seconds} (200 files)`,
        fmt(corpusTsx, 2),
        fmt(corpusDist, 2),
        '',
        fmt(batch.length / corpusDist),
        '≥ 300/s',
      ],
    ],
  );
  const phaseMs = haveCompiled ? phases(path.join(ROOT, 'dist')) : {};
  if (phaseMs.modules !== undefined) {
    console.log('\nOne file, compiled, by phase (ms, each measured alone, median):');
    printTable(
      ['node start', 'load modules', 'XSD worker + UBL schema', 'EN 16931 UBL rules', 'check once ready'],
      [
        [phaseMs.nodeStart, phaseMs.modules, phaseMs.xsdWorker, phaseMs.rules, phaseMs.check].map((v) =>
          fmt(v),
        ),
      ],
    );
  }
  console.log(
    `Saxon one shot today: ${BASELINE.saxonOneShotSeconds} s; compiled one file is ${fmt(saxon / oneDist, 1)}× faster ` +
      `than Saxon and ${fmt(oneTsx / oneDist, 1)}× faster than tsx.`,
  );
  printFigures('cli', {
    runs: RUNS,
    oneFilePhasesMs: phaseMs,
    oneFile: { tsxSeconds: oneTsx, compiledSeconds: oneDist, saxonSeconds: saxon },
    corpus: {
      files: batch.length,
      tsxSeconds: corpusTsx,
      compiledSeconds: corpusDist,
      compiledFilesPerSecond: batch.length / corpusDist,
    },
    today: {
      oneFileSeconds: BASELINE.cliOneFileSeconds,
      saxonOneShotSeconds: BASELINE.saxonOneShotSeconds,
      corpusFirst200Seconds: BASELINE.cliCorpusFirst200Seconds,
    },
  });
}

try {
  main();
} catch (err) {
  console.error(`bench:cli failed: ${(err as Error).message}`);
  process.exit(1);
}
