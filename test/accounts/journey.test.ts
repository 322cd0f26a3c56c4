import type { ParsedMail } from 'mailparser';
import { setOperator } from '../../accounts/users';
import { countRows } from '../support/stores';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { json, startTestPlatform, TestPlatform } from '../support/platform';

/** The whole account journey through HTTP, with the emails read from a real SMTP exchange. */
describe('accounts: register, activate, sign in', () => {
  let smtp: TestSmtp;
  let p: TestPlatform;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    p = await startTestPlatform({ mail: smtp.config });
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
    await smtp?.stop();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${p.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const register = (email: string, extra: Record<string, unknown> = {}) =>
    post('/accounts', { email, firstName: 'Camille', lastName: 'Durand', acceptTerms: true, ...extra });
  const linkIn = (mail: ParsedMail) => {
    const href = /https?:\/\/\S+token=[\w-]+/.exec(mail.text ?? '')?.[0];
    if (!href) throw new Error(`no link in: ${mail.text}`);
    return new URL(href);
  };
  const password = 'correct horse battery staple';

  async function activeAccount(email: string) {
    expect((await register(email)).status).toBe(201);
    const token = linkIn(await smtp.next(email)).searchParams.get('token')!;
    expect((await post('/accounts/activate', { email, token, password })).status).toBe(200);
  }

  it('registers, emails a French activation link, activates, and signs in with cookie and bearer', async () => {
    const email = 'camille.durand@example.fr';
    const res = await register('Camille.Durand@Example.fr', {
      phone: '+33 1 23 45 67 89',
      // As people type it; the account keeps its digits.
      siret: '123 456 782 00010',
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ email, status: 'PENDING', contactEmail: email, operator: false });

    const mail = await smtp.next(email);
    expect(mail.subject).toBe('Activez votre compte facturflow');
    expect(mail.text).toContain('Bonjour Camille,');
    expect(mail.text).toContain('valable 60 minutes');
    expect(mail.html).toContain('Activer mon compte');
    const link = linkIn(mail);
    expect(link.origin + link.pathname).toBe('http://portal.test/activation');
    expect(link.searchParams.get('email')).toBe(email);
    const token = link.searchParams.get('token')!;

    // Neither the token nor the password is stored or kept in workflow history in clear.
    const activated = await post('/accounts/activate', { email, token, password });
    expect(activated.status).toBe(200);
    const history = JSON.stringify(
      (await p.env.client.workflow.getHandle(`account/${email}`).fetchHistory()).events,
    );
    expect(history).not.toContain(token);
    expect(history).not.toContain(Buffer.from(password).toString('base64'));
    const user = await p.db('users').where({ email }).first();
    expect(user).toMatchObject({ status: 'ACTIVE', phone: '+33 1 23 45 67 89', siret: '12345678200010' });
    expect(user.password_hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await p.env.client.workflow.getHandle(`account/${email}`).result()).toBe('ACTIVATED');

    // The link served once.
    const again = await post('/accounts/activate', { email, token, password });
    expect(again.status).toBe(400);
    expect((await json(again)).error.code).toBe('TOKEN_INVALID');

    const signIn = await post('/sessions', { email: 'CAMILLE.durand@example.fr', password });
    expect(signIn.status).toBe(201);
    const session = await json(signIn);
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ff_session=[\w-]+; Max-Age=43200; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    const sessionCookie = cookie.split(';')[0];
    expect(session).toMatchObject({ account: { email, status: 'ACTIVE' }, token: expect.any(String) });
    expect(sessionCookie).not.toContain(session.token);

    const byCookie = await fetch(`${p.url}/api/v1/accounts/me`, { headers: { cookie: sessionCookie } });
    expect(byCookie.status).toBe(200);
    expect(await json(byCookie)).toMatchObject({
      email,
      firstName: 'Camille',
      lastName: 'Durand',
      operator: false,
    });
    const byBearer = await fetch(`${p.url}/api/v1/accounts/me`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect((await json(byBearer)).email).toBe(email);
    expect((await fetch(`${p.url}/api/v1/accounts/me`)).status).toBe(401);

    // A cookie session signs out only with its CSRF token; the bearer session lives on.
    const forged = await fetch(`${p.url}/api/v1/sessions/current`, {
      method: 'DELETE',
      headers: { cookie: sessionCookie },
    });
    expect(forged.status).toBe(403);
    expect((await json(forged)).error.code).toBe('CSRF_TOKEN_INVALID');
    const signOut = await fetch(`${p.url}/api/v1/sessions/current`, {
      method: 'DELETE',
      headers: { cookie: sessionCookie, 'x-csrf-token': session.csrfToken },
    });
    expect(signOut.status).toBe(204);
    expect((await fetch(`${p.url}/api/v1/accounts/me`, { headers: { cookie: sessionCookie } })).status).toBe(
      401,
    );
    expect(
      (await fetch(`${p.url}/api/v1/accounts/me`, { headers: { authorization: `Bearer ${session.token}` } }))
        .status,
    ).toBe(200);
    expect(await countRows(p.db, 'sent_emails', { recipient: email })).toBe(1);

    // `npm run operator -- --email ...` grants the role; the next request sees it.
    expect(await setOperator(p.db, email, true)).toBe(true);
    const operator = await fetch(`${p.url}/api/v1/sessions/current`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(await json(operator)).toMatchObject({
      account: { email, operator: true },
      expiresAt: session.expiresAt,
    });
  });

  it('answers a taken email as a free one and emails its owner instead', async () => {
    await activeAccount('taken@example.fr');
    const before = smtp.received('taken@example.fr').length;
    const taken = await register('TAKEN@example.fr');
    const free = await register('free@example.fr');
    expect(taken.status).toBe(free.status);
    const [takenBody, freeBody] = [await json(taken), await json(free)];
    expect(Object.keys(takenBody).sort()).toEqual(Object.keys(freeBody).sort());
    expect(takenBody).toMatchObject({ email: 'taken@example.fr', status: 'PENDING' });
    expect(takenBody.id).toBeUndefined();
    // The owner is told, with a link to set a password should they have forgotten it.
    const reminder = await smtp.next('taken@example.fr', before);
    expect(reminder.text).toContain('/mot-de-passe/reinitialisation');
    expect(await countRows(p.db, 'users', { email: 'taken@example.fr' })).toBe(1);
  });

  it('refuses missing terms and a bad email format, creating nothing', async () => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ email: 'new@example.fr', acceptTerms: false }, 400, 'INVALID_INPUT', 'body.acceptTerms'],
      [{ email: 'not-an-email' }, 400, 'INVALID_INPUT', 'body.email'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await register(body.email as string, body);
      expect(res.status).toBe(status);
      const { error } = await json(res);
      expect(error.code).toBe(code);
      expect(JSON.stringify(error.details)).toContain(field);
    }
    expect(await countRows(p.db, 'users', { email: 'new@example.fr' })).toBe(0);
  });

  it('refuses a wrong token and a weak password, then accepts the re-sent link only', async () => {
    const email = 'dominique@example.fr';
    await register(email, { contactEmail: 'secretariat@example.fr' });
    const first = linkIn(await smtp.next('secretariat@example.fr')).searchParams.get('token')!;

    for (const [body, code] of [
      [{ token: 'x'.repeat(43), password }, 'TOKEN_INVALID'],
      [{ token: first, password: 'short' }, 'PASSWORD_WEAK'],
    ] as const) {
      const res = await post('/accounts/activate', { email, ...body });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe(code);
    }
    expect((await p.db('users').where({ email }).first()).status).toBe('PENDING');

    expect((await post('/accounts/resend-activation', { email })).status).toBe(202);
    const second = linkIn(await smtp.next('secretariat@example.fr', 1)).searchParams.get('token')!;
    expect(second).not.toBe(first);
    const old = await post('/accounts/activate', { email, token: first, password });
    expect((await json(old)).error.code).toBe('TOKEN_INVALID');
    expect((await post('/accounts/activate', { email, token: second, password })).status).toBe(200);
    // Unknown or active emails get the same answer, and no email.
    expect((await post('/accounts/resend-activation', { email: 'nobody@example.fr' })).status).toBe(202);
    expect((await post('/accounts/resend-activation', { email })).status).toBe(202);
    expect(smtp.received('secretariat@example.fr')).toHaveLength(2);
  });

  it('locks an account for an hour after 5 failed sign-ins, without telling which part was wrong', async () => {
    const email = 'locked@example.fr';
    await activeAccount(email);
    const unknown = await post('/sessions', { email: 'ghost@example.fr', password });
    const wrong = await post('/sessions', { email, password: 'wrong password!!' });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    // The same answer either way, in French as the API speaks by default.
    expect((await json(unknown)).error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Adresse électronique ou mot de passe incorrect.',
    });
    expect((await json(wrong)).error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Adresse électronique ou mot de passe incorrect.',
    });
    for (let i = 2; i <= 5; i += 1) {
      expect((await post('/sessions', { email, password: `wrong password ${i}` })).status).toBe(401);
    }
    const locked = await post('/sessions', { email, password });
    expect(locked.status).toBe(423);
    expect((await json(locked)).error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.headers.get('set-cookie')).toBeNull();
    const user = await p.db('users').where({ email }).first();
    expect(new Date(user.locked_until).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(await countRows(p.db, 'sessions', { user_id: user.id })).toBe(0);

    // A password reset lifts the lock.
    expect((await post('/accounts/password-reset', { email })).status).toBe(202);
    const mail = await smtp.next(email, 1);
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe facturflow');
    const token = linkIn(mail).searchParams.get('token')!;
    const newPassword = 'another long passphrase';
    const weak = await post('/accounts/password-reset/confirm', {
      email,
      token,
      password: 'aaaaaaaaaaaaaaa',
    });
    expect((await json(weak)).error.code).toBe('PASSWORD_WEAK');
    expect(
      (await post('/accounts/password-reset/confirm', { email, token, password: newPassword })).status,
    ).toBe(200);
    expect((await post('/sessions', { email, password })).status).toBe(401);
    expect((await post('/sessions', { email, password: newPassword })).status).toBe(201);
  });

  it('documents every account endpoint in the OpenAPI document', async () => {
    const doc = await json(await fetch(`${p.url}/api/openapi.json`));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/accounts',
        '/api/v1/accounts/activate',
        '/api/v1/accounts/resend-activation',
        '/api/v1/accounts/password-reset',
        '/api/v1/accounts/password-reset/confirm',
        '/api/v1/accounts/me',
        '/api/v1/sessions',
        '/api/v1/sessions/current',
      ]),
    );
    // With SMTP configured there is no outbox to show.
    expect((await fetch(`${p.url}/api/v1/dev/outbox`)).status).toBe(404);
  });
});
