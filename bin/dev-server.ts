import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { searchAttributes } from '../workflows/search-attributes';
import type { Logger } from '../platform/logger';

export interface DevServer {
  address: string;
  uiUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The Temporal CLI dev server for one machine: state persisted in dataDir/temporal.db, the Web UI on
 * uiPort, the platform's search attributes registered, no call home (offline machines).
 */
export async function startDevServer(opts: {
  cli: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  logger: Logger;
}): Promise<DevServer> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(opts.dataDir, 'temporal.db'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--ui-port',
    String(opts.uiPort),
    '--namespace',
    opts.namespace,
    '--ui-disable-news-fetch',
    '--dynamic-config-value',
    'frontend.enableServerVersionCheck=false',
    '--log-level',
    'error',
    ...searchAttributes.flatMap((k) => [
      '--search-attribute',
      `${k.name}=${k.type === SearchAttributeType.KEYWORD_LIST ? 'KeywordList' : 'Keyword'}`,
    ]),
  ];
  const child = spawn(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const address = `127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const early = await Promise.race([
      exited,
      new Promise<'alive'>((r) => setTimeout(() => r('alive'), 250)),
    ]);
    if (early !== 'alive') {
      throw new Error(`Temporal dev server exited with code ${early}:\n${output.trim()}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.describeNamespace({ namespace: opts.namespace });
      await connection.close();
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(
          `Temporal dev server not reachable at ${address} after 60 s: ${(err as Error).message}`,
        );
      }
    }
  }
  opts.logger.debug({ address }, 'Temporal dev server ready');
  return {
    address,
    uiUrl: `http://localhost:${opts.uiPort}`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type DevServerOptions = Parameters<typeof startDevServer>[0];

/** The dev server kept running: started again whenever it exits, until stopped. */
export interface SupervisedDevServer {
  address: string;
  uiUrl: string;
  /** The process running now (undefined while it is being started again). */
  current(): DevServer | undefined;
  stop(): Promise<void>;
}

/**
 * Runs the dev server and starts it again when it exits (a crash, a SIGKILL), with backoff: 1 s,
 * doubling up to 30 s while it keeps exiting, back to 1 s once it has stayed up a minute. Its state
 * lives in dataDir/temporal.db, so workflows carry on where they were; the worker and the API wait
 * for it meanwhile (they reconnect). Resolves once the first start is ready.
 */
export async function superviseDevServer(opts: DevServerOptions): Promise<SupervisedDevServer> {
  let server: DevServer | undefined = await startDevServer(opts);
  let stopped = false;
  let delay = 1000;
  let timer: NodeJS.Timeout | undefined;
  const watch = (s: DevServer) => {
    const startedAt = Date.now();
    opts.logger.info({ devServerPid: s.process.pid, address: s.address }, 'Temporal dev server started');
    s.process.once('exit', (code, signal) => {
      server = undefined;
      if (stopped) return;
      if (Date.now() - startedAt > 60_000) delay = 1000;
      opts.logger.error({ code, signal, retryInMs: delay }, 'Temporal dev server exited; starting it again');
      timer = setTimeout(restart, delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  const restart = () => {
    startDevServer(opts).then(
      (s) => {
        if (stopped) return void s.stop();
        server = s;
        watch(s);
      },
      (err: Error) => {
        if (stopped) return;
        opts.logger.error({ err: err.message, retryInMs: delay }, 'Temporal dev server did not start');
        timer = setTimeout(restart, delay);
        delay = Math.min(delay * 2, 30_000);
      },
    );
  };
  watch(server);
  return {
    address: server.address,
    uiUrl: server.uiUrl,
    current: () => server,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await server?.stop();
    },
  };
}
