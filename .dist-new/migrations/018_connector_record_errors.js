"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * Why an ERP record could not be filed, kept per record until it is (a sync report only tells of its
 * own pages): the Applications page lists them with a retry.
 */
async function up(knex) {
    await knex.schema.createTable('connector_record_errors', (t) => {
        t.string('connection_id', 64).notNullable().references('id').inTable('connections');
        t.string('external_id', 200).notNullable();
        t.string('code', 80).notNullable();
        t.text('message').notNullable();
        t.timestamp('failed_at', { useTz: true }).notNullable();
        t.primary(['connection_id', 'external_id']);
    });
}
async function down(knex) {
    await knex.schema.dropTable('connector_record_errors');
}
//# sourceMappingURL=018_connector_record_errors.js.map