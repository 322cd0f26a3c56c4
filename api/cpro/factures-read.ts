import type { AppDeps } from '../app';
import { readableFlow } from '../../flows/reports';
import { actorOf } from '../../invoicing/access';
import { invoiceHistory, invoiceRowsOf } from '../../invoicing/read-model';
import { renderAs } from '../../invoicing/lifecycle/renditions';
import { wireId } from '../../service-mode/identifiers';
import { factureOf, factureRowOf, paging, rowIdOf, wireDateTime, wireIdsOf } from './invoice-wire';
import { CODES, CproError } from './wire';
import type { CproContext } from './context';
import { invoiceOfParty } from './facture-access';
import { localizeFinding } from '../../invoice/messages';
import { zipOf } from './zip';

type Body = Record<string, unknown>;
type Paging = { pageResultatDemandee?: number; nbResultatsParPage?: number } | undefined;

/** consulter/fournisseur and consulter/recipiendaire: one invoice, seen from that side. */
export const consulter =
  (side: 'supplier' | 'recipient') => async (deps: AppDeps, b: Body, ctx: CproContext) => {
    const { row } = await invoiceOfParty(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, side, {
      field: 'identifiantFactureCPP',
    });
    return { facture: factureOf(row, await wireIdsOf(deps.db, [row])) };
  };

/** consulter/historique: the invoice's statuses, each with why the platform's checks refused it if they did. */
export async function consulterHistorique(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, row } = await invoiceOfParty(deps, ctx, b.idFacture ?? b.identifiantFactureCPP, 'any', {
    field: 'idFacture',
  });
  const history = await invoiceHistory(deps.db, id);
  return {
    idFacture: await wireId(deps.db, 'facture', id),
    numeroFacture: row.number,
    modeDepot: row.deposit_mode,
    statutCourantCode: row.status,
    historiquesDesStatuts: {
      totalHistoStatut: history.length,
      pageCouranteHistoStatut: 1,
      pagesHistoStatut: 1,
      nbResultatsParPageHistoStatut: history.length,
      histoStatut: history.map(histoStatutOf),
    },
  };
}

function histoStatutOf(h: Awaited<ReturnType<typeof invoiceHistory>>[number]) {
  return {
    histoStatutId: h.seq,
    histoStatutCode: h.status,
    histoStatutCodeReforme: h.reformCode === undefined ? null : Number(h.reformCode),
    histoStatutDatePassage: wireDateTime(h.at),
    histoStatutActeur: h.by ?? null,
    histoStatutCommentaire: h.comment ?? null,
    histoStatutMotif: h.reason ?? null,
    histoStatutNumeroDPMandat: h.mandateNumber ?? null,
    // Each fatal finding with its official rule id.
    histoStatutErreurs: ((h.reasons ?? []) as { rule: string; severity: string; message: string }[])
      .filter((f) => f.severity === 'fatal')
      .map((f) => `${f.rule}: ${localizeFinding(f, 'fr').message}`),
  };
}

/** rechercher/fournisseur and rechercher/recipiendaire: the structure's invoices on that side, newest first. */
export const rechercher =
  (side: 'supplier' | 'recipient') => async (deps: AppDeps, b: Body, ctx: CproContext) => {
    const p = paging(
      (b.paramRecherche ??
        b.pagination ??
        b.rechercheFactureParFournisseur ??
        b.rechercheFactureParRecipiendaire) as Paging,
    );
    const found = await invoiceRowsOf(
      deps.db,
      await actorOf(deps.db, ctx.caller),
      side,
      {
        status: b.statutFacture as string | undefined,
        statuses: b.statutCourant as string[] | undefined,
        from: ((b.periodeDateDepotDu ?? b.dateDepotDebut) as string | undefined)?.slice(0, 10),
        to: ((b.periodeDateDepotAu ?? b.dateDepotFin) as string | undefined)?.slice(0, 10),
        number: b.numeroFacture as string | undefined,
        engagementNumber: b.numeroBonCommande as string | undefined,
        flowDepositedAt: b.numeroFluxDepot
          ? await flowDepositInstant(deps, ctx, b.numeroFluxDepot as string)
          : undefined,
      },
      { sort: '-depositedAt', limit: p.pageSize, offset: (p.page - 1) * p.pageSize },
    );
    const ids = await wireIdsOf(deps.db, found.rows);
    const listeFactures = found.rows.map((r) => rowIdOf(side, factureRowOf(r, ids)));
    // Paging as each side publishes it: parametresRetour for the supplier's search, at the top level
    // for the recipient's.
    const paged = p.answer(found.total);
    return side === 'supplier' ? { listeFactures, parametresRetour: paged } : { listeFactures, ...paged };
  };

/** A flow's invoices are filed at the flow's deposit instant. */
async function flowDepositInstant(deps: AppDeps, ctx: CproContext, numero: string) {
  const flow = await readableFlow(deps.db, numero, ctx.caller).catch(() => undefined);
  if (!flow) throw new CproError(CODES.FLOW_NOT_FOUND, `Aucun flux ${numero}.`, 'numeroFluxDepot');
  // As the flow's row holds it (a Date on PostgreSQL), so it compares equal to its invoices' column.
  return flow.deposited_at as string;
}

/** telecharger/groupe: the invoices' files in one zip, as the platform answers a group download. */
export async function telechargerGroupe(deps: AppDeps, b: Body, ctx: CproContext) {
  const format = (b.format as string | undefined) ?? 'PDF';
  const files: { name: string; bytes: Uint8Array }[] = [];
  const items = b.listeFacture as { identifiantFactureCPP?: unknown; idFacture?: unknown }[];
  for (const [i, item] of items.entries()) {
    const { row } = await invoiceOfParty(deps, ctx, item.identifiantFactureCPP ?? item.idFacture, 'any', {
      field: `listeFacture.${i}.identifiantFactureCPP`,
      libelle: 'Facture inconnue pour cette structure.',
    });
    const deposited = await deps.blobs.get(row.blob_sha256 as string);
    const depositedAt = new Date(row.deposited_at as string);
    const r =
      format === 'PDF'
        ? await renderAs(deposited, 'pdf', depositedAt)
        : format === 'XML'
          ? await renderAs(deposited, 'ubl', depositedAt)
          : await renderAs(deposited, 'original');
    files.push({ name: `${row.number}.${r.extension}`.replace(/[^\w.-]/g, '_'), bytes: r.bytes });
  }
  // A zip whatever the format asked (its files are in that format), as the platform answers.
  return { fichierResultat: Buffer.from(zipOf(files)).toString('base64') };
}
