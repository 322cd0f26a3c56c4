"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * Service mode (the State platform's API): technical accounts of structures, API applications
 * (OAuth2 client credentials) with their connection onboarding, their access tokens, and the
 * integer identifiers the platform's wire format gives invoices, structures, services and files.
 */
async function up(knex) {
    // One technical account per structure; its user row (status TECHNICAL) is a plain member of the
    // structure, so the invoice services judge it as they judge a person. Never signs in to the portal.
    await knex.schema.createTable('technical_accounts', (t) => {
        t.string('structure_id', 64).primary().references('id').inTable('structures');
        t.string('user_id', 36).notNullable().unique().references('id').inTable('users');
        t.string('login', 254).notNullable().unique();
        t.string('password_hash', 100).notNullable();
        t.timestamp('password_set_at', { useTz: true }).notNullable();
        t.timestamp('password_expires_at', { useTz: true }).notNullable();
        t.string('set_by', 36).references('id').inTable('users');
        t.timestamp('created_at', { useTz: true }).notNullable();
    });
    await knex.schema.createTable('api_applications', (t) => {
        t.string('id', 64).primary();
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('name', 200).notNullable();
        // API (this service) or EDI (file flows): the connection being onboarded.
        t.string('kind', 10).notNullable();
        t.string('client_id', 64).notNullable().unique();
        // sha-256 of the client secret: a long random value, shown once.
        t.string('secret_hash', 64).notNullable();
        // QUALIFICATION (deposits checked, never delivered), QUALIFIEE (scenario passed, awaiting an
        // operator), PRODUCTION, REVOKED.
        t.string('mode', 20).notNullable();
        t.integer('accepted_deposits').notNullable().defaultTo(0);
        t.integer('rejected_deposits').notNullable().defaultTo(0);
        t.integer('required_deposits').notNullable();
        t.string('created_by', 36).references('id').inTable('users');
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.string('approved_by', 36).references('id').inTable('users');
        t.timestamp('approved_at', { useTz: true });
        t.index(['structure_id']);
        t.index(['mode']);
    });
    await knex.schema.createTable('oauth_tokens', (t) => {
        t.string('token_hash', 64).primary();
        t.string('application_id', 64).notNullable().references('id').inTable('api_applications');
        t.string('scope', 200).notNullable();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.index(['expires_at']);
    });
    // Stable integers for the wire (identifiantFactureCPP, idStructureCPP, idService, pieceJointeId).
    await knex.schema.createTable('cpro_identifiers', (t) => {
        t.increments('id').primary();
        t.string('kind', 20).notNullable();
        t.string('internal_id', 300).notNullable();
        t.unique(['kind', 'internal_id']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('cpro_identifiers');
    await knex.schema.dropTable('oauth_tokens');
    await knex.schema.dropTable('api_applications');
    await knex.schema.dropTable('technical_accounts');
}
//# sourceMappingURL=008_service_mode.js.map