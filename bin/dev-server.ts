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
