import { openApiDocument } from '../../api/openapi';
import { resources } from '../../api/routes';
import { toUbl } from '../../invoice';
import { erpInvoice } from '../invoicing/erp-invoice';
import { siren, siret } from '../invoicing/french-numbers';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';

/**
 * The authorisation matrix of the native API's invoice, structure and draft operations, generated
 * from the OpenAPI document: every operation naming one of them is tried by a member of another
 * structure (refused: 404 for invoices, whose ids cannot be probed; 403 or 404 otherwise) and by an
 * unauthenticated caller (401).
 */
const SUPPLIER = siren('41234567');
const BUYER_SIRET = siret(siren('21690266'), '0001');

/** Operations anyone signed in may call on another structure: asking to become a member of it. */
const OPEN_TO_OUTSIDERS = [
  'post /api/v1/structures/{structureId}/attachment-requests',
  'post /api/v1/structures/{structureId}/attachment-requests/{userId}/withdrawal',
];

const doc = openApiDocument(resources.map((r) => r.openApi)) as {
  paths: Record<string, Record<string, unknown>>;
};
const operations = Object.entries(doc.paths)
  .filter(([path]) => /^\/api\/v1\/invoices\/\{id\}|\{(structureId|draftId)\}/.test(path))
  .flatMap(([path, ops]) => Object.keys(ops).map((method) => [method, path] as [string, string]))
  .filter(([method, path]) => !OPEN_TO_OUTSIDERS.includes(`${method} ${path}`));

describe('authorisation matrix: invoices, structures, drafts of another structure', () => {
  let p: TestPlatform;
  let outsider: string;
  const ids: Record<string, string> = {};
  const bodies: Record<string, string> = {};
  const bodyOf = (method: string, path: string) =>
    method === 'get' || method === 'delete' ? undefined : (bodies[`${method} ${path}`] ?? '{}');

  beforeAll(async () => {
    p = await startTestPlatform();
    const owner = await seedUser(p.db, 'owner');
    outsider = await seedUser(p.db, 'outsider');
    await registerStructure(p.db, {
      identifier: siret(siren('55203253'), '0001'),
      members: [{ userId: 'outsider' }],
    });
    ids.structureId = await registerStructure(p.db, {
      identifier: siret(SUPPLIER, '0001'),
      members: [{ userId: 'owner' }],
    });
    await registerStructure(p.db, {
      identifier: BUYER_SIRET,
      public: true,
      services: [{ code: 'SERV-INFRA-01' }],
    });
    const auth = { authorization: `Bearer ${owner}` };
    const inv = erpInvoice(
      { name: 'Menuiserie', siren: SUPPLIER },
      { legalRegistrationId: undefined, electronicAddress: { value: BUYER_SIRET, schemeId: '0009' } },
      'FA-2024-0501',
    );
    const sent = await json(
      await fetch(`${p.url}/api/v1/invoices`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/xml' },
        body: toUbl(inv),
      }),
    );
    ids.id = sent.id;
    await waitForStatus(p.url, sent.id, ['MISE_A_DISPOSITION'], 30_000, owner);
    const draft = await json(
      await fetch(`${p.url}/api/v1/structures/${ids.structureId}/drafts`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    ids.draftId = draft.id;
    // A body the schema takes, so the refusal comes from who asks, not from what they sent.
    bodies['put /api/v1/drafts/{draftId}'] = JSON.stringify({ invoice: draft.invoice });
    bodies['put /api/v1/structures/{structureId}/notification-preferences'] = JSON.stringify({ events: {} });
  }, 120_000);
  afterAll(() => p?.stop());

  const url = (path: string) =>
    p.url +
    path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      name === 'id'
        ? ids.id
        : (ids[name] ?? (name === 'sha256' ? '0'.repeat(64) : name === 'format' ? 'ubl' : 'x')),
    );

  it('covers the operations of the native API that name an invoice, a structure or a draft', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations)('%s %s: refused to a member of another structure', async (method, path) => {
    const res = await fetch(url(path), {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${outsider}`, 'content-type': 'application/json' },
      body: bodyOf(method, path),
    });
    if (path.startsWith('/api/v1/invoices/')) expect(res.status).toBe(404);
    else expect([403, 404]).toContain(res.status);
  });

  it.each(operations)('%s %s: refused to an unauthenticated caller', async (method, path) => {
    const res = await fetch(url(path), {
      method: method.toUpperCase(),
      headers: { 'content-type': 'application/json' },
      body: bodyOf(method, path),
    });
    expect(res.status).toBe(401);
  });
});
