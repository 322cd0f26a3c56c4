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
 * The platform's mailer: SMTP when configured, else the development outbox. Every key it has sent
 * is remembered in `sent_emails`, so a retried activity never sends the same email twice.
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
      // The subject and recipient only: bodies carry links with tokens.
      logger.info({ to: email.to, subject: email.subject, outbox: !!outbox }, 'email sent');
    },
  };
  return { mailer, outbox };
}

export function smtpOptions(smtp: NonNullable<MailConfig['smtp']>) {
  if ('url' in smtp) return smtp.url;
  return {
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
