import type { Knex } from 'knex';
import { searchText } from '../structures/search-text';

/**
 * Directory search by name and town, accent- and case-insensitive on SQLite and PostgreSQL alike:
 * each structure keeps its name and town in search form (structures/search-text), written with the
 * row, and searched with LIKE on word starts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('structures', (t) => {
    t.string('search_name', 400);
    t.string('search_city', 200);
  });
  const rows = await knex('structures').select('id', 'name', 'city');
  for (const r of rows)
    await knex('structures')
      .where({ id: r.id })
      .update({ search_name: searchText(r.name), search_city: searchText(r.city) });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('structures', (t) => {
    t.dropColumn('search_name');
    t.dropColumn('search_city');
  });
}
