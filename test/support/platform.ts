import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createApp, type AppDeps } from '../../api/app';
import { listen } from '../../api/listen';
import type { Db } from '../../platform/db';
import type { BlobStore } from '../../platform/blobs';
import { createLogger } from '../../platform/logger';
import { createWorker, type FlowWorkerSettings } from '../../activities/worker';
import type { DocumentPool } from '../../platform/document-pool';
import { startDevServer, workflowBundle } from './temporal';
import type { MailConfig } from '../../platform/mail/mailer';
import type { Outbox } from '../../platform/mail/outbox';
import { testMailer } from './mail';
import { closeTestDb, testBlobs, testDb } from './stores';

/** The platform in one test process: a real dev server, a worker, a database and the API on a free port. */
export interface TestPlatform {
  env: TestWorkflowEnvironment;
  db: Db;
  blobs: BlobStore;
  url: string;
  /** The development outbox, when no SMTP server was given. */
  outbox?: Outbox;
  stop(): Promise<void>;
}

export async function startTestPlatform(
  opts: {
    maxUploadBytes?: number;
    mail?: MailConfig;
    app?: Partial<AppDeps>;
    documents?: DocumentPool;
    flows?: FlowWorkerSettings;
  } = {},
): Promise<TestPlatform> {
  const [env, db] = await Promise.all([startDevServer(), testDb()]);
  const blobs = testBlobs();
  const { mailer, outbox } = testMailer(db, opts.mail);
  const taskQueue = 'api-test';
  const worker: Worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: { db, blobs, mailer, publicUrl: 'http://portal.test', documents: opts.documents },
    workflowBundle: await workflowBundle(),
    flows: opts.flows,
  });
  const running = worker.run();
  const app = createApp({
    db,
    client: env.client,
    blobs,
    logger: createLogger('silent'),
    taskQueue,
    maxUploadBytes: opts.maxUploadBytes ?? 10 * 1024 * 1024,
    publicUrl: 'http://portal.test',
    outbox,
    ...opts.app,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    env,
    db,
    blobs,
    url: `http://127.0.0.1:${port}`,
    outbox,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await running;
      await closeTestDb(db);
      await env.teardown();
    },
  };
}

/** Polls an invoice over HTTP until its status is one of `until`. */
export async function waitForStatus(
  url: string,
  id: string,
  until: string[],
  timeoutMs = 30_000,
  token?: string,
) {
  const deadline = Date.now() + timeoutMs;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  for (;;) {
    const res = await fetch(`${url}/api/v1/invoices/${id}`, { headers });
    const body = await json(res);
    if (res.ok && until.includes(body.status)) return body;
    if (Date.now() > deadline)
      throw new Error(`invoice ${id} still ${body.status ?? res.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A response's JSON body, loosely typed: tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}
