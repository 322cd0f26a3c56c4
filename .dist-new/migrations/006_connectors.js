"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * ERP connections of a structure ("Applications"), their sync cursor and last report, and the link
 * from an ERP's invoice id to the platform's invoice: the key that keeps one ERP invoice one invoice.
 */
async function up(knex) {
    await knex.schema.createTable('connections', (t) => {
        t.string('id', 64).primary();
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('connector_id', 100).notNullable();
        t.string('label', 200);
        // JSON settings (no secrets), and the credentials sealed with AES-256-GCM (never returned).
        t.text('config').notNullable();
        t.text('credentials_sealed');
        // ACTIVE, PAUSED, ERROR (a person must act, e.g. new credentials), DELETED.
        t.string('status', 20).notNullable();
        t.text('error');
        t.integer('sync_interval_minutes').notNullable();
        // sha-256 of the webhook token given once at creation.
        t.string('webhook_token_hash', 64);
        // Where the next listing starts; written after every page so a sync resumes where it stopped.
        t.text('cursor');
        t.text('last_report');
        t.string('created_by', 64).references('id').inTable('users');
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.index(['structure_id']);
    });
    await knex.schema.createTable('connector_invoices', (t) => {
        t.string('connection_id', 64).notNullable().references('id').inTable('connections');
        t.string('external_id', 200).notNullable();
        t.string('invoice_id', 300).notNullable();
        // The last buyer status written back to the ERP, so each one is written once.
        t.string('pushed_status', 40);
        // The ERP's own PDF of the invoice, kept beside the deposited file.
        t.string('original_pdf_sha256', 64);
        t.timestamp('imported_at', { useTz: true }).notNullable();
        t.primary(['connection_id', 'external_id']);
        t.index(['invoice_id']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('connector_invoices');
    await knex.schema.dropTable('connections');
}
//# sourceMappingURL=006_connectors.js.map