"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * Registration without a company registry: a structure whose SIRET only passed its key check is
 * marked unverified until an operator or a registry lookup confirms it. The registry copy learns
 * which establishment is the head office (etablissementSiege), so a SIREN names one structure.
 */
async function up(knex) {
    await knex.schema.alterTable('structures', (t) => {
        // Existing structures were checked against the registry when created.
        t.boolean('identity_verified').notNullable().defaultTo(true);
        t.timestamp('identity_verified_at', { useTz: true });
        t.string('identity_verified_by', 60);
    });
    await knex.schema.alterTable('company_registry', (t) => {
        t.boolean('head_office');
        t.boolean('active');
    });
}
async function down(knex) {
    await knex.schema.alterTable('company_registry', (t) => {
        t.dropColumn('active');
        t.dropColumn('head_office');
    });
    await knex.schema.alterTable('structures', (t) => {
        t.dropColumn('identity_verified_by');
        t.dropColumn('identity_verified_at');
        t.dropColumn('identity_verified');
    });
}
//# sourceMappingURL=009_identity_verification.js.map