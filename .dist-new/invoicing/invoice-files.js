"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invoiceFile = invoiceFile;
const domain_error_1 = require("../platform/domain-error");
const renditions_1 = require("./lifecycle/renditions");
const read_model_1 = require("./read-model");
/** A file of an invoice the caller may see (see `readableInvoice`). */
async function invoiceFile({ db, blobs }, invoice, request) {
    if (request.kind === 'attachment')
        return attachmentOf(db, blobs, invoice, request.sha256);
    const { row } = invoice;
    if (!invoice.filed)
        throw new domain_error_1.DomainError('INVOICE_NOT_FOUND', `No invoice with id ${invoice.id}.`, { field: 'params.id' });
    if (request.kind === 'certificate') {
        if (!row.certificate_sha256)
            throw new domain_error_1.DomainError('CERTIFICATE_NOT_READY', 'The deposit certificate is being issued; try again shortly.');
        return {
            bytes: await blobs.get(row.certificate_sha256),
            mediaType: 'application/pdf',
            filename: `attestation-depot-${row.number}.pdf`,
        };
    }
    const { format } = request;
    // The delivered rendition is served as stored; other formats are converted from the deposited file.
    const stored = row.delivered_format === format ? row.delivered_sha256 : undefined;
    const deposited = await blobs.get(row.blob_sha256);
    try {
        const r = stored
            ? await (0, renditions_1.renderAs)(await blobs.get(stored), 'original')
            : await (0, renditions_1.renderAs)(deposited, format, new Date(row.deposited_at));
        return { bytes: r.bytes, mediaType: r.mediaType, filename: `${row.number}.${r.extension}` };
    }
    catch (err) {
        // A rendition that would be invalid is refused with the rules it would break (never served).
        if (err instanceof renditions_1.RenditionRefused)
            throw err;
        throw new domain_error_1.DomainError('CONVERSION_FAILED', `This invoice cannot be rendered as ${format}: ${err.message}`, { field: 'params.format' });
    }
}
/** Only files of this invoice's history: a party of one invoice reads no other invoice's files. */
async function attachmentOf(db, blobs, invoice, sha256) {
    const history = invoice.filed ? await (0, read_model_1.invoiceHistory)(db, invoice.id) : [];
    const ref = history
        .flatMap((h) => h.attachments ?? [])
        .find((a) => a.sha256 === sha256);
    if (!ref)
        throw new domain_error_1.DomainError('ATTACHMENT_NOT_FOUND', `This invoice has no attachment ${sha256}.`, {
            field: 'params.sha256',
        });
    return { bytes: await blobs.get(sha256), mediaType: ref.mediaType, filename: ref.filename ?? sha256 };
}
//# sourceMappingURL=invoice-files.js.map