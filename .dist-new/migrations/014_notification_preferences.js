"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * A member's choice for one kind of invoice email of one structure. Without a row, the event's default
 * applies (invoicing/notification-events.ts): on for what a supplier acts on and for a buyer's new
 * invoices.
 */
async function up(knex) {
    await knex.schema.createTable('notification_preferences', (t) => {
        t.string('user_id', 64).notNullable().references('id').inTable('users');
        t.string('structure_id', 64).notNullable();
        t.string('event', 40).notNullable();
        t.boolean('enabled').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.primary(['user_id', 'structure_id', 'event']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('notification_preferences');
}
//# sourceMappingURL=014_notification_preferences.js.map