import type { Knex } from 'knex';
import * as m001 from './001_foundation';

/** Every migration, by name; applied in name order on SQLite and PostgreSQL alike. */
export const migrations: Record<string, Knex.Migration> = {
  '001_foundation': m001,
};
