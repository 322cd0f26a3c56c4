import fs from 'node:fs/promises';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';

/** One message in the development outbox. */
export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  date?: string;
}

/** One message decoded for reading: its text and the links in it (activation, reset...). */
export interface OutboxMessage extends OutboxEntry {
  text: string;
  links: string[];
}

const ID = /^[\w.-]+\.eml$/;

const recipients = (to: ParsedMail['to']) =>
  to
    ? [to]
        .flat()
        .map((a) => a.text)
        .join(', ')
    : '';

/**
 * The development outbox: where email goes when no SMTP server is configured, one .eml file per
 * message, so a developer can open an activation link without a mail server.
 */
export class Outbox {
  constructor(readonly dir: string) {}

  /** Writes one message whole (through a temporary file), so a listing never shows half of one. */
  async write(name: string, raw: Buffer): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${name}.eml`);
    await fs.writeFile(`${file}.tmp`, raw);
    await fs.rename(`${file}.tmp`, file);
  }

  /** The messages, newest first. */
  async list(): Promise<OutboxEntry[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const entries = await Promise.all(
      names
        .filter((n) => ID.test(n))
        .map(async (id) => {
          const mail = await parseMail(await fs.readFile(path.join(this.dir, id)));
          return { id, to: recipients(mail.to), subject: mail.subject ?? '', date: mail.date?.toISOString() };
        }),
    );
    return entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  }

  /** One message as it would have been sent (RFC 822), or undefined when there is none by that id. */
  async read(id: string): Promise<Buffer | undefined> {
    if (!ID.test(id)) return undefined;
    return fs.readFile(path.join(this.dir, id)).catch(() => undefined);
  }

  /** One message decoded (MIME, quoted-printable, charset), or undefined when there is none by that id. */
  async message(id: string): Promise<OutboxMessage | undefined> {
    const raw = await this.read(id);
    if (!raw) return undefined;
    const mail = await parseMail(raw);
    const text = mail.text ?? '';
    return {
      id,
      to: recipients(mail.to),
      subject: mail.subject ?? '',
      date: mail.date?.toISOString(),
      text,
      links: [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])],
    };
  }
}

/**
 * A message decoded by mailparser, loaded when the outbox is first read: the worker and the API only
 * write here until someone opens the outbox (bench:memory: 13 MB less in the API at start, 5 MB in
 * the worker).
 */
async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const { simpleParser } = await import('mailparser');
  return simpleParser(raw);
}
