import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, Db, migrate } from '../../platform/db';
import { FsBlobStore } from '../../platform/blobs';

const schemas = new WeakMap<Db, string>();

/**
 * A migrated, empty database for a test file: a fresh SQLite file, or, when DATABASE_URL is set,
 * a PostgreSQL schema of its own (test files run in parallel against the same server).
 */
export async function testDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = createDb({ client: 'better-sqlite3', filename: path.join(tempDir('db'), 'facturflow.db') });
    await migrate(db);
    return db;
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = createDb({ client: 'pg', url });
  await admin.raw(`create schema ${schema}`);
  await admin.destroy();
  const db = createDb({ client: 'pg', url }, { searchPath: schema });
  schemas.set(db, schema);
  await migrate(db);
  return db;
}

/** Closes the database; a PostgreSQL test schema is dropped. */
export async function closeTestDb(db: Db): Promise<void> {
  const schema = schemas.get(db);
  if (schema) await db.raw(`drop schema ${schema} cascade`);
  await db.destroy();
}

export function testBlobs(): FsBlobStore {
  return new FsBlobStore(tempDir('blobs'));
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `facturflow-${label}-`));
}

/** Row count as a number (PostgreSQL answers counts as strings). */
export async function countRows(db: Db, table: string, where: Record<string, unknown>): Promise<number> {
  const [{ n }] = await db(table).where(where).count({ n: '*' });
  return Number(n);
}
