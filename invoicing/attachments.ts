import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import { DomainError } from '../platform/domain-error';
import { filedBlobs, recordBlobUpload, storeBlob } from '../platform/stored-blobs';
import type { Caller } from '../accounts/caller';
import { citableBlobs } from './blob-access';

/** Limits the platform sets on pièces jointes (attachments) deposited with an invoice. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The invoice and all its attachments together. */
export const INVOICE_WITH_ATTACHMENTS_MAX_BYTES = 120 * 1024 * 1024;
export const ATTACHMENT_NAME_MAX_LENGTH = 50;
export const ATTACHMENT_EXTENSIONS = [
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
] as const;

export type AttachmentProblemCode =
  | 'ATTACHMENT_EMPTY'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENTS_TOTAL_TOO_LARGE'
  | 'ATTACHMENT_NAME_INVALID'
  | 'ATTACHMENT_EXTENSION_NOT_ALLOWED';

export interface AttachmentProblem {
  code: AttachmentProblemCode;
  message: string;
  field: string;
}

const MB = 1024 * 1024;

/**
 * Whether one more attachment of this name and size may join an invoice whose files already weigh
 * `currentTotal` bytes (the invoice itself and the attachments kept so far). Pure, so the draft
 * form, the lifecycle's `complete` and any other channel apply the same rule.
 */
export function checkAttachment(
  name: string,
  size: number,
  currentTotal: number,
): AttachmentProblem | undefined {
  const trimmed = name.trim();
  if (
    trimmed.length === 0 ||
    trimmed.length > ATTACHMENT_NAME_MAX_LENGTH ||
    // A name, not a path: no directory parts, no control characters.
    /[\\/\u0000-\u001f]/.test(trimmed) ||
    trimmed.startsWith('.')
  ) {
    return {
      code: 'ATTACHMENT_NAME_INVALID',
      message: `The attachment name must be 1 to ${ATTACHMENT_NAME_MAX_LENGTH} characters, without a path (got "${trimmed.slice(0, 60)}").`,
      field: 'name',
    };
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(trimmed)?.[1]?.toLowerCase();
  if (!extension || !(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      code: 'ATTACHMENT_EXTENSION_NOT_ALLOWED',
      message: `The attachment "${trimmed}" must end with one of: ${ATTACHMENT_EXTENSIONS.join(', ')}.`,
      field: 'name',
    };
  }
  if (size <= 0)
    return { code: 'ATTACHMENT_EMPTY', message: `The attachment "${trimmed}" is empty.`, field: 'file' };
  if (size > ATTACHMENT_MAX_BYTES) {
    return {
      code: 'ATTACHMENT_TOO_LARGE',
      message: `The attachment "${trimmed}" weighs ${(size / MB).toFixed(1)} MB; at most ${ATTACHMENT_MAX_BYTES / MB} MB each.`,
      field: 'file',
    };
  }
  if (currentTotal + size > INVOICE_WITH_ATTACHMENTS_MAX_BYTES) {
    return {
      code: 'ATTACHMENTS_TOTAL_TOO_LARGE',
      message: `The invoice and its attachments would weigh ${((currentTotal + size) / MB).toFixed(1)} MB; at most ${INVOICE_WITH_ATTACHMENTS_MAX_BYTES / MB} MB together.`,
      field: 'file',
    };
  }
  return undefined;
}

export function attachmentError(p: AttachmentProblem): DomainError {
  return new DomainError(p.code, p.message, { field: p.field });
}

/** Media type of an attachment by its extension (the allowed list's common ones). */
const MEDIA_TYPES: Record<string, string> = {
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

export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/**
 * ajouter/fichier: a file uploaded on its own, checked against the attachment rules and stored under
 * its SHA-256 for a later action to reference (the supplier's completion of a SUSPENDUE invoice).
 */
export async function storeUploadedFile(
  db: Db,
  blobs: BlobStore,
  name: string,
  bytes: Uint8Array,
  uploader?: Caller,
) {
  const problem = checkAttachment(name, bytes.byteLength, 0);
  if (problem) throw attachmentError(problem);
  const mediaType = mediaTypeOf(name);
  const blob = await storeBlob(db, blobs, bytes, { mediaType, filename: name });
  // The upload is what lets its uploader cite the file later (blob-access.ts).
  if (uploader) await recordBlobUpload(db, blob.sha256, uploader.userId, new Date().toISOString());
  return { sha256: blob.sha256, size: blob.size, mediaType, name };
}

/**
 * Attachments are files already in the blob store, named by their SHA-256. A caller cites only
 * files they may use (uploaded them, or may read them: `citableBlobs`); any other hash answers as an
 * unknown one, so knowing a hash proves nothing and reveals nothing.
 */
export async function attachmentRefs(db: Db, hashes: string[], citer?: Caller): Promise<BlobRef[]> {
  const filed = await filedBlobs(db, hashes);
  const citable = citer ? await citableBlobs(db, citer, hashes) : undefined;
  return hashes.map((sha256, i) => {
    const ref = citable && !citable.has(sha256) ? undefined : filed.get(sha256);
    if (!ref)
      throw new DomainError('ATTACHMENT_UNKNOWN', `No uploaded file with SHA-256 ${sha256}.`, {
        field: `body.attachments.${i}`,
      });
    return ref;
  });
}
