import http from 'node:http';
import type { Db } from '../../platform/db';
import { seedUser } from '../support/people';
import { json } from '../support/platform';
import { closeTestDb, testDb } from '../support/stores';
import { serveApi } from './serve';
import { seedServiceModeClient } from './service-mode-seed';

/**
 * Sends headers announcing `announced` bytes of body, then only the first mebibyte, and resolves with
 * the answer: an edge that waited for the whole body would never answer.
 */
function announceHugeBody(
  port: number,
  path: string,
  announced: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(announced), ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.write(Buffer.alloc(1024 * 1024, 0x20));
  });
}

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('edges: authentication before bodies, 400 for malformed input', () => {
  let db: Db;
  let api: Awaited<ReturnType<typeof serveApi>>;
  let bearer: string;
  let cpro: Awaited<ReturnType<typeof seedServiceModeClient>>;
  beforeAll(async () => {
    db = await testDb();
    api = await serveApi(db);
    bearer = await seedUser(db, 'edges-user');
    cpro = await seedServiceModeClient(db, 'edges', '12345678900011');
  });
  afterAll(async () => {
    await api.close();
    await closeTestDb(db);
  });

  it('refuses an anonymous 100 MB body with 401 without reading it (API v1 and /cpro)', async () => {
    const hundredMb = 100 * 1024 * 1024;
    for (const path of [
      '/api/v1/invoices',
      '/api/v1/flows',
      '/api/v1/files',
      '/cpro/factures/v1/deposer/flux',
    ]) {
      const answer = await announceHugeBody(api.port, path, hundredMb);
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
    }
  });

  it('keeps JSON small on operations that carry no file (/cpro), the upload limit for uploads', async () => {
    const headers = { authorization: `Bearer ${cpro.token}`, 'cpro-account': cpro.account };
    const big = JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${api.url}/cpro/structures/v1/rechercher`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(400);
    expect((await json(res)).erreur.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 JSON_TOO_DEEP for 50,000-deep JSON on /api and /cpro, never 500', async () => {
    const signedIn = await fetch(`${api.url}/api/v1/structures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: deep(50_000),
    });
    expect(signedIn.status).toBe(400);
    expect((await json(signedIn)).error).toMatchObject({ code: 'JSON_TOO_DEEP', details: { field: 'body' } });
    // Anonymous, within the small body an anonymous caller may send.
    const anonymous = await fetch(`${api.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep(30_000),
    });
    expect(anonymous.status).toBe(400);
    expect((await json(anonymous)).error.code).toBe('JSON_TOO_DEEP');
    const viaCpro = await fetch(`${api.url}/cpro/structures/v1/rechercher`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cpro.token}`, 'cpro-account': cpro.account },
      body: deep(50_000),
    });
    expect(viaCpro.status).toBe(400);
    expect((await json(viaCpro)).erreur.code).toBe('JSON_TOO_DEEP');
  });

  it('answers 400 INVALID_MULTIPART for a truncated multipart body', async () => {
    const boundary = 'ffboundary';
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nbonjour`;
    const res = await fetch(`${api.url}/api/v1/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: truncated,
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('INVALID_MULTIPART');
  });

  it('answers 400 for malformed %-encoding in the session cookie and in Basic credentials', async () => {
    const cookie = await fetch(`${api.url}/api/v1/accounts/me`, {
      headers: { cookie: 'ff_session=%E0%A4%A' },
    });
    expect(cookie.status).toBe(400);
    expect((await json(cookie)).error).toMatchObject({
      code: 'MALFORMED_HEADER',
      details: { field: 'cookies.ff_session' },
    });
    const basic = await fetch(`${api.url}/api/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('%zz:%E0%A4%A').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(basic.status).toBe(400);
    expect((await json(basic)).error).toBe('invalid_request');
  });
});
