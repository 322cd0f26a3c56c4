import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { createApp } from '../api/app';
import { createActivities } from '../activities';
import { createMailer } from '../platform/mail/mailer';
import { closeTestDb, testDb } from '../test/support/stores';
import { FsBlobStore } from '../platform/blobs';
import { createLogger } from '../platform/logger';
import { temporalBinaries } from '../platform/temporal';
import { searchAttributes } from '../workflows/search-attributes';
import { seedUser } from '../test/support/people';
import { registerRecipient, registerSupplier } from '../test/deposits/support/flows';
import { bareActivities } from './bare-activities';
import { BASELINE, CORPUS, printFigures, quietLogger, smoke } from './report';

/**
 * Deposits N invoices through the HTTP API and measures throughput and latency to MISE_A_DISPOSITION,
 * next to a bare workflow with the same number of activities on the same server: the ratio is what
 * the platform's own work costs on top of Temporal's. The deposits come from a signed-in supplier, as
 * a client's would: a member of the example's seller structure holding a bearer session.
 * `--smoke` (or BENCH_SMOKE=1) deposits a handful, to prove the benchmark still runs.
 */
const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
};
const opts = new Command('bench:pipeline')
  .option('--invoices <n>', 'invoices to deposit', positive, smoke ? 5 : 200)
  .option('--smoke', 'a few invoices, to check the benchmark runs')
  .option('--concurrency <c>', 'deposits in flight at once', positive, 10)
  .option('--example <file>', 'UBL invoice to deposit (numbers are made unique)', defaultExample())
  .parse()
  .opts<{ invoices: number; concurrency: number; example: string; smoke?: boolean }>();

// The invoice workflow runs these activities: registerDeposit, checkInvoice, recordStatus,
// deliverToRecipient, recordStatus.
const INVOICE_ACTIVITIES = 5;

async function main() {
  if (!fs.existsSync(opts.example)) {
    throw new Error(`example invoice not found: ${opts.example} (set FACTURFLOW_CORPUS or pass --example)`);
  }
  const template = fs.readFileSync(opts.example, 'utf8');
  if (!/<cbc:ID>[^<]*<\/cbc:ID>/.test(template))
    throw new Error(`${opts.example} is not a UBL invoice with a cbc:ID`);

  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalBinaries().cli }, searchAttributes },
  });
  const dataDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'facturflow-bench-'));
  // A fresh database each run (PostgreSQL: a schema of its own), so seeding never collides.
  const db = await testDb();
  const token = await seedUser(db, 'bench-supplier');
  await registerSupplier(db, 'bench-supplier');
  await registerRecipient(db);
  const blobs = new FsBlobStore(path.join(dataDir, 'blobs'));
  const taskQueue = 'bench';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./bare-workflow'),
      logger: quietLogger,
    }),
    activities: {
      ...createActivities({
        db,
        blobs,
        mailer: createMailer({
          db,
          mail: { from: 'bench@facturflow.localhost' },
          outboxDir: path.join(dataDir, 'outbox'),
          logger: createLogger('silent'),
        }).mailer,
      }),
      ...bareActivities,
    },
    maxConcurrentActivityTaskExecutions: 100,
  });
  const running = worker.run();
  const app = createApp({
    db,
    client: env.client,
    blobs,
    logger: createLogger('silent'),
    taskQueue,
    maxUploadBytes: 10e6,
    publicUrl: 'http://localhost',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const run = Date.now().toString(36);

  const platform = await measure('platform (HTTP deposit → MISE_A_DISPOSITION)', async (i) => {
    const body = template.replace(/<cbc:ID>[^<]*<\/cbc:ID>/, `<cbc:ID>BENCH-${run}-${i}</cbc:ID>`);
    const res = await fetch(`${api}/api/v1/invoices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body,
    });
    if (res.status !== 202) throw new Error(`deposit ${i} answered ${res.status}: ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const status = await reachedStatus(api, token, id);
    if (status !== 'MISE_A_DISPOSITION') throw new Error(`invoice ${id} ended ${status}`);
  });
  const bare = await measure(`bare workflow (${INVOICE_ACTIVITIES} no-op activities)`, async (i) => {
    await env.client.workflow.execute('bareWorkflow', {
      workflowId: `bare-${run}-${i}`,
      taskQueue,
      args: [INVOICE_ACTIVITIES],
    });
  });

  const rows = [platform, bare];
  const fmt = (n: number, d = 1) => n.toFixed(d).padStart(10);
  process.stdout.write(
    `\n${opts.invoices} invoices, concurrency ${opts.concurrency}, database ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}\n` +
      `${'run'.padEnd(48)}${'per s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}\n` +
      rows.map((r) => `${r.label.padEnd(48)}${fmt(r.perSecond)}${fmt(r.p50)}${fmt(r.p95)}`).join('\n') +
      `\nratio platform / bare: throughput ${(platform.perSecond / bare.perSecond).toFixed(2)}, ` +
      `p50 latency ${(platform.p50 / bare.p50).toFixed(2)}, p95 latency ${(platform.p95 / bare.p95).toFixed(2)}\n` +
      `today: ${BASELINE.pipelinePerSecond}/s, ${BASELINE.pipelineRatioToBare}× a bare workflow; ` +
      `aim ≥ 25/s, ≥ 0.9×, p95 ≤ 1,000 ms\n`,
  );
  printFigures('pipeline', {
    invoices: opts.invoices,
    concurrency: opts.concurrency,
    database: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
    platform,
    bare,
    ratioToBare: platform.perSecond / bare.perSecond,
    today: { perSecond: BASELINE.pipelinePerSecond, ratioToBare: BASELINE.pipelineRatioToBare },
  });

  server.close();
  worker.shutdown();
  await running;
  await closeTestDb(db);
  await env.teardown();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function measure(label: string, one: (i: number) => Promise<void>) {
  const bar = new SingleBar(
    { format: `${label.padEnd(48)} {bar} {value}/{total}`, stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(opts.invoices, 0);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency, opts.invoices) }, async () => {
      while (next < opts.invoices) {
        const i = next++;
        const t0 = performance.now();
        await one(i);
        latencies.push(performance.now() - t0);
        bar.increment();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  bar.stop();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { label, perSecond: opts.invoices / seconds, p50: pct(50), p95: pct(95) };
}

/** Settled statuses before the recipient acts: delivery, or a rejection by the platform's checks. */
const SETTLED = ['MISE_A_DISPOSITION', 'REJETEE'];
const POLL_MS = 50;

/**
 * Polls the invoice as its supplier would, until delivered or refused: the invoice workflow lives on
 * after delivery (it waits for the recipient), so its result is no signal. Latency resolution: POLL_MS.
 */
async function reachedStatus(api: string, token: string, id: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await fetch(`${api}/api/v1/invoices/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { status?: string };
    if (res.ok && body.status && SETTLED.includes(body.status)) return body.status;
    if (Date.now() > deadline)
      throw new Error(`invoice ${id} still ${body.status ?? res.status} after 120 s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function defaultExample(): string {
  return path.join(CORPUS, 'ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml');
}

main().catch((err) => {
  console.error(`bench:pipeline failed: ${err.message}`);
  process.exit(1);
});
