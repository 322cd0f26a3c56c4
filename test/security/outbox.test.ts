import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bin/config';
import type { Db } from '../../platform/db';
import { hashToken, newToken } from '../../platform/secrets';
import { testMailer } from '../support/mail';
import { seedUser } from '../support/people';
import { json } from '../support/platform';
import { closeTestDb, testDb } from '../support/stores';
import { serveApi } from './serve';

async function cookieFor(db: Db, userId: string): Promise<string> {
  const token = newToken();
  await db('sessions').insert({
    token_hash: hashToken(token),
    user_id: userId,
    kind: 'cookie',
    created_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return `ff_session=${token}`;
}

describe('development outbox: enabled on request, operators only', () => {
  let db: Db;
  let operator: string;
  let member: string;
  beforeAll(async () => {
    db = await testDb();
    operator = await seedUser(db, 'outbox-op', { operator: true });
    member = await seedUser(db, 'outbox-member');
  });
  afterAll(() => closeTestDb(db));

  it('shows the emails, with their activation links, to operators only (API)', async () => {
    const { mailer, outbox } = testMailer(db);
    await mailer.send({
      to: 'victime@example.fr',
      subject: 'Activez votre compte facturflow',
      text: 'http://portal.test/activation?token=secret',
      idempotencyKey: 'outbox-security-1',
    });
    const api = await serveApi(db, { outbox });
    try {
      const list = (token?: string) =>
        fetch(`${api.url}/api/v1/dev/outbox`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      const anonymous = await list();
      expect(anonymous.status).toBe(401);
      expect(JSON.stringify(await json(anonymous))).not.toContain('victime');
      const asMember = await list(member);
      expect(asMember.status).toBe(403);
      expect((await json(asMember)).error.code).toBe('OPERATOR_REQUIRED');
      const asOperator = await list(operator);
      expect(asOperator.status).toBe(200);
      const { messages } = await json(asOperator);
      expect(messages.map((m: { to: string }) => m.to)).toEqual(['victime@example.fr']);
      // One message by id: the same rule.
      const one = await fetch(`${api.url}/api/v1/dev/outbox/${messages[0].id}`, {
        headers: { accept: 'application/json' },
      });
      expect(one.status).toBe(401);
      const oneAsMember = await fetch(`${api.url}/api/v1/dev/outbox/${messages[0].id}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${member}` },
      });
      expect(oneAsMember.status).toBe(403);
    } finally {
      await api.close();
    }
  });

  it('draws the /outbox page for operators only: others sign in, or find no such page', async () => {
    const api = await serveApi(db, { outbox: testMailer(db).outbox });
    try {
      const anonymous = await fetch(`${api.url}/outbox`, { redirect: 'manual' });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/connexion\?/);
      const asMember = await fetch(`${api.url}/outbox`, {
        redirect: 'manual',
        headers: { cookie: await cookieFor(db, 'outbox-member') },
      });
      expect(asMember.status).toBe(404);
      const asOperator = await fetch(`${api.url}/outbox`, {
        redirect: 'manual',
        headers: { cookie: await cookieFor(db, 'outbox-op') },
      });
      expect(asOperator.status).toBe(200);
      expect(await asOperator.text()).toContain('data-outbox');
    } finally {
      await api.close();
    }
  });

  it('does not exist when not enabled, even for operators', async () => {
    const api = await serveApi(db);
    try {
      const res = await fetch(`${api.url}/api/v1/dev/outbox`, {
        headers: { authorization: `Bearer ${operator}` },
      });
      expect(res.status).toBe(404);
      const page = await fetch(`${api.url}/outbox`, {
        redirect: 'manual',
        headers: { cookie: await cookieFor(db, 'outbox-op') },
      });
      expect(page.status).toBe(404);
    } finally {
      await api.close();
    }
  });
});

describe('configuration: listening address and outbox', () => {
  it('listens on loopback and keeps the outbox off unless asked', () => {
    expect(loadConfig({}, '/srv/ff')).toMatchObject({ host: '127.0.0.1', devOutbox: false });
    expect(loadConfig({ HOST: '0.0.0.0', DEV_OUTBOX: 'true' }, '/srv/ff')).toMatchObject({
      host: '0.0.0.0',
      devOutbox: true,
    });
  });

  it('refuses an outbox next to an SMTP server, and values other than true or false', () => {
    expect(() => loadConfig({ DEV_OUTBOX: 'true', SMTP_URL: 'smtp://mail.example.org' })).toThrow(
      /DEV_OUTBOX=true needs no SMTP/,
    );
    expect(() => loadConfig({ DEV_OUTBOX: 'yes' })).toThrow(/DEV_OUTBOX must be "true" or "false"/);
  });
});

describe('the outbox reader', () => {
  it('loads mailparser only when the outbox is read, not in processes that only send', () => {
    const root = path.join(__dirname, '..', '..');
    const script = `
      const { Outbox } = require('./platform/mail/outbox');
      require('./platform/mail/mailer');
      const loaded = () => Object.keys(require.cache).some((m) => m.includes('/node_modules/mailparser/'));
      const before = loaded();
      const outbox = new Outbox(process.argv[1]);
      outbox
        .write('1-message', Buffer.from('To: a@example.org\\r\\nSubject: Bonjour\\r\\n\\r\\nCorps'))
        .then(() => outbox.list())
        .then((list) => console.log(JSON.stringify({ before, after: loaded(), subjects: list.map((m) => m.subject) })));`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-outbox-'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
      before: false,
      after: true,
      subjects: ['Bonjour'],
    });
  }, 60_000);
});
