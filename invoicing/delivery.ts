import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import type { Mailer } from '../platform/mailer';
import { storeBlob } from '../platform/stored-blobs';
import { renderDepositCertificate } from './lifecycle/certificate';
import { INVOICE_FORMATS, InvoiceFormat, renderForDelivery } from './lifecycle/renditions';
import type { ParsedInvoices } from './parsed-invoices';
import {
  LifecycleInvoiceRow,
  invoiceRow,
  lastSeq,
  updateCertificate,
  updateDelivery,
} from './store/lifecycle';
import { recipientStructureByIdentifier } from '../structures';
import { storedBlobSize } from '../platform/stored-blobs';
import type { Delivery, DeliveryRequest } from './types';
import { notifyDelivery } from './notices';

export interface DeliveryDeps {
  db: Db;
  blobs: BlobStore;
  mailer: Mailer;
  parsed: ParsedInvoices;
  /** The portal's public URL: the buyer's email links to the invoice's page. */
  publicUrl?: string;
}

/** Renders the deposit certificate PDF once and files it with the invoice. */
export async function issueDepositCertificate(
  { db, blobs }: Pick<DeliveryDeps, 'db' | 'blobs'>,
  invoiceId: string,
): Promise<BlobRef> {
  const row = (await invoiceRow(db, invoiceId))!;
  const pdf = await renderDepositCertificate({
    invoiceId,
    number: row.number,
    supplier: [row.supplier_name, row.supplier_id].filter(Boolean).join(' — '),
    recipient: [row.recipient_name, row.recipient_id].filter(Boolean).join(' — ') || undefined,
    depositedAt: new Date(row.deposited_at).toISOString(),
    depositMode: row.deposit_mode,
    sha256: row.blob_sha256,
    size: await storedBlobSize(db, row.blob_sha256),
  });
  const blob = await storeBlob(db, blobs, pdf, {
    mediaType: 'application/pdf',
    filename: `attestation-depot-${row.number}.pdf`,
  });
  await updateCertificate(db, invoiceId, blob.sha256);
  return blob;
}

/**
 * Puts the invoice in the recipient structure's space in the format it prefers (stored as a blob),
 * and emails the structure's subscribers. Answers the structure and its payment category.
 */
export async function deliverInvoice(
  deps: DeliveryDeps,
  { invoiceId, routing, blob }: DeliveryRequest,
): Promise<Delivery> {
  const { db } = deps;
  const structure = await recipientStructureByIdentifier(db, routing.recipientId);
  const preferred = (structure?.preferredFormat ?? 'original') as InvoiceFormat;
  const preferredFormat = INVOICE_FORMATS.includes(preferred) ? preferred : 'original';
  const row = (await invoiceRow(db, invoiceId))!;
  // A preferred form that would be invalid is replaced by the original: `format` records what was sent.
  const { blob: delivered, format, refused } = await renderForRecipient(deps, blob, preferredFormat, row);
  const why = refused
    ? ` (le format ${refused.format} aurait donné une facture invalide : ${refused.rules.join(', ')})`
    : '';
  await updateDelivery(db, invoiceId, { structureId: structure?.id, format, sha256: delivered.sha256 });
  const seq = await lastSeq(db, invoiceId);
  await notifyDelivery(deps, invoiceId, { structureId: structure?.id, format, why, seq: seq ?? 0 });
  return { structureId: structure?.id, paymentCategory: structure?.paymentCategory, format };
}

async function renderForRecipient(
  { db, blobs, parsed }: DeliveryDeps,
  blob: BlobRef,
  format: InvoiceFormat,
  row: LifecycleInvoiceRow,
): Promise<{ blob: BlobRef; format: InvoiceFormat; refused?: { format: InvoiceFormat; rules: string[] } }> {
  const deposited = await blobs.get(blob.sha256);
  // A model that cannot be had (over budget) is left to the rendition, which falls back to the original.
  const model =
    format === 'original' ? undefined : await parsed.get(blob.sha256, deposited).catch(() => undefined);
  // Dated at the deposit, so a retry renders the very same bytes.
  const delivered = await renderForDelivery(deposited, format, new Date(row.deposited_at), model);
  const { rendition } = delivered;
  const stored = await storeBlob(db, blobs, rendition.bytes, {
    mediaType: rendition.mediaType,
    filename: `${row.number}.${rendition.extension}`,
  });
  const refused = delivered.refused && {
    format: delivered.refused.format,
    rules: [...new Set(delivered.refused.findings.map((f) => f.rule))],
  };
  return { blob: stored, format: delivered.format, refused };
}
