"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ATTACHMENT_EXTENSIONS = exports.ATTACHMENT_NAME_MAX_LENGTH = exports.INVOICE_WITH_ATTACHMENTS_MAX_BYTES = exports.ATTACHMENT_MAX_BYTES = void 0;
exports.checkAttachment = checkAttachment;
exports.attachmentError = attachmentError;
exports.mediaTypeOf = mediaTypeOf;
exports.storeUploadedFile = storeUploadedFile;
exports.attachmentRefs = attachmentRefs;
const domain_error_1 = require("../platform/domain-error");
const stored_blobs_1 = require("../platform/stored-blobs");
const blob_access_1 = require("./blob-access");
/** Limits the platform sets on pièces jointes (attachments) deposited with an invoice. */
exports.ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The invoice and all its attachments together. */
exports.INVOICE_WITH_ATTACHMENTS_MAX_BYTES = 120 * 1024 * 1024;
exports.ATTACHMENT_NAME_MAX_LENGTH = 50;
exports.ATTACHMENT_EXTENSIONS = [
    'pdf',
    'xml',
    'csv',
    'txt',
    'jpg',
    'jpeg',
    'png',
    'tif',
    'tiff',
    'gif',
    'bmp',
    'zip',
    'odt',
    'ods',
    'odp',
    'doc',
    'docx',
    'xls',
    'xlsx',
    'ppt',
    'pptx',
    'rtf',
    'htm',
    'html',
    'eml',
    'msg',
    'p7s',
    'xhtml',
];
const MB = 1024 * 1024;
/**
 * Whether one more attachment of this name and size may join an invoice whose files already weigh
 * `currentTotal` bytes (the invoice itself and the attachments kept so far). Pure, so the draft
 * form, the lifecycle's `complete` and any other channel apply the same rule.
 */
function checkAttachment(name, size, currentTotal) {
    const trimmed = name.trim();
    if (trimmed.length === 0 ||
        trimmed.length > exports.ATTACHMENT_NAME_MAX_LENGTH ||
        // A name, not a path: no directory parts, no control characters.
        /[\\/\u0000-\u001f]/.test(trimmed) ||
        trimmed.startsWith('.')) {
        return {
            code: 'ATTACHMENT_NAME_INVALID',
            message: `The attachment name must be 1 to ${exports.ATTACHMENT_NAME_MAX_LENGTH} characters, without a path (got "${trimmed.slice(0, 60)}").`,
            field: 'name',
        };
    }
    const extension = /\.([A-Za-z0-9]+)$/.exec(trimmed)?.[1]?.toLowerCase();
    if (!extension || !exports.ATTACHMENT_EXTENSIONS.includes(extension)) {
        return {
            code: 'ATTACHMENT_EXTENSION_NOT_ALLOWED',
            message: `The attachment "${trimmed}" must end with one of: ${exports.ATTACHMENT_EXTENSIONS.join(', ')}.`,
            field: 'name',
        };
    }
    if (size <= 0)
        return { code: 'ATTACHMENT_EMPTY', message: `The attachment "${trimmed}" is empty.`, field: 'file' };
    if (size > exports.ATTACHMENT_MAX_BYTES) {
        return {
            code: 'ATTACHMENT_TOO_LARGE',
            message: `The attachment "${trimmed}" weighs ${(size / MB).toFixed(1)} MB; at most ${exports.ATTACHMENT_MAX_BYTES / MB} MB each.`,
            field: 'file',
        };
    }
    if (currentTotal + size > exports.INVOICE_WITH_ATTACHMENTS_MAX_BYTES) {
        return {
            code: 'ATTACHMENTS_TOTAL_TOO_LARGE',
            message: `The invoice and its attachments would weigh ${((currentTotal + size) / MB).toFixed(1)} MB; at most ${exports.INVOICE_WITH_ATTACHMENTS_MAX_BYTES / MB} MB together.`,
            field: 'file',
        };
    }
    return undefined;
}
function attachmentError(p) {
    return new domain_error_1.DomainError(p.code, p.message, { field: p.field });
}
/** Media type of an attachment by its extension (the allowed list's common ones). */
const MEDIA_TYPES = {
    pdf: 'application/pdf',
    xml: 'application/xml',
    csv: 'text/csv',
    txt: 'text/plain',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    tif: 'image/tiff',
    tiff: 'image/tiff',
    zip: 'application/zip',
};
function mediaTypeOf(name) {
    return MEDIA_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
/**
 * ajouter/fichier: a file uploaded on its own, checked against the attachment rules and stored under
 * its SHA-256 for a later action to reference (the supplier's completion of a SUSPENDUE invoice).
 */
async function storeUploadedFile(db, blobs, name, bytes, uploader) {
    const problem = checkAttachment(name, bytes.byteLength, 0);
    if (problem)
        throw attachmentError(problem);
    const mediaType = mediaTypeOf(name);
    const blob = await (0, stored_blobs_1.storeBlob)(db, blobs, bytes, { mediaType, filename: name });
    // The upload is what lets its uploader cite the file later (blob-access.ts).
    if (uploader)
        await (0, stored_blobs_1.recordBlobUpload)(db, blob.sha256, uploader.userId, new Date().toISOString());
    return { sha256: blob.sha256, size: blob.size, mediaType, name };
}
/**
 * Attachments are files already in the blob store, named by their SHA-256. A caller cites only
 * files they may use (uploaded them, or may read them: `citableBlobs`); any other hash answers as an
 * unknown one, so knowing a hash proves nothing and reveals nothing.
 */
async function attachmentRefs(db, hashes, citer) {
    const filed = await (0, stored_blobs_1.filedBlobs)(db, hashes);
    const citable = citer ? await (0, blob_access_1.citableBlobs)(db, citer, hashes) : undefined;
    return hashes.map((sha256, i) => {
        const ref = citable && !citable.has(sha256) ? undefined : filed.get(sha256);
        if (!ref)
            throw new domain_error_1.DomainError('ATTACHMENT_UNKNOWN', `No uploaded file with SHA-256 ${sha256}.`, {
                field: `body.attachments.${i}`,
            });
        return ref;
    });
}
//# sourceMappingURL=attachments.js.map