"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
const search_text_1 = require("../structures/search-text");
/**
 * Directory search by name and town, accent- and case-insensitive on SQLite and PostgreSQL alike:
 * each structure keeps its name and town in search form (structures/search-text), written with the
 * row, and searched with LIKE on word starts.
 */
async function up(knex) {
    await knex.schema.alterTable('structures', (t) => {
        t.string('search_name', 400);
        t.string('search_city', 200);
    });
    const rows = await knex('structures').select('id', 'name', 'city');
    for (const r of rows)
        await knex('structures')
            .where({ id: r.id })
            .update({ search_name: (0, search_text_1.searchText)(r.name), search_city: (0, search_text_1.searchText)(r.city) });
}
async function down(knex) {
    await knex.schema.alterTable('structures', (t) => {
        t.dropColumn('search_name');
        t.dropColumn('search_city');
    });
}
//# sourceMappingURL=016_directory_search.js.map