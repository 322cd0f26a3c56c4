import { createStructure } from '../../structures/structures';
import { seedUser } from '../support/people';
import { json, startTestPlatform, type TestPlatform } from '../support/platform';
import { startSmtpServer, type TestSmtp } from '../support/mail';

const BUYER_SIRET = '73282932000074';
const SUPPLIER_SIRET = '35600000000048';

/**
 * The support API on the whole platform (dev server, worker, database, real SMTP): the assistant
 * answers from the knowledge base and about the caller's own rejected invoice; a request routed to
 * a buyer's service is answered by its member and closed, every answer emailed.
 */
describe('support API', () => {
  let platform: TestPlatform;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};
  let buyerId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    platform = await startTestPlatform({ mail: smtp.config });
    const { db } = platform;
    for (const id of ['supplier', 'buyer-boss', 'buyer-agent', 'outsider'])
      tokens[id] = await seedUser(db, id);
    const registry = {
      lookup: async (siret: string) => ({
        siret,
        name: siret === BUYER_SIRET ? 'Mairie' : 'ACME',
        address: {},
      }),
    };
    const as = (userId: string) => ({ userId, email: `${userId}@example.org`, operator: false });
    buyerId = (
      await createStructure(db, registry, as('buyer-boss'), {
        identifierType: 'SIRET',
        identifier: BUYER_SIRET,
      })
    ).id;
    const supplierId = (
      await createStructure(db, registry, as('supplier'), {
        identifierType: 'SIRET',
        identifier: SUPPLIER_SIRET,
      })
    ).id;
    await db('structure_services').insert({
      structure_id: buyerId,
      code: 'SERV1',
      name: 'Achats',
      active: true,
    });
    await db('structure_members').insert({
      structure_id: buyerId,
      user_id: 'buyer-agent',
      role: 'UTILISATEUR',
      services: JSON.stringify(['SERV1']),
      created_at: new Date().toISOString(),
    });
    // A rejected invoice of the supplier in the read model, with the findings that rejected it.
    const now = new Date().toISOString();
    await db('blobs').insert({
      sha256: 'a'.repeat(64),
      size: 1,
      media_type: 'application/xml',
      created_at: now,
    });
    const invoiceId = `invoice/${SUPPLIER_SIRET}/2026/F-2026-042`;
    await db('invoices').insert({
      id: invoiceId,
      supplier_id: SUPPLIER_SIRET,
      recipient_structure_id: buyerId,
      number: 'F-2026-042',
      year: 2026,
      format: 'ubl',
      deposit_mode: 'UPLOAD_API',
      blob_sha256: 'a'.repeat(64),
      status: 'REJETEE',
      status_at: now,
      deposited_at: now,
    });
    await db('invoice_status_history').insert({
      invoice_id: invoiceId,
      seq: 1,
      status: 'REJETEE',
      at: now,
      reasons: JSON.stringify([
        {
          rule: 'FF-SERVICE-01',
          severity: 'fatal',
          // As the platform rule writes it: « français. / English. »
          message:
            'Le code service est obligatoire pour ce destinataire. / This recipient requires a service code (BT-10).',
        },
      ]),
    });
    expect(supplierId).toBeDefined();
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp?.stop();
  });

  const call = async (method: string, path: string, who?: string, body?: unknown) => {
    const res = await fetch(`${platform.url}/api/v1${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await json(res) };
  };

  it('answers from the knowledge base, and about the caller’s own rejected invoice', async () => {
    const pdf = await call('POST', '/support/ask', undefined, {
      question: 'comment déposer une facture en PDF ?',
    });
    expect(pdf.status).toBe(200);
    expect(pdf.body).toMatchObject({ understood: true, article: 'deposer-facture-pdf', seq: 1 });
    expect(pdf.body.links.length).toBeGreaterThan(0);

    const question = 'pourquoi ma facture F-2026-042 a-t-elle été rejetée ?';
    const mine = await call('POST', '/support/ask', 'supplier', { question });
    expect(mine.body.invoice).toMatchObject({ number: 'F-2026-042', status: 'REJETEE' });
    expect(mine.body.text).toContain(
      'FF-SERVICE-01 : Le code service (BT-10) est obligatoire pour ce destinataire.',
    );
    // Someone else asking the same question learns nothing about that invoice.
    const other = await call('POST', '/support/ask', 'outsider', { question });
    expect(other.body.invoice).toBeUndefined();
    expect(other.body.article).toBe('facture-rejetee');

    const rated = await call(
      'POST',
      `/support/conversations/${mine.body.conversationId}/ratings`,
      'supplier',
      {
        seq: 1,
        useful: false,
      },
    );
    expect(rated.status).toBe(200);
    const notYours = await call('GET', `/support/conversations/${mine.body.conversationId}`, 'outsider');
    expect(notYours.body.error.code).toBe('NOT_YOURS');
    const bad = await call('POST', '/support/ask', undefined, { question: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].field).toBe('body.question');
  });

  it('routes a request to the buyer’s service, whose member answers and closes it, emailing each answer', async () => {
    const filed = await call('POST', '/support/requests', 'supplier', {
      category: 'TRAITEMENT_FACTURE',
      subcategory: 'PAIEMENT',
      subject: 'Facture F-2026-041 non payée',
      text: 'Bonjour, ma facture déposée il y a 45 jours n’est toujours pas payée.',
      structureId: buyerId,
      serviceCode: 'SERV1',
    });
    expect(filed.status).toBe(202);
    expect(filed.body).toMatchObject({ status: 'NOUVELLE', trackable: true, routing: 'SERVICE_ACHETEUR' });
    const id = filed.body.id;
    expect((await smtp.next('buyer-agent@example.org')).subject).toBe(
      'Nouvelle sollicitation : Facture F-2026-041 non payée',
    );

    const queue = await call('GET', '/support/requests/queue', 'buyer-agent');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const refused = await call('POST', `/support/requests/${id}/assignment`, 'outsider');
    expect(refused.body.error.code).toBe('ADVISOR_REQUIRED');

    expect((await call('POST', `/support/requests/${id}/assignment`, 'buyer-agent')).body.status).toBe(
      'EN_COURS',
    );
    const asked = await call('POST', `/support/requests/${id}/answers`, 'buyer-agent', {
      text: 'Pouvez-vous nous indiquer le numéro d’engagement ?',
      needsUser: true,
    });
    expect(asked.body.status).toBe('EN_ATTENTE_UTILISATEUR');
    const first = await smtp.next('supplier@example.org');
    expect(first.subject).toBe('Réponse à votre sollicitation : Facture F-2026-041 non payée');
    expect(first.text).toContain('numéro d’engagement');

    expect(
      (await call('POST', `/support/requests/${id}/replies`, 'supplier', { text: 'EJ 1234' })).body.status,
    ).toBe('EN_COURS');
    const answered = await call('POST', `/support/requests/${id}/answers`, 'buyer-agent', {
      text: 'La facture sera payée cette semaine.',
    });
    expect(answered.body.status).toBe('REPONDUE');
    expect((await smtp.next('supplier@example.org', 1)).text).toContain('payée cette semaine');
    expect((await call('POST', `/support/requests/${id}/closure`, 'buyer-agent')).body.status).toBe(
      'CLOTUREE',
    );
    expect((await smtp.next('supplier@example.org', 2)).subject).toBe(
      'Sollicitation clôturée : Facture F-2026-041 non payée',
    );

    const detail = await call('GET', `/support/requests/${id}`, 'supplier');
    expect(detail.body.status).toBe('CLOTUREE');
    expect(detail.body.messages.map((m: { author: string }) => m.author)).toEqual([
      'USER',
      'ADVISOR',
      'USER',
      'ADVISOR',
    ]);
    expect((await call('GET', '/support/requests', 'supplier')).body.items[0]).toMatchObject({
      id,
      status: 'CLOTUREE',
    });
  });

  it('accepts a logged-out request with a contact email, which cannot be followed', async () => {
    const missing = await call('POST', '/support/requests', undefined, {
      category: 'COMPTE',
      subcategory: 'CREATION',
      subject: 'Activation',
      text: 'Je ne reçois pas le mail.',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.field).toBe('body.contactEmail');
    const unknown = await call('POST', '/support/requests', undefined, {
      category: 'NOPE',
      subcategory: 'CREATION',
      subject: 'x',
      text: 'x',
      contactEmail: 'visitor@example.org',
    });
    expect(unknown.body.error).toMatchObject({
      code: 'CATEGORY_UNKNOWN',
      details: { field: 'body.category' },
    });
    const filed = await call('POST', '/support/requests', undefined, {
      category: 'COMPTE',
      subcategory: 'CREATION',
      subject: 'Activation',
      text: 'Je ne reçois pas le mail.',
      contactEmail: 'visitor@example.org',
    });
    expect(filed.status).toBe(202);
    expect(filed.body).toMatchObject({ status: 'NOUVELLE', trackable: false });
    expect(filed.body.id).toBeUndefined();
    // The request's workflow files it: wait for its row.
    const row = () => platform.db('support_requests').where({ contact_email: 'visitor@example.org' }).first();
    for (let i = 0; i < 200 && !(await row()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await row()).toMatchObject({ user_id: null, routing: 'PLATEFORME' });
  });

  it('documents the support endpoints in the OpenAPI document', async () => {
    const doc = await json(await fetch(`${platform.url}/api/openapi.json`));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/support/ask',
        '/api/v1/support/requests',
        '/api/v1/support/advisor/queue',
      ]),
    );
  });
});
