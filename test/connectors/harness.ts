import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { createCipher } from '../../connectors/credentials';
import { createRegistry } from '../../connectors/registry';
import type { ConnectorRuntime } from '../../connectors/runtime';
import { scheduleIdOf } from '../../connectors/connections';
import type { SyncDeps } from '../../connectors/sync';
import { FsBlobStore } from '../../platform/blobs';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { allowHosts } from '../../platform/public-host';
import { seedUser } from '../support/people';
import { json } from '../support/platform';
import { closeTestDb, countRows, tempDir, testDb } from '../support/stores';
import { startDevServer, workflowBundleFile } from '../support/temporal';
import type { Simulator } from './simulators/server';
import { spawnWorker } from '../support/workers';
import { listen } from '../../api/listen';

/** The supplier (the connection's structure) and the public buyer of every simulated ERP invoice. */
export const SUPPLIER_SIRET = '73282932000074';
export const BUYER_SIRET = '21690266800013';

export interface ConnectorPlatform {
  env: TestWorkflowEnvironment;
  db: Db;
  url: string;
  runtime: ConnectorRuntime;
  /** What the backfill command needs, pointing at this platform. */
  syncDeps: SyncDeps;
  supplier: { structureId: string; token: string };
  buyer: { structureId: string; token: string };
  /** Kills the worker process (SIGKILL: in-flight work dies with it) and waits until it is gone. */
  killWorker(): Promise<void>;
  /** Starts a worker process and waits until it polls. */
  startWorker(): Promise<void>;
  api(path: string, token?: string, method?: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

const taskQueue = 'connector-test';
/** The simulated ERPs listen on loopback, which connections may call only when an operator allows it. */
export const SIMULATOR_HOSTS = ['localhost', '127.0.0.1'];
// The example third-party package too, as FACTURFLOW_CONNECTOR_PATHS would add it.
const connectorPaths = [path.resolve(__dirname, '../../examples/facturflow-connector-example')];

/**
 * The platform with connectors: a real dev server, the database, the API in the test process, and a
 * worker with the connector activities in a child process (as in production), so a test can kill it
 * mid-page and start another. Both share the database, the blob folder and the credentials key.
 * Supplier and buyer structures are registered first, as routing needs a registered recipient.
 */
export async function startConnectorPlatform(
  opts: Pick<ConnectorRuntime, 'scheduleEvery'> = {},
): Promise<ConnectorPlatform> {
  const [env, db, bundlePath] = await Promise.all([startDevServer(), testDb(), workflowBundleFile()]);
  allowHosts(SIMULATOR_HOSTS);
  const blobDir = tempDir('blobs');
  const blobs = new FsBlobStore(blobDir);
  const secretKey = crypto.randomBytes(32).toString('hex');
  const runtime: ConnectorRuntime = {
    registry: createRegistry({ extraPaths: connectorPaths }),
    cipher: createCipher(Buffer.from(secretKey, 'hex')),
    syncIntervalMinutes: 15,
    pageHeartbeatTimeout: '4 seconds',
    scheduleEvery: opts.scheduleEvery,
  };
  const database = db.client.config;
  const workerEnv: NodeJS.ProcessEnv = {
    ...process.env,
    WORKER_TEMPORAL_ADDRESS: env.address,
    WORKER_NAMESPACE: env.namespace ?? 'default',
    WORKER_TASK_QUEUE: taskQueue,
    WORKER_BLOB_DIR: blobDir,
    WORKER_BUNDLE: bundlePath,
    WORKER_SECRET_KEY: secretKey,
    WORKER_CONNECTOR_PATHS: JSON.stringify(connectorPaths),
    WORKER_CONNECTOR_ALLOWED_HOSTS: SIMULATOR_HOSTS.join(','),
    ...(database.client === 'pg'
      ? { WORKER_DB_URL: process.env.DATABASE_URL, WORKER_DB_SCHEMA: database.searchPath }
      : { WORKER_DB_FILE: database.connection.filename }),
  };
  let worker: ChildProcess | undefined;
  const startWorker = async () => {
    worker = await spawnWorker(workerEnv);
  };
  const killWorker = async () => {
    const child = worker;
    worker = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  };
  await startWorker();

  const app = createApp({
    db,
    client: env.client,
    blobs,
    logger: createLogger('silent'),
    taskQueue,
    maxUploadBytes: 10 * 1024 * 1024,
    publicUrl: 'http://portal.test',
    connectors: runtime,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const supplierToken = await seedUser(db, 'supplier-user');
  const buyerToken = await seedUser(db, 'buyer-user');
  const supplierId = await registerStructure(
    db,
    SUPPLIER_SIRET,
    'Atelier Dupré & Fils SARL',
    'supplier-user',
    {
      public: false,
      // Standard-rated invoices must name the seller's VAT number (BR-S-02); the connector takes it from here.
      vat_number: 'FR44732829320',
    },
  );
  const buyerId = await registerStructure(db, BUYER_SIRET, 'Commune de Villeurbanne', 'buyer-user', {
    public: true,
  });

  return {
    env,
    db,
    url,
    runtime,
    syncDeps: { db, blobs, runtime, client: env.client, taskQueue },
    supplier: { structureId: supplierId, token: supplierToken },
    buyer: { structureId: buyerId, token: buyerToken },
    killWorker,
    startWorker,
    api: (path, token, method = 'GET', body) =>
      fetch(`${url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await killWorker();
      await closeTestDb(db);
      await env.teardown();
      allowHosts([]);
    },
  };
}

/** Polls until `probe` answers something truthy. */
export async function eventually<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 45_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Fires the connection's schedule now and waits for the sync it starts to report (or to stop in error). */
export async function syncNowAndWait(p: ConnectorPlatform, connectionId: string, token: string) {
  const before = await json(await p.api(`/connections/${connectionId}`, token));
  await p.env.client.schedule.getHandle(scheduleIdOf(connectionId)).trigger();
  return eventually(async () => {
    const now = await json(await p.api(`/connections/${connectionId}`, token));
    const reported = now.lastReport && now.lastReport.finishedAt !== before.lastReport?.finishedAt;
    return reported || (now.status === 'ERROR' && before.status !== 'ERROR') ? now : undefined;
  }, `a sync report of ${connectionId}`);
}

/**
 * Syncs the connection with the worker process killed in the middle of a page: the simulator holds
 * the ERP's answer for `heldPath` (a record that comes after others on the same page), the worker is
 * SIGKILLed while it waits, another one starts, and the ERP answers again. Temporal hands the page to
 * the new worker once the dead one's heartbeats stop. Resolves with the report of the interrupted
 * sync and the connection's linked records before the sync and when the worker died.
 */
export async function syncThroughWorkerKill(
  p: ConnectorPlatform,
  sim: Simulator,
  connectionId: string,
  token: string,
  heldPath: string,
) {
  const linked = () => countRows(p.db, 'connector_invoices', { connection_id: connectionId });
  const linkedBefore = await linked();
  const before = await json(await p.api(`/connections/${connectionId}`, token));
  const from = sim.requests.length;
  sim.hold(heldPath);
  await p.env.client.schedule.getHandle(scheduleIdOf(connectionId)).trigger();
  await eventually(
    async () => sim.requests.slice(from).some((r) => r.path === heldPath),
    `the read of ${heldPath}`,
  );
  const linkedAtKill = await linked();
  await p.killWorker();
  await p.startWorker();
  sim.release();
  const after = await eventually(async () => {
    const now = await json(await p.api(`/connections/${connectionId}`, token));
    return now.lastReport?.finishedAt !== before.lastReport?.finishedAt ? now : undefined;
  }, 'the report of the interrupted sync');
  return { connection: after, linkedBefore, linkedAtKill };
}

/** A structure with one main manager, written straight into the tables (the structures API has its own tests). */
async function registerStructure(
  db: Db,
  siret: string,
  name: string,
  userId: string,
  extra: Record<string, unknown>,
) {
  const id = `st-${siret}`;
  const now = new Date().toISOString();
  await db('structures').insert({
    id,
    identifier_type: 'SIRET',
    identifier: siret,
    name,
    created_at: now,
    updated_at: now,
    ...extra,
  });
  await db('structure_members').insert({
    structure_id: id,
    user_id: userId,
    role: 'PRINCIPAL',
    services: '[]',
    created_at: now,
  });
  return id;
}
