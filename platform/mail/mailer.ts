import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db } from '../db';
import type { Logger } from '../logger';
import type { Mailer, OutgoingEmail } from '../mailer';
import { Outbox } from './outbox';

/** Where emails go: an SMTP server when configured, else .eml files in the development outbox. */
export interface MailConfig {
  from: string;
  smtp?: { url: string } | { host: string; port: number; secure: boolean; user?: string; password?: string };
}

export interface MailSetup {
  db: Db;
  mail: MailConfig;
  /** Where messages are written when no SMTP server is configured. */
  outboxDir: string;
  logger: Logger;
}

/**
 * How long an attempt holds an email's key before another attempt may take it over: longer than an
 * SMTP exchange can last under the transport's timeouts (SMTP_TIMEOUTS), so a live attempt keeps it
 * and only a dead one's claim is taken over.
 */
export const EMAIL_CLAIM_LEASE_MS = 2 * 60_000;
/** nodemailer's defaults wait up to 2 minutes to connect and 10 minutes on a silent socket. */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/**
 * Another attempt is sending this email now. Retryable: the next attempt finds it sent, or finds the
 * claim of an attempt that died and takes it over.
 */
export class EmailInFlight extends Error {
  readonly code = 'EMAIL_IN_FLIGHT';
  constructor(readonly to: string) {
    super(`An email to ${to} with this key is being sent by another attempt; try again shortly`);
    this.name = 'EmailInFlight';
  }
}

/**
 * The platform's mailer: SMTP when configured, else the development outbox. Every key it has sent
 * is remembered in `sent_emails`, so a retried activity never sends the same email twice; while a key
 * is being sent it is claimed in `email_claims`, so two attempts at once do not both send it. One
 * window remains: an attempt that dies after the SMTP server took the message and before it is
 * recorded; its email goes out again once the claim lapses, with the same Message-ID.
 */
export function createMailer({ db, mail, outboxDir, logger }: MailSetup): {
  mailer: Mailer;
  outbox?: Outbox;
} {
  const outbox = mail.smtp ? undefined : new Outbox(outboxDir);
  const transport = mail.smtp
    ? nodemailer.createTransport(smtpOptions(mail.smtp))
    : nodemailer.createTransport({ streamTransport: true, buffer: true });

  const mailer: Mailer = {
    async send(email: OutgoingEmail): Promise<void> {
      if (await wasSent(db, email.idempotencyKey)) return;
      const hash = keyHash(email.idempotencyKey);
      const token = crypto.randomUUID();
      if (!(await claim(db, hash, token))) throw new EmailInFlight(email.to);
      const release = () => db('email_claims').where({ key_hash: hash, token }).delete();
      try {
        // Sent by an attempt that finished between the first look and the claim.
        if (await wasSent(db, email.idempotencyKey)) return;
        const info = await transport.sendMail({
          from: mail.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          // Derived from the key: should a crash still let a message out twice, receivers can tell.
          messageId: `<${hash}@facturflow>`,
        });
        if (outbox) await outbox.write(`${Date.now()}-${hash.slice(0, 16)}`, info.message as Buffer);
        // Recorded before the claim goes: whoever claims the key next finds it sent.
        await db('sent_emails')
          .insert({
            key_hash: hash,
            idempotency_key: email.idempotencyKey.slice(0, 500),
            recipient: email.to,
            subject: email.subject.slice(0, 300),
            sent_at: new Date().toISOString(),
          })
          .onConflict('key_hash')
          .ignore();
      } finally {
        await release();
      }
      // The subject and recipient only: bodies carry links with tokens.
      logger.info({ to: email.to, subject: email.subject, outbox: !!outbox }, 'email sent');
    },
  };
  return { mailer, outbox };
}

/**
 * Claims an email's key for one attempt: true when the key is now this attempt's, false while another
 * attempt holds it. A claim older than the lease is taken over (its attempt died).
 */
async function claim(db: Db, hash: string, token: string): Promise<boolean> {
  const now = new Date();
  await db('email_claims')
    .insert({ key_hash: hash, token, claimed_at: now.toISOString() })
    .onConflict('key_hash')
    .ignore();
  const held = await db('email_claims').where({ key_hash: hash }).first();
  if (!held) return claim(db, hash, token); // released in between: claim it afresh
  if (held.token === token) return true;
  if (now.getTime() - new Date(held.claimed_at).getTime() < EMAIL_CLAIM_LEASE_MS) return false;
  const taken = await db('email_claims')
    .where({ key_hash: hash, token: held.token })
    .update({ token, claimed_at: now.toISOString() });
  return taken === 1;
}

export function smtpOptions(smtp: NonNullable<MailConfig['smtp']>) {
  if ('url' in smtp) return { url: smtp.url, ...SMTP_TIMEOUTS };
  return {
    ...SMTP_TIMEOUTS,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
  };
}

/** Whether an email with this idempotency key has already gone out. */
export async function wasSent(db: Db, idempotencyKey: string): Promise<boolean> {
  return !!(await db('sent_emails')
    .where({ key_hash: keyHash(idempotencyKey) })
    .first());
}

function keyHash(idempotencyKey: string): string {
  return crypto.createHash('sha256').update(idempotencyKey).digest('hex');
}
