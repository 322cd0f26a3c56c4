import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { FsBlobStore } from '../../platform/blobs';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { describeWithCorpus } from '../support/corpus';
import { json } from '../support/platform';
import { seedUser } from '../support/people';
import { closeTestDb, countRows, tempDir, testDb } from '../support/stores';
import { startDevServer, workflowBundle } from '../support/temporal';
import { generateFlow, registerRecipient, tarGz } from './support/flows';
import { waitForFlow } from './support/wait';

// 200 invoices rather than 500: what this test shows is exactly-once across a killed worker, which
// several windows of invoices before and after the kill show as well, in less than half the time on
// the two shared cores; the 500-invoice flow is flow.test.ts.
const INVOICES = 200;
const taskQueue = 'flow-crash';

describeWithCorpus('a flow survives its worker being killed midway', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let server: Server;
  let url: string;
  let workerEnv: NodeJS.ProcessEnv;
  let worker: ChildProcess | undefined;

  /** Starts a worker process and waits until it polls. */
  const startWorker = async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'support', 'worker-process.ts')],
      {
        env: workerEnv,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker ready') && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    return child;
  };

  beforeAll(async () => {
    [env, db] = await Promise.all([startDevServer(), testDb()]);
    const blobDir = tempDir('blobs');
    const bundlePath = path.join(tempDir('bundle'), 'workflows.js');
    fs.writeFileSync(bundlePath, (await workflowBundle()).code);
    const connection = db.client.config;
    workerEnv = {
      ...process.env,
      WORKER_TEMPORAL_ADDRESS: env.address,
      WORKER_NAMESPACE: env.namespace ?? 'default',
      WORKER_TASK_QUEUE: taskQueue,
      WORKER_BLOB_DIR: blobDir,
      WORKER_BUNDLE: bundlePath,
      ...(connection.client === 'pg'
        ? { WORKER_DB_URL: process.env.DATABASE_URL, WORKER_DB_SCHEMA: connection.searchPath }
        : { WORKER_DB_FILE: connection.connection.filename }),
    };
    const app = createApp({
      db,
      client: env.client,
      blobs: new FsBlobStore(blobDir),
      logger: createLogger('silent'),
      taskQueue,
      maxUploadBytes: 20 * 1024 * 1024,
      publicUrl: 'http://portal.test',
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
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

    const settled = await waitForFlow(url, token, numeroFluxDepot, 150_000);
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
  }, 240_000);
});
