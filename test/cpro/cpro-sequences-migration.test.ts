import knex, { type Knex } from 'knex';
import { migrations } from '../../migrations';
import { wireId } from '../../service-mode/identifiers';
import type { Db } from '../../platform/db';

/** Up to and including `last`, in name order, as the platform applies them. */
const source = (last: string): Knex.MigrationSource<string> => ({
  getMigrations: async () =>
    Object.keys(migrations)
      .sort()
      .filter((n) => n <= last),
  getMigrationName: (n) => n,
  getMigration: async (n) => migrations[n],
});

describe('migration 011: wire ids numbered per kind', () => {
  let db: Knex;
  beforeAll(async () => {
    db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.migrate.latest({ migrationSource: source('010_rule_sets') });
  });
  afterAll(() => db.destroy());

  it('keeps the numbers already given, and each kind continues from its highest', async () => {
    // One sequence across kinds, as before: a bank account 1, invoices 2 and 3.
    await db('cpro_identifiers').insert([
      { kind: 'coordbanc', internal_id: 'ba-1' },
      { kind: 'facture', internal_id: 'inv-1' },
      { kind: 'facture', internal_id: 'inv-2' },
    ]);
    await db.migrate.latest({ migrationSource: source('011_cpro_sequences') });
    const d = db as unknown as Db;
    expect(await wireId(d, 'facture', 'inv-1')).toBe(2);
    expect(await wireId(d, 'facture', 'inv-3')).toBe(4);
    expect(await wireId(d, 'coordbanc', 'ba-2')).toBe(2);
    expect(await wireId(d, 'structure', 'st-1')).toBe(1);
  });
});
