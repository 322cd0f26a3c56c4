import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { createCipher } from '../../connectors/credentials';
import { createRegistry } from '../../connectors/registry';
import type { ConnectorRuntime } from '../../connectors/runtime';
import { scheduleIdOf } from '../../connectors/connections';
import type { SyncDeps } from '../../connectors/sync';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { testMailer } from '../support/mail';
import { seedUser } from '../support/people';
import { json } from '../support/platform';
import { closeTestDb, testBlobs, testDb } from '../support/stores';
import { startDevServer, workflowBundle } from '../support/temporal';

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
  /** Stops the running worker as a crash would (in-flight work abandoned) and starts a fresh one. */
  replaceWorker(): Promise<void>;
  api(path: string, token?: string, method?: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The platform with connectors, in one test process: a real dev server, the database, a worker
 * with the connector activities and the API. Supplier and buyer structures are registered first, as
 * routing needs a registered recipient.
 */
export async function startConnectorPlatform(): Promise<ConnectorPlatform> {
  const [env, db] = await Promise.all([startDevServer(), testDb()]);
  const blobs = testBlobs();
  const { mailer } = testMailer(db);
  const taskQueue = 'connector-test';
  const runtime: ConnectorRuntime = {
    // The example third-party package too, as FACTURFLOW_CONNECTOR_PATHS would add it.
    registry: createRegistry({
      extraPaths: [path.resolve(__dirname, '../../examples/facturflow-connector-example')],
    }),
    cipher: createCipher(Buffer.alloc(32, 7)),
    syncIntervalMinutes: 15,
    pageHeartbeatTimeout: '4 seconds',
  };
  const bundle = await workflowBundle();
  const start = async (): Promise<{ worker: Worker; running: Promise<void> }> => {
    // As createWorker, but a stopped worker abandons a hung activity at once, as a killed process would.
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      activities: createActivities({ db, blobs, mailer, connectors: runtime }),
      workflowBundle: bundle,
      shutdownGraceTime: '100 ms',
      shutdownForceTime: '1 second',
    });
    return { worker, running: worker.run() };
  };
  let current = await start();

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
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
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
    async replaceWorker() {
      current.worker.shutdown();
      await current.running;
      current = await start();
    },
    api: (path, token, method = 'GET', body) =>
      fetch(`${url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      current.worker.shutdown();
      await current.running;
      await closeTestDb(db);
      await env.teardown();
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
