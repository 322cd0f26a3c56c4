import type { AppDeps } from '../app';
import { invoiceUpdate } from '../../invoicing/access';
import type { InvoiceStatusCode } from '../../invoicing/lifecycle/transitions';
import { wireId, internalId } from '../../service-mode/identifiers';
import { changeStatus, complete, invoiceLifecycle, recycle } from '../../workflows/invoice';
import { attachmentRefs } from '../../invoicing/attachments';
import { CODES, CproError } from './wire';
import type { CproContext } from './context';
import { invoiceOfParty } from './facture-access';

type Body = Record<string, unknown>;

const lifecycleOf = (deps: AppDeps, id: string) =>
  deps.client.workflow.getHandle<typeof invoiceLifecycle>(id);

/** completer: the supplier completes a suspended invoice with a comment and files uploaded before. */
export async function completer(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, actor } = await invoiceOfParty(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, 'supplier', {
    field: 'identifiantFactureCPP',
  });
  const pieces = (b.listePiecesJointes as { pieceJointeId: unknown }[] | undefined) ?? [];
  const hashes: string[] = [];
  for (const [i, p] of pieces.entries()) {
    const sha = await internalId(deps.db, 'fichier', p.pieceJointeId);
    if (!sha)
      throw new CproError(
        CODES.ATTACHMENT_INVALID,
        'Pièce jointe inconnue.',
        `listePiecesJointes.${i}.pieceJointeId`,
      );
    hashes.push(sha);
  }
  const attachments = await attachmentRefs(deps.db, hashes);
  const state = await invoiceUpdate(id, () =>
    lifecycleOf(deps, id).executeUpdate(complete, {
      args: [{ actor, comment: b.commentaire as string | undefined, attachments }],
    }),
  );
  return { identifiantFactureCPP: await wireId(deps.db, 'facture', id), statutFacture: state.status };
}

/** recycler: the supplier sends a rejected invoice to another recipient, service or engagement. */
export async function recycler(deps: AppDeps, b: Body, ctx: CproContext) {
  const { id, actor } = await invoiceOfParty(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, 'supplier', {
    field: 'identifiantFactureCPP',
  });
  const state = await invoiceUpdate(id, () =>
    lifecycleOf(deps, id).executeUpdate(recycle, {
      args: [
        {
          actor,
          recipientId: b.codeDestinataire as string | undefined,
          serviceCode: b.codeServiceExecutant as string | undefined,
          engagementNumber: b.numeroBonCommande as string | undefined,
          comment: b.commentaire as string | undefined,
        },
      ],
    }),
  );
  return { identifiantFactureCPP: await wireId(deps.db, 'facture', id), statutFacture: state.status };
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
    statutFacture: state.status,
    dateTraitement: state.history.at(-1)!.at.slice(0, 10),
  };
}
