import { Client } from '@temporalio/client';
import { createAccountActivities } from '../../activities/account';
import { createApp } from '../../api/app';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { EMAIL_CLAIM_LEASE_MS, EmailInFlight } from '../../platform/mail/mailer';
import { hashToken } from '../../platform/secrets';
import { startSmtpServer, testMailer, TestSmtp } from '../support/mail';
import { json } from '../support/platform';
import { closeTestDb, countRows, testBlobs, testDb } from '../support/stores';
import { seedUser } from '../support/people';
import { listen } from '../../api/listen';

const email = (key: string) => ({
  to: 'agent@example.fr',
  subject: 'Activez votre compte facturflow',
  text: 'Bonjour,\nhttp://portal.test/activation?token=abc',
  idempotencyKey: key,
});

describe('mail: SMTP, development outbox, idempotency', () => {
  let db: Db;
  let smtp: TestSmtp;
  beforeAll(async () => {
    [db, smtp] = await Promise.all([testDb(), startSmtpServer()]);
    await db('users').insert({
      id: 'u1',
      email: 'agent@example.fr',
      first_name: 'Alix',
      last_name: 'Martin',
      contact_email: 'agent@example.fr',
      status: 'PENDING',
      terms_accepted_at: new Date().toISOString(),
      created_at: new Date().toISOString(),
    });
  });
  afterAll(async () => {
    await smtp?.stop();
    await closeTestDb(db);
  });

  it('sends over SMTP once per idempotency key', async () => {
    const { mailer } = testMailer(db, smtp.config);
    await mailer.send(email('smtp-1'));
    await mailer.send(email('smtp-1'));
    await mailer.send(email('smtp-2'));
    expect(smtp.messages.map((m) => m.from?.value[0].address)).toEqual([
      'no-reply@facturflow.test',
      'no-reply@facturflow.test',
    ]);
    expect(smtp.messages[0].messageId).toBe(`<${hashToken('smtp-1')}@facturflow>`);
  });

  it('two attempts at once with the same key: one email, the other attempt told to try again', async () => {
    const { mailer } = testMailer(db, smtp.config);
    const before = smtp.messages.length;
    // An activity retried after its timeout while its first attempt is still talking to the server.
    const attempts = await Promise.allSettled([mailer.send(email('twice-1')), mailer.send(email('twice-1'))]);
    expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected')!.reason;
    expect(refused).toBeInstanceOf(EmailInFlight);
    expect(refused.code).toBe('EMAIL_IN_FLIGHT');
    // Its retry finds the email sent.
    await mailer.send(email('twice-1'));
    expect(smtp.messages.slice(before).map((m) => m.messageId)).toEqual([
      `<${hashToken('twice-1')}@facturflow>`,
    ]);
    expect(await countRows(db, 'email_claims', { key_hash: hashToken('twice-1') })).toBe(0);
  });

  it('waits on a live claim, takes over the claim of an attempt that died, releases it on failure', async () => {
    const { mailer } = testMailer(db, smtp.config);
    const claimed = (key: string, ageMs: number) =>
      db('email_claims').insert({
        key_hash: hashToken(key),
        token: 'an-attempt-that-died',
        claimed_at: new Date(Date.now() - ageMs).toISOString(),
      });
    const before = smtp.messages.length;
    await claimed('claimed-live', 1_000);
    await expect(mailer.send(email('claimed-live'))).rejects.toBeInstanceOf(EmailInFlight);
    await claimed('claimed-dead', EMAIL_CLAIM_LEASE_MS + 1_000);
    await mailer.send(email('claimed-dead'));
    expect(smtp.messages.slice(before).map((m) => m.messageId)).toEqual([
      `<${hashToken('claimed-dead')}@facturflow>`,
    ]);
    expect(await countRows(db, 'email_claims', { key_hash: hashToken('claimed-dead') })).toBe(0);

    // A server that refuses the connection: the attempt fails and leaves no claim behind.
    const { mailer: unreachable } = testMailer(db, { ...smtp.config, smtp: { url: 'smtp://127.0.0.1:1' } });
    await expect(unreachable.send(email('refused-1'))).rejects.toThrow(/ECONNREFUSED/);
    expect(await countRows(db, 'email_claims', { key_hash: hashToken('refused-1') })).toBe(0);
    await mailer.send(email('refused-1'));
    expect(smtp.messages.slice(before).map((m) => m.messageId)).toContain(
      `<${hashToken('refused-1')}@facturflow>`,
    );
  });

  it('a retried link activity sends one email and answers the hash of the token it carries', async () => {
    const { mailer } = testMailer(db, smtp.config);
    const { sendAccountLink } = createAccountActivities({ db, mailer });
    const request = {
      purpose: 'activation' as const,
      linkKey: 'account/agent@example.fr/run-1/1',
      userId: 'u1',
      email: 'agent@example.fr',
      firstName: 'Alix',
      sendTo: 'agent@example.fr',
      linkUrl: 'http://portal.test/activation',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      validityMinutes: 60,
    };
    const before = smtp.messages.length;
    const first = await sendAccountLink(request);
    const retry = await sendAccountLink(request);
    expect(retry).toEqual(first);
    expect(smtp.messages).toHaveLength(before + 1);
    const token = /token=([\w-]+)/.exec(smtp.messages[before].text ?? '')![1];
    expect(hashToken(token)).toBe(first.tokenHash);
    expect(await countRows(db, 'account_tokens', { token_hash: first.tokenHash })).toBe(1);
    expect(await countRows(db, 'account_tokens', { token_hash: token })).toBe(0);
  });

  it('without SMTP writes .eml files the development API lists and shows to operators', async () => {
    const { mailer, outbox } = testMailer(db);
    const operator = { authorization: `Bearer ${await seedUser(db, 'outbox-operator', { operator: true })}` };
    await mailer.send(email('outbox-1'));
    await mailer.send(email('outbox-1'));
    const app = createApp({
      db,
      // Never called by these routes: a client that would only connect when used.
      client: new Client(),
      blobs: testBlobs(),
      logger: createLogger('silent'),
      taskQueue: 'unused',
      maxUploadBytes: 1024,
      publicUrl: 'http://portal.test',
      outbox,
    });
    const server = await listen(app, 0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1/dev/outbox`;
      const { messages } = await json(await fetch(url, { headers: operator }));
      expect(messages).toEqual([
        {
          id: expect.stringMatching(/\.eml$/),
          to: 'agent@example.fr',
          subject: 'Activez votre compte facturflow',
          date: expect.any(String),
        },
      ]);
      const raw = await fetch(`${url}/${messages[0].id}`, { headers: operator });
      expect(raw.headers.get('content-type')).toContain('message/rfc822');
      expect(await raw.text()).toContain('Subject: Activez votre compte facturflow');
      // Decoded for a reader (the raw message is MIME, its text possibly quoted-printable), with its links.
      const decoded = await json(
        await fetch(`${url}/${messages[0].id}`, { headers: { ...operator, accept: 'application/json' } }),
      );
      expect(decoded).toMatchObject({ subject: 'Activez votre compte facturflow', text: expect.any(String) });
      expect(decoded.links).toEqual(['http://portal.test/activation?token=abc']);
      const missing = await fetch(`${url}/nope.eml`, { headers: operator });
      expect((await json(missing)).error.code).toBe('EMAIL_NOT_FOUND');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
