"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * The deposit channels beside direct file deposits: invoice drafts entered in the form or pre-filled
 * from a plain PDF, their attachments (pièces jointes), and flows (EDI batches) with their
 * integration report.
 */
async function up(knex) {
    await knex.schema.createTable('invoice_drafts', (t) => {
        t.string('id', 64).primary();
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('created_by', 64).notNullable().references('id').inTable('users');
        // BROUILLON while it is edited, ENVOYEE once deposited (then read-only).
        t.string('status', 20).notNullable();
        // The EN 16931 model as JSON (invoice/model.ts), checked against invoiceSchema on every save.
        t.text('invoice').notNullable();
        t.string('cadre_facturation', 80).notNullable();
        t.string('deposit_mode', 30).notNullable();
        t.string('invoice_id', 250);
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.index(['structure_id']);
    });
    await knex.schema.createTable('draft_attachments', (t) => {
        t.string('draft_id', 64).notNullable().references('id').inTable('invoice_drafts');
        t.string('name', 50).notNullable();
        t.string('blob_sha256', 64).notNullable();
        t.bigInteger('size').notNullable();
        t.string('media_type', 100).notNullable();
        // The deposited PDF a draft was pre-filled from (pièce jointe principale).
        t.boolean('main').notNullable().defaultTo(false);
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.primary(['draft_id', 'name']);
    });
    await knex.schema.createTable('flows', (t) => {
        // numeroFluxDepot; the workflow id is flux/<numero>.
        t.string('numero', 64).primary();
        t.string('syntax', 40).notNullable();
        t.string('blob_sha256', 64).notNullable();
        t.string('filename', 255);
        t.string('deposited_by', 64);
        t.string('status', 30).notNullable();
        t.integer('invoice_count');
        t.integer('integrated_count');
        // The integration report (compte rendu) as JSON, once the flow is settled.
        t.text('report');
        t.timestamp('deposited_at', { useTz: true }).notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
    });
}
async function down(knex) {
    await knex.schema.dropTable('flows');
    await knex.schema.dropTable('draft_attachments');
    await knex.schema.dropTable('invoice_drafts');
}
//# sourceMappingURL=005_deposits.js.map