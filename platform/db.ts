import fs from 'node:fs';
import path from 'node:path';
import knex, { Knex } from 'knex';
import { migrations } from '../migrations';

export type Db = Knex;

/** A knex instance for the configured database (SQLite file by default, PostgreSQL in production). */
/** knex connection: a SQLite file, or PostgreSQL by URL. */
export type DatabaseSettings = { client: 'better-sqlite3'; filename: string } | { client: 'pg'; url: string };

export function createDb(database: DatabaseSettings, options: { searchPath?: string } = {}): Db {
  if (database.client === 'pg') {
    return knex({
      client: 'pg',
      connection: database.url,
      searchPath: options.searchPath,
      pool: { min: 0, max: 10 },
    });
  }
  fs.mkdirSync(path.dirname(database.filename), { recursive: true });
  return knex({
    client: 'better-sqlite3',
    connection: { filename: database.filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      // WAL lets the API read while the worker writes; busy_timeout rides out the writer's lock.
      afterCreate: (
        conn: { pragma: (s: string) => void },
        done: (err: Error | null, conn: unknown) => void,
      ) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
        done(null, conn);
      },
    },
  });
}

/** The migrations are listed in code (not discovered on disk) so they run the same from ts or js. */
const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};

export async function migrate(db: Db): Promise<string[]> {
  const [, applied] = await db.migrate.latest({ migrationSource });
  return applied as string[];
}

export async function checkDb(db: Db): Promise<void> {
  await db.raw('select 1');
}
