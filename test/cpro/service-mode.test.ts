import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { seedUser } from '../support/people';
import { BASE_EXAMPLE, tarGz } from '../deposits/support/flows';
import { BUYER_SIRET, seedParties, SUPPLIER_SIRET } from '../deposits/support/structures';
import { parseInvoice, toCii, toFacturX, toPdf } from '../../invoice';
import { cproCatalogue } from '../../api/cpro/catalogue';
import {
  approveProduction,
  qualificationDeposit,
  raccordement,
  raccordementState,
} from '../../workflows/raccordement';

const SUPPLIER = SUPPLIER_SIRET;
const RECIPIENT = BUYER_SIRET;
const siren = SUPPLIER.slice(0, 9);
const SUPPLIER_VAT = `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`;

let p: TestPlatform;
const tokens: Record<string, string> = {};
/** The official example, read when the corpus is there (the suite is skipped without it). */
let base: string;
/** The official example under another number: UBL, CII or Factur-X bytes. */
const example = async (number: string, syntax: 'ubl' | 'cii' | 'facturx', payable = '801.78') => {
  // The official example, its parties turned into the test's SIRET structures.
  const ubl = base
    .replace(/schemeID="0082">123456789/g, `schemeID="0009">${SUPPLIER}`)
    .replace(/schemeID="0082">987654321/g, `schemeID="0009">${RECIPIENT}`)
    // Public buyers are invoiced in euros (FF rule).
    .replace(/NOK/g, 'EUR')
    .replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`)
    .replace(
      `<cbc:PayableAmount currencyID="EUR">801.78</cbc:PayableAmount>`,
      `<cbc:PayableAmount currencyID="EUR">${payable}</cbc:PayableAmount>`,
    );
  if (syntax === 'ubl') return Buffer.from(ubl);
  const { invoice } = parseInvoice(Buffer.from(ubl));
  // The CII writer would state the example's tax point date twice (CII-SR-461).
  invoice.vatPointDate = undefined;
  if (syntax === 'cii') return Buffer.from(toCii(invoice));
  return Buffer.from(await toFacturX(invoice, { profile: 'EN 16931' }));
};

const api = async (path: string, who: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await fetch(`${p.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: await json(res) };
};
const oauth = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${p.url}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
/** A client's credentials: its bearer token and its cpro-account header. */
interface Client {
  token: string;
  account: string;
}
const cpro = async (path: string, c: Client, body: unknown = {}) => {
  const res = await fetch(`${p.url}/cpro/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json;charset=utf-8',
      accept: 'application/json',
      authorization: `Bearer ${c.token}`,
      'cpro-account': c.account,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await json(res) };
};
const accountHeader = (login: string, password: string) =>
  Buffer.from(`${login}:${password}`).toString('base64');

let supplier: Client;
let buyer: Client;
let supplierApp: { id: string; clientId: string; clientSecret: string };
let supplierLogin: { login: string; password: string };
let idFournisseur: number;
let buyerApp: { status: number; body: { id: string; clientId: string; clientSecret: string } };

const waitForFlow = async (c: Client, numeroFluxDepot: string) => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await cpro('transverses/v1/consulterCR', c, {
      numeroFluxDepot,
      syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
    });
    if (['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'].includes(r.body.etatCourantFlux))
      return r.body;
    if (Date.now() > deadline) throw new Error(`flow ${numeroFluxDepot} still ${r.body.etatCourantFlux}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
const waitForStatus = async (
  c: Client,
  side: 'fournisseur' | 'recipiendaire',
  identifiantFactureCPP: number,
  until: string[],
) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await cpro(`factures/v1/consulter/${side}`, c, { identifiantFactureCPP });
    if (r.body.codeRetour === 0 && until.includes(r.body.facture.statutFacture)) return r.body.facture;
    if (Date.now() > deadline)
      throw new Error(`invoice ${identifiantFactureCPP} still ${JSON.stringify(r.body)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};
const depositFlow = async (c: Client, bytes: Buffer, syntaxeFlux: string, nomFichier: string) => {
  // Odoo's payload: fichierFlux, nomFichier, syntaxeFlux, avecSignature.
  const r = await cpro('factures/v1/deposer/flux', c, {
    fichierFlux: bytes.toString('base64'),
    nomFichier,
    syntaxeFlux,
    avecSignature: false,
  });
  expect(r).toMatchObject({ status: 200, body: { codeRetour: 0, libelle: expect.any(String) } });
  expect(r.body.numeroFluxDepot).toEqual(expect.any(String));
  expect(r.body.dateDepot).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return r.body.numeroFluxDepot as string;
};
/** identifiantFactureCPP of a flow's invoice, as Odoo finds it: rechercher/fournisseur by numeroFluxDepot. */
const invoiceOfFlow = async (c: Client, numeroFluxDepot: string, numeroFacture: string) => {
  const r = await cpro('factures/v1/rechercher/fournisseur', c, { numeroFluxDepot });
  expect(r.body.codeRetour).toBe(0);
  const row = r.body.listeFactures.find((f: { numeroFacture: string }) => f.numeroFacture === numeroFacture);
  expect(row).toMatchObject({ identifiantFactureCPP: expect.any(Number), statut: expect.any(String) });
  return row.identifiantFactureCPP as number;
};

/**
 * Service mode through the real platform, driven as the State platform's open-source clients drive it:
 * PISTE-style OAuth (form-encoded client credentials), then JSON POSTs with the bearer token and the
 * cpro-account header, request bodies shaped as Odoo's l10n_fr Chorus Pro module, the Go and PHP SDKs
 * send them, and the fields they read back checked by name and type.
 */
describeWithCorpus('service mode (/cpro)', () => {
  base = fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');

  beforeAll(async () => {
    p = await startTestPlatform({ maxUploadBytes: 20 * 1024 * 1024 });
    for (const id of ['seller-manager', 'buyer-manager', 'seller-clerk'])
      tokens[id] = await seedUser(p.db, id);
    tokens.ops = await seedUser(p.db, 'ops', { operator: true });
    await seedParties(p.db, 'seller-manager');
    await p.db('structures').where({ id: 'st-supplier' }).update({ vat_number: SUPPLIER_VAT });
    const now = new Date().toISOString();
    await p.db('structure_members').insert([
      {
        structure_id: 'st-buyer',
        user_id: 'buyer-manager',
        role: 'PRINCIPAL',
        services: '[]',
        created_at: now,
      },
      {
        structure_id: 'st-supplier',
        user_id: 'seller-clerk',
        role: 'UTILISATEUR',
        services: '[]',
        created_at: now,
      },
    ]);
    await p.db('structure_services').insert({
      structure_id: 'st-buyer',
      code: 'SERV-COMPTA',
      name: 'Service comptable',
      active: true,
      engagement_required: false,
    });
  }, 120_000);
  afterAll(() => p?.stop());

  it(
    'creates technical accounts from the native API: TECH_1_ login, password generated once or chosen, 424 days',
    createsTechnicalAccounts,
  );
  it('issues OAuth2 client-credentials tokens as PISTE does, and refuses as OAuth2 says', issuesOAuthTokens);
  it(
    'refuses a wrong token, a wrong or expired cpro-account, and a structure the application does not belong to',
    refusesWrongCredentials,
  );
  it(
    'in qualification, checks and reports UBL, CII and Factur-X flows without delivering them; an operator then approves production',
    qualifiesThenApprovesProduction,
    120_000,
  );
  it('soumettre with lines and VAT lines reaches the buyer; consulter, rechercher, historique and telecharger/groupe read it back', async () => {
    const id = await soumettreReachesTheBuyer();
    await consulterAndRechercherReadItBack(id);
    await telechargerAndHistoriqueReadItBack(id);
    await soumettreRefusesWrongBodies();
  }, 120_000);
  it(
    'deposer/pdf reads a plain PDF for the client to check, then soumettre files it as DEPOT_PDF_API',
    depositsPlainPdf,
    120_000,
  );
  it(
    'traiter/recue drives the lifecycle; completer answers a suspension and recycler an A_RECYCLER',
    drivesTheLifecycle,
    120_000,
  );
  it(
    'consulterCRDetaille lists the refused invoices of a partly rejected multi-invoice tar.gz',
    reportsRefusedInvoicesOfFlow,
    120_000,
  );
  it(
    'answers structures, rattachements and reference lists with the wire names the clients read',
    answersDirectoryAndReferenceLists,
  );
  it(
    'the onboarding workflow counts each qualification deposit once, and only an operator approves a qualified connection',
    countsQualificationDepositsOnce,
  );
  it(
    'lets the main manager reset the technical account: the old password stops working at once',
    resetsTechnicalAccountPassword,
  );
  it(
    'lets a manager revoke an application: its tokens and credentials stop working at once',
    revokesApplication,
  );
  it('serves the OpenAPI document of /cpro, apart from /api/v1’s', servesOpenApiDocument);
});

async function createsTechnicalAccounts() {
  const clerk = await api('/structures/st-supplier/technical-account', 'seller-clerk', {
    method: 'PUT',
    body: {},
  });
  expect(clerk).toMatchObject({ status: 403, body: { error: { code: 'PRINCIPAL_MANAGER_REQUIRED' } } });
  const weak = await api('/structures/st-supplier/technical-account', 'seller-manager', {
    method: 'PUT',
    body: { password: 'aaaaaaaaaaaaaa' },
  });
  expect(weak).toMatchObject({ status: 400, body: { error: { code: 'PASSWORD_WEAK' } } });

  const created = await api('/structures/st-supplier/technical-account', 'seller-manager', {
    method: 'PUT',
    body: {},
  });
  expect(created.status).toBe(200);
  expect(created.body.login).toMatch(/^TECH_1_[0-9A-F]{12}@portal\.test$/);
  expect(created.body.password).toEqual(expect.any(String));
  const validity = Date.parse(created.body.passwordExpiresAt) - Date.parse(created.body.passwordSetAt);
  expect(validity).toBe(424 * 86_400_000);
  supplierLogin = { login: created.body.login, password: created.body.password };
  // Never in clear at rest.
  const row = await p.db('technical_accounts').where({ structure_id: 'st-supplier' }).first();
  expect(row.password_hash).toMatch(/^\$2[ab]\$12\$/);
  const shown = await api('/structures/st-supplier/technical-account', 'seller-manager');
  expect(shown.body).toEqual({
    login: supplierLogin.login,
    passwordSetAt: expect.any(String),
    passwordExpiresAt: created.body.passwordExpiresAt,
    expired: false,
  });

  const chosen = await api('/structures/st-buyer/technical-account', 'buyer-manager', {
    method: 'PUT',
    body: { password: 'Un mot de passe choisi 42' },
  });
  expect(chosen.status).toBe(200);
  expect(chosen.body.password).toBeUndefined();
  buyerApp = await api('/structures/st-buyer/api-applications', 'buyer-manager', {
    method: 'POST',
    body: { name: 'GF Collectivités' },
  });
  expect(buyerApp.status).toBe(201);
  const t = await json(
    await oauth({
      grant_type: 'client_credentials',
      client_id: buyerApp.body.clientId,
      client_secret: buyerApp.body.clientSecret,
      scope: 'openid',
    }),
  );
  buyer = { token: t.access_token, account: accountHeader(chosen.body.login, 'Un mot de passe choisi 42') };
  // The onboarding of a workflow: the reminder workflow of the account is running too.
  const reminders = await p.env.client.workflow.getHandle('technical-account/st-supplier').describe();
  expect(reminders.status.name).toBe('RUNNING');
}

async function issuesOAuthTokens() {
  const registered = await api('/structures/st-supplier/api-applications', 'seller-manager', {
    method: 'POST',
    body: { name: 'Odoo', kind: 'API' },
  });
  expect(registered).toMatchObject({
    status: 201,
    body: {
      clientId: expect.any(String),
      clientSecret: expect.any(String),
      mode: 'QUALIFICATION',
      requiredDeposits: 3,
    },
  });
  supplierApp = registered.body;
  const listed = await api('/structures/st-supplier/api-applications', 'seller-manager');
  expect(listed.body.items[0].clientSecret).toBeUndefined();

  const res = await oauth({
    grant_type: 'client_credentials',
    client_id: supplierApp.clientId,
    client_secret: supplierApp.clientSecret,
    scope: 'openid',
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const token = await json(res);
  expect(token).toEqual({
    access_token: expect.any(String),
    token_type: 'Bearer',
    expires_in: 3600,
    scope: 'openid',
  });
  supplier = {
    token: token.access_token,
    account: accountHeader(supplierLogin.login, supplierLogin.password),
  };

  // HTTP Basic client authentication (RFC 6749 2.3.1) works the same.
  const basic = await oauth(
    { grant_type: 'client_credentials' },
    {
      authorization: `Basic ${Buffer.from(`${supplierApp.clientId}:${supplierApp.clientSecret}`).toString('base64')}`,
    },
  );
  expect(basic.status).toBe(200);

  const wrong = await oauth({
    grant_type: 'client_credentials',
    client_id: supplierApp.clientId,
    client_secret: 'nope',
  });
  expect(wrong.status).toBe(401);
  expect(await json(wrong)).toMatchObject({ error: 'invalid_client' });
  const grant = await oauth({
    grant_type: 'password',
    client_id: supplierApp.clientId,
    client_secret: supplierApp.clientSecret,
  });
  expect(grant.status).toBe(400);
  expect(await json(grant)).toMatchObject({ error: 'unsupported_grant_type' });
  const scope = await oauth({
    grant_type: 'client_credentials',
    client_id: supplierApp.clientId,
    client_secret: supplierApp.clientSecret,
    scope: 'admin',
  });
  expect(await json(scope)).toMatchObject({ error: 'invalid_scope' });
  const missing = await oauth({ client_id: supplierApp.clientId });
  expect(await json(missing)).toMatchObject({ error: 'invalid_request' });
}

async function refusesWrongCredentials() {
  const health = await fetch(`${p.url}/cpro/transverses/v1/health-check`, {
    headers: { authorization: `Bearer ${supplier.token}`, 'cpro-account': supplier.account },
  });
  expect(await json(health)).toEqual({ body: 'OK', statusCodeValue: 200, statusCode: 'OK' });

  const badToken = await cpro('transverses/v1/recuperer/devises', { ...supplier, token: 'forged' });
  expect(badToken).toMatchObject({ status: 401, body: { codeRetour: 10, libelle: expect.any(String) } });
  const badAccount = await cpro('transverses/v1/recuperer/devises', {
    ...supplier,
    account: accountHeader(supplierLogin.login, 'wrong password!'),
  });
  expect(badAccount).toMatchObject({
    status: 401,
    body: { codeRetour: 11, erreur: { champ: 'cpro-account' } },
  });
  const noAccount = await cpro('transverses/v1/recuperer/devises', { ...supplier, account: '' });
  expect(noAccount.body.codeRetour).toBe(11);
  // The buyer's technical account with the supplier's application: not a structure it belongs to.
  const otherStructure = await cpro('transverses/v1/recuperer/devises', {
    token: supplier.token,
    account: buyer.account,
  });
  expect(otherStructure).toMatchObject({ status: 403, body: { codeRetour: 13 } });

  const past = new Date(Date.now() - 1000).toISOString();
  const row = await p.db('technical_accounts').where({ structure_id: 'st-supplier' }).first();
  await p
    .db('technical_accounts')
    .where({ structure_id: 'st-supplier' })
    .update({ password_expires_at: past });
  const expired = await cpro('transverses/v1/recuperer/devises', supplier);
  expect(expired).toMatchObject({ status: 401, body: { codeRetour: 12 } });
  expect(expired.body.libelle).toContain('expiré');
  await p
    .db('technical_accounts')
    .where({ structure_id: 'st-supplier' })
    .update({ password_expires_at: row.password_expires_at });
  expect((await cpro('transverses/v1/recuperer/devises', supplier)).body.codeRetour).toBe(0);
}

async function qualifiesThenApprovesProduction() {
  const flows = [
    ['Q-UBL-1', 'ubl', 'IN_DP_E1_UBL_INVOICE', 'q1.xml'],
    ['Q-CII-2', 'cii', 'IN_DP_E1_CII_16B', 'q2.xml'],
    ['Q-FX-3', 'facturx', 'IN_DP_E2_CII_FACTURX', 'q3.pdf'],
  ] as const;
  const early = await api(`/api-applications/${supplierApp.id}/approval`, 'ops', { method: 'POST' });
  expect(early).toMatchObject({ status: 409, body: { error: { code: 'NOT_QUALIFIED' } } });

  for (const [number, syntax, syntaxeFlux, name] of flows) {
    const numero = await depositFlow(supplier, await example(number, syntax), syntaxeFlux, name);
    const cr = await waitForFlow(supplier, numero);
    expect(cr).toMatchObject({
      codeRetour: 0,
      numeroFluxDepot: numero,
      etatCourantFlux: 'IN_INTEGRE',
      syntaxeFlux,
    });
    // Dates as RFC 3339 (the Go SDK decodes them as time.Time), the report PDF in base64.
    expect(new Date(cr.dateDepotFlux).toISOString()).toBe(cr.dateDepotFlux);
    expect(Buffer.from(cr.fichierCR, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const id = await invoiceOfFlow(supplier, numero, number);
    const facture = await waitForStatus(supplier, 'fournisseur', id, ['EN_COURS_ACHEMINEMENT']);
    // Never delivered: no recipient structure, invisible to the buyer.
    expect(facture.destinataire.idDestinataire).toBeNull();
    const seen = await cpro('factures/v1/consulter/recipiendaire', buyer, { identifiantFactureCPP: id });
    expect(seen).toMatchObject({ status: 400, body: { codeRetour: 20010 } });
  }
  // The data channel too: soumettre in qualification is checked, never delivered.
  const idQ = (
    await cpro('structures/v1/rechercher', supplier, {
      structure: { identifiantStructure: SUPPLIER, typeIdentifiantStructure: 'SIRET' },
    })
  ).body.listeStructures[0].idStructureCPP;
  const coordQ = await cpro('transverses/v1/recuperer/coordbanc/valides', supplier, { idStructure: idQ });
  const soumisQ = await cpro('factures/v1/soumettre', supplier, {
    modeDepot: 'SAISIE_API',
    numeroFactureSaisi: 'Q-SOUM-4',
    dateFacture: '2026-11-02',
    destinataire: { codeDestinataire: RECIPIENT },
    fournisseur: {
      idFournisseur: idQ,
      codeCoordonneesBancairesFournisseur: coordQ.body.listeCoordonneeBancaire[0].idCoordonneeBancaire,
    },
    references: { deviseFacture: 'EUR', typeFacture: 'FACTURE', modePaiement: 'VIREMENT' },
    lignePoste: [{ lignePosteQuantite: 1, lignePosteMontantUnitaireHT: 50, lignePosteTauxTvaManuel: 20 }],
  });
  expect(soumisQ.body.codeRetour).toBe(0);
  const factureQ = await waitForStatus(supplier, 'fournisseur', soumisQ.body.identifiantFactureCPP, [
    'EN_COURS_ACHEMINEMENT',
    'REJETEE',
  ]);
  expect(factureQ).toMatchObject({
    statutFacture: 'EN_COURS_ACHEMINEMENT',
    destinataire: { idDestinataire: null },
  });
  const received = await cpro('factures/v1/rechercher/recipiendaire', buyer, {});
  expect(received.body.listeFactures).toEqual([]);

  const deadline = Date.now() + 20_000;
  let state = await api(`/api-applications/${supplierApp.id}`, 'seller-manager');
  const counted = () =>
    state.body.raccordement.status === 'QUALIFIEE' && state.body.raccordement.acceptedDeposits === 4;
  while (!counted() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    state = await api(`/api-applications/${supplierApp.id}`, 'seller-manager');
  }
  expect(state.body.raccordement).toMatchObject({
    status: 'QUALIFIEE',
    acceptedDeposits: 4,
    requiredDeposits: 3,
  });
  // Operators find it in the Web UI by its onboarding status (visibility catches up in a moment).
  const listed = async (status: string) => {
    const ids: string[] = [];
    const query = `RaccordementStatus = '${status}' AND StructureId = 'st-supplier'`;
    for (const end = Date.now() + 10_000; ids.length === 0 && Date.now() < end;) {
      for await (const w of p.env.client.workflow.list({ query })) ids.push(w.workflowId);
      if (ids.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    return ids;
  };
  expect(await listed('QUALIFIEE')).toEqual([`raccordement/${supplierApp.id}`]);
  const queue = await api('/raccordements?mode=QUALIFIEE', 'ops');
  expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(supplierApp.id);
  expect((await api('/raccordements', 'seller-manager')).status).toBe(403);
  const byManager = await api(`/api-applications/${supplierApp.id}/approval`, 'seller-manager', {
    method: 'POST',
  });
  expect(byManager).toMatchObject({ status: 403, body: { error: { code: 'OPERATOR_REQUIRED' } } });
  const approved = await api(`/api-applications/${supplierApp.id}/approval`, 'ops', { method: 'POST' });
  expect(approved).toMatchObject({
    status: 200,
    body: { mode: 'PRODUCTION', raccordement: { status: 'PRODUCTION', approvedBy: 'ops' } },
  });
  const row = await p.db('api_applications').where({ id: supplierApp.id }).first();
  expect(row.mode).toBe('PRODUCTION');
  expect(await listed('PRODUCTION')).toEqual([`raccordement/${supplierApp.id}`]);
  // The managers were told at each step; the operators' task is resolved.
  const mails = (await p.outbox!.list()).filter((m) => m.to.includes('seller-manager@example.org'));
  expect(mails.map((m) => m.subject).sort()).toEqual([
    "Raccordement d'Odoo : passage en production",
    "Raccordement d'Odoo : qualification réussie",
  ]);
  const task = await p
    .db('operator_tasks')
    .where({ id: `raccordement/${supplierApp.id}` })
    .first();
  expect(task).toMatchObject({ kind: 'RACCORDEMENT', subject_id: supplierApp.id });
  expect(task.resolved_at).not.toBeNull();
}

/** The supplier's wire id, one of its bank accounts and an uploaded invoice image, as soumettre names them. */
async function supplierBankAndImage() {
  const structures = await cpro('structures/v1/rechercher', supplier, {
    structure: { identifiantStructure: SUPPLIER, typeIdentifiantStructure: 'SIRET' },
  });
  expect(structures.body.listeStructures).toHaveLength(1);
  idFournisseur = structures.body.listeStructures[0].idStructureCPP;
  expect(typeof idFournisseur).toBe('number');
  const coord = await cpro('transverses/v1/recuperer/coordbanc/valides', supplier, {
    idStructure: idFournisseur,
  });
  expect(coord.body.listeCoordonneeBancaire).toEqual([
    expect.objectContaining({
      idCoordonneeBancaire: expect.any(Number),
      bic: 'AGRIFRPP',
      iban: expect.stringMatching(/^FR\d\d\*+0189$/),
    }),
  ]);
  const pdf = await cpro('transverses/v1/ajouter/fichier', supplier, {
    pieceJointeFichier: Buffer.from('%PDF-1.4 image de la facture\n%%EOF\n').toString('base64'),
    pieceJointeNom: 'facture-S-1.pdf',
    pieceJointeTypeMime: 'application/pdf',
    pieceJointeExtension: 'pdf',
  });
  expect(pdf.body).toMatchObject({ codeRetour: 0, pieceJointeId: expect.any(Number) });
  return { coord, pdf };
}

/** soumettre's invoice reaches the buyer as the Go SDK decodes it; answers its wire id. */
async function soumettreReachesTheBuyer(): Promise<number> {
  const { coord, pdf } = await supplierBankAndImage();

  const soumis = await cpro('factures/v1/soumettre', supplier, {
    idUtilisateurCourant: 0,
    modeDepot: 'SAISIE_API',
    numeroFactureSaisi: 'S-2026-001',
    dateFacture: '2026-11-02',
    destinataire: { codeDestinataire: RECIPIENT, codeServiceExecutant: 'SERV-COMPTA' },
    fournisseur: {
      idFournisseur,
      codeCoordonneesBancairesFournisseur: coord.body.listeCoordonneeBancaire[0].idCoordonneeBancaire,
    },
    cadreDeFacturation: { codeCadreFacturation: 'A1_FACTURE_FOURNISSEUR' },
    references: {
      deviseFacture: 'EUR',
      typeFacture: 'FACTURE',
      typeTva: 'TVA_SUR_DEBIT',
      modePaiement: 'VIREMENT',
      numeroBonCommande: 'EJ-2026-77',
    },
    lignePoste: [
      {
        lignePosteNumero: 1,
        lignePosteReference: 'REF-A',
        lignePosteDenomination: 'Maintenance',
        lignePosteQuantite: 2,
        lignePosteUnite: 'C62',
        lignePosteMontantUnitaireHT: 100,
        lignePosteTauxTvaManuel: 20,
      },
      {
        lignePosteNumero: 2,
        lignePosteReference: 'REF-B',
        lignePosteDenomination: 'Livres',
        lignePosteQuantite: '3',
        lignePosteUnite: 'pièce',
        lignePosteMontantUnitaireHT: '10.00',
        lignePosteMontantRemiseHT: '5.00',
        lignePosteTauxTva: 'TVA5.5',
      },
    ],
    ligneTva: [
      { ligneTvaTauxManuel: 20, ligneTvaMontantBaseHtParTaux: 200, ligneTvaMontantTvaParTaux: 40 },
      { ligneTvaTauxManuel: 5.5, ligneTvaMontantBaseHtParTaux: 25, ligneTvaMontantTvaParTaux: 1.38 },
    ],
    montantTotal: {
      montantHtTotal: 225,
      montantTVA: 41.38,
      montantTtcTotal: 266.38,
      montantAPayer: 266.38,
    },
    pieceJointePrincipale: [
      { pieceJointePrincipaleDesignation: 'Facture', pieceJointePrincipaleId: pdf.body.pieceJointeId },
    ],
    commentaire: 'Maintenance de novembre',
  });
  expect(soumis.status).toBe(200);
  expect(soumis.body).toEqual({
    codeRetour: 0,
    libelle: expect.any(String),
    identifiantFactureCPP: expect.any(Number),
    numeroFacture: 'S-2026-001',
    dateDepot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    identifiantStructure: SUPPLIER,
    statutFacture: 'DEPOSEE',
  });
  const id = soumis.body.identifiantFactureCPP;
  const facture = await waitForStatus(supplier, 'fournisseur', id, ['MISE_A_DISPOSITION', 'REJETEE']);
  expect(facture).toMatchObject({
    identifiantFactureCPP: id,
    numeroFacture: 'S-2026-001',
    statutFacture: 'MISE_A_DISPOSITION',
    modeDepot: 'SAISIE_API',
    montantTotal: {
      montantHtTotal: 225,
      montantTVA: 41.38,
      montantTtcTotal: 266.38,
      montantAPayer: 266.38,
    },
    fournisseur: {
      idFournisseur,
      codeFournisseur: SUPPLIER,
      designationFournisseur: 'Atelier Dupont SARL',
    },
    destinataire: {
      idDestinataire: expect.any(Number),
      codeDestinataire: RECIPIENT,
      libelleDestinataire: 'Commune de Villefranche',
      codeServiceExecutant: 'SERV-COMPTA',
    },
    references: {
      typeFacture: 'FACTURE',
      codeDeviseFacture: 'EUR',
      dateFacture: '2026-11-02',
      dateDepot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      numeroBonCommande: 'EJ-2026-77',
    },
    cadreDeFacturation: { codeCadreFacturation: 'A1_FACTURE_FOURNISSEUR' },
  });
  return id;
}

async function consulterAndRechercherReadItBack(id: number) {
  const seen = await cpro('factures/v1/consulter/recipiendaire', buyer, { identifiantFactureCPP: id });
  expect(seen.body.facture).toMatchObject({
    identifiantFactureCPP: id,
    statutFacture: 'MISE_A_DISPOSITION',
  });
  // The supplier side is not the buyer's to read.
  expect(
    (await cpro('factures/v1/consulter/fournisseur', buyer, { identifiantFactureCPP: id })).body.codeRetour,
  ).toBe(20010);

  const found = await cpro('factures/v1/rechercher/recipiendaire', buyer, {
    statutFacture: 'MISE_A_DISPOSITION',
    pagination: { pageResultatDemandee: 1, nbResultatsParPage: 10 },
  });
  // rechercherFactureParRecipiendaire: paging at the top level, the invoice named idFacture.
  expect(found.body).toMatchObject({ total: 1, pageCourante: 1, pages: 1, nbResultatsParPage: 10 });
  expect(found.body.listeFactures[0]).toMatchObject({
    idFacture: id,
    numeroFacture: 'S-2026-001',
    statut: 'MISE_A_DISPOSITION',
    montantTTC: 266.38,
  });
  // The Go SDK's search: paramRecherche, statutCourant[], periodeDateDepotDu; paging read at the top level.
  const goSearch = await cpro('factures/v1/rechercher/recipiendaire', buyer, {
    idUtilisateurCourant: 0,
    paramRecherche: {
      nbResultatsParPage: 50,
      pageResultatDemandee: 1,
      triColonne: 'DateDepot',
      triSense: 'Descendant',
    },
    statutCourant: ['MISE_A_DISPOSITION', 'COMPLETEE'],
    periodeDateDepotDu: '2020-01-01',
  });
  expect(goSearch.body).toMatchObject({
    codeRetour: 0,
    total: 1,
    pageCourante: 1,
    pages: 1,
    nbResultatsParPage: 50,
  });
  expect(goSearch.body.listeFactures[0]).toMatchObject({
    idFacture: id,
    codeFournisseur: SUPPLIER,
    designationDestinataire: 'Commune de Villefranche',
    dateDepot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    // Decoded as RFC 3339 (time.Time) by the Go SDK.
    dateHeureEtatCourant: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  });
}

async function telechargerAndHistoriqueReadItBack(id: number) {
  const pdfGroup = await cpro('factures/v1/telecharger/groupe', buyer, {
    avecPiecesJointesComplementaires: 'NON',
    format: 'PDF',
    listeFacture: [{ idFacture: id }],
  });
  const pdfZip = Buffer.from(pdfGroup.body.fichierResultat, 'base64');
  expect(pdfZip.subarray(30, 30 + pdfZip.readUInt16LE(26)).toString()).toBe('S-2026-001.pdf');

  const history = await cpro('factures/v1/consulter/historique', supplier, { idFacture: id });
  expect(
    history.body.historiquesDesStatuts.histoStatut.map((h: { histoStatutCode: string }) => h.histoStatutCode),
  ).toEqual(['DEPOSEE', 'EN_COURS_ACHEMINEMENT', 'MISE_A_DISPOSITION']);

  const group = await cpro('factures/v1/telecharger/groupe', buyer, {
    listeFacture: [{ identifiantFactureCPP: id }],
    format: 'XML',
  });
  expect(group.body).toEqual({
    codeRetour: 0,
    libelle: expect.any(String),
    fichierResultat: expect.any(String),
  });
  const zip = Buffer.from(group.body.fichierResultat, 'base64');
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  const nameLength = zip.readUInt16LE(26);
  expect(zip.subarray(30, 30 + nameLength).toString()).toBe('S-2026-001.xml');
  const xml = zlib
    .inflateRawSync(zip.subarray(30 + nameLength, 30 + nameLength + zip.readUInt32LE(18)))
    .toString();
  expect(xml).toContain('S-2026-001');
  expect(xml).toContain('EJ-2026-77');
  // The PDF image travels with the invoice (BG-24).
  expect(xml).toContain('facture-S-1.pdf');
}

async function soumettreRefusesWrongBodies() {
  const wrongSupplier = await cpro('factures/v1/soumettre', buyer, {
    numeroFactureSaisi: 'X-1',
    dateFacture: '2026-11-02',
    destinataire: { codeDestinataire: RECIPIENT },
    fournisseur: { idFournisseur },
  });
  expect(wrongSupplier).toMatchObject({
    status: 400,
    body: { codeRetour: 20013, erreur: { champ: 'fournisseur.idFournisseur' } },
  });
  const badCadre = await cpro('factures/v1/soumettre', supplier, {
    numeroFactureSaisi: 'X-2',
    dateFacture: '2026-11-02',
    destinataire: { codeDestinataire: RECIPIENT },
    fournisseur: { idFournisseur },
    cadreDeFacturation: { codeCadreFacturation: 'A99_INCONNU' },
  });
  expect(badCadre).toMatchObject({
    status: 400,
    body: { codeRetour: 20001, erreur: { champ: 'cadreDeFacturation.codeCadreFacturation' } },
  });
  const missing = await cpro('factures/v1/soumettre', supplier, { dateFacture: '2026-11-02' });
  expect(missing).toMatchObject({
    status: 400,
    body: { codeRetour: 20001, erreur: { champ: 'numeroFactureSaisi' } },
  });
}

async function depositsPlainPdf() {
  // A plain PDF invoice (text, no XML inside), as invoicing software prints them.
  const { invoice } = parseInvoice(await example('PDF-2026-9', 'ubl'));
  const pdf = Buffer.from(await toPdf(invoice));
  const read = await cpro('factures/v1/deposer/pdf', supplier, {
    fichierFacture: pdf.toString('base64'),
    nomFichier: 'PDF-2026-9.pdf',
    formatDepot: 'PDF_NON_SIGNE',
    idUtilisateurCourant: 0,
  });
  expect(read.body).toMatchObject({
    codeRetour: 0,
    pieceJointeId: expect.any(Number),
    numeroFacture: 'PDF-2026-9',
    dateFacture: '2013-06-30',
    codeFournisseur: SUPPLIER,
    codeDestinataire: RECIPIENT,
    montantAPayer: expect.any(Number),
  });
  const coord = await cpro('transverses/v1/recuperer/coordbanc/valides', supplier, {
    idStructure: idFournisseur,
  });
  const codeCoordonneesBancairesFournisseur = coord.body.listeCoordonneeBancaire[0].idCoordonneeBancaire;
  // A transfer without the supplier's bank account is refused by the checks (BR-61), with the reason in the history.
  const noBank = await cpro('factures/v1/soumettre', supplier, {
    numeroFactureSaisi: 'PDF-2026-8',
    dateFacture: read.body.dateFacture,
    destinataire: { codeDestinataire: RECIPIENT },
    fournisseur: { idFournisseur },
    references: { deviseFacture: 'EUR', modePaiement: 'VIREMENT' },
    lignePoste: [{ lignePosteQuantite: 1, lignePosteMontantUnitaireHT: 100, lignePosteTauxTvaManuel: 20 }],
  });
  await waitForStatus(supplier, 'fournisseur', noBank.body.identifiantFactureCPP, ['REJETEE']);
  const why = await cpro('factures/v1/consulter/historique', supplier, {
    idFacture: noBank.body.identifiantFactureCPP,
  });
  expect(why.body.historiquesDesStatuts.histoStatut.at(-1)).toMatchObject({
    histoStatutCode: 'REJETEE',
    histoStatutCodeReforme: 213,
    histoStatutErreurs: expect.arrayContaining([expect.stringContaining('BR-61')]),
  });

  const soumis = await cpro('factures/v1/soumettre', supplier, {
    modeDepot: 'DEPOT_PDF_API',
    numeroFactureSaisi: read.body.numeroFacture,
    dateFacture: read.body.dateFacture,
    destinataire: { codeDestinataire: read.body.codeDestinataire },
    fournisseur: { idFournisseur, codeCoordonneesBancairesFournisseur },
    references: {
      deviseFacture: 'EUR',
      typeFacture: 'FACTURE',
      typeTva: 'TVA_SUR_DEBIT',
      modePaiement: 'VIREMENT',
    },
    lignePoste: [
      {
        lignePosteNumero: 1,
        lignePosteDenomination: 'Prestation',
        lignePosteQuantite: 1,
        lignePosteMontantUnitaireHT: 100,
        lignePosteTauxTvaManuel: 20,
      },
    ],
    montantTotal: { montantHtTotal: 100, montantTVA: 20, montantTtcTotal: 120, montantAPayer: 120 },
    pieceJointePrincipale: [
      { pieceJointePrincipaleDesignation: 'Facture', pieceJointePrincipaleId: read.body.pieceJointeId },
    ],
  });
  expect(soumis.body).toMatchObject({
    codeRetour: 0,
    numeroFacture: 'PDF-2026-9',
    statutFacture: 'DEPOSEE',
  });
  // Read at once, before the workflow has filed its first row: the invoice exists, DEPOSEE.
  const now = await cpro('factures/v1/consulter/fournisseur', supplier, {
    identifiantFactureCPP: soumis.body.identifiantFactureCPP,
  });
  expect(now.body.codeRetour).toBe(0);
  expect(['DEPOSEE', 'EN_COURS_ACHEMINEMENT', 'MISE_A_DISPOSITION']).toContain(
    now.body.facture.statutFacture,
  );
  const facture = await waitForStatus(supplier, 'fournisseur', soumis.body.identifiantFactureCPP, [
    'MISE_A_DISPOSITION',
    'REJETEE',
  ]);
  expect(facture).toMatchObject({
    statutFacture: 'MISE_A_DISPOSITION',
    modeDepot: 'DEPOT_PDF_API',
    montantTotal: { montantAPayer: 120 },
  });
  const notPdf = await cpro('factures/v1/deposer/pdf', supplier, {
    fichierFacture: Buffer.from('not a pdf').toString('base64'),
    nomFichier: 'x.pdf',
  });
  expect(notPdf).toMatchObject({
    status: 400,
    body: { codeRetour: 20002, erreur: { champ: 'fichierFacture' } },
  });
}

async function drivesTheLifecycle() {
  const numero = await depositFlow(
    supplier,
    await example('P-LIFE-1', 'ubl'),
    'IN_DP_E1_UBL_INVOICE',
    'p1.xml',
  );
  expect((await waitForFlow(supplier, numero)).etatCourantFlux).toBe('IN_INTEGRE');
  const id = await invoiceOfFlow(supplier, numero, 'P-LIFE-1');
  await waitForStatus(buyer, 'recipiendaire', id, ['MISE_A_DISPOSITION']);

  const next = await cpro('transverses/v1/recuperer/etats/traitement', buyer, {
    statutCourant: 'MISE_A_DISPOSITION',
  });
  expect(next.body.listeStatutsPossiblesPourTraitement).toEqual(
    expect.arrayContaining([
      { statutPossiblePourTraitement: 'SUSPENDUE' },
      { statutPossiblePourTraitement: 'MANDATEE' },
    ]),
  );
  const noReason = await cpro('factures/v1/traiter/recue', buyer, {
    idFacture: id,
    nouveauStatut: 'SUSPENDUE',
  });
  expect(noReason).toMatchObject({ status: 400, body: { codeRetour: 20021 } });
  const bySupplier = await cpro('factures/v1/traiter/recue', supplier, {
    idFacture: id,
    nouveauStatut: 'SERVICE_FAIT',
  });
  expect(bySupplier.body.codeRetour).toBe(20010);
  const suspended = await cpro('factures/v1/traiter/recue', buyer, {
    idFacture: id,
    nouveauStatut: 'SUSPENDUE',
    motif: 'Bon de livraison manquant',
  });
  expect(suspended.body).toMatchObject({
    codeRetour: 0,
    idFacture: id,
    numeroFacture: 'P-LIFE-1',
    nouveauStatut: 'SUSPENDUE',
    dateTraitement: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });

  const piece = await cpro('transverses/v1/ajouter/fichier', supplier, {
    pieceJointeFichier: Buffer.from('bon de livraison signé').toString('base64'),
    pieceJointeNom: 'bon-livraison.txt',
    pieceJointeTypeMime: 'text/plain',
    pieceJointeExtension: 'txt',
  });
  const completed = await cpro('factures/v1/completer', supplier, {
    identifiantFactureCPP: id,
    commentaire: 'Voici le bon de livraison',
    listePiecesJointes: [{ pieceJointeId: piece.body.pieceJointeId }],
  });
  expect(completed.body).toEqual({
    codeRetour: 0,
    libelle: expect.any(String),
    identifiantFactureCPP: id,
    numeroFacture: 'P-LIFE-1',
    dateTraitement: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });

  for (const [nouveauStatut, extra] of [
    ['SERVICE_FAIT', {}],
    ['MANDATEE', { numeroDPMandat: 'MDT-2026-12' }],
    ['MISE_EN_PAIEMENT', {}],
  ] as const) {
    // As the Go SDK sends it: every field, empty strings for those not given.
    const r = await cpro('factures/v1/traiter/recue', buyer, {
      idFacture: id,
      idUtilisateurCourant: 0,
      motif: '',
      numeroDPMandat: '',
      nouveauStatut,
      ...extra,
    });
    expect(r.body).toMatchObject({ codeRetour: 0, nouveauStatut });
  }
  const closed = await cpro('factures/v1/traiter/recue', buyer, {
    idFacture: id,
    nouveauStatut: 'COMPTABILISEE',
  });
  expect([20025, 20020]).toContain(closed.body.codeRetour);
  const history = await cpro('factures/v1/consulter/historique', buyer, { idFacture: id });
  expect(history.body.historiquesDesStatuts.histoStatut.at(-1)).toMatchObject({
    histoStatutCode: 'MISE_EN_PAIEMENT',
    histoStatutCodeReforme: 211,
  });
  const mandate = history.body.historiquesDesStatuts.histoStatut.find(
    (h: { histoStatutCode: string }) => h.histoStatutCode === 'MANDATEE',
  );
  expect(mandate.histoStatutNumeroDPMandat).toBe('MDT-2026-12');

  // A_RECYCLER, then the supplier names the service: routed again under the same number.
  const numero2 = await depositFlow(
    supplier,
    await example('P-RECY-2', 'ubl'),
    'IN_DP_E1_UBL_INVOICE',
    'p2.xml',
  );
  await waitForFlow(supplier, numero2);
  const id2 = await invoiceOfFlow(supplier, numero2, 'P-RECY-2');
  await waitForStatus(buyer, 'recipiendaire', id2, ['MISE_A_DISPOSITION']);
  expect(
    (
      await cpro('factures/v1/traiter/recue', buyer, {
        idFacture: id2,
        nouveauStatut: 'A_RECYCLER',
        motif: 'Code service manquant',
      })
    ).body.nouveauStatut,
  ).toBe('A_RECYCLER');
  const wrongRoute = await cpro('factures/v1/recycler', supplier, {
    identifiantFactureCPP: id2,
    codeServiceExecutant: 'INCONNU',
  });
  expect(wrongRoute.body.codeRetour).toBe(20023);
  const recycled = await cpro('factures/v1/recycler', supplier, {
    identifiantFactureCPP: id2,
    codeServiceExecutant: 'SERV-COMPTA',
    commentaire: 'Service ajouté',
  });
  expect(recycled.body).toMatchObject({ codeRetour: 0, statutFacture: 'MISE_A_DISPOSITION' });
  const f2 = await waitForStatus(buyer, 'recipiendaire', id2, ['MISE_A_DISPOSITION']);
  expect(f2.destinataire.codeServiceExecutant).toBe('SERV-COMPTA');
}

async function reportsRefusedInvoicesOfFlow() {
  const files = [
    { name: 'lot/P-TAR-1.xml', xml: (await example('P-TAR-1', 'ubl')).toString() },
    { name: 'lot/P-TAR-2.xml', xml: (await example('P-TAR-2', 'ubl', '802.78')).toString() },
    { name: 'lot/P-TAR-3.xml', xml: (await example('P-TAR-3', 'ubl')).toString() },
  ];
  const numero = await depositFlow(supplier, await tarGz(files), 'IN_DP_E1_UBL_INVOICE', 'lot.tar.gz');
  await waitForFlow(supplier, numero);
  const cr = await cpro('transverses/v1/consulterCRDetaille', supplier, { numeroFluxDepot: numero });
  expect(cr.body).toMatchObject({
    codeRetour: 0,
    numeroFluxDepot: numero,
    etatCourantDepotFlux: 'IN_INTEGRE_PARTIEL',
    nombreFactures: 3,
    nombreFacturesIntegrees: 2,
    listeErreurTechnique: [],
  });
  expect(cr.body.listeErreurDP).toEqual([
    {
      numeroDP: 'P-TAR-2',
      identifiantFournisseur: SUPPLIER,
      identifiantDestinataire: RECIPIENT,
      libelleErreurDP: expect.stringContaining('BR-CO-16'),
    },
  ]);
  const unknown = await cpro('transverses/v1/consulterCRDetaille', buyer, { numeroFluxDepot: numero });
  expect(unknown).toMatchObject({ status: 400, body: { codeRetour: 20030 } });
  const badSyntax = await cpro('factures/v1/deposer/flux', supplier, {
    fichierFlux: 'AAAA',
    nomFichier: 'x',
    syntaxeFlux: 'IN_DP_E9',
  });
  expect(badSyntax).toMatchObject({
    status: 400,
    body: { codeRetour: 20001, erreur: { champ: 'syntaxeFlux' } },
  });
}

async function answersDirectoryAndReferenceLists() {
  // As the Go SDK sends it: every criterion, zero values and nil pointers included.
  const found = await cpro('structures/v1/rechercher', supplier, {
    parametres: null,
    restreindreStructuresPrivees: false,
    structure: {
      adresseCodePays: '',
      adresseCodePostal: '',
      adresseVille: '',
      estMOA: false,
      estMOAUniquement: false,
      identifiantStructure: RECIPIENT,
      libelleStructure: '',
      nomStructure: '',
      prenomStructure: '',
      raisonSocialeStructure: '',
      statutStructure: '',
      typeIdentifiantStructure: 'SIRET',
      typeStructure: '',
    },
  });
  expect(found.body.listeStructures).toHaveLength(1);
  const idStructureCPP = found.body.listeStructures[0].idStructureCPP;
  expect(typeof idStructureCPP).toBe('number');
  await p.db('structures').where({ id: 'st-buyer' }).update({ service_code_required: true });
  const consulted = await cpro('structures/v1/consulter', supplier, { idStructureCPP, codeLangue: 'fr' });
  expect(consulted.body).toMatchObject({
    codeRetour: 0,
    informationGenerales: { idStructureCPP, identifiantStructure: RECIPIENT },
    parametres: {
      codeServiceDoitEtreRenseigne: true,
      numeroEJDoitEtreRenseigne: false,
      gestionNumeroEJOuCodeService: false,
    },
  });
  const services = await cpro('structures/v1/rechercher/services', supplier, {
    idUtilisateurCourant: 0,
    idStructure: idStructureCPP,
    parametresRechercherServicesStructure: { nbResultatsParPage: 10000 },
  });
  expect(services.body.listeServices).toEqual([
    {
      idService: expect.any(Number),
      codeService: 'SERV-COMPTA',
      libelleService: 'Service comptable',
      estActif: true,
      statutService: 'ACTIF',
      dateDbtService: null,
      dateFinService: null,
    },
  ]);
  const service = await cpro('structures/v1/consulter/service', supplier, {
    idStructure: idStructureCPP,
    idService: services.body.listeServices[0].idService,
  });
  expect(service.body).toMatchObject({
    informationsGenerales: { codeService: 'SERV-COMPTA' },
    parametres: { numeroEngagement: false },
  });
  expect((await cpro('structures/v1/consulter', supplier, { idStructureCPP: 999999 })).body.codeRetour).toBe(
    20040,
  );

  const mine = await cpro('utilisateurs/v1/monCompte/recuperer/rattachements', supplier, {
    parametresRecherche: {
      nbResultatsParPage: 100,
      pageResultatDemandee: 1,
      triColonne: 'IdStructure',
      triSens: 'Descendant',
    },
  });
  expect(mine.body.listeStructureRattachement).toEqual([
    expect.objectContaining({
      idStructure: idFournisseur,
      identifiantStructure: SUPPLIER,
      designationStructure: 'Atelier Dupont SARL',
    }),
  ]);

  const lists: [string, string, string][] = [
    ['recuperer/devises', 'listeDevises', 'codeDevise'],
    ['recuperer/pays', 'listePays', 'codePays'],
    ['recuperer/tauxtva', 'listeTauxTva', 'valeurTauxTva'],
    ['recuperer/modedepot', 'listeModeDepot', 'modeDepot'],
    ['recuperer/modereglements', 'listeModePaiement', 'modePaiement'],
    ['recuperer/cadrefacturation', 'listeCadreFacturation', 'codeCadreFacturation'],
  ];
  for (const [path, list, field] of lists) {
    const r = await cpro(`transverses/v1/${path}`, supplier, { codeLangue: 'fr' });
    expect(r.body.codeRetour).toBe(0);
    expect(r.body[list].length).toBeGreaterThan(0);
    expect(r.body[list][0][field]).toBeDefined();
  }
  expect((await cpro('transverses/v1/recuperer/tauxtva', supplier)).body.listeTauxTva).toContainEqual({
    codeTauxTva: 'TVA5.50',
    libelleTauxTva: '5,50 %',
    valeurTauxTva: 5.5,
  });
  expect((await cpro('transverses/v1/recuperer/devises', supplier)).body.listeDevises).toContainEqual({
    codeDevise: 'EUR',
    libelleDevise: 'Euro',
  });
  // The paths of older clients, without the version segment (Odoo's module before PISTE).
  const old = await cpro('structures/consulter', supplier, { idStructureCPP });
  expect(old.body).toMatchObject({
    codeRetour: 0,
    informationGenerales: { idStructureCPP },
    parametres: expect.any(Object),
  });
  // A client that sends its JSON without a content type is understood all the same.
  const untyped = await fetch(`${p.url}/cpro/structures/v1/consulter`, {
    method: 'POST',
    headers: { authorization: `Bearer ${supplier.token}`, 'cpro-account': supplier.account },
    body: Buffer.from(JSON.stringify({ idStructureCPP })),
  });
  expect(await json(untyped)).toMatchObject({ codeRetour: 0, informationGenerales: { idStructureCPP } });
  const unknown = await cpro('transverses/v1/inconnu', supplier);
  expect(unknown).toMatchObject({ status: 404, body: { codeRetour: 404 } });
}

async function countsQualificationDepositsOnce() {
  const now = new Date().toISOString();
  await p.db('api_applications').insert({
    id: 'app-ts',
    structure_id: 'st-supplier',
    name: 'ERP',
    kind: 'API',
    client_id: 'client-ts',
    secret_hash: 'x'.repeat(64),
    mode: 'QUALIFICATION',
    required_deposits: 2,
    created_at: now,
    updated_at: now,
  });
  const handle = await p.env.client.workflow.start(raccordement, {
    workflowId: 'raccordement/app-ts',
    taskQueue: 'api-test',
    args: [{ applicationId: 'app-ts', structureId: 'st-supplier', kind: 'API', requiredDeposits: 2 }],
  });
  const refusal = async (caller: { userId: string; operator: boolean }) => {
    const err = await handle.executeUpdate(approveProduction, { args: [caller] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((err as WorkflowUpdateFailedError).cause as { type?: string }).type;
  };
  expect(await refusal({ userId: 'ops', operator: true })).toBe('NotQualified');
  await handle.signal(qualificationDeposit, { invoiceId: 'invoice/a/2026/1', accepted: true });
  await handle.signal(qualificationDeposit, { invoiceId: 'invoice/a/2026/1', accepted: true });
  await handle.signal(qualificationDeposit, { invoiceId: 'invoice/a/2026/2', accepted: false });
  const waitFor = async (status: string) => {
    for (let i = 0; i < 100; i += 1) {
      const s = await handle.query(raccordementState);
      if (s.status === status) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not ${status}`);
  };
  expect(await waitFor('QUALIFICATION')).toMatchObject({ acceptedDeposits: 1, rejectedDeposits: 1 });
  // Operators (only) make the scenario longer: three accepted deposits instead of two.
  const byManager = await api('/api-applications/app-ts/qualification', 'seller-manager', {
    method: 'PUT',
    body: { requiredDeposits: 3 },
  });
  expect(byManager).toMatchObject({ status: 403, body: { error: { code: 'OPERATOR_REQUIRED' } } });
  const scenario = await api('/api-applications/app-ts/qualification', 'ops', {
    method: 'PUT',
    body: { requiredDeposits: 3 },
  });
  expect(scenario.status).toBe(200);
  // The answer shows the new scenario, at the top level too (not the table's copy, a moment behind).
  expect(scenario.body).toMatchObject({ requiredDeposits: 3, raccordement: { requiredDeposits: 3 } });
  await handle.signal(qualificationDeposit, { invoiceId: 'invoice/a/2026/3', accepted: true });
  for (let i = 0; i < 100 && (await handle.query(raccordementState)).acceptedDeposits < 2; i += 1)
    await new Promise((r) => setTimeout(r, 50));
  expect(await handle.query(raccordementState)).toMatchObject({
    status: 'QUALIFICATION',
    acceptedDeposits: 2,
    requiredDeposits: 3,
  });
  await handle.signal(qualificationDeposit, { invoiceId: 'invoice/a/2026/4', accepted: true });
  expect(await waitFor('QUALIFIEE')).toMatchObject({ acceptedDeposits: 3, rejectedDeposits: 1 });
  // What operators read beside the workflow in the Web UI.
  const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
  expect(metadata.currentDetails).toBe('QUALIFIEE : 3/3 dépôts acceptés, 1 refusés');
  expect(await refusal({ userId: 'principal', operator: false })).toBe('OperatorRequired');
  const approved = await handle.executeUpdate(approveProduction, {
    args: [{ userId: 'ops', operator: true }],
  });
  expect(approved).toMatchObject({ status: 'PRODUCTION', approvedBy: 'ops' });
  expect(await handle.result()).toMatchObject({ status: 'PRODUCTION', acceptedDeposits: 3 });
  expect(await p.db('api_applications').where({ id: 'app-ts' }).first()).toMatchObject({
    mode: 'PRODUCTION',
    accepted_deposits: 3,
    rejected_deposits: 1,
    required_deposits: 3,
  });
  const late = await api('/api-applications/app-ts/qualification', 'ops', {
    method: 'PUT',
    body: { requiredDeposits: 5 },
  });
  expect(late).toMatchObject({ status: 409, body: { error: { code: 'NOT_IN_QUALIFICATION' } } });
  if (process.env.RECORD_HISTORIES === 'true')
    // Refreshes the fixture service-mode.replay.test.ts replays (after an intended workflow change).
    fs.writeFileSync(
      path.join(__dirname, '..', 'fixtures', 'histories', 'raccordement-scenario-changed.json'),
      historyToJSON(await handle.fetchHistory()),
    );
}

async function resetsTechnicalAccountPassword() {
  const before = await cpro('transverses/v1/recuperer/pays', supplier);
  expect(before.body.codeRetour).toBe(0);
  const reset = await api('/structures/st-supplier/technical-account', 'seller-manager', {
    method: 'PUT',
    body: { password: 'Nouveau mot de passe 2027' },
  });
  expect(reset.body).toMatchObject({ login: supplierLogin.login, expired: false });
  expect((await cpro('transverses/v1/recuperer/pays', supplier)).body.codeRetour).toBe(11);
  supplier = { ...supplier, account: accountHeader(supplierLogin.login, 'Nouveau mot de passe 2027') };
  expect((await cpro('transverses/v1/recuperer/pays', supplier)).body.codeRetour).toBe(0);
  // One account per structure: the reset kept its login and its membership.
  expect(Number((await p.db('technical_accounts').count({ n: '*' }))[0].n)).toBe(2);
}

async function revokesApplication() {
  expect((await cpro('transverses/v1/recuperer/pays', buyer)).body.codeRetour).toBe(0);
  const byOther = await api(`/api-applications/${buyerApp.body.id}`, 'seller-manager', {
    method: 'DELETE',
  });
  expect(byOther).toMatchObject({ status: 403, body: { error: { code: 'NOT_A_MEMBER' } } });
  const revoke = await fetch(`${p.url}/api/v1/api-applications/${buyerApp.body.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${tokens['buyer-manager']}` },
  });
  expect(revoke.status).toBe(204);
  expect(await cpro('transverses/v1/recuperer/pays', buyer)).toMatchObject({
    status: 401,
    body: { codeRetour: 10 },
  });
  const again = await oauth({
    grant_type: 'client_credentials',
    client_id: buyerApp.body.clientId,
    client_secret: buyerApp.body.clientSecret,
  });
  expect(again.status).toBe(401);
  const shown = await api(`/api-applications/${buyerApp.body.id}`, 'buyer-manager');
  expect(shown.body.mode).toBe('REVOKED');
  const approval = await api(`/api-applications/${buyerApp.body.id}/approval`, 'ops', { method: 'POST' });
  expect(approval).toMatchObject({ status: 409, body: { error: { code: 'APPLICATION_REVOKED' } } });
}

async function servesOpenApiDocument() {
  const doc = await json(await fetch(`${p.url}/cpro/openapi.json`));
  expect(doc.paths['/cpro/factures/v1/soumettre'].post.requestBody).toBeDefined();
  expect(Object.keys(doc.paths).filter((k) => k.startsWith('/cpro/'))).toHaveLength(
    cproCatalogue().reduce((n, g) => n + g.operations.length, 0),
  );
  const native = await json(await fetch(`${p.url}/api/openapi.json`));
  expect(native.paths['/api/v1/structures/{structureId}/technical-account']).toBeDefined();
  expect(Object.keys(native.paths).some((k) => k.startsWith('/cpro'))).toBe(false);
}
