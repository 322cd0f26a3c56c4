"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.insertDraft = insertDraft;
exports.findDraft = findDraft;
exports.saveDraft = saveDraft;
exports.markDraftSent = markDraftSent;
exports.draftsInProgress = draftsInProgress;
exports.keepDraftAttachment = keepDraftAttachment;
exports.draftAttachments = draftAttachments;
exports.removeDraftAttachment = removeDraftAttachment;
const node_crypto_1 = __importDefault(require("node:crypto"));
const stored_blobs_1 = require("../../platform/stored-blobs");
async function insertDraft(db, d) {
    const now = new Date().toISOString();
    const row = {
        id: node_crypto_1.default.randomUUID(),
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
async function findDraft(db, id) {
    const row = await db('invoice_drafts').where({ id }).first();
    return row ? toDraft(row) : undefined;
}
async function saveDraft(db, id, changes) {
    await db('invoice_drafts')
        .where({ id })
        .update({
        invoice: JSON.stringify(changes.invoice),
        cadre_facturation: changes.cadreDeFacturation,
        deposit_mode: changes.modeDepot,
        updated_at: new Date().toISOString(),
    });
    return (await findDraft(db, id));
}
async function markDraftSent(db, id, invoiceId) {
    await db('invoice_drafts')
        .where({ id })
        .update({ status: 'ENVOYEE', invoice_id: invoiceId, updated_at: new Date().toISOString() });
}
/** Drafts still being edited in these structures, last changed first. */
async function draftsInProgress(db, structureIds, limit) {
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
async function keepDraftAttachment(db, a, checks) {
    const now = new Date().toISOString();
    return db.transaction(async (trx) => {
        const name = a.blob.filename;
        const existing = await trx('draft_attachments').where({ draft_id: a.draftId, name }).first();
        if (existing) {
            if (existing.blob_sha256 === a.blob.sha256)
                return toAttachment(existing);
            throw checks.taken();
        }
        const [{ total }] = await trx('draft_attachments').where({ draft_id: a.draftId }).sum({ total: 'size' });
        const problem = checks.refuse(Number(total ?? 0));
        if (problem)
            throw problem;
        await (0, stored_blobs_1.fileBlob)(trx, a.blob, now);
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
async function draftAttachments(db, draftId, order = 'added') {
    const rows = await db('draft_attachments')
        .where({ draft_id: draftId })
        .orderBy(order === 'added'
        ? [{ column: 'created_at' }]
        : [{ column: 'main', order: 'desc' }, { column: 'created_at' }, { column: 'name' }]);
    return rows.map(toAttachment);
}
/** Removes an attachment of a draft; false when it had none of that name. */
async function removeDraftAttachment(db, draftId, name) {
    return (await db('draft_attachments').where({ draft_id: draftId, name }).delete()) > 0;
}
function toDraft(r) {
    return {
        id: r.id,
        structureId: r.structure_id,
        status: r.status,
        cadreDeFacturation: r.cadre_facturation,
        modeDepot: r.deposit_mode,
        invoice: JSON.parse(r.invoice),
        invoiceId: r.invoice_id ?? undefined,
        ...(r.prefilled ? { prefilled: JSON.parse(r.prefilled) } : {}),
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
    };
}
function toAttachment(r) {
    return {
        name: r.name,
        size: Number(r.size),
        mediaType: r.media_type,
        sha256: r.blob_sha256,
        main: !!r.main,
    };
}
//# sourceMappingURL=drafts.js.map