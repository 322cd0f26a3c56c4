/**
 * What a worker process needs for the largest invoice it accepts, measured on the worker itself: the
 * platform is started as `npm start` starts it (compiled JavaScript, dev server, migrations, one worker
 * and one API process, SQLite), a supplier signed in deposits a consistent UBL invoice of 9,996 lines
 * (the Factur-X library's fixture, akretion/factur-x, its two lines repeated with totals to match)
 * through the API, and the worker's resident memory is sampled from /proc until the invoice reaches its
 * final status. Prints the worker's memory idle and at its peak (the kernel's high-water mark), the API
 * process's, the final status and the time taken.
 * Usage: npm run bench:memory [-- --lines 9996 --repeat 1]   (`--repeat 3`: three large invoices one
 * after the other, the peak over all three; `--smoke`: 100 lines, to prove it runs; Linux only)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createDb } from '../platform/db';
import { freePort } from '../test/support/ports';
import { registerStructure } from '../test/support/parties';
import { seedUser } from '../test/support/people';
import { BASELINE, CORPUS, fmt, printFigures, printTable, smoke } from './report';

const SOURCE = path.join(CORPUS, 'akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml');
const MEMORY_AIM_MB = 400;
const ROOT = path.join(__dirname, '..');

const lineCount = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 4 || n % 4 || n > 9999)
    throw new InvalidArgumentError('a multiple of 4, from 4 to 9,996');
  return n;
};
const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new InvalidArgumentError('a whole number, from 1 to 20');
  return n;
};
const opts = new Command('bench:memory')
  .option('--lines <n>', 'invoice lines (a multiple of 4)', lineCount, smoke ? 100 : 9996)
  .option('--smoke', 'a small invoice, to check the benchmark runs')
  .option('--repeat <n>', 'large invoices deposited one after the other', positive, 1)
  .parse()
  .opts<{ lines: number; repeat: number }>();

/**
 * The fixture with its two lines (135.00 at 5.5 %, 138.00 at 20 %) repeated `lines / 2` times each and
 * the VAT breakdown and totals written to match, so the invoice is accepted and goes the whole way.
 * The document-level allowances and charge cancel out (−3.00 −2.50 +5.50 at 20 %). An even number of
 * pairs keeps 7.425 × pairs a two-decimal amount.
 */
export function consistentInvoice(lines: number, source = SOURCE): Buffer {
  const pairs = lines / 2;
  if (!Number.isInteger(pairs) || pairs % 2) throw new Error('lines must be a multiple of 4');
  const xml = fs.readFileSync(source, 'utf8');
  const first = xml.indexOf('<cac:InvoiceLine>');
  const end = xml.lastIndexOf('</cac:InvoiceLine>') + '</cac:InvoiceLine>'.length;
  const [one, two] = xml.slice(first, end).split(/(?=<cac:InvoiceLine>)/);
  const numbered = (line: string, id: number) =>
    line.replace(/<cbc:ID>[^<]*<\/cbc:ID>/, `<cbc:ID>${id}</cbc:ID>`);
  const body = Array.from(
    { length: pairs },
    (_, i) => numbered(one, 2 * i + 1) + numbered(two, 2 * i + 2),
  ).join('');
  const cents = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
  const [low, standard] = [135 * pairs, 138 * pairs];
  const [lowVat, standardVat] = [7.425 * pairs, 27.6 * pairs];
  const net = low + standard;
  const amounts: [string, string, string][] = [
    ['TaxAmount', '35.03', cents(lowVat + standardVat)],
    ['TaxableAmount', '138.00', cents(standard)],
    ['TaxAmount', '27.6', cents(standardVat)],
    ['TaxableAmount', '135.00', cents(low)],
    ['TaxAmount', '7.43', cents(lowVat)],
    ['LineExtensionAmount', '273.00', cents(net)],
    ['TaxExclusiveAmount', '273.00', cents(net)],
    ['TaxInclusiveAmount', '308.03', cents(net + lowVat + standardVat)],
    ['PayableAmount', '208.03', cents(net + lowVat + standardVat - 100)],
  ];
  let head = xml.slice(0, first);
  let from = head.indexOf('<cac:TaxTotal>');
  for (const [element, before, after] of amounts) {
    const tag = `<cbc:${element} currencyID="EUR">${before}</cbc:${element}>`;
    const at = head.indexOf(tag, from);
    if (at < 0) throw new Error(`the fixture changed: ${tag} not found`);
    head = head.slice(0, at) + tag.replace(`>${before}<`, `>${after}<`) + head.slice(at + tag.length);
    from = at;
  }
  return Buffer.from(head + body + xml.slice(end));
}

/** A process's resident memory, now (VmRSS) or at its highest so far (VmHWM), in MB. */
function residentMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
}

/** The same invoice under another number (BT-1), so the platform files it as a new one. */
function renumbered(invoice: Buffer, number: string): Buffer {
  return Buffer.from(
    invoice.toString('utf8').replace(/<cbc:ID>F124212<\/cbc:ID>/, `<cbc:ID>${number}</cbc:ID>`),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deposits `body` as the signed-in supplier; answers the final status, its reasons and the time. */
async function deposit(api: string, token: string, body: Buffer) {
  const started = Date.now();
  const res = await fetch(`${api}/api/v1/invoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
    body,
  });
  const answer = (await res.json()) as { id?: string };
  if (res.status !== 202 || !answer.id)
    throw new Error(`deposit answered ${res.status}: ${JSON.stringify(answer)}`);
  let status = 'DEPOSEE';
  let reasons: unknown;
  for (const deadline = Date.now() + 600_000; ['DEPOSEE', 'EN_COURS_ACHEMINEMENT'].includes(status);) {
    if (Date.now() > deadline) throw new Error(`still ${status} after 600 s`);
    await sleep(250);
    const read = await fetch(`${api}/api/v1/invoices/${answer.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const invoice = (await read.json()) as { status: string; history?: { reasons?: unknown }[] };
    status = invoice.status;
    reasons = invoice.history?.at(-1)?.reasons;
  }
  return { status, reasons, seconds: (Date.now() - started) / 1000 };
}

async function main() {
  if (!fs.existsSync(SOURCE)) throw new Error(`fixture not found: ${SOURCE} (set FACTURFLOW_CORPUS)`);
  if (!fs.existsSync('/proc/self/status')) throw new Error('bench:memory reads /proc: Linux only');
  const invoice = consistentInvoice(opts.lines);
  const [port, devPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-memory-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PORT: String(port),
    TEMPORAL_DEV_SERVER_PORT: String(devPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_ADDRESS: '',
  };
  let output = '';
  const stack = spawn(process.execPath, [path.join(ROOT, 'bin', 'run.js'), 'start'], { cwd: ROOT, env });
  stack.stdout!.on('data', (c) => (output += c));
  stack.stderr!.on('data', (c) => (output += c));
  const stopped = new Promise((resolve) => stack.once('exit', resolve));
  try {
    // The worker polls once started, migrated and connected; both roles' start lines come before.
    for (const deadline = Date.now() + 180_000; !output.includes('worker polling');) {
      if (Date.now() > deadline || stack.exitCode !== null)
        throw new Error(`the platform did not start:\n${output}`);
      await sleep(200);
    }
    const pidOf = (role: string) =>
      JSON.parse(output.split('\n').find((l) => l.includes(`"${role} process started"`))!).pid as number;
    const [worker, apiPid] = [pidOf('worker'), pidOf('api')];
    const api = `http://127.0.0.1:${port}`;
    const db = createDb({ client: 'better-sqlite3', filename: path.join(dataDir, 'facturflow.db') });
    const token = await seedUser(db, 'memory-supplier');
    await registerStructure(db, { identifier: '999999998', members: [{ userId: 'memory-supplier' }] });
    await registerStructure(db, { identifier: '787878784', services: [{ code: '120943' }] });
    await db.destroy();
    await sleep(3000);
    const idle = { worker: residentMb(worker, 'VmRSS'), api: residentMb(apiPid, 'VmRSS') };

    // A small invoice first, so what every deposit loads once (the workflows' code in their thread, a
    // document thread's schemas) is in the idle figure, not in the large invoice's.
    const warmUp = await deposit(api, token, renumbered(consistentInvoice(4), 'WARM-UP-1'));
    await sleep(3000);
    const warm = { worker: residentMb(worker, 'VmRSS'), api: residentMb(apiPid, 'VmRSS') };
    // Each under a number of its own, so the platform files it as a new invoice.
    let outcome = await deposit(api, token, invoice);
    for (let i = 2; i <= opts.repeat && outcome.status === 'MISE_A_DISPOSITION'; i++)
      outcome = await deposit(api, token, renumbered(invoice, `LARGE-${i}`));
    const { status, reasons, seconds } = outcome;
    // What follows the status (notifications, the workflow's last steps) counts too.
    await sleep(3000);
    const peak = { worker: residentMb(worker, 'VmHWM'), api: residentMb(apiPid, 'VmHWM') };

    console.log(
      `A ${opts.lines}-line invoice (${fmt(invoice.length / 1048576, 1)} MB of UBL) deposited through the API` +
        `${opts.repeat > 1 ? `, ${opts.repeat} times (the last one)` : ''}: ` +
        `${status} after ${fmt(seconds, 1)} s${smoke ? ' (smoke run: figures are not comparable)' : ''}`,
    );
    if (status !== 'MISE_A_DISPOSITION') console.log(`reasons: ${JSON.stringify(reasons)}`);
    printTable(
      [
        'process',
        'started MB',
        'after one invoice MB',
        'peak MB',
        'started today MB',
        'peak today MB',
        'aim',
      ],
      [
        [
          'worker',
          fmt(idle.worker),
          fmt(warm.worker),
          fmt(peak.worker),
          String(BASELINE.workerStartedMb),
          String(BASELINE.workerPeakMb),
          `< ${MEMORY_AIM_MB} MB`,
        ],
        ['api', fmt(idle.api), fmt(warm.api), fmt(peak.api), '', '', ''],
      ],
    );
    printFigures('memory', {
      lines: opts.lines,
      repeat: opts.repeat,
      bytes: invoice.length,
      status,
      seconds,
      warmUp: warmUp.status,
      idle,
      warm,
      peak,
      today: { workerPeakMb: BASELINE.workerPeakMb, workerStartedMb: BASELINE.workerStartedMb },
    });
  } finally {
    stack.kill('SIGINT');
    const timer = setTimeout(() => stack.kill('SIGKILL'), 15_000);
    await stopped;
    clearTimeout(timer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
