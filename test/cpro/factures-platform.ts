import { json, startTestPlatform, type TestPlatform } from '../support/platform';
import { seedUser } from '../support/people';
import { BUYER_SIRET, seedParties, siret, SUPPLIER_SIRET } from '../deposits/support/structures';
import { serviceModeClient } from '../support/service-mode';

/**
 * The platform with four structures speaking Service mode, each through its technical account and a
 * production application: the supplier, two public buyers and the main contractor that validates the
 * A9 / A12 invoices of its subcontractor.
 */

/** A SIREN passing the Luhn check, from its first eight digits. */
function siren(first8: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${first8}${d}`;
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      const n = Number(c) * (i % 2 === 1 ? 2 : 1);
      sum += n > 9 ? n - 9 : n;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

export const SUPPLIER = SUPPLIER_SIRET;
export const BUYER = BUYER_SIRET;
export const BUYER2 = siret(`${siren('21690123')}0001`);
export const VALIDATOR = siret(`${siren('55210055')}0001`);

export interface Client {
  token: string;
  account: string;
}

export interface FacturesPlatform {
  p: TestPlatform;
  supplier: Client;
  buyer: Client;
  buyer2: Client;
  validator: Client;
  /** The supplier's wire id and bank account, as soumettre names them. */
  idFournisseur: number;
  codeCoordonneesBancairesFournisseur: number;
}

/** A POST of Service mode; `raw` sends the body text as is (`null`, malformed JSON). */
export async function cpro(p: TestPlatform, path: string, c: Client, body: unknown = {}, raw?: string) {
  const res = await fetch(`${p.url}/cpro/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json;charset=utf-8',
      authorization: `Bearer ${c.token}`,
      'cpro-account': c.account,
    },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: await json(res) };
}

async function clientOf(
  p: TestPlatform,
  structureId: string,
  manager: string,
  token: string,
): Promise<Client> {
  const { token: bearer, account } = await serviceModeClient({
    url: p.url,
    db: p.db,
    managerToken: token,
    structureId,
    password: `Mot de passe ${structureId} 2026`,
    appName: `ERP ${manager}`,
  });
  return { token: bearer, account };
}

export async function startFacturesPlatform(): Promise<FacturesPlatform> {
  const p = await startTestPlatform();
  const tokens: Record<string, string> = {};
  for (const id of ['seller-manager', 'buyer-manager', 'buyer2-manager', 'validator-manager'])
    tokens[id] = await seedUser(p.db, id);
  await seedParties(p.db, 'seller-manager');
  // Its VAT number, which every invoice states (BR-CO-9 and the French rules).
  const key = String((12 + 3 * (Number(SUPPLIER.slice(0, 9)) % 97)) % 97).padStart(2, '0');
  await p
    .db('structures')
    .where({ id: 'st-supplier' })
    .update({ vat_number: `FR${key}${SUPPLIER.slice(0, 9)}` });
  const now = new Date().toISOString();
  const structure = { country_code: 'FR', identifier_type: 'SIRET', created_at: now, updated_at: now };
  await p.db('structures').insert([
    {
      ...structure,
      id: 'st-buyer2',
      identifier: BUYER2,
      name: 'Syndicat des eaux du Rhône',
      street: '3 quai du Rhône',
      postal_code: '69007',
      city: 'Lyon',
      public: true,
    },
    {
      ...structure,
      id: 'st-validator',
      identifier: VALIDATOR,
      name: 'Bâtiments Martin SA',
      street: '8 avenue Foch',
      postal_code: '69006',
      city: 'Lyon',
      public: false,
    },
  ]);
  const member = (structure_id: string, user_id: string) => ({
    structure_id,
    user_id,
    role: 'PRINCIPAL',
    services: '[]',
    created_at: now,
  });
  await p
    .db('structure_members')
    .insert([
      member('st-buyer', 'buyer-manager'),
      member('st-buyer2', 'buyer2-manager'),
      member('st-validator', 'validator-manager'),
    ]);
  const supplier = await clientOf(p, 'st-supplier', 'seller-manager', tokens['seller-manager']);
  const buyer = await clientOf(p, 'st-buyer', 'buyer-manager', tokens['buyer-manager']);
  const buyer2 = await clientOf(p, 'st-buyer2', 'buyer2-manager', tokens['buyer2-manager']);
  const validator = await clientOf(p, 'st-validator', 'validator-manager', tokens['validator-manager']);
  const found = await cpro(p, 'structures/v1/rechercher', supplier, {
    structure: { identifiantStructure: SUPPLIER, typeIdentifiantStructure: 'SIRET' },
  });
  const idFournisseur = found.body.listeStructures[0].idStructureCPP as number;
  const coord = await cpro(p, 'transverses/v1/recuperer/coordbanc/valides', supplier, {
    idStructure: idFournisseur,
  });
  return {
    p,
    supplier,
    buyer,
    buyer2,
    validator,
    idFournisseur,
    codeCoordonneesBancairesFournisseur: coord.body.listeCoordonneeBancaire[0].idCoordonneeBancaire,
  };
}

/** A soumettre body of one line (100 EUR excl. VAT at 20 %), payable by transfer; `extra` overrides. */
export function soumettreBody(
  f: Pick<FacturesPlatform, 'idFournisseur' | 'codeCoordonneesBancairesFournisseur'>,
  numero: string,
  extra: Record<string, unknown> = {},
) {
  return {
    modeDepot: 'SAISIE_API',
    numeroFactureSaisi: numero,
    dateFacture: '2026-11-02',
    destinataire: { codeDestinataire: BUYER },
    fournisseur: {
      idFournisseur: f.idFournisseur,
      codeCoordonneesBancairesFournisseur: f.codeCoordonneesBancairesFournisseur,
    },
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
    ...extra,
  };
}

/** Polls consulter (fournisseur, recipiendaire or valideur) until the invoice reaches one of `until`. */
export async function waitForStatus(
  f: FacturesPlatform,
  c: Client,
  side: 'fournisseur' | 'recipiendaire' | 'valideur',
  identifiantFactureCPP: number,
  until: string[],
) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await cpro(f.p, `factures/v1/consulter/${side}`, c, { identifiantFactureCPP });
    if (r.body.codeRetour === 0 && until.includes(r.body.facture.statutFacture)) return r.body.facture;
    if (Date.now() > deadline)
      throw new Error(`invoice ${identifiantFactureCPP} still ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** soumettre, then the invoice's wire id once it has reached one of `until` on the supplier's side. */
export async function submitted(
  f: FacturesPlatform,
  numero: string,
  until: string[],
  extra: Record<string, unknown> = {},
) {
  const r = await cpro(f.p, 'factures/v1/soumettre', f.supplier, soumettreBody(f, numero, extra));
  if (r.body.codeRetour !== 0) throw new Error(`soumettre ${numero}: ${JSON.stringify(r.body)}`);
  const id = r.body.identifiantFactureCPP as number;
  const facture = await waitForStatus(f, f.supplier, 'fournisseur', id, [...until, 'REJETEE']);
  if (facture.statutFacture !== 'REJETEE' || until.includes('REJETEE')) return id;
  const why = await cpro(f.p, 'factures/v1/consulter/historique', f.supplier, { idFacture: id });
  throw new Error(`${numero} REJETEE: ${JSON.stringify(why.body.historiquesDesStatuts.histoStatut.at(-1))}`);
}
