import crypto from 'node:crypto';
import { openApiDocument } from '../../api/openapi';
import { createCipher } from '../../connectors/credentials';
import { createRegistry } from '../../connectors/registry';
import { cproOpenApiDocument } from '../../api/cpro/openapi';
import { resources } from '../../api/routes';
import { toUbl } from '../../invoice';
import { wireId } from '../../service-mode/identifiers';
import { erpInvoice } from '../invoicing/erp-invoice';
import { siren, siret } from '../invoicing/french-numbers';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { waitForInvoice } from '../deposits/support/wait';
import { seedServiceModeClient } from './service-mode-seed';

/**
 * The authorisation matrix of every operation taking an id, in both OpenAPI documents: the native
 * API's (its invoice, structure and draft operations are tried in identity-authz-matrix.test.ts, the
 * others here) and /cpro/openapi.json. Each is tried on the owner's resource by a member of another
 * structure (refused: 403 or 404; in Service mode a non-zero codeRetour), by an unauthenticated caller
 * (401; codeRetour 10) and, where an operation belongs to one role, by a user of another role. An
 * operation of either document with no case here fails the coverage tests: new operations get one.
 */
const SUPPLIER = siren('41234567');
const BUYER_SIRET = siret(siren('21690266'), '0001');

type Who = 'outsider' | 'anonymous' | 'clerk' | 'owner';

const v1 = openApiDocument(resources.map((r) => r.openApi)) as {
  paths: Record<string, Record<string, unknown>>;
};
/** The operations identity-authz-matrix.test.ts tries (same selection). */
const TRIED_ELSEWHERE = /^\/api\/v1\/invoices\/\{id\}|\{(structureId|draftId)\}/;
const v1WithId = Object.entries(v1.paths)
  .filter(([path]) => /\{\w+\}/.test(path))
  .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));

/**
 * The native operations tried here, with who besides outsiders and anonymous callers must be refused:
 * `clerk` is a plain member of the owner's structure (not a manager, not an operator), `owner` the
 * resource's own user where the operation belongs to operators or advisors.
 */
const V1_CASES: Record<string, Who[]> = {
  'get /api/v1/dev/outbox/{id}': ['owner'],
  'get /api/v1/support/conversations/{conversationId}': [],
  'post /api/v1/support/conversations/{conversationId}/ratings': [],
  'post /api/v1/support/conversations/{conversationId}/live-chat': [],
  'post /api/v1/support/conversations/{conversationId}/messages': [],
  'post /api/v1/support/conversations/{conversationId}/end': [],
  'post /api/v1/support/advisor/conversations/{conversationId}/assignment': ['owner'],
  'get /api/v1/support/requests/{requestId}': [],
  'post /api/v1/support/requests/{requestId}/assignment': ['owner'],
  'post /api/v1/support/requests/{requestId}/answers': ['owner'],
  'post /api/v1/support/requests/{requestId}/replies': [],
  'post /api/v1/support/requests/{requestId}/closure': [],
  'get /api/v1/flows/{numero}': [],
  'get /api/v1/flows/{numero}/report': [],
  'get /api/v1/flows/{numero}/report.pdf': [],
  'get /api/v1/connections/{connectionId}': [],
  'delete /api/v1/connections/{connectionId}': ['clerk'],
  'post /api/v1/connections/{connectionId}/test': ['clerk'],
  'post /api/v1/connections/{connectionId}/pause': ['clerk'],
  'post /api/v1/connections/{connectionId}/resume': ['clerk'],
  'post /api/v1/connections/{connectionId}/sync': ['clerk'],
  'get /api/v1/connections/{connectionId}/records': [],
  'post /api/v1/connections/{connectionId}/records/{externalId}/retry': ['clerk'],
  'post /api/v1/connections/{connectionId}/webhook': [],
  'get /api/v1/api-applications/{applicationId}': ['clerk'],
  'delete /api/v1/api-applications/{applicationId}': ['clerk'],
  'post /api/v1/api-applications/{applicationId}/approval': ['owner'],
  'put /api/v1/api-applications/{applicationId}/qualification': ['owner'],
  // Structure operations of one role (identity-authz-matrix.test.ts tries outsiders and anonymous callers).
  // A member may ask the registry again (an operator confirms): no role to refuse there.
  'post /api/v1/structures/{structureId}/identity-verification': [],
  'put /api/v1/structures/{structureId}/technical-account': ['clerk'],
  'post /api/v1/structures/{structureId}/api-applications': ['clerk'],
  'post /api/v1/structures/{structureId}/bank-accounts': ['clerk'],
  'post /api/v1/structures/{structureId}/members': ['clerk'],
};

/** Bodies the schema takes, so that the refusal comes from who asks, not from what they sent. */
const BODIES: Record<string, string> = {
  'post /api/v1/support/conversations/{conversationId}/ratings': JSON.stringify({ seq: 1, useful: true }),
  'post /api/v1/support/conversations/{conversationId}/messages': JSON.stringify({ text: 'Bonjour' }),
};

const cpro = cproOpenApiDocument() as {
  paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: Schema }> } } }>;
};
interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
}
/** A request field naming a resource of the platform (invoice, structure, service, flow, file…). */
const ID_FIELD =
  /^(id[A-Z]\w*|identifiantFactureCPP|numeroFluxDepot|listeFacture|listeDemandePaiement|objetPieceJointe)$/;
const takesId = (schema: Schema | undefined): boolean =>
  Object.entries(schema?.properties ?? {}).some(
    ([name, s]) => ID_FIELD.test(name) || takesId(s) || takesId(s.items),
  );
const cproWithId = Object.entries(cpro.paths)
  .filter(
    ([path, item]) =>
      path.startsWith('/cpro/') && takesId(item.post?.requestBody?.content['application/json']?.schema),
  )
  .map(([path]) => path);

/** Service-mode bodies naming the owner's resources; `ids` holds their wire ids. */
type Ids = Record<'facture' | 'structure' | 'service' | 'utilisateur', number> & { flow: string };
const invoiceBody = (ids: Ids) => ({ idFacture: ids.facture, identifiantFactureCPP: ids.facture });
const CPRO_CASES: Record<
  string,
  { body: (ids: Ids) => object; roles: Who[]; reference?: true; directory?: true }
> = {
  '/cpro/factures/v1/soumettre': {
    body: (i) => ({
      numeroFactureSaisi: 'FA-OUTSIDER-1',
      dateFacture: '2024-05-02',
      destinataire: { codeDestinataire: BUYER_SIRET },
      fournisseur: { idFournisseur: i.structure },
    }),
    roles: [],
  },
  // The id names an entry of a public reference list, not anyone's resource: anonymous callers only.
  '/cpro/transverses/v1/rechercher/sousCategorieSollicitation': {
    body: () => ({ idTechniqueCategorie: 1 }),
    roles: [],
    reference: true,
  },
  '/cpro/factures/v1/completer': { body: invoiceBody, roles: [] },
  '/cpro/factures/v1/recycler': { body: invoiceBody, roles: [] },
  '/cpro/factures/v1/consulter/fournisseur': { body: invoiceBody, roles: [] },
  // Buyer and validator operations, tried by the supplier's own technical account too.
  '/cpro/factures/v1/consulter/recipiendaire': { body: invoiceBody, roles: ['owner'] },
  '/cpro/factures/v1/consulter/valideur': { body: invoiceBody, roles: ['owner'] },
  '/cpro/factures/v1/consulter/historique': { body: invoiceBody, roles: [] },
  '/cpro/factures/v1/rechercher/fournisseur': { body: (i) => ({ numeroFluxDepot: i.flow }), roles: [] },
  '/cpro/factures/v1/rechercher/recipiendaire': { body: (i) => ({ numeroFluxDepot: i.flow }), roles: [] },
  '/cpro/factures/v1/telecharger/groupe': {
    body: (i) => ({ listeFacture: [{ identifiantFactureCPP: i.facture, idFacture: i.facture }] }),
    roles: [],
  },
  '/cpro/factures/v1/traiter/recue': {
    body: (i) => ({ idFacture: i.facture, nouveauStatut: 'REJETEE', motif: 'x' }),
    roles: ['owner'],
  },
  '/cpro/factures/v1/traiter/factureAValider': {
    body: (i) => ({ idFacture: i.facture, action: 'VALIDER' }),
    roles: ['owner'],
  },
  '/cpro/factures/v1/corriger/valideur/facture': {
    body: (i) => ({ idFacture: i.facture, idStructure: i.structure }),
    roles: [],
  },
  '/cpro/factures/v1/traiterRejet': {
    body: (i) => ({ listeDemandePaiement: [{ idDemandePaiement: i.facture }], motifRejet: 'x' }),
    roles: [],
  },
  '/cpro/factures/v1/rechercher/demandePaiement': { body: () => ({}), roles: [] },
  // The directory record of a structure is public: any account reads it, never its members or bank details.
  '/cpro/structures/v1/consulter': {
    directory: true,
    body: (i) => ({ idStructureCPP: i.structure, idStructure: i.structure }),
    roles: [],
  },
  '/cpro/structures/v1/rechercher/services': { body: (i) => ({ idStructure: i.structure }), roles: [] },
  '/cpro/structures/v1/consulter/service': {
    body: (i) => ({ idStructure: i.structure, idService: i.service }),
    roles: [],
  },
  '/cpro/structures/v1/lister/rattachementsutilisateur': {
    body: (i) => ({ idStructure: i.structure, idUtilisateur: i.utilisateur }),
    roles: [],
  },
  '/cpro/transverses/v1/recuperer/coordbanc/valides': {
    body: (i) => ({ idStructure: i.structure }),
    roles: [],
  },
  '/cpro/transverses/v1/rechercher/pj/structure': {
    body: (i) => ({ idStructureCPP: i.structure }),
    roles: [],
  },
  '/cpro/transverses/v1/telecharger/pieceJointe': {
    body: (i) => ({ objetPieceJointe: 'STRUCTURE_PIECEJOINTE', structure: { idStructure: i.structure } }),
    roles: [],
  },
  '/cpro/transverses/v1/consulterCR': { body: (i) => ({ numeroFluxDepot: i.flow }), roles: [] },
  '/cpro/transverses/v1/consulterCRDetaille': { body: (i) => ({ numeroFluxDepot: i.flow }), roles: [] },
};

describe('authorisation matrix: every operation of both OpenAPI documents that takes an id', () => {
  it('has a case for every native operation taking an id', () => {
    const missing = v1WithId.filter((op) => !TRIED_ELSEWHERE.test(op.split(' ')[1]) && !(op in V1_CASES));
    expect(missing).toEqual([]);
    expect(Object.keys(V1_CASES).filter((op) => !v1WithId.includes(op))).toEqual([]);
  });

  it('has a case for every Service mode operation taking an id', () => {
    expect(cproWithId.filter((path) => !(path in CPRO_CASES))).toEqual([]);
    expect(Object.keys(CPRO_CASES).filter((path) => !(path in cpro.paths))).toEqual([]);
  });
});

describe('authorisation matrix: other parties, anonymous callers, other roles', () => {
  let p: TestPlatform;
  const tokens: Partial<Record<Who, string>> = {};
  const params: Record<string, string> = {};
  let ids: Ids;
  let owner: Awaited<ReturnType<typeof seedServiceModeClient>>;
  let outsider: Awaited<ReturnType<typeof seedServiceModeClient>>;

  beforeAll(async () => {
    p = await startTestPlatform({
      app: {
        connectors: {
          registry: createRegistry(),
          cipher: createCipher(crypto.randomBytes(32)),
          syncIntervalMinutes: 60,
        },
      },
    });
    tokens.owner = await seedUser(p.db, 'owner');
    tokens.outsider = await seedUser(p.db, 'outsider');
    tokens.clerk = await seedUser(p.db, 'clerk');
    owner = await seedServiceModeClient(p.db, 'owner', siret(SUPPLIER, '0001'));
    outsider = await seedServiceModeClient(p.db, 'outsider', siret(siren('55203253'), '0001'));
    const structureId = (await p.db('technical_accounts').where({ user_id: 'tech-owner' }).first())
      .structure_id;
    const outsiderStructure = (await p.db('technical_accounts').where({ user_id: 'tech-outsider' }).first())
      .structure_id;
    const now = new Date().toISOString();
    await p.db('structure_members').insert([
      { structure_id: structureId, user_id: 'owner', role: 'PRINCIPAL', services: '[]', created_at: now },
      { structure_id: structureId, user_id: 'clerk', role: 'UTILISATEUR', services: '[]', created_at: now },
      {
        structure_id: outsiderStructure,
        user_id: 'outsider',
        role: 'PRINCIPAL',
        services: '[]',
        created_at: now,
      },
    ]);
    await registerStructure(p.db, {
      identifier: BUYER_SIRET,
      public: true,
      services: [{ code: 'SERV-INFRA-01' }],
    });
    const sent = await json(
      await fetch(`${p.url}/api/v1/invoices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': 'application/xml' },
        body: toUbl(
          erpInvoice(
            { name: 'Menuiserie', siren: SUPPLIER },
            { legalRegistrationId: undefined, electronicAddress: { value: BUYER_SIRET, schemeId: '0009' } },
            'FA-2024-0601',
          ),
        ),
      }),
    );
    await waitForInvoice(p.url, tokens.owner, sent.id, ['MISE_A_DISPOSITION'], 60_000);
    await seedOwnerResources(structureId, sent.id);
    ids = {
      facture: await wireId(p.db, 'facture', sent.id),
      structure: await wireId(p.db, 'structure', structureId),
      service: await wireId(p.db, 'service', `${structureId}/SERV-1`),
      utilisateur: await wireId(p.db, 'utilisateur', 'owner'),
      flow: params.numero,
    };
  }, 180_000);
  afterAll(() => p?.stop());

  /** A flow, a support conversation and request, an ERP connection and an API application of the owner's. */
  async function seedOwnerResources(structureId: string, invoiceId: string) {
    const now = new Date().toISOString();
    const invoice = await p.db('invoices').where({ id: invoiceId }).first();
    const conversation = await json(
      await fetch(`${p.url}/api/v1/support/ask`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Comment déposer une facture ?' }),
      }),
    );
    // Registered through the API, so that its onboarding workflow runs as in production.
    const application = await json(
      await fetch(`${p.url}/api/v1/structures/${structureId}/api-applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ERP du propriétaire' }),
      }),
    );
    Object.assign(params, {
      id: 'message.eml',
      structureId,
      numero: 'FX000000000000000001',
      conversationId: conversation.conversationId,
      requestId: 'sollicitation/owner-1',
      connectionId: 'connection-owner-1',
      applicationId: application.id,
      externalId: 'EXT-1',
      userId: 'clerk',
    });
    await p.db('flows').insert({
      numero: params.numero,
      syntax: 'IN_DP_E1_UBL_INVOICE',
      blob_sha256: invoice.blob_sha256,
      deposited_by: 'owner',
      status: 'IN_INTEGRE',
      invoice_count: 1,
      integrated_count: 1,
      report: JSON.stringify({ listeErreurDP: [] }),
      deposited_at: now,
      updated_at: now,
    });
    await p.db('support_requests').insert({
      id: params.requestId,
      user_id: 'owner',
      contact_email: 'owner@example.org',
      category: 'FACTURES',
      subcategory: 'DEPOT',
      routing: 'PLATEFORME',
      subject: 'Une question',
      status: 'OUVERTE',
      created_at: now,
      updated_at: now,
    });
    await p.db('connections').insert({
      id: params.connectionId,
      structure_id: structureId,
      connector_id: 'evoliz',
      config: '{}',
      status: 'ACTIVE',
      sync_interval_minutes: 60,
      created_by: 'owner',
      created_at: now,
      updated_at: now,
    });
  }

  const v1Url = (path: string) =>
    p.url + path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? 'x');
  const v1Call = (op: string, who: Who) => {
    const [method, path] = op.split(' ');
    const token = who === 'anonymous' ? undefined : tokens[who];
    return fetch(v1Url(path), {
      method: method.toUpperCase(),
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: method === 'get' || method === 'delete' ? undefined : (BODIES[op] ?? '{}'),
    });
  };
  const mine = Object.keys(V1_CASES).filter((op) => !TRIED_ELSEWHERE.test(op.split(' ')[1]));

  it.each(mine)('%s: refused to a member of another structure', async (op) => {
    const res = await v1Call(op, 'outsider');
    expect([403, 404]).toContain(res.status);
  });

  /** The assistant and the contact form serve visitors who are not signed in: refused someone else's thread. */
  const OPEN_TO_VISITORS = /^\w+ \/api\/v1\/support\/(conversations|requests)\//;
  it.each(mine)('%s: refused to an unauthenticated caller', async (op) => {
    const status = (await v1Call(op, 'anonymous')).status;
    if (OPEN_TO_VISITORS.test(op)) expect([401, 403, 404]).toContain(status);
    // The ERP calls the webhook with the connection's own token: a wrong one names no connection.
    else if (op.endsWith('/webhook')) expect(status).toBe(404);
    else expect(status).toBe(401);
  });

  it.each(Object.entries(V1_CASES).flatMap(([op, roles]) => roles.map((who) => [op, who] as const)))(
    '%s: refused to %s, a user of another role',
    async (op, who) => {
      expect([403, 404]).toContain((await v1Call(op, who)).status);
    },
  );

  const cproCall = (path: string, who: Who) =>
    fetch(p.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(who === 'outsider' && {
          authorization: `Bearer ${outsider.token}`,
          'cpro-account': outsider.account,
        }),
        ...(who === 'owner' && { authorization: `Bearer ${owner.token}`, 'cpro-account': owner.account }),
      },
      body: JSON.stringify(CPRO_CASES[path].body(ids)),
    });

  it.each(Object.keys(CPRO_CASES))(
    '%s: refused to the technical account of another structure',
    async (path) => {
      const res = await cproCall(path, 'outsider');
      const body = await json(res);
      // Searches answer the caller's own (empty) results: nothing of the owner's.
      if (/\/rechercher\//.test(path)) expect(JSON.stringify(body)).not.toContain('FA-2024-0601');
      else if (CPRO_CASES[path].directory)
        expect(JSON.stringify(body)).not.toMatch(/owner@example\.org|FR\d{2}\d{10}/);
      else expect([res.status >= 400, body.codeRetour === 0]).toEqual([true, false]);
    },
  );

  it.each(Object.keys(CPRO_CASES))('%s: refused to an unauthenticated caller', async (path) => {
    const res = await cproCall(path, 'anonymous');
    expect([res.status, (await json(res)).codeRetour]).toEqual([401, 10]);
  });

  it.each(Object.entries(CPRO_CASES).flatMap(([path, c]) => c.roles.map((who) => [path, who] as const)))(
    '%s: refused to the supplier’s own technical account (another role)',
    async (path, who) => {
      const res = await cproCall(path, who);
      const body = await json(res);
      expect([res.status >= 400, body.codeRetour === 0]).toEqual([true, false]);
    },
  );
});
