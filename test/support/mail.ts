import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ParsedMail, simpleParser } from 'mailparser';
import type { MailConfig } from '../../platform/mail/mailer';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { createMailer } from '../../platform/mail/mailer';
import { tempDir } from './stores';

/** A real SMTP server in the test process: every message it receives is parsed and kept. */
export interface TestSmtp {
  config: MailConfig;
  messages: ParsedMail[];
  /** Resolves with the first message to `to` after the `after`-th one, waiting for it to arrive. */
  next(to: string, after?: number): Promise<ParsedMail>;
  received(to: string): ParsedMail[];
  stop(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const received = (to: string) => messages.filter((m) => [m.to].flat().some((a) => a?.text.includes(to)));
  return {
    config: { from: 'facturflow <no-reply@facturflow.test>', smtp: { url: `smtp://127.0.0.1:${port}` } },
    messages,
    received,
    async next(to, after = 0) {
      const deadline = Date.now() + 30_000;
      while (received(to).length <= after) {
        if (Date.now() > deadline) throw new Error(`no email #${after + 1} to ${to} within 30 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received(to)[after];
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A mailer for tests: the given SMTP server, or else a fresh outbox directory. */
export function testMailer(db: Db, mail: MailConfig = { from: 'facturflow <no-reply@facturflow.test>' }) {
  return createMailer({ db, mail, outboxDir: tempDir('outbox'), logger: createLogger('silent') });
}
