import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { ProcessSpec } from './processes';

/**
 * A PostgreSQL cluster of its own from Debian's packages (postgresql-15 or newer): initdb into a data
 * directory of the cluster's, listening on 127.0.0.1 only, trust authentication (nothing else on the
 * machine should reach it: the port is loopback-only). As root, it runs as the `postgres` user, since
 * PostgreSQL refuses to run as root.
 */
export interface PostgresSettings {
  dataDir: string;
  port: number;
  /** false: fsync off, for a throwaway test cluster (a crash of the machine loses it). */
  durable: boolean;
}

export const POSTGRES_USER = 'postgres';

export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: install them ' +
        '(Debian: apt-get install -y postgresql) and run this again.',
    );
  return path.join(base, versions[0], 'bin');
}

/** The user PostgreSQL runs as: the `postgres` system user when this runs as root, else the caller. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      "running as root, PostgreSQL needs the `postgres` system user (created by Debian's postgresql package)",
    );
  }
}

/** Creates the data directory with initdb, unless it already holds a cluster. */
export function initPostgres(s: PostgresSettings): void {
  if (fs.existsSync(path.join(s.dataDir, 'PG_VERSION'))) return;
  const user = runAs();
  fs.mkdirSync(s.dataDir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) fs.chownSync(s.dataDir, user.uid, user.gid!);
  execFileSync(
    path.join(postgresBinDir(), 'initdb'),
    ['-D', s.dataDir, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    { stdio: ['ignore', 'ignore', 'pipe'], uid: user.uid, gid: user.gid },
  );
}

export function postgresProcess(s: PostgresSettings): ProcessSpec {
  const settings = [
    'listen_addresses=127.0.0.1',
    // Four Temporal services and every worker and API process hold pools of their own.
    'max_connections=400',
    ...(s.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  return {
    name: 'postgres',
    command: path.join(postgresBinDir(), 'postgres'),
    args: ['-D', s.dataDir, '-p', String(s.port), '-k', s.dataDir, ...settings.flatMap((c) => ['-c', c])],
    ...runAs(),
    stopSignal: 'SIGINT',
  };
}

export function postgresUrl(port: number, database: string): string {
  return `postgres://${POSTGRES_USER}@127.0.0.1:${port}/${database}`;
}

export async function postgresReady(port: number): Promise<boolean> {
  const client = new Client({
    connectionString: postgresUrl(port, 'postgres'),
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the databases that do not exist yet. */
export async function createDatabases(port: number, names: string[]): Promise<void> {
  const client = new Client({ connectionString: postgresUrl(port, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database');
    const existing = new Set(rows.map((r) => r.datname));
    for (const name of names) if (!existing.has(name)) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** Whether the Temporal schema tool has set this database up already (its version table exists). */
export async function hasSchemaVersion(port: number, database: string): Promise<boolean> {
  const client = new Client({ connectionString: postgresUrl(port, database) });
  await client.connect();
  try {
    const { rows } = await client.query("select to_regclass('public.schema_version') as t");
    return rows[0].t !== null;
  } finally {
    await client.end();
  }
}
