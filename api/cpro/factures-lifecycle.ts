import type { AppDeps } from '../app';
import { invoiceUpdate } from '../../invoicing/access';
import type { InvoiceStatusCode } from '../../invoicing/lifecycle/transitions';
import { wireId, internalId } from '../../service-mode/identifiers';
import { changeStatus, complete, invoiceLifecycle, recycle } from '../../workflows/invoice';
import { attachmentRefs } from '../../invoicing/attachments';
import { digitsOnly } from '../../invoice/platform-rules';
import { CODES, CproError } from './wire';
import type { CproContext } from './context';
import { invoiceOfParty } from './facture-access';
import { wireDate } from './invoice-wire';

type Body = Record<string, unknown>;

const lifecycleOf = (deps: AppDeps, id: string) =>
  deps.client.workflow.getHandle<typeof invoiceLifecycle>(id);

/** The processing day of a state: its last status change, Paris day. */
const processedOn = (state: { history: { at: string }[] }) => wireDate(state.history.at(-1)!.at);

/**
 * The files a supplier adds, uploaded before with transverses ajouter/fichier: the published
 * `pieceJointeComplementaire[{pieceJointeComplementaireId, …}]`, or the older `listePiecesJointes`.
 */
async function addedFiles(deps: AppDeps, b: Body) {
  const published = (b.pieceJointeComplementaire as { pieceJointeComplementaireId: unknown }[]) ?? [];
  const older = (b.listePiecesJointes as { pieceJointeId: unknown }[]) ?? [];
  const named = [
    ...published.map((p, i) => ({
      id: p.pieceJointeComplementaireId,
      field: `pieceJointeComplementaire.${i}.pieceJointeComplementaireId`,
    })),
    ...older.map((p, i) => ({ id: p.pieceJointeId, field: `listePiecesJointes.${i}.pieceJointeId` })),
  ];
  const hashes: string[] = [];
  for (const { id, field } of named) {
    const sha = await internalId(deps.db, 'fichier', id);
    if (!sha)
      throw new CproError(
        CODES.ATTACHMENT_INVALID,
        `Pièce jointe ${String(id)} inconnue : déposez-la d’abord (transverses ajouter/fichier).`,
        field,
      );
    hashes.push(sha);
  }
  return attachmentRefs(deps.db, hashes);
}

/** completer: the supplier completes a suspended invoice with a comment and files uploaded before. */
export async function completer(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, row, actor } = await invoiceOfParty(
    deps,
    ctx,
    b.identifiantFactureCPP ?? b.idFacture,
    'supplier',
    { field: 'identifiantFactureCPP' },
  );
  const attachments = await addedFiles(deps, b);
  const state = await invoiceUpdate(id, () =>
    lifecycleOf(deps, id).executeUpdate(complete, {
      args: [{ actor, comment: b.commentaire as string | undefined, attachments }],
    }),
  );
  return {
    identifiantFactureCPP: await wireId(deps.db, 'facture', id),
    numeroFacture: row.number as string,
    dateTraitement: processedOn(state),
  };
}

/**
 * recycler: the supplier sends an A_RECYCLER invoice to another recipient, service or engagement, as
 * published (`destinataire{codeDestinataire, codeServiceExecutant}`, `reference{numeroBonCommande}`);
 * the older top-level fields are read too.
 */
export async function recycler(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, row, actor } = await invoiceOfParty(
    deps,
    ctx,
    b.identifiantFactureCPP ?? b.idFacture,
    'supplier',
    { field: 'identifiantFactureCPP' },
  );
  const destinataire = (b.destinataire ?? {}) as Record<string, string | undefined>;
  const reference = (b.reference ?? b.references ?? {}) as Record<string, string | undefined>;
  const recipient = destinataire.codeDestinataire ?? (b.codeDestinataire as string | undefined);
  const state = await invoiceUpdate(id, () =>
    lifecycleOf(deps, id).executeUpdate(recycle, {
      args: [
        {
          actor,
          // A SIRET keyed in as people type it is its digits.
          recipientId:
            recipient !== undefined && /^[\d\s.]+$/.test(recipient) ? digitsOnly(recipient) : recipient,
          serviceCode: destinataire.codeServiceExecutant ?? (b.codeServiceExecutant as string | undefined),
          engagementNumber: reference.numeroBonCommande ?? (b.numeroBonCommande as string | undefined),
          comment: b.commentaire as string | undefined,
        },
      ],
    }),
  );
  return {
    identifiantFactureCPP: await wireId(deps.db, 'facture', id),
    numeroFacture: row.number as string,
    dateDepot: wireDate(row.deposited_at),
    statutFacture: state.status,
  };
}

/** traiter/recue: the recipient moves a received invoice to its next status. */
export async function traiterRecue(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, row, actor } = await invoiceOfParty(deps, ctx, b.idFacture, 'recipient', {
    field: 'idFacture',
  });
  const state = await invoiceUpdate(id, () =>
    lifecycleOf(deps, id).executeUpdate(changeStatus, {
      args: [
        {
          actor,
          status: b.nouveauStatut as InvoiceStatusCode,
          reason: b.motif as string | undefined,
          mandateNumber: b.numeroDPMandat as string | undefined,
          comment: b.commentaire as string | undefined,
        },
      ],
    }),
  );
  return {
    idFacture: await wireId(deps.db, 'facture', id),
    numeroFacture: row.number as string,
    nouveauStatut: state.status,
    dateTraitement: processedOn(state),
  };
}
