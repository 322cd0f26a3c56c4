import crypto from 'node:crypto';
import { SimRequest, SimResponse, startSimulator } from './server';

export interface LoopTiers {
  code: string;
  raisonSociale: string;
  siret?: string;
}

export interface LoopSale {
  idEcriture: string;
  numeroPiece: string;
  datePiece: string;
  codeTiers: string;
  /** The customer's order reference (BT-13 for a public buyer). */
  refExterne?: string;
  /** The analytic section (the public buyer's code service, BT-10). */
  sectionAnalytique?: string;
  /** Revenue lines (7xx accounts): amount without VAT and VAT rate. */
  ventes: { libelle: string; montantHt: number; tauxTva: number }[];
  credit?: boolean;
  /** Served without its customer (411) line: a malformed entry. */
  sansClient?: boolean;
}

/**
 * Cegid Loop's public API as documented: `Ocp-Apim-Subscription-Key` and `x-apikey` (key:secret)
 * headers, resources under `/loop-api-publiques/<resource>?codeDossier=`; sales are accounting entries
 * of the VT journal (411 customer, 7xx revenue, 445 VAT lines), paged with `pageSuivante`; writes go
 * through the asynchronous `POST importJson`, whose job stays EN_COURS for a couple of polls.
 */
export async function startCegidLoop(opts: {
  subscriptionKey: string;
  apiKey: string;
  clientSecret: string;
  codeDossier: string;
  pageSize?: number;
}) {
  const tiers = new Map<string, LoopTiers>();
  const sales: LoopSale[] = [];
  const imports = new Map<string, { polls: number; donnees: unknown[] }>();
  const statuses: { idEcriture: string; statut: string }[] = [];
  const pageSize = opts.pageSize ?? 2;

  const entry = (s: LoopSale) => {
    const round = (n: number) => Math.round(n * 100) / 100;
    const ht = s.ventes.reduce((t, v) => t + v.montantHt, 0);
    const tva = round(s.ventes.reduce((t, v) => t + (v.montantHt * v.tauxTva) / 100, 0));
    const ttc = round(ht + tva);
    // An invoice debits the customer and credits revenue and VAT; a credit note the other way round.
    const side = (amount: number, debit: boolean) =>
      debit !== !!s.credit ? { debit: amount, credit: 0 } : { debit: 0, credit: amount };
    return {
      idEcriture: s.idEcriture,
      journal: 'VT',
      numeroPiece: s.numeroPiece,
      datePiece: s.datePiece,
      codeTiers: s.codeTiers,
      ...(s.refExterne && { refExterne: s.refExterne }),
      ...(s.sectionAnalytique && { sectionAnalytique: s.sectionAnalytique }),
      lignes: [
        ...(s.sansClient ? [] : [{ compte: '411000', libelle: s.numeroPiece, ...side(ttc, true) }]),
        ...s.ventes.map((v) => ({
          compte: '706000',
          libelle: v.libelle,
          tauxTva: v.tauxTva,
          ...side(v.montantHt, false),
        })),
        { compte: '445710', libelle: 'TVA collectée', ...side(tva, false) },
      ],
    };
  };

  const handler = (r: SimRequest): SimResponse => {
    if (r.headers['ocp-apim-subscription-key'] !== opts.subscriptionKey)
      return {
        status: 401,
        body: { statusCode: 401, message: 'Access denied due to invalid subscription key.' },
      };
    if (r.headers['x-apikey'] !== `${opts.apiKey}:${opts.clientSecret}`)
      return { status: 403, body: { message: 'Invalid API key' } };
    if (r.query.get('codeDossier') !== opts.codeDossier)
      return { status: 404, body: { message: 'Dossier inconnu' } };
    const path = r.path.replace(/^\/loop-api-publiques\//, '');
    if (path === 'dossier')
      return { body: { codeDossier: opts.codeDossier, raisonSociale: 'Atelier Dupré & Fils' } };
    if (path === 'ecritures') {
      const page = Number(r.query.get('page') ?? 1);
      const rows = sales.slice((page - 1) * pageSize, page * pageSize);
      return {
        body: { ecritures: rows.map(entry), pageSuivante: page * pageSize < sales.length ? page + 1 : null },
      };
    }
    const one = /^ecritures\/(.+)$/.exec(path);
    const sale = one && sales.find((x) => x.idEcriture === decodeURIComponent(one[1]));
    if (sale) return { body: entry(sale) };
    let m = /^tiers\/(.+)$/.exec(path);
    if (m && tiers.has(decodeURIComponent(m[1]))) {
      const t = tiers.get(decodeURIComponent(m[1]))!;
      return { body: { code: t.code, raisonSociale: t.raisonSociale, siret: t.siret } };
    }
    if (path === 'importJson' && r.method === 'POST') {
      const id = crypto.randomUUID();
      imports.set(id, { polls: 0, donnees: (r.body as { donnees: unknown[] }).donnees });
      return { status: 202, body: { idImport: id } };
    }
    m = /^importJson\/(.+)$/.exec(path);
    const job = m && imports.get(m[1]);
    if (job) {
      job.polls += 1;
      if (job.polls < 3) return { body: { etat: 'EN_COURS' } };
      if (job.polls === 3) statuses.push(...(job.donnees as { idEcriture: string; statut: string }[]));
      return { body: { etat: 'TERMINE' } };
    }
    return { status: 404, body: { message: 'Not found' } };
  };

  const sim = await startSimulator(handler);
  return { ...sim, tiers, sales, statuses };
}
