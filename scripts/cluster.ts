import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { isSame } from './cluster/processes';
import { CLUSTER_BUCKET, readState, stopTopology, Topology, type StepEvent } from './cluster/topology';
import { postgresUrl } from './cluster/postgres';

/**
 * `npm run cluster`: the platform as a cluster on one machine — PostgreSQL, the Temporal services in
 * processes of their own (PostgreSQL persistence, SQL visibility), N workers, M API processes and
 * HAProxy in front of them. In the foreground a process that dies is started again; Ctrl-C stops
 * everything; `--detach` leaves it running and `npm run cluster -- --down` stops it from any shell.
 */
const count = (min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be an integer ≥ ${min}`);
  return n;
};

interface Options {
  workers: number;
  apis: number;
  port: number;
  dir: string;
  down?: boolean;
  detach?: boolean;
  objectStore?: boolean;
  restart: boolean;
}

const opts = new Command('cluster')
  .option('--workers <n>', 'platform worker processes', count(1), 3)
  .option('--apis <n>', 'API processes behind the load balancer', count(1), 2)
  .option(
    '--port <port>',
    'port of the load balancer: the platform address (0: any free port)',
    count(0),
    8080,
  )
  .option('--dir <dir>', 'where the cluster keeps its data, configuration, logs and state', '.cluster')
  .option('--object-store', 'blobs in the S3-compatible object store instead of a shared directory')
  .option('--detach', 'leave the cluster running once up (stop it with --down)')
  .option('--no-restart', 'in the foreground, report a process that dies instead of starting it again')
  .option('--down', 'stop the cluster started from --dir')
  .parse()
  .opts<Options>();

const dir = path.resolve(opts.dir);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function down(): Promise<void> {
  const stopped = await stopTopology(dir, (name) => process.stdout.write(`  stopping ${name}\n`));
  process.stdout.write(
    stopped ? `cluster stopped (${stopped} processes)\n` : `no cluster running from ${dir}\n`,
  );
}

function banner(t: Topology, tookMs: number): string[] {
  const base = `http://localhost:${t.state.ports.loadBalancer}`;
  const apis = t.apiNames.map((n) => t.apiUrl(n)).join(', ');
  const rel = (p: string) => {
    const r = path.relative(process.cwd(), p);
    return r && !r.startsWith('..') ? r : p;
  };
  return [
    '',
    `facturflow cluster is running (up in ${seconds(tookMs)}):`,
    `  Portal          ${base}/`,
    `  API             ${base}  (HAProxy, round robin; health: /health, OpenAPI: /api/openapi.json)`,
    `  API processes   ${opts.apis}: ${apis}`,
    `  Workers         ${opts.workers} processes on task queue facturflow`,
    `  Temporal        ${t.temporalAddress} (namespace ${t.namespace}; server ${t.state.temporalVersion}: ` +
      'history, matching, frontend, worker)',
    `  PostgreSQL      ${postgresUrl(t.state.ports.postgres, 'facturflow')} (also temporal, temporal_visibility)`,
    `  Data            ${rel(t.dataDir)}${t.objectStoreUrl ? '' : ' (blobs shared by every process)'}`,
    ...(t.objectStoreUrl
      ? [
          `  Object store    ${t.objectStoreUrl} (SeaweedFS S3 gateway, bucket ${CLUSTER_BUCKET}; ` +
            `credentials in ${rel(path.join(dir, 'seaweedfs', 's3.json'))})`,
        ]
      : []),
    `  Email           written to ${rel(path.join(t.dataDir, 'outbox'))} (no SMTP server)`,
    `  Logs            ${rel(path.join(dir, 'logs'))}/<process>.log`,
    opts.detach ? 'Stop it with: npm run cluster -- --down' : 'Press Ctrl-C to stop.',
    '',
  ];
}

function showProgress(e: StepEvent): void {
  if (e.phase === 'start') process.stdout.write(`▸ ${e.step}…\n`);
  else process.stdout.write(`  ✓ ${e.step} (${seconds(e.ms)})\n`);
}

async function up(): Promise<void> {
  const started = Date.now();
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping the cluster…\n');
    // Stopped by a process of its own: Ctrl-C also reaches npm and tsx, which may end this one before
    // every process of the cluster is stopped.
    const downer = spawn(process.execPath, ['--import', 'tsx', __filename, '--down', '--dir', dir], {
      stdio: 'inherit',
      detached: true,
    });
    await new Promise((resolve) => downer.once('exit', resolve));
    process.exit(code);
  };
  // Ctrl-C while starting stops what was started too.
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  const topology = await Topology.start({
    dir,
    workers: opts.workers,
    apis: opts.apis,
    port: opts.port,
    durable: true,
    objectStore: opts.objectStore,
    progress: showProgress,
  });
  process.stdout.write(banner(topology, Date.now() - started).join('\n') + '\n');
  if (opts.detach) process.exit(0);
  supervise(topology, () => stopping, stopAll);
}

/** Restarts of one process allowed within RESTART_WINDOW_MS before it is left down. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;

/**
 * In the foreground, a process of the cluster that dies is started again (after 1, 2, 4… s, at most
 * 30 s), as a service manager would, while the others keep serving; one that dies MAX_RESTARTS times
 * within ten minutes is left down, and said so. With --no-restart, or once the cluster is stopping
 * (`--down` from another shell marks the state first), deaths are only reported.
 */
function supervise(
  topology: Topology,
  stopped: () => boolean,
  stopAll: (code: number) => Promise<void>,
): void {
  const deaths = new Map<string, number[]>();
  const busy = new Set<string>();
  const reported = new Set<number>();
  const timer = setInterval(() => {
    if (stopped()) return clearInterval(timer);
    const state = readState(dir);
    if (!state) return void stopAll(0);
    if (state.stopping) return;
    for (const p of state.processes) {
      if (busy.has(p.name) || reported.has(p.pid) || isSame(p)) continue;
      reported.add(p.pid);
      const recent = [...(deaths.get(p.name) ?? []), Date.now()].filter(
        (t) => Date.now() - t < RESTART_WINDOW_MS,
      );
      deaths.set(p.name, recent);
      if (!opts.restart || recent.length > MAX_RESTARTS) {
        const why = opts.restart ? `; left down after ${MAX_RESTARTS} restarts in ten minutes` : '';
        process.stdout.write(`${p.name} (pid ${p.pid}) exited${why}; see ${p.log}\n`);
        continue;
      }
      const delay = Math.min(1000 * 2 ** (recent.length - 1), 30_000);
      process.stdout.write(
        `${p.name} (pid ${p.pid}) exited; starting it again in ${delay / 1000} s (see ${p.log})\n`,
      );
      busy.add(p.name);
      void (async () => {
        await new Promise((r) => setTimeout(r, delay));
        if (stopped() || readState(dir)?.stopping) return;
        await topology.restart(p.name);
        process.stdout.write(`${p.name} is serving again (pid ${topology.record(p.name).pid})\n`);
      })()
        .catch((err: Error) =>
          process.stdout.write(`${p.name} did not start again: ${err.message.split('\n')[0]}\n`),
        )
        .finally(() => busy.delete(p.name));
    }
  }, 2000);
}

(opts.down ? down() : up()).catch((err: Error) => {
  process.stderr.write(`cluster: ${err.message}\n`);
  process.exit(1);
});
