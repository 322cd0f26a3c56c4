import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import { DomainError } from '../platform/domain-error';
import type { ReadableInvoice } from './access';
import { RenditionRefused, RenditionTooComplex, renderAs, type InvoiceFormat } from './lifecycle/renditions';
import { invoiceHistory } from './read-model';

/** A file of an invoice, ready to download. */
export interface InvoiceFile {
  bytes: Uint8Array;
  mediaType: string;
  filename: string;
}

/** What of an invoice may be downloaded: its deposit certificate, a rendition, or a pièce jointe. */
export type InvoiceFileRequest =
  | { kind: 'certificate' }
  | { kind: 'rendition'; format: InvoiceFormat }
  | { kind: 'attachment'; sha256: string };

/** A file of an invoice the caller may see (see `readableInvoice`). */
export async function invoiceFile(
  { db, blobs }: { db: Db; blobs: BlobStore },
  invoice: ReadableInvoice,
  request: InvoiceFileRequest,
): Promise<InvoiceFile> {
  if (request.kind === 'attachment') return attachmentOf(db, blobs, invoice, request.sha256);
  const { row } = invoice;
  if (!invoice.filed)
    throw new DomainError('INVOICE_NOT_FOUND', `No invoice with id ${invoice.id}.`, { field: 'params.id' });
  if (request.kind === 'certificate') {
    if (!row.certificate_sha256)
      throw new DomainError(
        'CERTIFICATE_NOT_READY',
        'The deposit certificate is being issued; try again shortly.',
      );
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
      ? await renderAs(await blobs.get(stored), 'original')
      : await renderAs(deposited, format, new Date(row.deposited_at));
    return { bytes: r.bytes, mediaType: r.mediaType, filename: `${row.number}.${r.extension}` };
  } catch (err) {
    // A rendition that would be invalid is refused with the rules it would break (never served).
    if (err instanceof RenditionRefused || err instanceof RenditionTooComplex) throw err;
    throw new DomainError(
      'CONVERSION_FAILED',
      `This invoice cannot be rendered as ${format}: ${(err as Error).message}`,
      { field: 'params.format' },
    );
  }
}

/** Only files of this invoice's history: a party of one invoice reads no other invoice's files. */
async function attachmentOf(
  db: Db,
  blobs: BlobStore,
  invoice: ReadableInvoice,
  sha256: string,
): Promise<InvoiceFile> {
  const history = invoice.filed ? await invoiceHistory(db, invoice.id) : [];
  const ref = history
    .flatMap((h: { attachments?: BlobRef[] }) => h.attachments ?? [])
    .find((a: BlobRef) => a.sha256 === sha256);
  if (!ref)
    throw new DomainError('ATTACHMENT_NOT_FOUND', `This invoice has no attachment ${sha256}.`, {
      field: 'params.sha256',
    });
  return { bytes: await blobs.get(sha256), mediaType: ref.mediaType, filename: ref.filename ?? sha256 };
}
