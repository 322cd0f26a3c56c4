import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { createDb, type Db } from '../../platform/db';
import { corpusAvailable, corpusPath } from '../support/corpus';
import { registerStructure } from '../support/parties';
import { startSmtpServer, type TestSmtp } from '../support/mail';
import { seedUser } from '../support/people';
import { tempDir } from '../support/stores';
import { readIdentity, s3Client } from '../../scripts/cluster/object-store';
import { CLUSTER_BUCKET, Topology } from '../../scripts/cluster/topology';
import { describeNeeding } from '../support/requirements';
import { seaweedfs } from '../support/s3';

/**
 * The platform as a cluster: PostgreSQL, the Temporal services in processes of their own on PostgreSQL
 * persistence and SQL visibility, 3 workers, 2 API processes behind HAProxy, blobs in SeaweedFS's S3
 * gateway. Invoices go in through the load balancer while a worker, an API process and the history
 * service are each killed (SIGKILL) and started again; every invoice ends MISE_A_DISPOSITION exactly
 * once, in the database and in Temporal, its file in the bucket, the buyer told by one email each (a
 * real SMTP exchange), both API processes took deposits, and the custom search attributes find them.
 * CLUSTER_INVOICES sets how many (default 50).
 */
const INVOICES = Number(process.env.CLUSTER_INVOICES || 50);
const CONCURRENCY = 8;
const FINAL = 'MISE_A_DISPOSITION';
const SUPPLIER = 'supplier-cluster';
/** A member of the buyer: told of each new invoice by email ("Nouvelle facture …", on by default). */
const BUYER = 'buyer-cluster';
const METRICS_TOKEN = crypto.randomBytes(16).toString('hex');

const example = () =>
  fs.readFileSync(corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml'), 'utf8');

interface Deposit {
  number: string;
  id: string;
  ms: number;
  attempts: number;
}

const needs = {
  what: 'the corpus and SeaweedFS',
  available: corpusAvailable && seaweedfs.available,
  missing: corpusAvailable ? seaweedfs.missing : 'needs the corpus (FACTURFLOW_CORPUS) and SeaweedFS',
};

describeNeeding(needs, 'the platform as a cluster, with crashes', () => {
  let topology: Topology;
  let dir: string;
  let db: Db;
  let token: string;
  let client: Client;
  let smtp: TestSmtp;
  const answers = new Map<string, number>();
  let passed = false;

  beforeAll(async () => {
    dir = tempDir('cluster');
    const started = Date.now();
    smtp = await startSmtpServer();
    topology = await Topology.start({
      dir,
      workers: 3,
      apis: 2,
      port: 0,
      durable: false,
      objectStore: true,
      roleEnv: { LOG_LEVEL: 'warn', METRICS_TOKEN, SMTP_URL: (smtp.config.smtp as { url: string }).url },
      progress: (e) => e.phase === 'done' && process.stdout.write(`cluster: ${e.step} ${e.ms} ms\n`),
    });
    process.stdout.write(`cluster: up in ${Date.now() - started} ms\n`);
    db = createDb({ client: 'pg', url: topology.databaseUrl });
    token = await seedUser(db, SUPPLIER);
    await registerStructure(db, { identifier: '123456789', members: [{ userId: SUPPLIER }] });
    await seedUser(db, BUYER);
    await registerStructure(db, { identifier: '987654321', members: [{ userId: BUYER }] });
    client = new Client({
      connection: await Connection.connect({ address: topology.temporalAddress }),
      namespace: topology.namespace,
    });
  }, 900_000);

  afterAll(async () => {
    await client?.connection.close();
    await db?.destroy();
    await topology?.stop();
    await smtp?.stop();
    // Kept when the test failed: its logs say why.
    if (dir && passed) fs.rmSync(dir, { recursive: true, force: true });
    else if (dir) process.stdout.write(`cluster: logs kept in ${dir}/logs\n`);
  }, 120_000);

  /**
   * One deposit as a careful client makes it: an answer 5xx or no answer is retried with the same file
   * (the same file is the same invoice), for up to two minutes; anything else is a failure.
   */
  async function deposit(number: string, body: string): Promise<Deposit> {
    const started = performance.now();
    const deadline = Date.now() + 120_000;
    for (let attempts = 1; ; attempts++) {
      let answer = 'no answer';
      try {
        const res = await fetch(`${topology.loadBalancerUrl}/api/v1/invoices`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        answers.set(String(res.status), (answers.get(String(res.status)) ?? 0) + 1);
        if (res.status === 200 || res.status === 202) {
          const { id } = (await res.json()) as { id: string };
          return { number, id, ms: performance.now() - started, attempts };
        }
        answer = `${res.status} ${await res.text()}`;
        if (res.status < 500) throw new Error(`deposit ${number} refused: ${answer}`);
      } catch (err) {
        if ((err as Error).message.startsWith(`deposit ${number} refused`)) throw err;
        answers.set('no answer', (answers.get('no answer') ?? 0) + 1);
      }
      if (Date.now() > deadline)
        throw new Error(`deposit ${number} failed after ${attempts} attempts: ${answer}`);
      await new Promise((r) => setTimeout(r, Math.min(500 * attempts, 5000)));
    }
  }

  async function depositAll(numbers: string[], template: string): Promise<Deposit[]> {
    const out: Deposit[] = [];
    const queue = [...numbers];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = queue.shift(); n; n = queue.shift())
          out.push(await deposit(n, template.replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${n}</cbc:ID>`)));
      }),
    );
    return out;
  }

  it(`takes ${INVOICES} invoices to ${FINAL} exactly once while a worker, an API process and history crash`, async () => {
    const template = example();
    const run = Date.now().toString(36).toUpperCase();
    const numbers = Array.from(
      { length: INVOICES },
      (_, i) => `CLU-${run}-${String(i + 1).padStart(5, '0')}`,
    );
    const quarter = Math.ceil(INVOICES / 4);
    const batch = (i: number) => numbers.slice(i * quarter, (i + 1) * quarter);
    const started = Date.now();
    const deposits: Deposit[] = [];

    // Each crash happens while deposits are in flight, and the process comes back while they go on.
    deposits.push(...(await depositAll(batch(0), template)));
    topology.kill('worker-2');
    deposits.push(...(await depositAll(batch(1), template)));
    await topology.restart('worker-2');
    topology.kill('api-1');
    deposits.push(...(await depositAll(batch(2), template)));
    await topology.restart('api-1');
    topology.kill('temporal-history');
    const historyBack = new Promise((r) => setTimeout(r, 3000)).then(() =>
      topology.restart('temporal-history'),
    );
    deposits.push(...(await depositAll(batch(3), template)));
    await historyBack;
    const deposited = Date.now();

    // Every invoice reaches its final status.
    const deadline = Date.now() + 600_000;
    for (;;) {
      const [{ n }] = await db('invoices')
        .where({ status: FINAL })
        .whereIn('number', numbers)
        .count({ n: '*' });
      if (Number(n) === INVOICES) break;
      if (Date.now() > deadline) throw new Error(`${n} of ${INVOICES} invoices ${FINAL} after 10 minutes`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const finished = Date.now();

    // Exactly once in the database: one row per number, one history step per status.
    const ids = deposits.map((d) => d.id).sort();
    expect(new Set(ids).size).toBe(INVOICES);
    const rows = await db('invoices')
      .whereIn('number', numbers)
      .select('id', 'number', 'status', 'deposited_at', 'status_at');
    expect(rows.map((r) => r.id).sort()).toEqual(ids);
    const steps = await db('invoice_status_history')
      .whereIn('invoice_id', ids)
      .orderBy(['invoice_id', 'seq']);
    const byInvoice = new Map<string, string[]>();
    for (const s of steps) byInvoice.set(s.invoice_id, [...(byInvoice.get(s.invoice_id) ?? []), s.status]);
    for (const id of ids)
      expect([id, byInvoice.get(id)]).toEqual([id, ['DEPOSEE', 'EN_COURS_ACHEMINEMENT', FINAL]]);

    // Exactly once in Temporal: one run per invoice, its deposit registered once.
    const runs: string[] = [];
    for await (const w of client.workflow.list({ query: 'WorkflowType = "invoiceLifecycle"' }))
      runs.push(w.workflowId);
    expect(runs.sort()).toEqual(ids);
    const { EventType } = temporal.api.enums.v1;
    for (const id of ids) {
      const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
      const registered = events.filter(
        (e) =>
          e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
          e.activityTaskScheduledEventAttributes?.activityType?.name === 'registerDeposit',
      );
      expect([id, registered.length]).toEqual([id, 1]);
    }

    // The custom search attributes, on the cluster's SQL visibility store, find them.
    const query = `InvoiceStatus = "${FINAL}" AND SupplierSiret = "123456789"`;
    const visDeadline = Date.now() + 60_000;
    let found = 0;
    while ((found = (await client.workflow.count(query)).count) < INVOICES && Date.now() < visDeadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(found).toBe(INVOICES);
    const one = numbers[INVOICES - 1];
    const byNumber: string[] = [];
    for await (const w of client.workflow.list({ query: `InvoiceNumber = "${one}"` }))
      byNumber.push(w.workflowId);
    expect(byNumber).toEqual([rows.find((r) => r.number === one)!.id]);

    // Every file is in the bucket the processes share, none in a data directory.
    const files = new Set<string>();
    const s3 = s3Client(topology.objectStoreUrl!, readIdentity(path.join(dir, 'seaweedfs', 's3.json')));
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: CLUSTER_BUCKET, ContinuationToken }));
      for (const o of page.Contents ?? []) files.add(path.basename(o.Key!));
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);
    s3.destroy();
    const depositedFiles = await db('invoices').whereIn('id', ids).pluck('blob_sha256');
    expect(depositedFiles.filter((sha: string) => !files.has(sha))).toEqual([]);
    expect(fs.existsSync(path.join(topology.dataDir, 'blobs'))).toBe(false);

    // Exactly one email per invoice to the buyer's member, over a real SMTP exchange, whatever crashed.
    const mailDeadline = Date.now() + 120_000;
    while (smtp.received(`${BUYER}@`).length < INVOICES && Date.now() < mailDeadline)
      await new Promise((r) => setTimeout(r, 500));
    await new Promise((r) => setTimeout(r, 2000)); // a duplicate would come right after
    const told = smtp.received(`${BUYER}@`).map((m) => /CLU-[\w-]+/.exec(m.subject ?? '')?.[0]);
    expect(told.sort()).toEqual([...numbers].sort());

    // Both API processes took deposits (api-1 counts from its restart on).
    const taken = await Promise.all(topology.apiNames.map((name) => acceptedBy(topology.apiUrl(name))));
    process.stdout.write(`cluster: deposits accepted per API process ${taken.join(', ')}\n`);
    for (const n of taken) expect(n).toBeGreaterThan(0);

    report(deposits, rows, { started, deposited, finished });
    passed = true;
  }, 1_800_000);

  /** The API deposits a process accepted since it started, from its own /metrics. */
  async function acceptedBy(api: string): Promise<number> {
    const res = await fetch(`${api}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    return [...text.matchAll(/^facturflow_deposits_total\{([^}]*)\} (\d+)/gm)]
      .filter(([, labels]) => labels.includes('outcome="accepted"'))
      .reduce((sum, [, , n]) => sum + Number(n), 0);
  }

  function report(
    deposits: Deposit[],
    rows: { deposited_at: string | Date; status_at: string | Date }[],
    t: { started: number; deposited: number; finished: number },
  ): void {
    const p = (values: number[], q: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    };
    const answer = deposits.map((d) => d.ms);
    const endToEnd = rows.map((r) => new Date(r.status_at).getTime() - new Date(r.deposited_at).getTime());
    const seconds = (t.finished - t.started) / 1000;
    process.stdout.write(
      [
        `cluster run: ${INVOICES} invoices, 2 API processes, 3 workers, concurrency ${CONCURRENCY}`,
        `  throughput      ${(INVOICES / seconds).toFixed(2)} invoices/s to ${FINAL} (${seconds.toFixed(1)} s, deposits done in ${((t.deposited - t.started) / 1000).toFixed(1)} s)`,
        `  deposit answer  p50 ${p(answer, 0.5).toFixed(0)} ms, p95 ${p(answer, 0.95).toFixed(0)} ms (retries included)`,
        `  deposit → ${FINAL}  p50 ${p(endToEnd, 0.5)} ms, p95 ${p(endToEnd, 0.95)} ms`,
        `  answers         ${[...answers].map(([k, v]) => `${k}: ${v}`).join(', ')}; retried deposits ${deposits.filter((d) => d.attempts > 1).length}`,
        '',
      ].join('\n'),
    );
  }
});
