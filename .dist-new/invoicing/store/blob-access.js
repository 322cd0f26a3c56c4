"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.blobsOfStructures = blobsOfStructures;
/**
 * Of these blobs, those that belong to an invoice the scope reads (the file deposited, as delivered,
 * its deposit certificate, an attachment of its history) or to one of its structures' drafts.
 */
async function blobsOfStructures(db, { structureIds, recipientServices }, hashes) {
    const found = new Set();
    if (structureIds.length === 0 || hashes.length === 0)
        return found;
    const restricted = new Set(recipientServices.map((r) => r.structureId));
    const ofParties = (q) => {
        q.whereIn('invoices.supplier_structure_id', structureIds)
            .orWhereIn('invoices.validator_structure_id', structureIds)
            .orWhereIn('invoices.recipient_structure_id', structureIds.filter((id) => !restricted.has(id)));
        for (const r of recipientServices)
            q.orWhere((o) => o
                .where('invoices.recipient_structure_id', r.structureId)
                .whereIn('invoices.service_code', r.services));
        return q;
    };
    for (const column of ['blob_sha256', 'delivered_sha256', 'certificate_sha256']) {
        const rows = await db('invoices')
            .whereIn(column, hashes)
            .where((q) => ofParties(q))
            .select(`${column} as sha256`);
        rows.forEach((r) => found.add(r.sha256));
    }
    const rest = hashes.filter((h) => !found.has(h));
    for (const sha256 of rest) {
        // History attachments are kept as JSON: the hash is looked for in it, only for these parties' invoices.
        const attached = await db('invoice_status_history')
            .join('invoices', 'invoices.id', 'invoice_status_history.invoice_id')
            .where('invoice_status_history.attachments', 'like', `%"${sha256}"%`)
            .where((q) => ofParties(q))
            .first('invoices.id');
        if (attached)
            found.add(sha256);
    }
    const drafted = await db('draft_attachments')
        .join('invoice_drafts', 'invoice_drafts.id', 'draft_attachments.draft_id')
        .whereIn('invoice_drafts.structure_id', structureIds)
        .whereIn('draft_attachments.blob_sha256', hashes)
        .select('draft_attachments.blob_sha256 as sha256');
    drafted.forEach((r) => found.add(r.sha256));
    return found;
}
//# sourceMappingURL=blob-access.js.map