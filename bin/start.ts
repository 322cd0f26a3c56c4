import { ChildProcess, spawn } from 'node:child_process';
import { createDb, migrate } from '../platform/db';
import { SupervisedDevServer, superviseDevServer } from './dev-server';
import { temporalBinaries } from '../platform/temporal';
import { boot, fatal, outboxDir, roleArgs } from './boot';
import { roleEnv } from './launch';
import { isLoopbackHost, type Config } from './config';
import { Outbox } from '../platform/mail/outbox';

/**
 * `npm start`: the whole platform on one machine — the Temporal dev server (unless TEMPORAL_ADDRESS
 * names a cluster), migrations, one worker and the API, each role in its own process as in production,
 * each started again when it exits. Ctrl-C stops every child cleanly.
 */
async function main() {
  const { config, logger } = boot();
  let devServer: SupervisedDevServer | undefined;
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping facturflow');
    await Promise.all([...children.values()].map(stopChild));
    await devServer?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  // Each role runs in its own process, as in production. One that dies (a crash, a SIGKILL) is started
  // again: Temporal hands its unfinished work to the new worker, so nothing is lost. A role that keeps
  // dying stops the platform rather than looping.
  const env: NodeJS.ProcessEnv = { ...process.env };
  const devOutbox = developmentOutbox(config);
  if (devOutbox) env.DEV_OUTBOX = 'true';
  const crashes: number[] = [];
  const supervise = (role: 'worker' | 'api') => {
    const child = spawn(process.execPath, roleArgs(role), {
      env: roleEnv(role, env),
      stdio: 'inherit',
    });
    children.set(role, child);
    logger.info({ role, pid: child.pid }, `${role} process started`);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes[0] < now - 60_000) crashes.shift();
      if (crashes.length > 5) {
        logger.error({ role, code, signal }, `${role} keeps exiting; stopping`);
        void stop(1);
        return;
      }
      logger.warn({ role, code, signal }, `${role} process exited; starting it again`);
      setTimeout(() => !stopping && supervise(role), 1000);
    });
  };

  try {
    if (!config.temporal.address) {
      // Supervised like the roles: started again when it exits; the worker and the API wait for it.
      devServer = await superviseDevServer({
        cli: temporalBinaries().cli,
        dataDir: config.dataDir,
        port: config.temporal.devServerPort,
        uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace,
        logger,
      });
      env.TEMPORAL_ADDRESS = devServer.address;
    }

    const db = createDb(config.database);
    const applied = await migrate(db);
    await db.destroy();
    if (applied.length) logger.info({ applied }, 'database migrated');

    for (const role of ['worker', 'api'] as const) supervise(role);

    await waitForHealth(['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host, config.port);
    process.stdout.write(banner(config, devOutbox, devServer?.uiUrl).join('\n') + '\n');
    if (devOutbox) watchOutbox(new Outbox(outboxDir(config)), () => stopping);
  } catch (err) {
    logger.error({ err }, (err as Error).message);
    await stop(1);
  }
}

/**
 * The development outbox under `npm start`: as asked by DEV_OUTBOX, else on by default when no SMTP
 * server is configured and the API listens on loopback only (nobody else can reach it).
 */
function developmentOutbox(config: Config): boolean {
  if (config.mail.smtp) return false;
  if (process.env.DEV_OUTBOX) return config.devOutbox;
  return isLoopbackHost(config.host);
}

function banner(config: Config, devOutbox: boolean, uiUrl?: string): string[] {
  const local = isLoopbackHost(config.host);
  const base = `http://${local ? 'localhost' : config.host}:${config.port}`;
  const mail = config.mail.smtp
    ? '  Email           sent through SMTP'
    : devOutbox
      ? `  Email           development outbox: ${base}/outbox (operators only; links also printed here)`
      : `  Email           written to ${outboxDir(config)} (no SMTP server; DEV_OUTBOX=true shows them)`;
  return [
    '',
    'facturflow is running:',
    `  Portal          ${base}/`,
    `  API             ${base}  (health: /health, OpenAPI: /api/openapi.json)`,
    `  Listening on    ${config.host}${local ? ' (this machine only; HOST=0.0.0.0 opens it to the network)' : ' (reachable from the network)'}`,
    mail,
    uiUrl
      ? `  Temporal Web UI ${uiUrl}`
      : `  Temporal        ${config.temporal.address} (namespace ${config.temporal.namespace})`,
    `  Data            ${config.dataDir}`,
    'Press Ctrl-C to stop.',
    '',
  ];
}

/**
 * Prints each new message of the development outbox (recipient, subject, links) on this terminal, so
 * the first account can be activated before any operator exists to read the outbox page.
 */
function watchOutbox(outbox: Outbox, stopped: () => boolean): void {
  const seen = new Set<string>();
  let first = true;
  const poll = async () => {
    for (const entry of await outbox.list().catch(() => [])) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      if (first) continue;
      const message = await outbox.message(entry.id);
      const links = message?.links.map((l) => `\n    ${l}`).join('') ?? '';
      process.stdout.write(`email to ${entry.to}: ${entry.subject}${links}\n`);
    }
    first = false;
  };
  const tick = () => {
    if (stopped()) return;
    void poll().finally(() => setTimeout(tick, 1000).unref());
  };
  tick();
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(host: string, port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy on port ${port} within 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => fatal(boot().logger, err));
