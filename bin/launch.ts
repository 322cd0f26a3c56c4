/**
 * How a worker process is launched, wherever the platform launches one (`npm start`, the cluster,
 * `npm run worker`, the README's systemd example), so the worker's memory is the one measured. Both
 * settings have to be given when the process starts, hence here rather than in the worker's code:
 * - `--max-semi-space-size=2`: V8's young generation in the main thread and the Temporal SDK's
 *   workflow threads, 2 MB a half rather than 16 (the document threads set theirs, see
 *   `platform/document-pool.ts`). The worker holds little short-lived data: bench:pipeline ran at 6.43
 *   and 7.01 invoices/s with it, 6.38 and 6.20 without (two runs each, alternating, on one machine).
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates an arena of its own, up to eight per
 *   core, and keeps what a document thread freed in its arena; two arenas keep that memory shared.
 * With both, bench:memory's worker peaked at 382 MB for a 9,996-line invoice; with the young generation
 * alone at 418–421 MB, the arenas alone at 431–439 MB (two runs each, the code otherwise the same, before
 * the rules' and the model's savings). An operator's own MALLOC_ARENA_MAX is kept.
 */
export const WORKER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=2'];
export const WORKER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

export type Role = 'worker' | 'api';

/** The node options a role starts with (before its script). */
export function roleNodeArgs(role: Role): string[] {
  return role === 'worker' ? [...WORKER_NODE_ARGS] : [];
}

/** The environment a role starts with: `env`, and the worker's settings where `env` does not set them. */
export function roleEnv(role: Role, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return role === 'worker' ? { ...WORKER_ENV, ...env } : env;
}

/** Whether this process was launched as `roleNodeArgs` and `roleEnv` say (the worker checks itself). */
export function launchedAsWorker(
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return (
    WORKER_NODE_ARGS.every((arg) => execArgv.includes(arg)) &&
    Object.keys(WORKER_ENV).every((name) => env[name] !== undefined)
  );
}
