"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
const french_ids_1 = require("../invoice/platform-rules/french-ids");
/**
 * One party, one identity. `identity_key` is the identifier whatever its type label (capitals, no
 * spaces, dots or dashes), unique across types; `company_key` the SIREN it names, if any, so a
 * company's establishments are registered by its own members only. `blob_uploads` records who
 * uploaded a file, so citing a blob needs more than knowing its hash.
 *
 * Rows that already collide keep their identifiers: the later ones get a key suffixed with their id
 * and lose their verified identity, for an operator to sort out.
 */
async function up(knex) {
    await knex.schema.alterTable('structures', (t) => {
        t.string('identity_key', 150);
        t.string('company_key', 9);
    });
    const rows = await knex('structures').orderBy(['created_at', 'id']).select('id', 'identifier');
    const seen = new Set();
    for (const r of rows) {
        const key = keyOf(r.identifier);
        const clash = seen.has(key);
        seen.add(key);
        await knex('structures')
            .where({ id: r.id })
            .update({
            identity_key: clash ? `${key}#${r.id}` : key,
            company_key: companyOf(key) ?? null,
            ...(clash && { identity_verified: false }),
        });
    }
    await knex.schema.alterTable('structures', (t) => {
        t.unique(['identity_key']);
        t.index(['company_key']);
    });
    await knex.schema.createTable('blob_uploads', (t) => {
        t.string('sha256', 64).notNullable();
        t.string('user_id', 64).notNullable();
        t.timestamp('uploaded_at', { useTz: true }).notNullable();
        t.primary(['sha256', 'user_id']);
    });
    if (await knex.schema.hasTable('cpro_uploads')) {
        const uploads = await knex('cpro_uploads').select('sha256', 'user_id', 'created_at');
        for (const u of uploads)
            await knex('blob_uploads')
                .insert({ sha256: u.sha256, user_id: u.user_id, uploaded_at: u.created_at })
                .onConflict(['sha256', 'user_id'])
                .ignore();
    }
}
async function down(knex) {
    await knex.schema.dropTable('blob_uploads');
    await knex.schema.alterTable('structures', (t) => {
        t.dropUnique(['identity_key']);
        t.dropIndex(['company_key']);
    });
    await knex.schema.alterTable('structures', (t) => {
        t.dropColumn('company_key');
        t.dropColumn('identity_key');
    });
}
// The rules of structures/identifiers.ts as they stood when this migration was written.
const keyOf = (identifier) => identifier.toUpperCase().replace(/[\s.\-\u00a0\u202f]/g, '');
function companyOf(key) {
    if (/^\d{9}$/.test(key))
        return key;
    if ((0, french_ids_1.isValidSiret)(key))
        return key.slice(0, 9);
    const vat = /^FR(\d{2})(\d{9})$/.exec(key);
    return vat && (0, french_ids_1.frenchVatKey)(vat[2]) === vat[1] ? vat[2] : undefined;
}
//# sourceMappingURL=012_party_identity.js.map