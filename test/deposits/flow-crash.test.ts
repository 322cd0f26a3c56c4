import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { pollFlowInbox } from '../../inbox/flow-inbox';
import { FsBlobStore } from '../../platform/blobs';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { describeWithCorpus } from '../support/corpus';
import { json } from '../support/platform';
import { seedUser } from '../support/people';
import { closeTestDb, countRows, tempDir, testDb } from '../support/stores';
import { startDevServer, workflowBundleFile } from '../support/temporal';
import { generateFlow, registerRecipient, registerSupplier, tarGz } from './support/flows';
import { waitForFlow } from './support/wait';
import { spawnWorker } from '../support/workers';
import { listen } from '../../api/listen';

// A 200-invoice flow, with the worker killed a quarter of the way through: enough for the kill to land
// mid-flow, with invoices filed before it and after it (bench:flow times the 500-invoice flow).
const INVOICES = 200;
const taskQueue = 'flow-crash';

describeWithCorpus('flows on a worker process: a killed worker, the inbox folder', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let server: Server;
  let url: string;
  let workerEnv: NodeJS.ProcessEnv;
  let worker: ChildProcess | undefined;
  let blobs: FsBlobStore;

  /** Starts a worker process and waits until it polls. */
  const startWorker = () => spawnWorker(workerEnv);

  beforeAll(async () => {
    [env, db] = await Promise.all([startDevServer(), testDb()]);
    const blobDir = tempDir('blobs');
    blobs = new FsBlobStore(blobDir);
    const connection = db.client.config;
    workerEnv = {
      ...process.env,
      WORKER_TEMPORAL_ADDRESS: env.address,
      WORKER_NAMESPACE: env.namespace ?? 'default',
      WORKER_TASK_QUEUE: taskQueue,
      WORKER_BLOB_DIR: blobDir,
      WORKER_BUNDLE: await workflowBundleFile(),
      ...(connection.client === 'pg'
        ? { WORKER_DB_URL: process.env.DATABASE_URL, WORKER_DB_SCHEMA: connection.searchPath }
        : { WORKER_DB_FILE: connection.connection.filename }),
    };
    const app = createApp({
      db,
      client: env.client,
      blobs,
      logger: createLogger('silent'),
      taskQueue,
      maxUploadBytes: 20 * 1024 * 1024,
      publicUrl: 'http://portal.test',
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await registerRecipient(db);
  }, 120_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await new Promise((resolve) => server?.close(resolve));
    await closeTestDb(db);
    await env?.teardown();
  });

  it('files every invoice exactly once when the worker is SIGKILLed and another takes over', async () => {
    const token = await seedUser(db, 'edi-crash');
    await registerSupplier(db, 'edi-crash');
    const flow = generateFlow('KIL', INVOICES, 40);
    worker = await startWorker();
    const res = await fetch(`${url}/api/v1/flows?syntaxeFlux=IN_DP_E1_UBL_INVOICE`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      body: await tarGz(flow.files),
    });
    const { numeroFluxDepot } = await json(res);

    // Midway: some invoices filed, the flow still working on the rest.
    while ((await countRows(db, 'invoices', { deposit_mode: 'EDI' })) < INVOICES / 4)
      await new Promise((r) => setTimeout(r, 200));
    worker.kill('SIGKILL');
    await new Promise((r) => worker!.once('exit', r));
    const atKill = await json(
      await fetch(`${url}/api/v1/flows/${numeroFluxDepot}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(atKill.etatCourantFlux).toBe('IN_EN_COURS_TRAITEMENT');
    worker = await startWorker();

    const settled = await waitForFlow(url, token, numeroFluxDepot, 480_000);
    expect(settled).toMatchObject({
      etatCourantFlux: 'IN_INTEGRE_PARTIEL',
      nombreFactures: INVOICES,
      nombreFacturesIntegrees: flow.valid.length,
    });
    const report = await json(
      await fetch(`${url}/api/v1/flows/${numeroFluxDepot}/report`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(report.listeErreurDP.map((e: { fichier: string }) => e.fichier).sort()).toEqual(
      [...flow.unidentifiable, ...flow.inconsistent.map((n) => `factures/${n}.xml`)].sort(),
    );
    // Exactly once: one read-model row and one DEPOSEE history entry per filed invoice.
    const filed = INVOICES - flow.unidentifiable.length;
    expect(await countRows(db, 'invoices', { deposit_mode: 'EDI' })).toBe(filed);
    const [{ n }] = await db('invoice_status_history')
      .join('invoices', 'invoices.id', 'invoice_status_history.invoice_id')
      .where({ 'invoice_status_history.status': 'DEPOSEE', 'invoices.deposit_mode': 'EDI' })
      .count({ n: '*' });
    expect(Number(n)).toBe(filed);
    expect(await countRows(db, 'invoices', { deposit_mode: 'EDI', status: 'REJETEE' })).toBe(
      flow.inconsistent.length,
    );
  }, 600_000);

  it('deposits the flows dropped into the inbox folder and moves them to processed/ or rejected/', async () => {
    const inbox = tempDir('inbox');
    const flow = generateFlow('BOX', 3, 1000);
    fs.mkdirSync(path.join(inbox, 'IN_DP_E1_UBL_INVOICE'));
    fs.mkdirSync(path.join(inbox, 'IN_DP_E9_INCONNU'));
    fs.writeFileSync(path.join(inbox, 'IN_DP_E1_UBL_INVOICE', 'lot.tar.gz'), await tarGz(flow.files));
    fs.writeFileSync(path.join(inbox, 'IN_DP_E9_INCONNU', 'autre.zip'), 'x');
    const deps = { db, blobs, client: env.client, taskQueue };
    // A file written just now may still be being written: it waits for a later poll.
    expect(await pollFlowInbox(deps, inbox)).toEqual({ processed: [], rejected: [] });

    const { processed, rejected } = await pollFlowInbox(deps, inbox, Date.now() + 5000);
    expect(rejected).toEqual(['autre.zip']);
    expect(processed).toHaveLength(1);
    expect(fs.readdirSync(path.join(inbox, 'processed'))).toEqual([`${processed[0]}-lot.tar.gz`]);
    expect(fs.readdirSync(path.join(inbox, 'rejected'))).toEqual(['autre.zip']);
    expect(fs.readdirSync(path.join(inbox, 'IN_DP_E1_UBL_INVOICE'))).toEqual([]);
    // Nobody signed in deposited it: operators follow it.
    const operator = await seedUser(db, 'edi-operator', { operator: true });
    expect(await waitForFlow(url, operator, processed[0], 60_000)).toMatchObject({
      etatCourantFlux: 'IN_INTEGRE',
      nomFichier: 'lot.tar.gz',
      nombreFacturesIntegrees: 3,
    });
  }, 90_000);
});
