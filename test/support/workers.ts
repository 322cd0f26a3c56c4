import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Starts test/support/worker-process.ts with these WORKER_* settings and resolves once it polls.
 * Its stdin stays open: when the test runner dies, the worker ends too.
 */
export async function spawnWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'worker-process.ts')], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
  });
  return child;
}
