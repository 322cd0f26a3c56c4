"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * The invoice lifecycle after delivery: who the parties are (structures), the routing data a recycle
 * may change, the payment period and late-payment figures, the delivered rendition and the deposit
 * certificate; history rows gain the reform code, the user and the reason; recipients choose the
 * format they receive and their payment category; members subscribe to invoice emails.
 */
async function up(knex) {
    await knex.schema.alterTable('invoices', (t) => {
        t.string('supplier_structure_id', 64).references('id').inTable('structures');
        t.string('validator_id', 80);
        t.string('validator_structure_id', 64).references('id').inTable('structures');
        t.string('cadre', 80);
        t.string('service_code', 100);
        t.string('engagement_number', 50);
        t.integer('reform_code');
        t.string('mandate_number', 100);
        t.string('due_date', 10);
        t.boolean('late').notNullable().defaultTo(false);
        t.string('interest_rate', 20);
        t.integer('late_days');
        t.string('late_interest', 40);
        t.string('flat_indemnity', 40);
        t.timestamp('paid_at', { useTz: true });
        t.timestamp('rejection_acknowledged_at', { useTz: true });
        t.string('certificate_sha256', 64).references('sha256').inTable('blobs');
        t.string('delivered_format', 20);
        t.string('delivered_sha256', 64).references('sha256').inTable('blobs');
        t.index(['supplier_structure_id', 'deposited_at']);
        t.index(['recipient_structure_id', 'deposited_at']);
    });
    await knex.schema.alterTable('invoice_status_history', (t) => {
        t.integer('reform_code');
        t.string('user_id', 64);
        t.text('reason');
        t.string('mandate_number', 100);
        // JSON array of attachment blob references (supplier completion).
        t.text('attachments');
    });
    await knex.schema.alterTable('structures', (t) => {
        // original, ubl, cii, facturx or pdf.
        t.string('preferred_format', 20).notNullable().defaultTo('original');
        // ETAT, COLLECTIVITE or HOSPITALIER: the legal payment delay depends on it.
        t.string('payment_category', 20);
    });
    await knex.schema.createTable('invoice_subscriptions', (t) => {
        t.string('structure_id', 64).notNullable().references('id').inTable('structures');
        t.string('user_id', 64).notNullable().references('id').inTable('users');
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.primary(['structure_id', 'user_id']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('invoice_subscriptions');
    await knex.schema.alterTable('structures', (t) => {
        t.dropColumn('preferred_format');
        t.dropColumn('payment_category');
    });
    await knex.schema.alterTable('invoice_status_history', (t) => {
        for (const c of ['reform_code', 'user_id', 'reason', 'mandate_number', 'attachments'])
            t.dropColumn(c);
    });
    await knex.schema.alterTable('invoices', (t) => {
        t.dropIndex(['supplier_structure_id', 'deposited_at']);
        t.dropIndex(['recipient_structure_id', 'deposited_at']);
        for (const c of [
            'supplier_structure_id',
            'validator_id',
            'validator_structure_id',
            'cadre',
            'service_code',
            'engagement_number',
            'reform_code',
            'mandate_number',
            'due_date',
            'late',
            'interest_rate',
            'late_days',
            'late_interest',
            'flat_indemnity',
            'paid_at',
            'rejection_acknowledged_at',
            'certificate_sha256',
            'delivered_format',
            'delivered_sha256',
        ])
            t.dropColumn(c);
    });
}
//# sourceMappingURL=004_lifecycle.js.map