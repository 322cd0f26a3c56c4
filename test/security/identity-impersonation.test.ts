import { toUbl, type Invoice } from '../../invoice';
import { erpInvoice } from '../invoicing/erp-invoice';
import { siren, siret } from '../invoicing/french-numbers';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';

/**
 * The impersonation and read paths of issue 19 through the native API: an identifier claimed again
 * under another type label, a buyer's SIRET squatted before the buyer arrives, a document cited by its
 * hash alone, and someone else's invoice id probed.
 */
const BUYER_SIRET = siret(siren('21690266'), '0001');
const ALPHA = '123456789'; // not a SIREN (no Luhn key): a foreign company number held as AUTRE
const BRAVO = siren('41234567');
const DELTA_SIRET = siret(siren('30012345'), '0001');

const invoiceFrom = (seller: Partial<Invoice['seller']>, number: string, buyerSiret = BUYER_SIRET) =>
  erpInvoice(
    { name: 'Vendeur', siren: BRAVO },
    { legalRegistrationId: undefined, electronicAddress: { value: buyerSiret, schemeId: '0009' } },
    number,
    (i) => {
      i.seller = { ...i.seller, ...seller };
    },
  );

describe('one party, one identity, proven (native API)', () => {
  let p: TestPlatform;
  const tokens: Record<string, string> = {};
  const call = async (who: string | undefined, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = who ? { authorization: `Bearer ${tokens[who]}` } : {};
    const isXml = typeof body === 'string';
    if (body !== undefined) headers['content-type'] = isXml ? 'application/xml' : 'application/json';
    const res = await fetch(`${p.url}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : isXml ? body : JSON.stringify(body),
    });
    return { status: res.status, body: res.status === 204 ? undefined : await json(res).catch(() => ({})) };
  };
  let alphaId: string;
  let bravoId: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    for (const who of ['alice', 'bob', 'carol', 'dora']) tokens[who] = await seedUser(p.db, who);
    tokens.operator = await seedUser(p.db, 'operateur', { operator: true });
    // A public buyer, created (and so verified) by operators, with the service the fixture names.
    await registerStructure(p.db, {
      identifier: BUYER_SIRET,
      name: 'Commune de Villeurbanne',
      public: true,
      services: [{ code: 'SERV-INFRA-01' }],
      members: [{ userId: 'carol' }],
    });
    // Alice's company holds a foreign number as AUTRE; an operator confirmed it.
    const alpha = await call('alice', 'POST', '/structures', {
      identifierType: 'AUTRE',
      identifier: ALPHA,
      name: 'Alpha Trading Ltd',
    });
    expect(alpha.status).toBe(201);
    alphaId = alpha.body.id;
    await call('operator', 'POST', `/structures/${alphaId}/identity-verification`);
    // Bob's own company, verified.
    bravoId = await registerStructure(p.db, {
      identifier: siret(BRAVO, '0001'),
      members: [{ userId: 'bob' }],
    });
  }, 120_000);
  afterAll(() => p?.stop());

  describe('issue 19.1: an identifier claimed again under another type label', () => {
    it.each([
      ['HORS_UE', ALPHA],
      ['PARTICULIER', ALPHA],
      ['HORS_UE', '123 456 789'],
    ])(
      'refuses %s %s with IDENTIFIER_HELD and files a membership request to the holder',
      async (type, id) => {
        const res = await call('bob', 'POST', '/structures', {
          identifierType: type,
          identifier: id,
          name: 'B',
        });
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({
          code: 'IDENTIFIER_HELD',
          details: { field: 'body.identifier', structureId: alphaId, holderVerified: true },
        });
        expect(res.body.error.details.membershipRequest).toMatchObject({ status: 'EN_ATTENTE' });
      },
    );

    it('files the claim as Bob’s membership request to Alice’s structure, once', async () => {
      const handle = p.env.client.workflow.getHandle(`attachment/${alphaId}/bob`);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      expect(await p.db('structures').where({ identifier: ALPHA })).toHaveLength(1);
    });

    it('refuses Bob an invoice whose seller is Alice’s number: it never reaches her issued invoices', async () => {
      const forged = invoiceFrom(
        {
          legalRegistrationId: { value: ALPHA },
          identifiers: [],
          vatId: undefined,
          name: 'Alpha Trading Ltd',
        },
        'ALPHA-2024-0001',
      );
      const res = await call('bob', 'POST', '/invoices', toUbl(forged));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('NOT_A_MEMBER');
      expect(await p.db('invoices').where({ supplier_id: ALPHA })).toHaveLength(0);
    });

    it('keeps a company’s other establishments to its members', async () => {
      const other = await call('dora', 'POST', '/structures', {
        identifierType: 'SIRET',
        identifier: siret(BRAVO, '0002'),
        name: 'Bravo agence',
      });
      expect(other.status).toBe(409);
      expect(other.body.error).toMatchObject({ code: 'IDENTIFIER_HELD', details: { structureId: bravoId } });
      const own = await call('bob', 'POST', '/structures', {
        identifierType: 'SIRET',
        identifier: siret(BRAVO, '0002'),
        name: 'Bravo agence',
      });
      expect(own.status).toBe(201);
    });
  });

  describe('issue 19.2: a buyer’s SIRET squatted before the buyer arrives', () => {
    it('takes a SIRET only as a SIRET', async () => {
      for (const identifierType of ['PARTICULIER', 'AUTRE', 'HORS_UE']) {
        const res = await call('bob', 'POST', '/structures', {
          identifierType,
          identifier: DELTA_SIRET,
          name: 'Squat',
        });
        expect([res.status, res.body.error?.code]).toEqual([422, 'IDENTIFIER_TYPE_MISMATCH']);
      }
    });

    it('routes nothing to an unverified claimant, and the genuine buyer’s claim goes to the support', async () => {
      const squat = await call('bob', 'POST', '/structures', {
        identifierType: 'SIRET',
        identifier: DELTA_SIRET,
        name: 'Delta (squat)',
      });
      expect(squat.status).toBe(201);
      expect(squat.body.identityVerified).toBe(false);

      const sent = await call(
        'bob',
        'POST',
        '/invoices',
        toUbl(invoiceFrom({}, 'FA-2024-0201', DELTA_SIRET)),
      );
      expect(sent.status).toBe(202);
      const invoice = await waitForStatus(
        p.url,
        sent.body.id,
        ['REJETEE', 'MISE_A_DISPOSITION'],
        30_000,
        tokens.bob,
      );
      expect(invoice.status).toBe('REJETEE');
      expect(invoice.history.at(-1).reasons.map((f: { rule: string }) => f.rule)).toContain(
        'FF-RECIPIENT-02',
      );
      expect((await p.db('invoices').where({ id: sent.body.id }).first()).recipient_structure_id).toBeNull();

      const genuine = await call('dora', 'POST', '/structures', {
        identifierType: 'SIRET',
        identifier: DELTA_SIRET,
        name: 'Delta SA',
      });
      expect(genuine.status).toBe(409);
      expect(genuine.body.error).toMatchObject({
        code: 'IDENTIFIER_HELD',
        details: { holderVerified: false, dispute: 'OPERATOR_REVIEW' },
      });
      expect(
        await p.db('operator_tasks').where({ kind: 'IDENTITY_DISPUTE', subject_id: squat.body.id }),
      ).toHaveLength(1);
    });

    it('refuses a deposit as an unverified structure with SUPPLIER_IDENTITY_UNVERIFIED', async () => {
      const unverified = await call('dora', 'POST', '/structures', {
        identifierType: 'SIRET',
        identifier: siret(siren('55203253'), '0001'),
        name: 'Echo SARL',
      });
      expect(unverified.body.identityVerified).toBe(false);
      const res = await call(
        'dora',
        'POST',
        '/invoices',
        toUbl(
          invoiceFrom(
            {
              legalRegistrationId: { value: siren('55203253'), schemeId: '0002' },
              identifiers: [{ value: siret(siren('55203253'), '0001'), schemeId: '0009' }],
              vatId: undefined,
            },
            'FA-2024-0301',
          ),
        ),
      );
      expect([res.status, res.body.error?.code]).toEqual([403, 'SUPPLIER_IDENTITY_UNVERIFIED']);
    });
  });

  describe('issue 19.3 and 19.14: documents and invoices of others', () => {
    let bobInvoice: string;
    let aliceFile: string;

    beforeAll(async () => {
      const upload = (who: string, text: string) =>
        fetch(`${p.url}/api/v1/files?name=piece.txt`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/octet-stream' },
          body: text,
        }).then(json);
      aliceFile = (await upload('alice', 'Contrat confidentiel Alpha')).sha256;
      const sent = await call('bob', 'POST', '/invoices', toUbl(invoiceFrom({}, 'FA-2024-0401')));
      bobInvoice = sent.body.id;
      await waitForStatus(p.url, bobInvoice, ['MISE_A_DISPOSITION'], 30_000, tokens.bob);
      const suspended = await call('carol', 'POST', `/invoices/${bobInvoice}/status`, {
        status: 'SUSPENDUE',
        reason: 'Bon de livraison manquant',
      });
      expect(suspended.status).toBe(200);
    }, 60_000);

    it('refuses a completion citing a file only Alice uploaded, as an unknown one', async () => {
      const res = await call('bob', 'POST', `/invoices/${bobInvoice}/completion`, {
        attachments: [aliceFile],
        comment: 'ci-joint',
      });
      expect([res.status, res.body.error?.code]).toEqual([422, 'ATTACHMENT_UNKNOWN']);
      const files = await call('bob', 'GET', `/invoices/${bobInvoice}/attachments/${aliceFile}`);
      expect(files.status).toBe(404);
    });

    it('takes a completion citing the supplier’s own upload', async () => {
      const own = await fetch(`${p.url}/api/v1/files?name=bl.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.bob}`, 'content-type': 'application/octet-stream' },
        body: 'Bon de livraison 0401',
      }).then(json);
      const res = await call('bob', 'POST', `/invoices/${bobInvoice}/completion`, {
        attachments: [own.sha256],
      });
      expect([res.status, res.body.status]).toEqual([200, 'COMPLETEE']);
    });

    it('answers someone else’s invoice id as a missing one (404), never 403', async () => {
      for (const path of [`/invoices/${bobInvoice}`, `/invoices/${bobInvoice}/certificate`]) {
        const other = await call('alice', 'GET', path);
        const missing = await call('alice', 'GET', `${path.replace('FA-2024-0401', 'FA-2024-9999')}`);
        expect([other.status, other.body.error?.code]).toEqual([404, 'INVOICE_NOT_FOUND']);
        expect(missing.status).toBe(404);
      }
      const action = await call('alice', 'POST', `/invoices/${bobInvoice}/status`, {
        status: 'SERVICE_FAIT',
      });
      expect(action.status).toBe(404);
    });
  });
});
