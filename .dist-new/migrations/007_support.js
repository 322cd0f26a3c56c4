"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * Support: assistant conversations with their exchanges (question, answer, rating) and live-chat
 * transcripts, advisors' presence, and requests (sollicitations) with their messages. Workflows are
 * the source of truth while a conversation or request is open; these tables are what stays after.
 */
async function up(knex) {
    await knex.schema.createTable('support_conversations', (t) => {
        t.string('id', 100).primary();
        t.string('user_id', 64).references('id').inTable('users');
        t.string('status', 30).notNullable();
        // What the user was offered after misunderstandings: LIVE_CHAT or REQUEST.
        t.string('offer', 20);
        t.integer('misunderstood').notNullable().defaultTo(0);
        t.integer('negative_ratings').notNullable().defaultTo(0);
        t.string('chat_status', 30);
        t.string('advisor_id', 64).references('id').inTable('users');
        t.timestamp('chat_requested_at', { useTz: true });
        t.timestamp('started_at', { useTz: true }).notNullable();
        t.timestamp('ended_at', { useTz: true });
        t.index(['chat_status']);
    });
    await knex.schema.createTable('support_exchanges', (t) => {
        t.string('conversation_id', 100).notNullable().references('id').inTable('support_conversations');
        t.integer('seq').notNullable();
        t.text('question').notNullable();
        t.text('answer').notNullable();
        t.string('article', 100);
        t.boolean('understood').notNullable();
        // null: not rated; true / false: the user found the answer useful or not.
        t.boolean('useful');
        t.timestamp('asked_at', { useTz: true }).notNullable();
        t.primary(['conversation_id', 'seq']);
    });
    await knex.schema.createTable('support_chat_messages', (t) => {
        t.string('conversation_id', 100).notNullable().references('id').inTable('support_conversations');
        t.integer('seq').notNullable();
        t.string('author', 10).notNullable();
        t.string('author_id', 64);
        t.text('text').notNullable();
        t.timestamp('at', { useTz: true }).notNullable();
        t.primary(['conversation_id', 'seq']);
    });
    await knex.schema.createTable('support_advisors', (t) => {
        t.string('user_id', 64).primary().references('id').inTable('users');
        t.boolean('available').notNullable().defaultTo(false);
        t.timestamp('updated_at', { useTz: true }).notNullable();
    });
    await knex.schema.createTable('support_requests', (t) => {
        // sollicitation/<uuid>: the workflow id.
        t.string('id', 100).primary();
        t.string('user_id', 64).references('id').inTable('users');
        t.string('contact_email', 254).notNullable();
        t.string('category', 60).notNullable();
        t.string('subcategory', 60).notNullable();
        // PLATEFORME (platform support) or SERVICE_ACHETEUR (the business service of the buyer concerned).
        t.string('routing', 20).notNullable();
        t.string('structure_id', 64).references('id').inTable('structures');
        t.string('service_code', 100);
        t.string('subject', 200).notNullable();
        t.string('status', 30).notNullable();
        t.string('advisor_id', 64).references('id').inTable('users');
        t.timestamp('created_at', { useTz: true }).notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable();
        t.index(['user_id']);
        t.index(['structure_id', 'status']);
    });
    await knex.schema.createTable('support_request_messages', (t) => {
        t.string('request_id', 100).notNullable().references('id').inTable('support_requests');
        t.integer('seq').notNullable();
        t.string('author', 10).notNullable();
        t.string('author_id', 64);
        t.text('text').notNullable();
        t.timestamp('at', { useTz: true }).notNullable();
        t.primary(['request_id', 'seq']);
    });
}
async function down(knex) {
    for (const table of [
        'support_request_messages',
        'support_requests',
        'support_advisors',
        'support_chat_messages',
        'support_exchanges',
        'support_conversations',
    ])
        await knex.schema.dropTable(table);
}
//# sourceMappingURL=007_support.js.map