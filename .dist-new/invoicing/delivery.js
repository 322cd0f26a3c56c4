"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.issueDepositCertificate = issueDepositCertificate;
exports.deliverInvoice = deliverInvoice;
const stored_blobs_1 = require("../platform/stored-blobs");
const certificate_1 = require("./lifecycle/certificate");
const renditions_1 = require("./lifecycle/renditions");
const lifecycle_1 = require("./store/lifecycle");
const structures_1 = require("../structures");
const stored_blobs_2 = require("../platform/stored-blobs");
const notices_1 = require("./notices");
/** Renders the deposit certificate PDF once and files it with the invoice. */
async function issueDepositCertificate({ db, blobs }, invoiceId) {
    const row = (await (0, lifecycle_1.invoiceRow)(db, invoiceId));
    const pdf = await (0, certificate_1.renderDepositCertificate)({
        invoiceId,
        number: row.number,
        supplier: [row.supplier_name, row.supplier_id].filter(Boolean).join(' — '),
        recipient: [row.recipient_name, row.recipient_id].filter(Boolean).join(' — ') || undefined,
        depositedAt: new Date(row.deposited_at).toISOString(),
        depositMode: row.deposit_mode,
        sha256: row.blob_sha256,
        size: await (0, stored_blobs_2.storedBlobSize)(db, row.blob_sha256),
    });
    const blob = await (0, stored_blobs_1.storeBlob)(db, blobs, pdf, {
        mediaType: 'application/pdf',
        filename: `attestation-depot-${row.number}.pdf`,
    });
    await (0, lifecycle_1.updateCertificate)(db, invoiceId, blob.sha256);
    return blob;
}
/**
 * Puts the invoice in the recipient structure's space in the format it prefers (stored as a blob),
 * and emails the structure's subscribers. Answers the structure and its payment category.
 */
async function deliverInvoice(deps, { invoiceId, routing, blob }) {
    const { db } = deps;
    const structure = await (0, structures_1.recipientStructureByIdentifier)(db, routing.recipientId);
    const preferred = (structure?.preferredFormat ?? 'original');
    const preferredFormat = renditions_1.INVOICE_FORMATS.includes(preferred) ? preferred : 'original';
    const row = (await (0, lifecycle_1.invoiceRow)(db, invoiceId));
    // A preferred form that would be invalid is replaced by the original: `format` records what was sent.
    const { blob: delivered, format, refused } = await renderForRecipient(deps, blob, preferredFormat, row);
    const why = refused
        ? ` (le format ${refused.format} aurait donné une facture invalide : ${refused.rules.join(', ')})`
        : '';
    await (0, lifecycle_1.updateDelivery)(db, invoiceId, { structureId: structure?.id, format, sha256: delivered.sha256 });
    const seq = await (0, lifecycle_1.lastSeq)(db, invoiceId);
    await (0, notices_1.notifyDelivery)(deps, invoiceId, { structureId: structure?.id, format, why, seq: seq ?? 0 });
    return { structureId: structure?.id, paymentCategory: structure?.paymentCategory, format };
}
async function renderForRecipient({ db, blobs, parsed }, blob, format, row) {
    const deposited = await blobs.get(blob.sha256);
    const model = format === 'original' ? undefined : await parsed.get(blob.sha256, deposited);
    // Dated at the deposit, so a retry renders the very same bytes.
    const delivered = await (0, renditions_1.renderForDelivery)(deposited, format, new Date(row.deposited_at), model);
    const { rendition } = delivered;
    const stored = await (0, stored_blobs_1.storeBlob)(db, blobs, rendition.bytes, {
        mediaType: rendition.mediaType,
        filename: `${row.number}.${rendition.extension}`,
    });
    const refused = delivered.refused && {
        format: delivered.refused.format,
        rules: [...new Set(delivered.refused.findings.map((f) => f.rule))],
    };
    return { blob: stored, format: delivered.format, refused };
}
//# sourceMappingURL=delivery.js.map