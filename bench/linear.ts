/**
 * Is the work after parsing linear in the input? Builds one real invoice (the Factur-X library's
 * UBL fixture, akretion/factur-x) with 625, 1,250, 2,500, 5,000 and 9,999 lines (the platform's
 * maximum), and for each, in a fresh process, times parsing and checking (XSD + EN 16931) and reads
 * the process's peak memory. Each doubling should roughly double the time; the peak memory of the
 * 9,999-line invoice is what one worker needs for the largest invoice it accepts.
 * Usage: npx tsx bench/linear.ts   (reported, not asserted: the machine is shared)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseInvoice } from '../invoice/parse';
import { checkInvoiceFile } from '../invoice/check';

const CORPUS = path.resolve(
  process.env.FACTURFLOW_CORPUS ?? path.join(__dirname, '..', '..', 'shared', 'corpus'),
);
const SOURCE = path.join(CORPUS, 'akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml');
const SIZES = [625, 1250, 2500, 5000, 9999];

interface Measure {
  lines: number;
  bytes: number;
  parseMs: number;
  checkMs: number;
  findings: number;
  peakRssMb: number;
}

/** The fixture with its first line repeated `lines` times, numbered 1…n. */
function invoiceWith(lines: number): Buffer {
  const xml = fs.readFileSync(SOURCE, 'utf8');
  const open = xml.indexOf('<cac:InvoiceLine>');
  const close = xml.indexOf('</cac:InvoiceLine>', open) + '</cac:InvoiceLine>'.length;
  const last = xml.lastIndexOf('</cac:InvoiceLine>') + '</cac:InvoiceLine>'.length;
  const line = xml.slice(open, close);
  const body = Array.from({ length: lines }, (_, i) =>
    line.replace(/<cbc:ID>[^<]*<\/cbc:ID>/, `<cbc:ID>${i + 1}</cbc:ID>`),
  ).join('\n');
  return Buffer.from(xml.slice(0, open) + body + xml.slice(last));
}

async function measureOne(lines: number): Promise<Measure> {
  const bytes = invoiceWith(lines);
  const t0 = process.hrtime.bigint();
  parseInvoice(bytes);
  const t1 = process.hrtime.bigint();
  const result = await checkInvoiceFile(bytes, { rules: 'en16931' });
  const t2 = process.hrtime.bigint();
  return {
    lines,
    bytes: bytes.length,
    parseMs: Number(t1 - t0) / 1e6,
    checkMs: Number(t2 - t1) / 1e6,
    findings: result.findings.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function main(): void {
  const rows: Measure[] = SIZES.map((lines) => {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--one', String(lines)], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').pop()!) as Measure;
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
}

const one = process.argv.indexOf('--one');
if (one > 0) void measureOne(Number(process.argv[one + 1])).then((m) => console.log(JSON.stringify(m)));
else main();
