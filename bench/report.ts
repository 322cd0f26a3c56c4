import os from 'node:os';
import path from 'node:path';

/**
 * What every benchmark shares: the smoke switch (a run of seconds that CI makes on every change, so a
 * benchmark that no longer runs is noticed), the table printer, and the final JSON line that lets one
 * run's figures be compared with the next.
 */
export const smoke = process.argv.includes('--smoke') || /^(1|true)$/i.test(process.env.BENCH_SMOKE ?? '');

export const CORPUS = path.resolve(
  process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus'),
);

/** The figures issue 18 measured before this work ("today"), printed next to each new one. */
export const BASELINE = {
  ublMsPerInvoice: 3.1,
  ciiMsPerInvoice: 2.4,
  facturXMsPerInvoice: 3.3,
  xsltSpeedup: '5–6.5×',
  checkPerSecond: '130–154',
  facturXGenerationMs: 85,
  eInvoiceEuGenerationMs: 169,
  cliOneFileSeconds: 1.8,
  saxonOneShotSeconds: 3.8,
  cliCorpusFirst200Seconds: 19,
  flowPerSecond: 2,
  pipelinePerSecond: 11.2,
  pipelineRatioToBare: 0.76,
  /** bench:memory on the code before it (4f652fe), two runs: started 446–460 MB, peak 699–709 MB. */
  workerPeakMb: 704,
  workerStartedMb: 453,
} as const;

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

/** Rounds figures for the JSON line: enough digits to compare runs, not the float noise. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(4)) : null;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** The last line a benchmark prints: one JSON object, machine-readable, with what was measured where. */
export function printFigures(bench: string, figures: Record<string, unknown>): void {
  const line = {
    bench,
    smoke,
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    ...(rounded(figures) as Record<string, unknown>),
  };
  console.log(JSON.stringify(line));
}

/** Silences Temporal's bundler and worker chatter; errors still show. */
export const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error: (m: string) => console.error(m),
};
