"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * Credentials guarded in the database, so every API process sees the same counts: failed attempts
 * and the lock they lead to, per credential (a technical account's login, an OAuth client), and
 * requests counted per minute window (per IP, per client) for rate limits. And the password chosen
 * through an emailed link waits here, by the link's token hash, rather than in workflow history.
 */
async function up(knex) {
    await knex.schema.createTable('credential_failures', (t) => {
        // `<kind>:<identifier>`, e.g. technical-account:<login>, oauth-client:<client_id>.
        t.string('key', 300).primary();
        t.integer('failures').notNullable();
        t.timestamp('locked_until', { useTz: true });
        t.timestamp('updated_at', { useTz: true }).notNullable();
    });
    await knex.schema.createTable('rate_windows', (t) => {
        // `<limit>:<who>`, e.g. sign-in-ip:203.0.113.7.
        t.string('key', 300).notNullable();
        // Start of the window, in whole seconds since the epoch.
        t.bigInteger('window_start').notNullable();
        t.integer('hits').notNullable();
        t.primary(['key', 'window_start']);
        t.index(['window_start']);
    });
    await knex.schema.alterTable('account_tokens', (t) => {
        t.string('pending_password_hash', 100);
    });
}
async function down(knex) {
    await knex.schema.alterTable('account_tokens', (t) => {
        t.dropColumn('pending_password_hash');
    });
    await knex.schema.dropTable('rate_windows');
    await knex.schema.dropTable('credential_failures');
}
//# sourceMappingURL=015_credential_throttle.js.map