"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
// Secrets are never stored in clear: passwords as bcrypt hashes, link and session tokens as sha-256
// hashes (they are long random values, so a fast hash is enough to make a leaked table useless).
async function up(knex) {
    await knex.schema.createTable('users', (t) => {
        t.string('id', 36).primary();
        t.string('email', 254).notNullable().unique();
        t.string('first_name', 100).notNullable();
        t.string('last_name', 100).notNullable();
        t.string('phone', 30);
        t.string('contact_email', 254).notNullable();
        t.string('siret', 14);
        t.string('status', 20).notNullable();
        t.boolean('operator').notNullable().defaultTo(false);
        t.string('password_hash', 100);
        t.integer('failed_sign_ins').notNullable().defaultTo(0);
        t.timestamp('locked_until', { useTz: true });
        t.timestamp('terms_accepted_at', { useTz: true }).notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('activated_at', { useTz: true });
    });
    // One row per emailed link (activation, password reset); the workflow decides validity, this keeps
    // the record and lets a retried activity find the link it already issued.
    await knex.schema.createTable('account_tokens', (t) => {
        t.string('link_key_hash', 64).primary();
        t.string('user_id', 36).notNullable().references('id').inTable('users');
        t.string('purpose', 20).notNullable();
        t.string('token_hash', 64).notNullable().unique();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.timestamp('used_at', { useTz: true });
        t.timestamp('created_at', { useTz: true }).notNullable();
    });
    await knex.schema.createTable('sessions', (t) => {
        t.string('token_hash', 64).primary();
        t.string('user_id', 36).notNullable().references('id').inTable('users');
        t.string('kind', 10).notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.index(['user_id']);
    });
    await knex.schema.createTable('sign_in_attempts', (t) => {
        t.increments('id');
        t.string('email', 254).notNullable();
        t.string('outcome', 30).notNullable();
        t.timestamp('at', { useTz: true }).notNullable();
        t.index(['email', 'at']);
    });
    await knex.schema.createTable('sent_emails', (t) => {
        t.string('key_hash', 64).primary();
        t.string('idempotency_key', 500).notNullable();
        t.string('recipient', 254).notNullable();
        t.string('subject', 300).notNullable();
        t.timestamp('sent_at', { useTz: true }).notNullable();
    });
}
async function down(knex) {
    await knex.schema.dropTable('sent_emails');
    await knex.schema.dropTable('sign_in_attempts');
    await knex.schema.dropTable('sessions');
    await knex.schema.dropTable('account_tokens');
    await knex.schema.dropTable('users');
}
//# sourceMappingURL=002_accounts.js.map