import { json, startTestPlatform, type TestPlatform } from '../../support/platform';
import { seedUser } from '../../support/people';
import { serviceModeClient } from '../../support/service-mode';
import { BUYER_SIRET, seedParties, siret, SUPPLIER_SIRET } from '../../deposits/support/structures';

/** A Service-mode client's credentials: its bearer token and its cpro-account header. */
export interface CproClient {
  token: string;
  account: string;
}

export interface CproPlatform {
  p: TestPlatform;
  supplier: CproClient;
  buyer: CproClient;
  /** The supplier's application, for clients that ask their own token. */
  supplierApp: { clientId: string; clientSecret: string; account: string };
  /** The native API's bearer tokens of the seeded people. */
  tokens: Record<string, string>;
  /** POST /cpro/<path> (GET when `method` says so) with a client's credentials. */
  cpro(
    path: string,
    c: CproClient,
    body?: unknown,
    init?: { method?: string; raw?: string },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; body: any }>;
}

/**
 * The platform with the seeded supplier (Atelier Dupont SARL) and public buyer (Commune de Villefranche,
 * service SERV-COMPTA), each with a technical account and an application in production, as their
 * managers set them up through the native API.
 */
export async function startCproPlatform(): Promise<CproPlatform> {
  const p = await startTestPlatform({ maxUploadBytes: 20 * 1024 * 1024 });
  const tokens: Record<string, string> = {};
  for (const id of ['seller-manager', 'buyer-manager']) tokens[id] = await seedUser(p.db, id);
  await seedParties(p.db, 'seller-manager');
  // Its French VAT number (key from the SIREN), which EN 16931 asks of a seller charging VAT (BR-S-02).
  const siren = SUPPLIER_SIRET.slice(0, 9);
  const key = String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
  await p
    .db('structures')
    .where({ id: 'st-supplier' })
    .update({ vat_number: `FR${key}${siren}` });
  const now = new Date().toISOString();
  await p.db('structure_members').insert({
    structure_id: 'st-buyer',
    user_id: 'buyer-manager',
    role: 'PRINCIPAL',
    services: '[]',
    created_at: now,
  });
  await p.db('structure_services').insert({
    structure_id: 'st-buyer',
    code: 'SERV-COMPTA',
    name: 'Service comptable',
    active: true,
    engagement_required: false,
  });
  const apps: Record<string, { clientId: string; clientSecret: string; account: string }> = {};
  const clientOf = async (structure: string, manager: string): Promise<CproClient> => {
    const c = await serviceModeClient({
      url: p.url,
      db: p.db,
      managerToken: tokens[manager],
      structureId: structure,
      password: 'Un mot de passe choisi 42',
    });
    apps[structure] = { clientId: c.clientId, clientSecret: c.clientSecret, account: c.account };
    return { token: c.token, account: c.account };
  };
  const supplier = await clientOf('st-supplier', 'seller-manager');
  const buyer = await clientOf('st-buyer', 'buyer-manager');
  const cpro: CproPlatform['cpro'] = async (path, c, body = {}, init = {}) => {
    const method = init.method ?? 'POST';
    const res = await fetch(`${p.url}/cpro/${path}`, {
      method,
      headers: {
        'content-type': 'application/json;charset=utf-8',
        accept: 'application/json',
        authorization: `Bearer ${c.token}`,
        'cpro-account': c.account,
      },
      body: init.raw ?? (method === 'GET' ? undefined : JSON.stringify(body)),
    });
    return { status: res.status, body: await json(res) };
  };
  return { p, supplier, buyer, supplierApp: apps['st-supplier'], tokens, cpro };
}

/**
 * The official UBL example (guide-example2) as an invoice from the seeded supplier to the seeded buyer:
 * its parties turned into their SIRETs, in euros (public buyers are invoiced in euros), numbered `number`.
 */
export function exampleInvoice(base: string, number: string): Buffer {
  return Buffer.from(
    base
      .replace(/schemeID="0082">123456789/g, `schemeID="0009">${SUPPLIER_SIRET}`)
      .replace(/schemeID="0082">987654321/g, `schemeID="0009">${BUYER_SIRET}`)
      .replace(/NOK/g, 'EUR')
      .replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`),
  );
}

/** Polls consulterCR until the flow is settled; its last answer. */
export async function settledFlow(t: CproPlatform, c: CproClient, numeroFluxDepot: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await t.cpro('transverses/v1/consulterCR', c, { numeroFluxDepot });
    if (['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'].includes(r.body.etatCourantFlux))
      return r.body;
    if (Date.now() > deadline) throw new Error(`flow ${numeroFluxDepot} still ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The main contractor of the works (A9 / A12), a validator the supplier may name instead of the buyer. */
export const CONTRACTOR_SIRET = siret('5521005540001');

/** The main contractor's structure (Bâtiments Martin SA) with its manager; idempotent. */
export async function seedContractor(t: CproPlatform): Promise<{ structureId: string; siret: string }> {
  const structureId = 'st-contractor';
  if (!(await t.p.db('structures').where({ id: structureId }).first('id'))) {
    await seedUser(t.p.db, 'contractor-manager');
    const now = new Date().toISOString();
    await t.p.db('structures').insert({
      id: structureId,
      identifier_type: 'SIRET',
      identifier: CONTRACTOR_SIRET,
      name: 'Bâtiments Martin SA',
      street: '4 quai Rambaud',
      postal_code: '69002',
      city: 'Lyon',
      country_code: 'FR',
      public: false,
      created_at: now,
      updated_at: now,
    });
    await t.p.db('structure_members').insert({
      structure_id: structureId,
      user_id: 'contractor-manager',
      role: 'PRINCIPAL',
      services: '[]',
      created_at: now,
    });
  }
  return { structureId, siret: CONTRACTOR_SIRET };
}
