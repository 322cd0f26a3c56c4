import type { Db } from '../db';

/** All SQL on credential_failures and rate_windows. */

export interface FailureRow {
  key: string;
  failures: number;
  locked_until: string | Date | null;
}

export async function findFailures(db: Db, key: string): Promise<FailureRow | undefined> {
  return db('credential_failures').where({ key }).first('key', 'failures', 'locked_until');
}

/** One more failure, counted in one statement (parallel attempts all count); answers the new count. */
export async function addFailure(db: Db, key: string, at: string): Promise<number> {
  await db('credential_failures')
    .insert({ key, failures: 1, updated_at: at })
    .onConflict('key')
    .merge({ failures: db.raw('credential_failures.failures + 1'), updated_at: at });
  const row = await db('credential_failures').where({ key }).first('failures');
  return Number(row?.failures ?? 1);
}

export async function lockUntil(db: Db, key: string, lockedUntil: string): Promise<void> {
  await db('credential_failures').where({ key }).update({ locked_until: lockedUntil });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db('credential_failures').where({ key }).delete();
}

/** Counts one hit in the window; answers the window's hits so far. Old windows go as new ones open. */
export async function hit(db: Db, key: string, windowStart: number): Promise<number> {
  await db('rate_windows')
    .insert({ key, window_start: windowStart, hits: 1 })
    .onConflict(['key', 'window_start'])
    .merge({ hits: db.raw('rate_windows.hits + 1') });
  const row = await db('rate_windows').where({ key, window_start: windowStart }).first('hits');
  return Number(row?.hits ?? 1);
}

export async function dropWindowsBefore(db: Db, windowStart: number): Promise<void> {
  await db('rate_windows').where('window_start', '<', windowStart).delete();
}
