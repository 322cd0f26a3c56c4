import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { json } from '../support/platform';
import { freePort } from '../support/ports';
import { tempDir } from '../support/stores';

const root = path.resolve(__dirname, '..', '..');

/**
 * `npm start` supervises the Temporal dev server as it does the worker and the API: killed, it is
 * started again (its state kept in the data folder), the API and the worker wait for it instead of
 * dying, and /health goes back to ok.
 */
describe('the dev server under npm start', () => {
  let stack: ChildProcess;
  let output = '';
  let api = '';

  /** The pids of the dev servers the start script has logged, in order. */
  const devServerPids = () =>
    output
      .split('\n')
      .filter((line) => line.includes('Temporal dev server started'))
      .map((line) => (JSON.parse(line) as { devServerPid: number }).devServerPid);

  beforeAll(async () => {
    const [port, devServerPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    stack = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bin', 'start.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: tempDir('dev-server-supervision'),
        PORT: String(port),
        TEMPORAL_DEV_SERVER_PORT: String(devServerPort),
        TEMPORAL_UI_PORT: String(uiPort),
        TEMPORAL_ADDRESS: '',
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
      },
    });
    stack.stdout!.on('data', (c) => (output += c));
    stack.stderr!.on('data', (c) => (output += c));
    api = `http://127.0.0.1:${port}`;
    await until(() => output.includes('facturflow is running'), 120_000);
  }, 150_000);

  afterAll(async () => {
    if (stack && stack.exitCode === null) {
      const exited = new Promise((resolve) => stack.once('exit', resolve));
      stack.kill('SIGINT');
      const timer = setTimeout(() => stack.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  });

  const health = async () => {
    try {
      const res = await fetch(`${api}/health`);
      return (await json(res)) as { status: string; checks: Record<string, { status: string }> };
    } catch (err) {
      return { status: `no answer: ${(err as Error).message}`, checks: {} };
    }
  };

  it('starts a killed dev server again, and /health goes back to ok', async () => {
    expect((await health()).status).toBe('ok');
    const [first] = devServerPids();
    expect(first).toBeGreaterThan(0);

    process.kill(first, 'SIGKILL');
    // The API stays up and says Temporal is gone until the new dev server answers.
    await until(() => devServerPids().length === 2, 120_000);
    const [, second] = devServerPids();
    expect(second).not.toBe(first);
    await until(async () => (await health()).status === 'ok', 120_000);
    const checks = (await health()).checks;
    expect([checks.database?.status, checks.temporal?.status, checks.blobs?.status]).toEqual([
      'up',
      'up',
      'up',
    ]);
    // Nothing else gave up: the start script still runs, and says it restarted the dev server.
    expect(stack.exitCode).toBeNull();
    expect(output).toContain('Temporal dev server exited; starting it again');
    // The API waited for Temporal rather than exiting.
    expect(output).not.toContain('api process exited');
  }, 300_000);
});

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
