import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDb, Db } from '../../platform/db';
import { temporalBinaries } from '../../platform/temporal';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { json, waitForStatus } from '../support/platform';
import { freePort } from '../support/ports';
import { tempDir } from '../support/stores';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';

const root = path.resolve(__dirname, '..', '..');
const example = () =>
  fs.readFileSync(corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml'), 'utf8');

/**
 * The platform as `npm start` runs it: dev server, migrations, worker and API processes. An official
 * example goes in over HTTP and is found in Temporal by its number; a worker killed mid-run loses and
 * duplicates nothing; Ctrl-C stops everything.
 */
describeWithCorpus('the platform started as npm start does', () => {
  let stack: ChildProcess;
  let output = '';
  let api: string;
  let temporalAddress: string;
  let uiPort: number;
  let dropDatabase: (() => Promise<void>) | undefined;
  let db: Db | undefined;
  let token = '';

  beforeAll(async () => {
    const [port, devServerPort] = [await freePort(), await freePort()];
    uiPort = await freePort();
    temporalAddress = `127.0.0.1:${devServerPort}`;
    const dataDir = tempDir('e2e');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      TEMPORAL_DEV_SERVER_PORT: String(devServerPort),
      TEMPORAL_UI_PORT: String(uiPort),
      TEMPORAL_ADDRESS: '',
    };
    if (process.env.DATABASE_URL) {
      // A database of its own, so the stack migrates and fills it from scratch.
      const name = `facturflow_e2e_${crypto.randomBytes(4).toString('hex')}`;
      const admin = createDb({ client: 'pg', url: process.env.DATABASE_URL });
      await admin.raw(`create database ${name}`);
      await admin.destroy();
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      dropDatabase = async () => {
        const db = createDb({ client: 'pg', url: process.env.DATABASE_URL! });
        await db.raw(`drop database if exists ${name} with (force)`);
        await db.destroy();
      };
    }
    stack = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'start.ts')], {
      cwd: root,
      env,
    });
    stack.stdout!.on('data', (c) => (output += c));
    stack.stderr!.on('data', (c) => (output += c));
    api = `http://127.0.0.1:${port}`;
    await until(
      () => output.includes('facturflow is running'),
      90_000,
      () => output,
    );

    // The supplier signs in as a member of the seller's structure; the buyer is a registered structure.
    db = createDb(
      env.DATABASE_URL
        ? { client: 'pg', url: env.DATABASE_URL }
        : { client: 'better-sqlite3', filename: path.join(dataDir, 'facturflow.db') },
    );
    token = await seedUser(db, 'supplier-e2e');
    await registerStructure(db, { identifier: '123456789', members: [{ userId: 'supplier-e2e' }] });
    await registerStructure(db, { identifier: '987654321' });
  }, 120_000);

  afterAll(async () => {
    if (stack && stack.exitCode === null) {
      // As Ctrl-C would, so the dev server and the roles stop too; SIGKILL only if that hangs.
      const exited = new Promise((resolve) => stack.once('exit', resolve));
      stack.kill('SIGINT');
      const timer = setTimeout(() => stack.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await db?.destroy();
    await dropDatabase?.();
  });

  it('serves /health and the Temporal Web UI', async () => {
    const health = await fetch(`${api}/health`);
    const up = { status: 'up', required: true, latencyMs: expect.any(Number) };
    expect(await json(health)).toEqual({ status: 'ok', checks: { database: up, temporal: up, blobs: up } });
    const ui = await fetch(`http://127.0.0.1:${uiPort}/`);
    expect(ui.status).toBe(200);
  });

  it('takes an official UBL example to MISE_A_DISPOSITION, findable by InvoiceNumber in Temporal', async () => {
    const res = await fetch(`${api}/api/v1/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
      body: example(),
    });
    expect(res.status).toBe(202);
    const { id } = await json(res);
    await waitForStatus(api, id, ['MISE_A_DISPOSITION'], 90_000, token);
    const listed = execFileSync(
      temporalBinaries().cli,
      [
        'workflow',
        'list',
        '--address',
        temporalAddress,
        '--query',
        'InvoiceNumber="TOSL108"',
        '--output',
        'json',
      ],
      { encoding: 'utf8' },
    );
    expect(
      JSON.parse(listed).map((w: { execution: { workflowId: string } }) => w.execution.workflowId),
    ).toEqual([id]);
  }, 120_000);

  it('starts the worker with its memory settings (node options and environment), the API without', () => {
    // Read from the running processes, as the kernel started them (Linux's /proc).
    const launched = (pid: number) => ({
      args: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'),
      env: fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0'),
    });
    const worker = launched(lastPid('worker'));
    expect(worker.args).toContain('--max-semi-space-size=2');
    expect(worker.env).toContain('MALLOC_ARENA_MAX=2');
    const apiProcess = launched(lastPid('api'));
    expect(apiProcess.args).not.toContain('--max-semi-space-size=2');
    expect(apiProcess.env).not.toContain('MALLOC_ARENA_MAX=2');
    expect(output).not.toMatch(/worker started without its memory settings/);
  });

  it('loses and duplicates nothing when the worker is killed with SIGKILL mid-run', async () => {
    const workerPid = lastPid('worker');
    const numbers = Array.from({ length: 20 }, (_, i) => `KILL-${i + 1}`);
    const ids = await Promise.all(
      numbers.map(async (n) => {
        const body = example().replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${n}</cbc:ID>`);
        const res = await fetch(`${api}/api/v1/invoices`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
          body,
        });
        expect(res.status).toBe(202);
        return (await json(res)).id as string;
      }),
    );
    process.kill(workerPid, 'SIGKILL');
    await until(
      () => lastPid('worker') !== workerPid,
      30_000,
      () => output,
    );

    for (const id of ids) {
      const invoice = await waitForStatus(api, id, ['MISE_A_DISPOSITION'], 90_000, token);
      expect(invoice.history.map((h: { status: string }) => h.status)).toEqual([
        'DEPOSEE',
        'EN_COURS_ACHEMINEMENT',
        'MISE_A_DISPOSITION',
      ]);
    }
    expect(output).toMatch(/worker process exited; starting it again/);
  }, 180_000);

  it('stops every process on Ctrl-C', async () => {
    const pids = [lastPid('worker'), lastPid('api')];
    const exited = new Promise<number | null>((resolve) => stack.once('exit', resolve));
    stack.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    await expect(fetch(`${api}/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${uiPort}/`)).rejects.toThrow();
  }, 60_000);

  function lastPid(role: string): number {
    const lines = output.split('\n').filter((l) => l.includes(`"${role} process started"`));
    return JSON.parse(lines[lines.length - 1]).pid;
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number, context: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms; output so far:\n${context()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
