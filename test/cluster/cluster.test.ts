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
import { tarGz } from '../deposits/support/flows';
import { readIdentity, s3Client } from '../../scripts/cluster/object-store';
import { CLUSTER_BUCKET, Topology } from '../../scripts/cluster/topology';
import { describeNeeding } from '../support/requirements';
import { seaweedfs } from '../support/s3';
import { serviceModeClient, type ServiceModeClient } from '../support/service-mode';

/**
 * The platform as a cluster: PostgreSQL, the Temporal services in processes of their own on PostgreSQL
 * persistence and SQL visibility, 3 workers, 2 API processes behind HAProxy, blobs in SeaweedFS's S3
 * gateway. Invoices go in through the load balancer while a worker, an API process and the history
 * service are each killed (SIGKILL) and started again; every invoice ends MISE_A_DISPOSITION exactly
 * once, in the database and in Temporal, its file in the bucket, the buyer told by one email each (a
 * real SMTP exchange), both API processes took deposits, and the custom search attributes find them.
 * The invoices arrive as they do in production, by three channels (see `channelOf`): the native API
 * one by one, Service mode's deposer/flux as an ERP sends them, and tar.gz flows.
 * CLUSTER_INVOICES sets how many (default 1,000, as CI runs it: .ci/run).
 */
const INVOICES = Number(process.env.CLUSTER_INVOICES || 1000);
const CONCURRENCY = 8;
const FINAL = 'MISE_A_DISPOSITION';
const SUPPLIER = 'supplier-cluster';
/** A member of the buyer: told of each new invoice by email ("Nouvelle facture …", on by default). */
const BUYER = 'buyer-cluster';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();
const METRICS_TOKEN = crypto.randomBytes(16).toString('hex');

const example = () =>
  fs.readFileSync(corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml'), 'utf8');

type Channel = 'api' | 'service' | 'flow';

/**
 * Of every ten invoices, seven are deposited one by one through the native API, two through Service
 * mode (`deposer/flux`, one file each: a flow of one invoice, as ERPs send them) and one in the tar.gz
 * flow of its batch (`POST /api/v1/flows`).
 */
const channelOf = (i: number): Channel => (i % 10 === 9 ? 'flow' : i % 10 >= 7 ? 'service' : 'api');

/** One request that deposited something: an invoice (API), or a flow and the invoices in it. */
interface Deposit {
  channel: Channel;
  numbers: string[];
  /** The invoice's id (API) or the flow's numeroFluxDepot. */
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
  let service: ServiceModeClient;
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
    const supplier = await registerStructure(db, {
      identifier: '123456789',
      members: [{ userId: SUPPLIER }],
    });
    service = await serviceModeClient({
      url: topology.loadBalancerUrl,
      db,
      managerToken: token,
      structureId: supplier,
      password: 'Un mot de passe du cluster 42',
    });
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
   * One request as a careful client makes it: an answer 5xx or no answer is retried with the same body
   * (the same file is the same invoice, the same flow the same flow), for up to two minutes; anything
   * else is a failure. Answers the JSON of a 200 or 202.
   */
  async function post(label: string, route: string, headers: Record<string, string>, body: string | Buffer) {
    const started = performance.now();
    const deadline = Date.now() + 120_000;
    for (let attempts = 1; ; attempts++) {
      let answer = 'no answer';
      try {
        const res = await fetch(`${topology.loadBalancerUrl}${route}`, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(60_000),
        });
        answers.set(String(res.status), (answers.get(String(res.status)) ?? 0) + 1);
        if (res.status === 200 || res.status === 202)
          return { json: await json(res), ms: performance.now() - started, attempts };
        answer = `${res.status} ${await res.text()}`;
        if (res.status < 500) throw new Error(`${label} refused: ${answer}`);
      } catch (err) {
        if ((err as Error).message.startsWith(`${label} refused`)) throw err;
        answers.set('no answer', (answers.get('no answer') ?? 0) + 1);
      }
      if (Date.now() > deadline) throw new Error(`${label} failed after ${attempts} attempts: ${answer}`);
      await new Promise((r) => setTimeout(r, Math.min(500 * attempts, 5000)));
    }
  }

  /** What a Service-mode call sends besides its body: the application's token and the technical account. */
  const serviceHeaders = () => ({
    'content-type': 'application/json;charset=utf-8',
    authorization: `Bearer ${service.token}`,
    'cpro-account': service.account,
  });

  /** One batch: its API and Service-mode invoices CONCURRENCY at a time, alongside its flow. */
  async function depositAll(batch: { number: string; channel: Channel }[], template: string) {
    const xml = (n: string) => template.replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${n}</cbc:ID>`);
    const out: Deposit[] = [];
    const single = batch.filter((b) => b.channel !== 'flow');
    const inFlow = batch.filter((b) => b.channel === 'flow').map((b) => b.number);
    const one = async ({ number, channel }: { number: string; channel: Channel }) => {
      if (channel === 'api') {
        const r = await post(
          `deposit ${number}`,
          '/api/v1/invoices',
          { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
          xml(number),
        );
        return { channel, numbers: [number], id: r.json.id as string, ms: r.ms, attempts: r.attempts };
      }
      const r = await post(
        `deposer/flux ${number}`,
        '/cpro/factures/v1/deposer/flux',
        serviceHeaders(),
        JSON.stringify({
          fichierFlux: Buffer.from(xml(number)).toString('base64'),
          nomFichier: `${number}.xml`,
          syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
          avecSignature: false,
        }),
      );
      expect(r.json).toMatchObject({ codeRetour: 0, numeroFluxDepot: expect.any(String) });
      return {
        channel,
        numbers: [number],
        id: r.json.numeroFluxDepot as string,
        ms: r.ms,
        attempts: r.attempts,
      };
    };
    const flow = async () => {
      if (inFlow.length === 0) return;
      const archive = await tarGz(inFlow.map((n) => ({ name: `factures/${n}.xml`, xml: xml(n) })));
      const r = await post(
        `flow ${inFlow[0]}`,
        '/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE',
        { 'content-type': 'application/gzip', authorization: `Bearer ${token}` },
        archive,
      );
      out.push({
        channel: 'flow',
        numbers: inFlow,
        id: r.json.numeroFluxDepot,
        ms: r.ms,
        attempts: r.attempts,
      });
    };
    const queue = [...single];
    await Promise.all([
      flow(),
      ...Array.from({ length: CONCURRENCY }, async () => {
        for (let b = queue.shift(); b; b = queue.shift()) out.push(await one(b));
      }),
    ]);
    return out;
  }

  /** Every flow, Service mode's and the native API's, integrated whole once settled. */
  async function expectFlowsIntegrated(deposits: Deposit[]): Promise<void> {
    const stateOf = async (d: Deposit) => {
      if (d.channel === 'flow')
        return json(
          await fetch(`${topology.loadBalancerUrl}/api/v1/flows/${d.id}`, {
            headers: { authorization: `Bearer ${token}` },
          }),
        );
      const cr = await post(
        `consulterCRDetaille ${d.id}`,
        '/cpro/transverses/v1/consulterCRDetaille',
        serviceHeaders(),
        JSON.stringify({ numeroFluxDepot: d.id }),
      );
      return cr.json;
    };
    const deadline = Date.now() + 120_000;
    for (const d of deposits.filter((x) => x.channel !== 'api')) {
      let state = await stateOf(d);
      while (['IN_RECU', 'IN_EN_COURS_TRAITEMENT'].includes(state.etatCourantFlux) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        state = await stateOf(d);
      }
      expect([d.id, state.etatCourantFlux, state.nombreFacturesIntegrees]).toEqual([
        d.id,
        'IN_INTEGRE',
        d.numbers.length,
      ]);
    }
  }

  it(`takes ${INVOICES} invoices to ${FINAL} exactly once while a worker, an API process and history crash`, async () => {
    const template = example();
    const run = Date.now().toString(36).toUpperCase();
    const numbers = Array.from(
      { length: INVOICES },
      (_, i) => `CLU-${run}-${String(i + 1).padStart(5, '0')}`,
    );
    const quarter = Math.ceil(INVOICES / 4);
    const batch = (i: number) =>
      numbers.map((number, k) => ({ number, channel: channelOf(k) })).slice(i * quarter, (i + 1) * quarter);
    const started = Date.now();
    const deposits: Deposit[] = [];

    // Each crash happens while deposits are in flight, and the process comes back while they go on.
    deposits.push(...(await depositAll(batch(0), template)));
    topology.kill('worker-2');
    deposits.push(...(await depositAll(batch(1), template)));
    await topology.restart('worker-2');
    // What api-1 accepted while both processes were up (its count starts again at its restart).
    const beforeItsKill = await acceptedBy(topology.apiUrl('api-1'));
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
    // The deposits' answers, before the checks below ask the flows' state through the same client.
    const depositAnswers = [...answers].map(([k, v]) => `${k}: ${v}`).join(', ');

    // Every invoice reaches its final status: ten minutes, or one second an invoice for large runs.
    const waitMs = Math.max(600_000, INVOICES * 1000);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const [{ n }] = await db('invoices')
        .where({ status: FINAL })
        .whereIn('number', numbers)
        .count({ n: '*' });
      if (Number(n) === INVOICES) break;
      if (Date.now() > deadline)
        throw new Error(`${n} of ${INVOICES} invoices ${FINAL} after ${waitMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const finished = Date.now();

    await expectFlowsIntegrated(deposits);

    // Exactly once in the database: one row per number, one history step per status; an invoice
    // deposited through the API is the row its answer named.
    const rows = await db('invoices')
      .whereIn('number', numbers)
      .select('id', 'number', 'status', 'deposited_at', 'status_at');
    expect(rows.map((r) => r.number).sort()).toEqual([...numbers].sort());
    const ids = rows.map((r) => r.id).sort();
    expect(new Set(ids).size).toBe(INVOICES);
    const rowOf = new Map(rows.map((r) => [r.number, r.id]));
    for (const d of deposits.filter((x) => x.channel === 'api'))
      expect([d.numbers[0], d.id]).toEqual([d.numbers[0], rowOf.get(d.numbers[0])]);
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

    // The load balancer spread deposits over both API processes: api-1 before it was killed (after its
    // restart it may get none, depending on when HAProxy sees it back), api-2 over the whole run.
    const taken = await Promise.all(topology.apiNames.map((name) => acceptedBy(topology.apiUrl(name))));
    process.stdout.write(
      `cluster: deposits accepted per API process ${taken.join(', ')} (api-1 before its kill: ${beforeItsKill})\n`,
    );
    expect(beforeItsKill).toBeGreaterThan(0);
    expect(taken[topology.apiNames.indexOf('api-2')]).toBeGreaterThan(0);

    report(deposits, rows, depositAnswers, { started, deposited, finished });
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
    depositAnswers: string,
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
        `  channels        ${(['api', 'service', 'flow'] as const)
          .map((c) => {
            const of = deposits.filter((d) => d.channel === c);
            return `${c} ${of.reduce((n, d) => n + d.numbers.length, 0)} invoices in ${of.length} requests`;
          })
          .join(', ')}`,
        `  throughput      ${(INVOICES / seconds).toFixed(2)} invoices/s to ${FINAL} (${seconds.toFixed(1)} s, deposits done in ${((t.deposited - t.started) / 1000).toFixed(1)} s)`,
        `  deposit answer  p50 ${p(answer, 0.5).toFixed(0)} ms, p95 ${p(answer, 0.95).toFixed(0)} ms (retries included)`,
        `  deposit → ${FINAL}  p50 ${p(endToEnd, 0.5)} ms, p95 ${p(endToEnd, 0.95)} ms`,
        `  answers         ${depositAnswers}; retried deposits ${deposits.filter((d) => d.attempts > 1).length}`,
        '',
      ].join('\n'),
    );
  }
});
