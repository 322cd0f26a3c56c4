import type { Knex } from 'knex';

/**
 * The rule sets that judged a deposited invoice (`en16931` or `facturx-<profile>`, `peppol`, `platform`),
 * as a JSON array, so that the API and the portal say by which rules it was accepted or rejected.
 * Invoices checked before this column existed have none recorded.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoices', (t) => {
    t.string('rule_sets', 200);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoices', (t) => {
    t.dropColumn('rule_sets');
  });
}
