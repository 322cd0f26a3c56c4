import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../platform/s3-blobs';
import {
  s3Client,
  s3Serves,
  S3_REGION,
  WEED_MISSING,
  WEED_PORT_NAMES,
  weedBinary,
  weedServerArgs,
  writeIdentity,
  type WeedPorts,
} from '../../scripts/cluster/object-store';
import { freePort } from './ports';
import { describeNeeding, type Requirement } from './requirements';
import { tempDir } from './stores';

const weed = weedBinary();

/** SeaweedFS's weed, built from the Go module proxy by scripts/provision-seaweedfs.js. */
export const seaweedfs: Requirement = {
  what: 'SeaweedFS (an S3-compatible server)',
  available: weed !== undefined,
  missing: WEED_MISSING,
};

/** describe() for tests that need a real S3 server: skipped loudly without weed, failing under CI=true. */
export function describeWithS3(name: string, fn: () => void): void {
  describeNeeding(seaweedfs, name, fn);
}

/** A running SeaweedFS with its S3 gateway on loopback, one identity allowed everything. */
export interface S3Server {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Settings of the S3 blob store for a bucket of this server. */
  settings(bucket: string, prefix?: string): S3Settings;
  /** The BLOB_STORE=s3 environment of a platform process using this bucket. */
  env(bucket: string, prefix?: string): Record<string, string>;
  /** An S3 client of its own, to look at (or tamper with) the bucket behind a store's back. */
  client(): S3Client;
  stop(): Promise<void>;
}

/**
 * Starts `weed server` (master, volume, filer and S3 gateway in one process) on free loopback ports
 * with its data under a temporary directory, and resolves once an object can be written and read.
 */
export async function startS3Server(): Promise<S3Server> {
  if (!weed) throw new Error(seaweedfs.missing);
  const dir = tempDir('seaweedfs');
  const configFile = path.join(dir, 's3.json');
  const { accessKeyId, secretAccessKey } = writeIdentity(configFile);
  const free = await freePorts(WEED_PORT_NAMES.length);
  const ports = Object.fromEntries(WEED_PORT_NAMES.map((name, i) => [name, free[i]])) as unknown as WeedPorts;
  const log = fs.openSync(path.join(dir, 'weed.log'), 'a');
  const child = spawn(weed, weedServerArgs(dir, ports, configFile), {
    cwd: dir,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const endpoint = `http://127.0.0.1:${ports.s3}`;
  const region = S3_REGION;
  const client = () => s3Client(endpoint, { accessKeyId, secretAccessKey });
  const server: S3Server = {
    endpoint,
    region,
    accessKeyId,
    secretAccessKey,
    settings: (bucket, prefix = '') => ({
      endpoint,
      region,
      bucket,
      prefix,
      accessKeyId,
      secretAccessKey,
      forcePathStyle: true,
    }),
    env: (bucket, prefix = '') => ({
      BLOB_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_PREFIX: prefix,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
    }),
    client,
    stop: () => stop(child, exited, dir),
  };
  try {
    await untilReady(endpoint, { accessKeyId, secretAccessKey }, exited, dir);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

/** Free loopback ports, all different (a port just released may be handed out twice). */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** Until a probe object goes in and comes back: the gateway, the filer and a volume all answer. */
async function untilReady(
  endpoint: string,
  credentials: Parameters<typeof s3Serves>[1],
  exited: Promise<number | null>,
  dir: string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  let last: unknown;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`weed exited with ${gone} while starting:\n${tail(dir)}`);
    try {
      if (await s3Serves(endpoint, credentials, 'ready-probe')) return;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`SeaweedFS not ready after 90 s (${(last as Error)?.message}):\n${tail(dir)}`);
}

function tail(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, 'weed.log'), 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

async function stop(child: ChildProcess, exited: Promise<number | null>, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timeout);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
