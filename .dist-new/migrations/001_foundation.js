"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
// Amounts are stored as decimal text: exact on SQLite (which has no decimal type) and PostgreSQL alike.
async function up(knex) {
    await knex.schema.createTable('structures', (t) => {
        t.string('id', 64).primary();
        t.string('identifier_type', 20).notNullable().defaultTo('SIRET');
        t.string('identifier', 80).notNullable();
        t.string('name', 200).notNullable();
        t.boolean('service_code_required').notNullable().defaultTo(false);
        t.boolean('engagement_number_required').notNullable().defaultTo(false);
        t.boolean('engagement_or_service_required').notNullable().defaultTo(false);
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.unique(['identifier_type', 'identifier']);
    });
    await knex.schema.createTable('blobs', (t) => {
        t.string('sha256', 64).primary();
        t.bigInteger('size').notNullable();
        t.string('media_type', 100).notNullable();
        t.string('filename', 255);
        t.timestamp('created_at', { useTz: true }).notNullable();
    });
    await knex.schema.createTable('invoices', (t) => {
        t.string('id', 300).primary();
        t.string('supplier_id', 80).notNullable();
        t.string('supplier_name', 200);
        t.string('recipient_id', 80);
        t.string('recipient_name', 200);
        t.string('recipient_structure_id', 64).references('id').inTable('structures');
        t.string('number', 100).notNullable();
        t.integer('year').notNullable();
        t.string('issue_date', 10);
        t.string('type_code', 10);
        t.string('currency', 3);
        t.string('total_without_vat', 40);
        t.string('total_vat', 40);
        t.string('total_with_vat', 40);
        t.string('amount_due', 40);
        t.string('format', 30).notNullable();
        t.string('deposit_mode', 30).notNullable();
        t.string('blob_sha256', 64).notNullable().references('sha256').inTable('blobs');
        t.string('status', 40).notNullable();
        t.timestamp('status_at', { useTz: true }).notNullable();
        t.timestamp('deposited_at', { useTz: true }).notNullable();
        t.index(['supplier_id', 'year']);
        t.index(['recipient_id', 'status']);
    });
    await knex.schema.createTable('invoice_status_history', (t) => {
        t.increments('id');
        t.string('invoice_id', 300).notNullable().references('id').inTable('invoices');
        t.integer('seq').notNullable();
        t.string('status', 40).notNullable();
        t.timestamp('at', { useTz: true }).notNullable();
        t.text('comment');
        t.text('reasons');
        t.string('actor', 200);
        t.unique(['invoice_id', 'seq']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('invoice_status_history');
    await knex.schema.dropTable('invoices');
    await knex.schema.dropTable('blobs');
    await knex.schema.dropTable('structures');
}
//# sourceMappingURL=001_foundation.js.map