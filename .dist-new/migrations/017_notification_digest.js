"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * The daily digest of new invoices: a member's choice, per structure, of one email a day instead of
 * one per invoice (`notification_digest_choices`), and the notices held for it until the digest that
 * lists them is sent (`notification_digest_items`). A held notice is claimed by one digest (its
 * `digest_key`, also the email's idempotency key) and marked sent once that email went out, so a
 * worker restart neither loses nor repeats one.
 */
async function up(knex) {
    await knex.schema.createTable('notification_digest_choices', (t) => {
        t.string('user_id', 64).notNullable().references('id').inTable('users');
        t.string('structure_id', 64).notNullable();
        t.boolean('daily').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.primary(['user_id', 'structure_id']);
    });
    await knex.schema.createTable('notification_digest_items', (t) => {
        t.increments('id');
        /** One held notice per invoice event and member: a retried activity holds nothing twice. */
        t.string('item_key', 400).notNullable().unique();
        t.string('user_id', 64).notNullable().references('id').inTable('users');
        t.string('structure_id', 64).notNullable();
        t.string('to_email', 320).notNullable();
        t.string('invoice_id', 200).notNullable();
        t.string('kind', 20).notNullable();
        t.string('number', 100).notNullable();
        t.string('supplier_name', 300);
        t.string('recipient_name', 300);
        t.string('amount', 40);
        t.string('currency', 3);
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.string('digest_key', 200);
        t.timestamp('sent_at', { useTz: true });
        t.index(['sent_at', 'created_at']);
        t.index(['user_id', 'structure_id']);
        t.index(['digest_key']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('notification_digest_items');
    await knex.schema.dropTable('notification_digest_choices');
}
//# sourceMappingURL=017_notification_digest.js.map