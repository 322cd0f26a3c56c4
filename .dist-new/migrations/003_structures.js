"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * The fiche structure beyond 001's identity and recipient parameters: general information, bank
 * accounts, services, members with their roles, attachment requests, the operators' queue, and the
 * platform's own company directory (the default company registry).
 */
async function up(knex) {
    await knex.schema.alterTable('structures', (t) => {
        t.boolean('public').notNullable().defaultTo(false);
        t.string('street', 200);
        t.string('postal_code', 20);
        t.string('city', 100);
        t.string('country_code', 2).notNullable().defaultTo('FR');
        t.string('vat_number', 20);
        t.string('rcs', 100);
        t.string('email', 254);
        // JSON array of the spaces the structure uses (personalisation).
        t.text('spaces');
        t.string('created_by', 64).references('id').inTable('users');
    });
    await knex.schema.createTable('structure_bank_accounts', (t) => {
        t.string('id', 64).primary();
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('iban', 34).notNullable();
        t.string('bic', 11).notNullable();
        t.string('label', 100);
        t.boolean('factor').notNullable().defaultTo(false);
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.unique(['structure_id', 'iban']);
    });
    await knex.schema.createTable('structure_services', (t) => {
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('code', 100).notNullable();
        t.string('name', 200).notNullable();
        t.boolean('active').notNullable().defaultTo(true);
        t.string('valid_from', 10);
        t.string('valid_to', 10);
        t.boolean('engagement_required').notNullable().defaultTo(false);
        t.primary(['structure_id', 'code']);
    });
    await knex.schema.createTable('structure_members', (t) => {
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('user_id', 64).notNullable().references('id').inTable('users');
        t.string('role', 20).notNullable();
        // JSON array of service codes the member acts for; empty means the whole structure.
        t.text('services').notNullable().defaultTo('[]');
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.primary(['structure_id', 'user_id']);
        t.index(['user_id']);
    });
    await knex.schema.createTable('attachment_requests', (t) => {
        // attachment/<structureId>/<userId>: the workflow id; a later request after a decision reuses the row.
        t.string('id', 200).primary();
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('user_id', 64).notNullable().references('id').inTable('users');
        t.string('requester_email', 254).notNullable();
        t.text('services').notNullable().defaultTo('[]');
        t.string('status', 30).notNullable();
        t.timestamp('requested_at', { useTz: true }).notNullable();
        t.timestamp('decided_at', { useTz: true });
        t.string('decided_by', 64).references('id').inTable('users');
        t.string('role', 20);
        t.text('reason');
        t.index(['structure_id', 'status']);
    });
    await knex.schema.createTable('operator_tasks', (t) => {
        t.string('id', 250).primary();
        t.string('kind', 40).notNullable();
        t.string('subject_id', 200).notNullable();
        t.string('structure_id', 64).references('id').inTable('structures');
        t.text('summary').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('resolved_at', { useTz: true });
        t.index(['resolved_at']);
    });
    await knex.schema.createTable('company_registry', (t) => {
        t.string('siret', 14).primary();
        t.string('name', 200).notNullable();
        t.string('street', 200);
        t.string('postal_code', 20);
        t.string('city', 100);
        t.timestamp('updated_at', { useTz: true }).notNullable();
    });
}
async function down(knex) {
    await knex.schema.dropTable('company_registry');
    await knex.schema.dropTable('operator_tasks');
    await knex.schema.dropTable('attachment_requests');
    await knex.schema.dropTable('structure_members');
    await knex.schema.dropTable('structure_services');
    await knex.schema.dropTable('structure_bank_accounts');
    await knex.schema.alterTable('structures', (t) => {
        for (const c of [
            'public',
            'street',
            'postal_code',
            'city',
            'country_code',
            'vat_number',
            'rcs',
            'email',
            'spaces',
            'created_by',
        ])
            t.dropColumn(c);
    });
}
//# sourceMappingURL=003_structures.js.map