import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { createDb, migrate, type Db } from '../../platform/db';
import { freePort } from './ports';
import { tempDir } from './stores';

// The platform's own processes (bin/api.ts, bin/worker.ts) started as deployed, configured by their
// environment, on a database they all open.

const root = path.resolve(__dirname, '..', '..');

export interface SharedDatabase {
  /** DATABASE_URL as the API processes read it. */
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A migrated database several processes open: a SQLite file, or a PostgreSQL database of its own. */
export async function sharedDatabase(): Promise<SharedDatabase> {
  const pgUrl = process.env.DATABASE_URL;
  if (!pgUrl) {
    const file = path.join(tempDir('multi-process'), 'facturflow.db');
    const db = createDb({ client: 'better-sqlite3', filename: file });
    await migrate(db);
    return { url: `sqlite:${file}`, db, drop: () => db.destroy() };
  }
  // A database of its own: the API processes use its default schema, as in production.
  const name = `ff_multi_${crypto.randomBytes(5).toString('hex')}`;
  const admin = createDb({ client: 'pg', url: pgUrl });
  await admin.raw(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const db = createDb({ client: 'pg', url: url.toString() });
  await migrate(db);
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/** bin/api.ts in a process of its own, answering /health. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'api.ts')], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    if (Date.now() > deadline) throw new Error('the API process did not answer /health within 150 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** bin/worker.ts in a process of its own, resolved once it logs that it polls. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'worker.ts')], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker did not poll within 120 s')), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (!d.toString().includes('worker polling')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
  });
  // Its log goes on being read, so the pipe never fills.
  child.stdout!.resume();
  return child;
}
