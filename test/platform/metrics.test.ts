import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createDb } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { generateFlow, registerRecipient, registerSupplier, tarGz } from '../deposits/support/flows';
import { waitForFlow } from '../deposits/support/wait';
import { ORDINARY_UBL } from '../security/hostile';
import { freePort } from '../support/ports';
import type { ChildProcess } from 'node:child_process';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startDevServer } from '../support/temporal';
import { tempDir } from '../support/stores';
import {
  sharedDatabase,
  startApi,
  startWorkerProcess,
  stopProcess,
  type SharedDatabase,
} from '../support/processes';
import { listen } from '../../api/listen';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';

/** One sample of the Prometheus text (0 when the series is absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const present = (m[3] ?? '').split(',');
    if (wanted.every((w) => present.includes(w))) return Number(m[4]);
  }
  return 0;
}

describeWithCorpus('operations: /metrics and /health on a real server', () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await startTestPlatform({ app: { metricsToken: METRICS_TOKEN } });
    token = await seedUser(p.db, 'sender');
    await registerSupplier(p.db, 'sender');
    await registerRecipient(p.db);
  }, 120_000);
  afterAll(() => p?.stop());

  const metrics = async () => {
    const res = await fetch(`${p.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  it('counts a real deposit by channel and outcome, and times its checks', async () => {
    const before = await metrics();
    const invoice = fs
      .readFileSync(corpusPath(ORDINARY_UBL), 'utf8')
      .replace('<cbc:ID>TOSL108</cbc:ID>', '<cbc:ID>METRICS-1</cbc:ID>');
    const deposit = () =>
      fetch(`${p.url}/api/v1/invoices?modeDepot=UPLOAD_API`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: invoice,
      });
    const res = await deposit();
    expect(res.status).toBe(202);
    // The same file again: a duplicate deposit, counted apart.
    expect((await deposit()).status).toBe(200);
    // An empty body: refused.
    const refused = await fetch(`${p.url}/api/v1/invoices?modeDepot=UPLOAD_API`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: '',
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await waitForStatus(p.url, (await json(res)).id, ['MISE_A_DISPOSITION'], 60_000, token);

    const after = await metrics();
    const count = (text: string, outcome: string) =>
      sample(text, 'facturflow_deposits_total', { channel: 'UPLOAD_API', outcome });
    expect(count(after, 'accepted') - count(before, 'accepted')).toBe(1);
    expect(count(after, 'duplicate') - count(before, 'duplicate')).toBe(1);
    expect(count(after, 'refused') - count(before, 'refused')).toBe(1);
    const checks = (text: string) =>
      sample(text, 'facturflow_deposit_check_seconds_count', { channel: 'UPLOAD_API' });
    expect(checks(after) - checks(before)).toBe(3);
    expect(sample(after, 'facturflow_deposit_check_seconds_sum', { channel: 'UPLOAD_API' })).toBeGreaterThan(
      0,
    );
    // The dev server reports task queue stats: the platform's queue has a backlog series (0 once drained).
    expect(after).toMatch(/^facturflow_task_queue_backlog\{queue="api-test",kind="workflow"\} \d+$/m);
    expect(after).toMatch(/^facturflow_api_process_resident_memory_bytes \d+/m);
    // Nothing secret: neither the token, nor a caller's, nor the database's address.
    expect(after).not.toContain(METRICS_TOKEN);
    expect(after).not.toContain(token);
    if (process.env.DATABASE_URL) expect(after).not.toContain(process.env.DATABASE_URL);
  }, 90_000);

  it('answers /metrics only to the bearer of METRICS_TOKEN', async () => {
    const anonymous = await fetch(`${p.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect((await json(anonymous)).error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { field: 'headers.authorization' },
    });
    // A session's bearer token is not the metrics token.
    const session = await fetch(`${p.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(session.status).toBe(401);
  });

  it('reports each dependency with its latency', async () => {
    const res = await fetch(`${p.url}/health`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.status).toBe('ok');
    for (const name of ['database', 'temporal', 'blobs'])
      expect(body.checks[name]).toEqual({ status: 'up', required: true, latencyMs: expect.any(Number) });
    expect(body.checks.mail).toBeUndefined();
  });

  /** The platform's app on its own port, with some of its dependencies swapped for unreachable ones. */
  async function serve(overrides: Parameters<typeof createApp>[0] extends infer D ? Partial<D> : never) {
    const app = createApp({
      db: p.db,
      client: p.env.client,
      blobs: p.blobs,
      logger: createLogger('silent'),
      taskQueue: 'api-test',
      maxUploadBytes: 1024 * 1024,
      publicUrl: 'http://portal.test',
      ...overrides,
    });
    const server: Server = await listen(app, 0, '127.0.0.1');
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('answers 503 naming Temporal when its address answers nothing', async () => {
    const nobody = await freePort();
    // Without the retry interceptor, so no retry outlives the connection when the test closes it.
    const connection = Connection.lazy({ address: `127.0.0.1:${nobody}`, interceptors: [] });
    const s = await serve({ client: new Client({ connection }) });
    try {
      const res = await fetch(`${s.url}/health`);
      expect(res.status).toBe(503);
      const body = await json(res);
      expect(body.status).toBe('degraded');
      expect(body.checks.temporal).toMatchObject({
        status: 'down',
        required: true,
        error: expect.any(String),
      });
      expect(body.checks.database.status).toBe('up');
    } finally {
      await s.close();
      await connection.close().catch(() => undefined);
    }
  }, 30_000);

  it('reports a failing SMTP server down without taking the API out (emails wait and retry)', async () => {
    const s = await serve({ health: { mail: () => Promise.reject(new Error('connect ECONNREFUSED')) } });
    try {
      const res = await fetch(`${s.url}/health`);
      expect(res.status).toBe(200);
      expect((await json(res)).checks.mail).toMatchObject({ status: 'down', required: false });
    } finally {
      await s.close();
    }
  });

  it('answers 503 naming the database when it is stopped, without its credentials', async () => {
    // A PostgreSQL address where no server listens (the database stopped), with a password in it
    // that must not come out.
    const nobody = await freePort();
    const db = createDb({ client: 'pg', url: `postgres://facturflow:s3cret-pw@127.0.0.1:${nobody}/gone` });
    const s = await serve({ db });
    try {
      const res = await fetch(`${s.url}/health`);
      expect(res.status).toBe(503);
      const body = await json(res);
      expect(body.checks.database).toMatchObject({ status: 'down', required: true });
      expect(body.checks.temporal.status).toBe('up');
      expect(JSON.stringify(body)).not.toContain('s3cret-pw');
    } finally {
      await s.close();
      await db.destroy();
    }
  }, 30_000);
});

/**
 * The platform's processes as deployed (bin/api.ts, bin/worker.ts with WORKER_METRICS_PORT): after a
 * deposit, the API's /metrics counts it and the worker's exporter shows the validation it timed, the
 * deposit-to-final-status time, and the Temporal SDK's own worker metrics.
 */
describeWithCorpus('worker metrics from the Temporal SDK exporter', () => {
  let temporal: TestWorkflowEnvironment;
  let shared: SharedDatabase;
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: ChildProcess;
  let workerMetrics: string;
  let token: string;

  beforeAll(async () => {
    [temporal, shared] = await Promise.all([startDevServer(), sharedDatabase()]);
    const port = await freePort();
    workerMetrics = `http://127.0.0.1:${port}/metrics`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: shared.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace ?? 'default',
      TEMPORAL_TASK_QUEUE: 'worker-metrics-test',
      DATA_DIR: tempDir('worker-metrics'),
      LOG_LEVEL: 'warn',
      METRICS_TOKEN,
      WORKER_METRICS_PORT: String(port),
    };
    [api, worker] = await Promise.all([startApi(env), startWorkerProcess(env)]);
    token = await seedUser(shared.db, 'sender');
    await registerSupplier(shared.db, 'sender');
    await registerRecipient(shared.db);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([stopProcess(api?.child), stopProcess(worker)]);
    await shared?.drop();
    await temporal?.teardown();
  });

  it('exports validation time and the SDK worker metrics after a deposit', async () => {
    const invoice = fs
      .readFileSync(corpusPath(ORDINARY_UBL), 'utf8')
      .replace('<cbc:ID>TOSL108</cbc:ID>', '<cbc:ID>WORKER-METRICS-1</cbc:ID>');
    const res = await fetch(`${api.url}/api/v1/invoices?modeDepot=UPLOAD_API`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: invoice,
    });
    expect(res.status).toBe(202);
    await waitForStatus(api.url, (await json(res)).id, ['MISE_A_DISPOSITION'], 90_000, token);

    const apiMetrics = await (
      await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(
      sample(apiMetrics, 'facturflow_deposits_total', { channel: 'UPLOAD_API', outcome: 'accepted' }),
    ).toBe(1);

    const text = await (await fetch(workerMetrics)).text();
    const validations = sample(text, 'facturflow_validation_seconds_count');
    expect(validations).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'facturflow_validation_seconds_sum')).toBeGreaterThan(0);
    // Tagged by the SDK with the activity and task queue it ran on.
    expect(text).toMatch(
      /^facturflow_validation_seconds_count\{activityType="checkInvoice",.*taskQueue="worker-metrics-test"\} 1$/m,
    );
    // The SDK's own: task slots, and the time workflow tasks took.
    expect(text).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(text).toMatch(/^temporal_workflow_task_execution_latency_bucket\{/m);
    expect(text).not.toContain(METRICS_TOKEN);
  }, 150_000);

  it('exports the deposits the worker read for a flow, which the API never saw', async () => {
    // Two invoices: one filed, one without a number (refused as its file is read).
    const flow = generateFlow('METRICS', 2, 2);
    expect(flow.unidentifiable).toHaveLength(1);
    const res = await fetch(`${api.url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      body: await tarGz(flow.files),
    });
    expect(res.status).toBe(202);
    const settled = await waitForFlow(api.url, token, (await json(res)).numeroFluxDepot, 90_000);
    expect(settled).toMatchObject({ etatCourantFlux: 'IN_INTEGRE_PARTIEL', nombreFacturesIntegrees: 1 });

    // Read in the worker's activities: counted and timed there, on its exporter, by channel.
    const text = await (await fetch(workerMetrics)).text();
    const edi = (name: string) =>
      [...text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm'))]
        .filter(([, labels]) => labels.includes('channel="EDI"'))
        .map(([, labels, value]) => ({ labels, value: Number(value) }));
    expect(edi('facturflow_deposit_check_seconds_count').reduce((n, s) => n + s.value, 0)).toBe(2);
    expect(edi('facturflow_deposits_total')).toEqual([
      { labels: expect.stringContaining('outcome="refused"'), value: 1 },
    ]);
    expect(edi('facturflow_deposits_total')[0].labels).toContain('activityType="prepareFlowInvoice"');
  }, 150_000);
});
