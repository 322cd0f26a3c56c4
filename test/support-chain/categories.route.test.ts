import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { loadCategories } from '../../support/categories';
import type { Category } from '../../support/types';
import { json } from '../support/platform';
import { closeTestDb, testBlobs, testDb } from '../support/stores';
import { listen } from '../../api/listen';

const custom: Category[] = [
  {
    code: 'MARCHES',
    label: 'Marchés publics',
    routing: 'SERVICE_ACHETEUR',
    subcategories: [{ code: 'BON_COMMANDE', label: 'Bon de commande' }],
  },
];

/** The categories a platform configures (SUPPORT_CATEGORIES_FILE) are the ones the API offers and checks. */
describe('configured request categories', () => {
  let db: Db;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    db = await testDb();
    // No request here reaches Temporal: the categories are listed and checked before any workflow starts.
    const app = createApp({
      db,
      client: {} as Client,
      blobs: testBlobs(),
      logger: createLogger('silent'),
      taskQueue: 'unused',
      maxUploadBytes: 1024 * 1024,
      publicUrl: 'http://portal.test',
      support: { categories: custom },
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/support`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await closeTestDb(db);
  });

  it('lists the configured categories instead of the default ones', async () => {
    expect((await json(await fetch(`${url}/categories`))).items).toEqual(custom);
    expect(loadCategories().map((c) => c.code)).not.toContain('MARCHES');
  });

  it('refuses a request filed under a default category the platform replaced', async () => {
    const res = await fetch(`${url}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'COMPTE',
        subcategory: 'CREATION',
        subject: 'Activation',
        text: 'Je n’ai pas reçu le lien.',
        contactEmail: 'marie@example.org',
      }),
    });
    expect(res.status).toBe(422);
    expect((await json(res)).error).toMatchObject({
      code: 'CATEGORY_UNKNOWN',
      details: { field: 'body.category' },
    });
  });
});
