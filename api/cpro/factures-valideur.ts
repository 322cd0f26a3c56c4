import type { AppDeps } from '../app';
import { actorOf, invoiceUpdate } from '../../invoicing/access';
import { invoiceRowsOf } from '../../invoicing/read-model';
import { VALIDATION_STATUSES, type InvoiceStatusCode } from '../../invoicing/lifecycle/transitions';
import { internalId, wireId } from '../../service-mode/identifiers';
import { validatorNamed } from '../../invoicing/validator-correction';
import { DomainError } from '../../platform/domain-error';
import { changeStatus, correctValidator, invoiceLifecycle } from '../../workflows/invoice';
import { CODES, CproError } from './wire';
import type { CproContext } from './context';
import { invoiceOfParty } from './facture-access';
import { factureOf, factureRowOf, paging, wireDate, wireIdsOf } from './invoice-wire';

type Body = Record<string, unknown>;
type Paging = { pageResultatDemandee?: number; nbResultatsParPage?: number } | undefined;

/** traiter/factureAValider `action`: what a validator decides, as the A9 / A12 circuit's status. */
const DECISIONS: Record<string, InvoiceStatusCode> = { VALIDATION: 'VALIDEE_1', REFUS: 'REFUSEE_1' };
/** The published actions; the others are a recipient's, never a validator's. */
export const ACTIONS_FACTURE = [
  'VALIDATION',
  'REFUS',
  'MISE_EN_PAIEMENT',
  'MISE_EN_RECYCLAGE',
  'SUSPENSION',
  'REJET',
] as const;

/** consulter/valideur: one invoice the technical account's structure validates (A9 / A12). */
export async function consulterValideur(deps: AppDeps, b: Body, ctx: CproContext) {
  const { row } = await invoiceOfParty(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, 'validator', {
    field: 'identifiantFactureCPP',
  });
  return { facture: factureOf(row, await wireIdsOf(deps.db, [row])) };
}

/** rechercher/valideur: the invoices the structure validates, newest first. */
export async function rechercherValideur(deps: AppDeps, b: Body, ctx: CproContext) {
  const p = paging((b.pagination ?? b.paramRecherche) as Paging);
  const statuses = b.statutCourant as string[] | undefined;
  const found = await invoiceRowsOf(
    deps.db,
    await actorOf(deps.db, ctx.caller),
    'validator',
    {
      statuses: statuses?.length ? statuses : undefined,
      number: b.numeroFacture as string | undefined,
      engagementNumber: b.numeroEngagement as string | undefined,
      from: (b.periodeDateDepotDu as string | undefined)?.slice(0, 10),
      to: (b.periodeDateDepotAu as string | undefined)?.slice(0, 10),
    },
    { sort: '-depositedAt', limit: p.pageSize, offset: (p.page - 1) * p.pageSize },
  );
  const ids = await wireIdsOf(deps.db, found.rows);
  const listeFactures = found.rows.map((r) => {
    const f = factureRowOf(r, ids);
    return {
      idFacture: f.id,
      numeroFacture: f.numeroFacture,
      typeFacture: f.typeFacture,
      statut: f.statut,
      dateFacture: f.dateFacture,
      dateDepot: f.dateDepot,
      devise: f.devise,
      montantHT: f.montantHT,
      montantTTC: f.montantTTC,
      montantAPayer: f.montantAPayer,
      idFournisseur: f.idFournisseur,
      identifiantFournisseur: f.codeFournisseur,
      designationFournisseur: f.designationFournisseur,
      idDestinataire: f.idDestinataire,
      identifiantDestinataire: f.codeDestinataire,
      designationDestinataire: f.designationDestinataire,
      codeServiceExecutant: f.codeServiceExecutant,
      numeroEngagement: f.numeroBonCommande,
      identifiantValideur: (r.validator_id as string | null) ?? null,
    };
  });
  return { listeFactures, parametresRetour: p.answer(found.total) };
}

/** recuperer/statutsFactureVisibles/valideur: the statuses a validator finds invoices in. */
export async function statutsVisiblesValideur() {
  return { listeStatutFacture: VALIDATION_STATUSES.map((codeStatutFacture) => ({ codeStatutFacture })) };
}

/** traiter/factureAValider: the validator approves (VALIDATION) or refuses (REFUS, with motifRefus). */
export async function traiterFactureAValider(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, row, actor } = await invoiceOfParty(deps, ctx, b.idFacture, 'validator', {
    field: 'idFacture',
  });
  const status = DECISIONS[b.action as string];
  if (!status)
    throw new CproError(
      CODES.TRANSITION_NOT_ALLOWED,
      `Action ${String(b.action)} : un valideur valide (VALIDATION) ou refuse (REFUS) une facture à valider.`,
      'action',
    );
  const state = await invoiceUpdate(id, () =>
    deps.client.workflow.getHandle<typeof invoiceLifecycle>(id).executeUpdate(changeStatus, {
      args: [
        {
          actor,
          status,
          reason: (b.motifRefus as string | undefined) ?? (b.motif as string | undefined),
          comment: b.complementInfo as string | undefined,
        },
      ],
    }),
  );
  return {
    idFacture: await wireId(deps.db, 'facture', id),
    numeroFacture: row.number as string,
    statutFacture: state.status,
    dateTraitement: wireDate(state.history.at(-1)!.at),
  };
}

/**
 * corriger/valideur/facture: the supplier names another validator structure (idStructure, or
 * identifiantStructure with typeIdentifiantStructure) for an invoice its validator refused (REFUSEE_1)
 * or has not decided yet; the invoice waits in A_VALIDER_1 for the new one.
 */
export async function corrigerValideur(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, actor } = await invoiceOfParty(deps, ctx, b.idFacture, 'supplier', { field: 'idFacture' });
  const byId = b.idStructure !== undefined;
  const structureId = byId ? await internalId(deps.db, 'structure', b.idStructure) : undefined;
  if (byId && !structureId)
    throw new CproError(
      CODES.STRUCTURE_NOT_FOUND,
      `Aucune structure ${String(b.idStructure)}.`,
      'idStructure',
    );
  const validator = await validatorNamed(
    deps.db,
    { structureId, identifier: byId ? undefined : (b.identifiantStructure as string) },
    byId ? 'idStructure' : 'identifiantStructure',
  );
  await invoiceUpdate(id, () =>
    deps.client.workflow
      .getHandle<typeof invoiceLifecycle>(id)
      .executeUpdate(correctValidator, { args: [{ actor, ...validator }] }),
  ).catch((err: unknown) => {
    // The workflow names its own field: on this wire the validator is idStructure.
    if (err instanceof DomainError && err.code === 'VALIDATOR_NOT_ALLOWED')
      throw new DomainError(err.code, err.message, { field: byId ? 'idStructure' : 'identifiantStructure' });
    throw err;
  });
  return { idFacture: await wireId(deps.db, 'facture', id) };
}
