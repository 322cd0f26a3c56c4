import type { Db } from '../../platform/db';
import { seedUser } from '../support/people';
import { closeTestDb, testDb } from '../support/stores';
import { serveApi } from './serve';

type ErrorBody = { error: { code: string; details?: { field?: string } } };

/** Who is asking is settled before what is asked: an anonymous caller learns nothing of the body's checks. */
describe('notification preferences: authentication before the body', () => {
  let db: Db;
  let api: Awaited<ReturnType<typeof serveApi>>;
  let bearer: string;
  beforeAll(async () => {
    db = await testDb();
    api = await serveApi(db);
    bearer = await seedUser(db, 'preferences-user');
  });
  afterAll(async () => {
    await api.close();
    await closeTestDb(db);
  });

  const put = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/api/v1/structures/st-any/notification-preferences`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers 401 to an anonymous caller, whatever the body', async () => {
    for (const body of [{}, { events: 'all' }, { events: { SUSPENSION: false } }]) {
      const res = await put(body);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('checks the body of a signed-in caller', async () => {
    const res = await put({ events: 'all' }, { authorization: `Bearer ${bearer}` });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'body.events' },
    });
  });
});
