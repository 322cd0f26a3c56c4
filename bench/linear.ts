/**
 * Is the work after parsing linear in the input, and what does the largest invoice cost in memory?
 * Builds one real invoice (the Factur-X library's UBL fixture, akretion/factur-x) with 625, 1,250,
 * 2,500, 5,000 and 9,999 lines (the platform's maximum) into files, and for each, in a fresh process
 * that reads the file, checks it (XSD + EN 16931), reads the process's peak memory, then times parsing
 * alone. Each doubling should roughly double the time; the peak memory of the 9,999-line check is what
 * one worker needs for the largest invoice it accepts (aim: below 400 MB), measured twice: in the
 * process's own thread, and through the document pool as a worker runs it.
 * Usage: npx tsx bench/linear.ts   (reported, not asserted here: resident memory depends on the machine
 * and its load; test/invoice/memory.test.ts asserts the check fits a capped heap)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseInvoice } from '../invoice/parse';
import { checkInvoiceFile } from '../invoice/check';
import { DocumentPool } from '../platform/document-pool';

const CORPUS = path.resolve(
  process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus'),
);
const SOURCE = path.join(CORPUS, 'akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml');
const SIZES = [625, 1250, 2500, 5000, 9999];
const MEMORY_AIM_MB = 400;

export interface Measure {
  lines: number;
  bytes: number;
  parseMs: number;
  checkMs: number;
  findings: number;
  /** The process's peak resident memory once the check is done (before parsing is timed). */
  peakRssMb: number;
}

/** The fixture with its first line repeated `lines` times, numbered 1…n. */
export function invoiceWith(lines: number, source = SOURCE): Buffer {
  const xml = fs.readFileSync(source, 'utf8');
  const open = xml.indexOf('<cac:InvoiceLine>');
  const close = xml.indexOf('</cac:InvoiceLine>', open) + '</cac:InvoiceLine>'.length;
  const last = xml.lastIndexOf('</cac:InvoiceLine>') + '</cac:InvoiceLine>'.length;
  const line = xml.slice(open, close);
  const body = Array.from({ length: lines }, (_, i) =>
    line.replace(/<cbc:ID>[^<]*<\/cbc:ID>/, `<cbc:ID>${i + 1}</cbc:ID>`),
  ).join('\n');
  return Buffer.from(xml.slice(0, open) + body + xml.slice(last));
}

/** One invoice file, measured as a worker meets it: bytes read, then checked. */
async function measureOne(lines: number, file: string): Promise<Measure> {
  const bytes = fs.readFileSync(file);
  const t0 = process.hrtime.bigint();
  const result = await checkInvoiceFile(bytes, { rules: 'en16931' });
  const t1 = process.hrtime.bigint();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const findings = result.findings.length;
  parseInvoice(bytes);
  const t2 = process.hrtime.bigint();
  return {
    lines,
    bytes: bytes.length,
    parseMs: Number(t2 - t1) / 1e6,
    checkMs: Number(t1 - t0) / 1e6,
    findings,
    peakRssMb,
  };
}

/**
 * The same check as a worker runs it: in a thread of the document pool (its default budgets), the
 * bytes handed over. The peak is the whole process's: this thread, the pool's and the XSD threads.
 */
async function measureInPool(lines: number, file: string): Promise<Measure> {
  const pool = new DocumentPool({ size: 1 });
  await pool.start();
  const bytes = fs.readFileSync(file);
  const size = bytes.byteLength;
  const t0 = process.hrtime.bigint();
  const result = await pool.check(bytes, { rules: 'en16931' }, { handOver: true });
  const t1 = process.hrtime.bigint();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await pool.close();
  return {
    lines,
    bytes: size,
    parseMs: 0,
    checkMs: Number(t1 - t0) / 1e6,
    findings: result.findings.length,
    peakRssMb,
  };
}

/**
 * Runs `measureOne` (`how` = '--one') or `measureInPool` ('--pool') in a fresh process, so each peak
 * is the check's own. With `heapMb`, the process's JavaScript heap is capped there
 * (`--max-old-space-size`): a check that needs more dies (this throws).
 */
export function measureInChild(lines: number, file: string, heapMb?: number, how = '--one'): Measure {
  const heap = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  const out = execFileSync(
    process.execPath,
    [...heap, '--import', 'tsx', __filename, how, String(lines), file],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-linear-'));
  try {
    const rows: Measure[] = SIZES.map((lines) => {
      const file = path.join(dir, `invoice-${lines}.xml`);
      fs.writeFileSync(file, invoiceWith(lines));
      return measureInChild(lines, file);
    });
    console.log('lines   bytes(MB)  parse ms  check ms  ratio  findings  peak RSS MB');
    rows.forEach((r, i) => {
      const ratio = i === 0 ? '' : (r.checkMs / rows[i - 1].checkMs).toFixed(2);
      console.log(
        [
          String(r.lines).padStart(5),
          (r.bytes / 1024 / 1024).toFixed(1).padStart(10),
          r.parseMs.toFixed(0).padStart(9),
          r.checkMs.toFixed(0).padStart(9),
          ratio.padStart(6),
          String(r.findings).padStart(9),
          r.peakRssMb.toFixed(0).padStart(12),
        ].join(' '),
      );
    });
    const largest = rows[rows.length - 1];
    const pooled = measureInChild(
      largest.lines,
      path.join(dir, `invoice-${largest.lines}.xml`),
      undefined,
      '--pool',
    );
    console.log(
      `peak memory checking ${largest.lines} lines: ${largest.peakRssMb.toFixed(0)} MB in the process's own thread, ` +
        `${pooled.peakRssMb.toFixed(0)} MB through the document pool as a worker runs it (aim: below ${MEMORY_AIM_MB} MB)`,
    );
    console.log(
      JSON.stringify({
        bench: 'linear',
        at: new Date().toISOString(),
        rows,
        pooled: { checkMs: pooled.checkMs, findings: pooled.findings, peakRssMb: pooled.peakRssMb },
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script (the bench, or one measure in a child), not when a test imports the helpers.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  const one = process.argv.indexOf('--one');
  const pooled = process.argv.indexOf('--pool');
  if (one > 0)
    void measureOne(Number(process.argv[one + 1]), process.argv[one + 2]).then((m) =>
      console.log(JSON.stringify(m)),
    );
  else if (pooled > 0)
    void measureInPool(Number(process.argv[pooled + 1]), process.argv[pooled + 2]).then((m) =>
      console.log(JSON.stringify(m)),
    );
  else main();
}
