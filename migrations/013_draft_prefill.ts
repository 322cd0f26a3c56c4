import type { Knex } from 'knex';

/**
 * The fields of a draft pre-filled from a plain PDF ("number", "buyer.id", "lines"…), as a JSON
 * array, so that the form marks what the supplier should check. Drafts entered by hand have none.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoice_drafts', (t) => {
    t.string('prefilled', 500);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('invoice_drafts', (t) => {
    t.dropColumn('prefilled');
  });
}
