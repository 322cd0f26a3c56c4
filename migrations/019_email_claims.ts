import type { Knex } from 'knex';

/**
 * Emails being sent: an attempt claims an email's key before it talks to the SMTP server, so a second
 * attempt running at the same time (an activity retried after its timeout while the first still runs)
 * waits instead of sending the email again. A claim is removed once `sent_emails` records the email.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('email_claims', (t) => {
    t.string('key_hash', 64).primary();
    t.string('token', 36).notNullable();
    t.timestamp('claimed_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('email_claims');
}
