"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * Service mode's integer identifiers numbered per kind (invoices 1, 2, 3… whatever bank accounts or
 * structures were shown in between), as the platform numbers them. Identifiers already given keep their
 * number; each kind's sequence continues from the highest one. And the uploader of each file.
 */
async function up(knex) {
    await knex.schema.alterTable('cpro_identifiers', (t) => {
        t.integer('number');
    });
    await knex('cpro_identifiers').update({ number: knex.ref('id') });
    await knex.schema.alterTable('cpro_identifiers', (t) => {
        t.unique(['kind', 'number']);
    });
    await knex.schema.createTable('cpro_sequences', (t) => {
        t.string('kind', 20).primary();
        t.integer('last').notNullable();
    });
    const highest = await knex('cpro_identifiers')
        .select('kind')
        .max({ last: 'number' })
        .groupBy('kind');
    if (highest.length)
        await knex('cpro_sequences').insert(highest.map((r) => ({ kind: r.kind, last: Number(r.last) })));
    // Who uploaded which file through ajouter/fichier, for rechercher/pj/moncompte and rechercher/pj/structure.
    await knex.schema.createTable('cpro_uploads', (t) => {
        t.string('sha256', 64).notNullable();
        t.string('user_id', 100).notNullable();
        t.string('structure_id', 100).notNullable();
        t.string('name', 255).notNullable();
        t.string('created_at', 40).notNullable();
        t.primary(['user_id', 'sha256']);
        t.index(['structure_id']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('cpro_uploads');
    await knex.schema.dropTable('cpro_sequences');
    await knex.schema.alterTable('cpro_identifiers', (t) => {
        t.dropUnique(['kind', 'number']);
        t.dropColumn('number');
    });
}
//# sourceMappingURL=011_cpro_sequences.js.map