import crypto from 'node:crypto';
import type { Db } from '../../platform/db';
import type { BlobRef } from '../../platform/blobs';
import { fileBlob } from '../../platform/stored-blobs';
import type { Invoice } from '../../invoice/model';
import type { Draft, DraftAttachment } from '../drafts/types';

export async function insertDraft(
  db: Db,
  d: {
    structureId: string;
    createdBy: string;
    invoice: Invoice;
    cadreDeFacturation: string;
    modeDepot: string;
    prefilled?: string[];
  },
): Promise<Draft> {
  const now = new Date().toISOString();
  const row = {
    id: crypto.randomUUID(),
    structure_id: d.structureId,
    created_by: d.createdBy,
    status: 'BROUILLON',
    invoice: JSON.stringify(d.invoice),
    cadre_facturation: d.cadreDeFacturation,
    deposit_mode: d.modeDepot,
    invoice_id: null,
    prefilled: d.prefilled?.length ? JSON.stringify(d.prefilled) : null,
    created_at: now,
    updated_at: now,
  };
  await db('invoice_drafts').insert(row);
  return toDraft(row);
}

export async function findDraft(db: Db, id: string): Promise<Draft | undefined> {
  const row = await db('invoice_drafts').where({ id }).first();
  return row ? toDraft(row) : undefined;
}

export async function saveDraft(
  db: Db,
  id: string,
  changes: { invoice: Invoice; cadreDeFacturation: string; modeDepot: string },
): Promise<Draft> {
  await db('invoice_drafts')
    .where({ id })
    .update({
      invoice: JSON.stringify(changes.invoice),
      cadre_facturation: changes.cadreDeFacturation,
      deposit_mode: changes.modeDepot,
      updated_at: new Date().toISOString(),
    });
  return (await findDraft(db, id))!;
}

export async function markDraftSent(db: Db, id: string, invoiceId: string): Promise<void> {
  await db('invoice_drafts')
    .where({ id })
    .update({ status: 'ENVOYEE', invoice_id: invoiceId, updated_at: new Date().toISOString() });
}

/** Drafts still being edited in these structures, last changed first. */
export async function draftsInProgress(db: Db, structureIds: string[], limit: number): Promise<Draft[]> {
  const rows = await db('invoice_drafts')
    .whereIn('structure_id', structureIds)
    .andWhere({ status: 'BROUILLON' })
    .orderBy('updated_at', 'desc')
    .limit(limit);
  return rows.map(toDraft);
}

/**
 * Keeps one attachment of a draft under its name, with its blob's row, inside one transaction so
 * the running total `refuse` judges is the one the row joins. The same name with the same content
 * again is the same attachment; `taken` answers a name already used by other content.
 */
export async function keepDraftAttachment(
  db: Db,
  a: { draftId: string; blob: BlobRef & { mediaType: string; filename: string }; main: boolean },
  checks: { refuse: (total: number) => Error | undefined; taken: () => Error },
): Promise<DraftAttachment> {
  const now = new Date().toISOString();
  return db.transaction(async (trx) => {
    const name = a.blob.filename;
    const existing = await trx('draft_attachments').where({ draft_id: a.draftId, name }).first();
    if (existing) {
      if (existing.blob_sha256 === a.blob.sha256) return toAttachment(existing);
      throw checks.taken();
    }
    const [{ total }] = await trx('draft_attachments').where({ draft_id: a.draftId }).sum({ total: 'size' });
    const problem = checks.refuse(Number(total ?? 0));
    if (problem) throw problem;
    await fileBlob(trx, a.blob, now);
    const row = {
      draft_id: a.draftId,
      name,
      blob_sha256: a.blob.sha256,
      size: a.blob.size,
      media_type: a.blob.mediaType,
      main: a.main,
      created_at: now,
    };
    await trx('draft_attachments').insert(row);
    return toAttachment(row);
  });
}

/** A draft's attachments in the order they were added, or as filed with the invoice (the main one first). */
export async function draftAttachments(
  db: Db,
  draftId: string,
  order: 'added' | 'filing' = 'added',
): Promise<DraftAttachment[]> {
  const rows = await db('draft_attachments')
    .where({ draft_id: draftId })
    .orderBy(
      order === 'added'
        ? [{ column: 'created_at' }]
        : [{ column: 'main', order: 'desc' }, { column: 'created_at' }, { column: 'name' }],
    );
  return rows.map(toAttachment);
}

/** Removes an attachment of a draft; false when it had none of that name. */
export async function removeDraftAttachment(db: Db, draftId: string, name: string): Promise<boolean> {
  return (await db('draft_attachments').where({ draft_id: draftId, name }).delete()) > 0;
}

function toDraft(r: Record<string, unknown>): Draft {
  return {
    id: r.id as string,
    structureId: r.structure_id as string,
    status: r.status as Draft['status'],
    cadreDeFacturation: r.cadre_facturation as string,
    modeDepot: r.deposit_mode as string,
    invoice: JSON.parse(r.invoice as string) as Invoice,
    invoiceId: (r.invoice_id as string | null) ?? undefined,
    ...(r.prefilled ? { prefilled: JSON.parse(r.prefilled as string) as string[] } : {}),
    createdAt: new Date(r.created_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
  };
}

function toAttachment(r: Record<string, unknown>): DraftAttachment {
  return {
    name: r.name as string,
    size: Number(r.size),
    mediaType: r.media_type as string,
    sha256: r.blob_sha256 as string,
    main: !!r.main,
  };
}
