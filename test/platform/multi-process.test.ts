import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { CSRF_HEADER, SESSION_COOKIE } from '../../api/auth';
import { MAX_FAILED_SIGN_INS } from '../../accounts/sessions';
import { scheduleIdOf } from '../../connectors/connections';
import { createCipher } from '../../connectors/credentials';
import { createRegistry } from '../../connectors/registry';
import { connectorSyncState } from '../../workflows/connector';
import { FsBlobStore } from '../../platform/blobs';
import { createLogger } from '../../platform/logger';
import { allowHosts } from '../../platform/public-host';
import { hashPassword } from '../../platform/secrets';
import { seedUser } from '../support/people';
import { json } from '../support/platform';
import { sharedDatabase, startApi, stopProcess, type SharedDatabase } from '../support/processes';
import { tempDir } from '../support/stores';
import { startDevServer, workflowBundleFile } from '../support/temporal';
import { spawnWorker } from '../support/workers';
import { startEvoliz } from '../connectors/simulators/evoliz';
import { listen } from '../../api/listen';

/**
 * Two API processes (bin/api.ts, as deployed) on one database and one Temporal dev server: what one
 * process knows of sessions, failed sign-ins and request counts, the other knows too, because it is in
 * the database. Run on SQLite (a file both processes open) and on PostgreSQL (DATABASE_URL set: a
 * database of its own). Each check would fail were the state held per process.
 */
const CREDENTIALS_PER_IP = 12;
const PASSWORD = 'correct horse battery staple';

describe('two API processes on one database', () => {
  let temporal: TestWorkflowEnvironment;
  let shared: SharedDatabase;
  let a: Awaited<ReturnType<typeof startApi>>;
  let b: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => {
    [temporal, shared] = await Promise.all([startDevServer(), sharedDatabase()]);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: shared.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace ?? 'default',
      TEMPORAL_TASK_QUEUE: 'multi-process-test',
      DATA_DIR: tempDir('multi-process-data'),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_CREDENTIALS_PER_IP: String(CREDENTIALS_PER_IP),
    };
    [a, b] = await Promise.all([startApi(env), startApi(env)]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([stopProcess(a?.child), stopProcess(b?.child)]);
    await shared?.drop();
    await temporal?.teardown();
  });

  /** A fresh rate window for each test: the requests of the previous tests do not count. */
  beforeEach(async () => {
    await shared.db('rate_windows').delete();
    // A test's requests all fall in one minute window (the limit counts per minute).
    const second = new Date().getUTCSeconds();
    if (second >= 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
  });

  async function seedSignInUser(id: string): Promise<string> {
    await seedUser(shared.db, id);
    await shared
      .db('users')
      .where({ id })
      .update({ password_hash: await hashPassword(PASSWORD) });
    return `${id}@example.org`;
  }

  const signIn = (url: string, email: string, password: string) =>
    fetch(`${url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('opens a session through A that B honours, cookie and CSRF token included', async () => {
    const email = await seedSignInUser('crossing');
    const res = await signIn(a.url, email, PASSWORD);
    expect(res.status).toBe(201);
    const { csrfToken, token } = await json(res);
    const cookie = /ff_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);

    const current = await fetch(`${b.url}/api/v1/sessions/current`, { headers: { cookie } });
    expect(current.status).toBe(200);
    expect((await json(current)).csrfToken).toBe(csrfToken);
    const viaBearer = await fetch(`${b.url}/api/v1/sessions/current`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaBearer.status).toBe(200);

    // An unsafe request through B: refused without the token A gave, accepted with it.
    const withoutCsrf = await fetch(`${b.url}/api/v1/sessions/current`, {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(withoutCsrf.status).toBe(403);
    expect((await json(withoutCsrf)).error.code).toBe('CSRF_TOKEN_INVALID');
    const signOut = await fetch(`${b.url}/api/v1/sessions/current`, {
      method: 'DELETE',
      headers: { cookie, [CSRF_HEADER]: csrfToken },
    });
    expect(signOut.status).toBe(204);
    // Signed out through B: A no longer knows the session either.
    expect((await fetch(`${a.url}/api/v1/sessions/current`, { headers: { cookie } })).status).toBe(401);
  }, 60_000);

  it('locks an account after the same number of failures, spread over A and B', async () => {
    const email = await seedSignInUser('guessed');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const res = await signIn(i % 2 === 0 ? a.url : b.url, email, 'wrong password, again');
      expect((await json(res)).error.code).toBe('INVALID_CREDENTIALS');
    }
    // Neither process saw five failures; together they did, and both refuse the right password.
    for (const api of [a, b]) {
      const res = await signIn(api.url, email, PASSWORD);
      expect((await json(res)).error.code).toBe('ACCOUNT_LOCKED');
    }
  }, 60_000);

  it('counts the per-IP credential limit over both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < CREDENTIALS_PER_IP + 4; i++) {
      const res = await signIn(i % 2 === 0 ? a.url : b.url, 'nobody@example.org', 'not a password');
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Per process, each would have let its 8 through; together, the 13th and later are refused.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(CREDENTIALS_PER_IP);
    expect(statuses.slice(CREDENTIALS_PER_IP)).toEqual([429, 429, 429, 429]);
  }, 60_000);
});

/**
 * A connection's Temporal Schedule with three worker processes polling its queue: each tick starts one
 * tick workflow, not one per worker. Short ticks (the runtime's `scheduleEvery`, for tests) on the
 * real dev server, over a few intervals.
 */
describe('connector schedules with three worker processes', () => {
  const every = 2000;
  const taskQueue = 'multi-worker-test';
  const supplierSiret = '73282932000074';
  const keys = { public_key: 'pk-multi', secret_key: 'sk-multi-0b1c' };
  let temporal: TestWorkflowEnvironment;
  let shared: SharedDatabase;
  let evoliz: Awaited<ReturnType<typeof startEvoliz>>;
  let workers: ChildProcess[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    let bundlePath: string;
    [temporal, shared, bundlePath, evoliz] = await Promise.all([
      startDevServer(),
      sharedDatabase(),
      workflowBundleFile(),
      startEvoliz({ publicKey: keys.public_key, secretKey: keys.secret_key }),
    ]);
    allowHosts(['localhost', '127.0.0.1']);
    const blobDir = tempDir('blobs');
    const secretKey = crypto.randomBytes(32).toString('hex');
    const database = shared.db.client.config;
    const workerEnv: NodeJS.ProcessEnv = {
      ...process.env,
      WORKER_TEMPORAL_ADDRESS: temporal.address,
      WORKER_NAMESPACE: temporal.namespace ?? 'default',
      WORKER_TASK_QUEUE: taskQueue,
      WORKER_BLOB_DIR: blobDir,
      WORKER_BUNDLE: bundlePath,
      WORKER_SECRET_KEY: secretKey,
      WORKER_CONNECTOR_ALLOWED_HOSTS: 'localhost,127.0.0.1',
      ...(database.client === 'pg'
        ? { WORKER_DB_URL: shared.url }
        : { WORKER_DB_FILE: database.connection.filename }),
    };
    workers = await Promise.all([1, 2, 3].map(() => spawnWorker(workerEnv)));
    const app = createApp({
      db: shared.db,
      client: temporal.client,
      blobs: new FsBlobStore(blobDir),
      logger: createLogger('silent'),
      taskQueue,
      maxUploadBytes: 1024 * 1024,
      publicUrl: 'http://portal.test',
      connectors: {
        registry: createRegistry({}),
        cipher: createCipher(Buffer.from(secretKey, 'hex')),
        syncIntervalMinutes: 15,
        scheduleEvery: `${every} milliseconds`,
      },
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await Promise.all(workers.map(stopProcess));
    await shared?.drop();
    await temporal?.teardown();
    await evoliz?.stop();
    allowHosts([]);
  });

  it('fires one tick per interval, whatever the number of workers', async () => {
    const token = await seedUser(shared.db, 'supplier-user');
    const now = new Date().toISOString();
    await shared.db('structures').insert({
      id: 'st-supplier',
      identifier_type: 'SIRET',
      identifier: supplierSiret,
      name: 'Atelier Dupré & Fils SARL',
      vat_number: 'FR44732829320',
      created_at: now,
      updated_at: now,
    });
    await shared.db('structure_members').insert({
      structure_id: 'st-supplier',
      user_id: 'supplier-user',
      role: 'PRINCIPAL',
      services: '[]',
      created_at: now,
    });
    const created = Date.now();
    const res = await fetch(`${url}/api/v1/structures/st-supplier/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ connectorId: 'evoliz', config: { baseUrl: evoliz.url }, credentials: keys }),
    });
    expect(res.status).toBe(201);
    const connectionId = (await json(res)).id as string;
    const schedule = temporal.client.schedule.getHandle(scheduleIdOf(connectionId));

    // A few intervals, then the schedule stops and its count is read.
    await new Promise((r) => setTimeout(r, 4.5 * every));
    await schedule.pause('counted');
    const elapsed = Date.now() - created;
    const { info } = await schedule.describe();
    expect(info.numActionsTaken).toBeGreaterThanOrEqual(2);
    expect(info.numActionsTaken).toBeLessThanOrEqual(Math.ceil(elapsed / every));

    // Every tick workflow Temporal ran for the connection: one per action, not one per worker.
    const ticks = async () => {
      const ids: string[] = [];
      for await (const w of temporal.client.workflow.list({ query: `WorkflowType = 'connectorTick'` }))
        if (w.workflowId.startsWith(`connector-tick/${connectionId}`)) ids.push(w.workflowId);
      return ids;
    };
    const deadline = Date.now() + 20_000;
    let seen = await ticks();
    while (seen.length < info.numActionsTaken && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      seen = await ticks();
    }
    expect(seen).toHaveLength(info.numActionsTaken);
    expect(new Set(seen).size).toBe(seen.length);
    // And only this one schedule exists for the connection.
    const schedules: string[] = [];
    for await (const s of temporal.client.schedule.list())
      if (s.scheduleId.includes(connectionId)) schedules.push(s.scheduleId);
    expect(schedules).toEqual([scheduleIdOf(connectionId)]);
    // The ticks reached the connection's sync, which ran at most once per tick (plus its first sync).
    const sync = temporal.client.workflow.getHandle(`connector/${connectionId}`);
    const { syncs } = await sync.query(connectorSyncState);
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThanOrEqual(info.numActionsTaken + 1);
    // The three workers polled all along.
    expect(workers.map((w) => w.exitCode)).toEqual([null, null, null]);
  }, 120_000);
});
