import type { Db } from '../../platform/db';
import { seedUser } from '../support/people';
import { json, startTestPlatform, type TestPlatform } from '../support/platform';
import { closeTestDb, testDb } from '../support/stores';
import { serveApi } from './serve';
import { seedServiceModeClient } from './service-mode-seed';

const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});

describe('credentials: lockouts and rate limits counted in the database', () => {
  let db: Db;
  // Two API processes over one database: what one counts, the other sees.
  let first: Awaited<ReturnType<typeof serveApi>>;
  let second: Awaited<ReturnType<typeof serveApi>>;
  beforeAll(async () => {
    db = await testDb();
    [first, second] = await Promise.all([serveApi(db), serveApi(db)]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await closeTestDb(db);
  });

  it('locks an OAuth client out after five wrong secrets, on every process, with Retry-After', async () => {
    const client = await seedServiceModeClient(db, 'oauth-lock', '12345678900029');
    const token = (url: string, secret: string) =>
      fetch(
        `${url}/api/oauth/token`,
        form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }),
      );
    expect((await token(first.url, client.clientSecret)).status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await token(i % 2 ? first.url : second.url, 'devine')).status).toBe(401);
    const locked = await token(second.url, client.clientSecret);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(locked)).error.code).toBe('CREDENTIALS_LOCKED');
  });

  it('locks a technical account out after five wrong passwords', async () => {
    const client = await seedServiceModeClient(db, 'tech-lock', '12345678900037');
    const call = (url: string, account: string) =>
      fetch(`${url}/cpro/structures/v1/rechercher`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${client.token}`,
          'cpro-account': account,
          'content-type': 'application/json',
        },
        body: '{}',
      });
    const wrong = Buffer.from(`${client.login}:pas le bon mot de passe`).toString('base64');
    for (let i = 0; i < 5; i++) expect((await call(i % 2 ? first.url : second.url, wrong)).status).toBe(401);
    const locked = await json(await call(first.url, client.account));
    expect(locked.erreur.code).toBe('CREDENTIALS_LOCKED');
  });

  it('ends the sessions and bearer tokens of an account locked by failed sign-ins', async () => {
    const bearer = await seedUser(db, 'locked-user');
    const me = () =>
      fetch(`${first.url}/api/v1/accounts/me`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await me()).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${second.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'locked-user@example.org', password: 'pas le bon mot de passe' }),
      });
      expect(res.status).toBe(401);
    }
    expect((await me()).status).toBe(401);
  });

  it('limits sign-ins per IP, answering 429 with Retry-After, counted across processes', async () => {
    const limits = { credentialsPerIp: 3, oauthPerClient: 3 };
    const [a, b] = await Promise.all([
      serveApi(db, { rateLimits: limits }),
      serveApi(db, { rateLimits: limits }),
    ]);
    try {
      const signIn = (url: string) =>
        fetch(`${url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'personne@example.org', password: 'x' }),
        });
      const statuses = [];
      for (const url of [a.url, b.url, a.url, b.url]) statuses.push((await signIn(url)).status);
      // The fourth may start a new minute window; then the next three fill it again.
      let last = await signIn(a.url);
      for (let i = 0; i < 3 && last.status !== 429; i++) last = await signIn(b.url);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(last.status).toBe(429);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
      expect((await json(last)).error.code).toBe('RATE_LIMITED');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('credentials: no password hash in workflow history', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  }, 120_000);
  afterAll(() => p?.stop());

  it('activates an account whose workflow history never holds the password or its hash', async () => {
    const email = 'historique@example.org';
    const password = 'Un mot de passe solide 2026';
    const registered = await fetch(`${p.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, firstName: 'Hélène', lastName: 'Histoire', acceptTerms: true }),
    });
    expect(registered.status).toBe(201);
    let link: string | undefined;
    for (let tries = 0; tries < 100 && !link; tries++) {
      const entry = (await p.outbox!.list()).find((m) => m.to.includes(email));
      link = entry && (await p.outbox!.message(entry.id))?.links.find((l) => l.includes('token='));
      if (!link) await new Promise((r) => setTimeout(r, 100));
    }
    const token = new URL(link!).searchParams.get('token')!;
    const activated = await fetch(`${p.url}/api/v1/accounts/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, token, password }),
    });
    expect(activated.status).toBe(200);
    const hash = (await p.db('users').where({ email }).first('password_hash')).password_hash as string;
    expect(hash).toMatch(/^\$2[aby]\$/);
    const history = await p.env.client.workflow.getHandle(`account/${email}`).fetchHistory();
    const text = JSON.stringify(history, (_k, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v,
    );
    expect(text).not.toContain(hash);
    expect(text).not.toContain(password);
    expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
    const signIn = await fetch(`${p.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(signIn.status).toBe(201);
  });
});
