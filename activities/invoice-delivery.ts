import { storeBlob } from '../platform/stored-blobs';
import { Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import type { Mailer } from '../platform/mailer';
import { INVOICE_FORMATS, InvoiceFormat, renderAs } from '../invoicing/lifecycle/renditions';
import { renderDepositCertificate } from '../invoicing/lifecycle/certificate';
import { subscriberEmails } from './invoice-notices';
import type { BlobRef, Routing } from '../invoicing/types';

export interface InvoiceDeliveryDeps {
  db: Db;
  blobs: BlobStore;
  mailer: Mailer;
}

/** Delivery to the recipient's space, and the deposit certificate. */
export function createInvoiceDelivery({ db, blobs, mailer }: InvoiceDeliveryDeps) {
  return {
    /** Renders the deposit certificate PDF once and files it with the invoice. */
    async issueDepositCertificate({ invoiceId }: { invoiceId: string }): Promise<BlobRef> {
      const row = await db('invoices').where({ id: invoiceId }).first();
      const deposited = await db('blobs').where({ sha256: row.blob_sha256 }).first();
      const pdf = await renderDepositCertificate({
        invoiceId,
        number: row.number,
        supplier: [row.supplier_name, row.supplier_id].filter(Boolean).join(' — '),
        recipient: [row.recipient_name, row.recipient_id].filter(Boolean).join(' — ') || undefined,
        depositedAt: new Date(row.deposited_at).toISOString(),
        depositMode: row.deposit_mode,
        sha256: row.blob_sha256,
        size: Number(deposited.size),
      });
      const blob = await storeBlob(db, blobs, pdf, {
        mediaType: 'application/pdf',
        filename: `attestation-depot-${row.number}.pdf`,
      });
      await db('invoices').where({ id: invoiceId }).update({ certificate_sha256: blob.sha256 });
      return blob;
    },

    /**
     * Puts the invoice in the recipient structure's space in the format it prefers (stored as a blob),
     * and emails the structure's subscribers. Answers the structure and its payment category.
     */
    async deliverToRecipient({
      invoiceId,
      routing,
      blob,
    }: {
      invoiceId: string;
      routing: Routing;
      blob: BlobRef;
    }): Promise<{ structureId?: string; paymentCategory?: string; format: InvoiceFormat }> {
      const structure = routing.recipientId
        ? await db('structures').where({ identifier: routing.recipientId }).first()
        : undefined;
      const preferred = (structure?.preferred_format ?? 'original') as InvoiceFormat;
      const format = INVOICE_FORMATS.includes(preferred) ? preferred : 'original';
      const heartbeat = setInterval(() => Context.current().heartbeat(), 2000);
      let delivered: BlobRef;
      try {
        const row = await db('invoices').where({ id: invoiceId }).first('number', 'deposited_at');
        // Dated at the deposit, so a retry renders the very same bytes.
        const rendition = await renderAs(await blobs.get(blob.sha256), format, new Date(row.deposited_at));
        delivered = await storeBlob(db, blobs, rendition.bytes, {
          mediaType: rendition.mediaType,
          filename: `${row.number}.${rendition.extension}`,
        });
      } finally {
        clearInterval(heartbeat);
      }
      const invoice = await db('invoices').where({ id: invoiceId }).first('number');
      await db('invoices')
        .where({ id: invoiceId })
        .update({
          recipient_structure_id: structure?.id ?? null,
          delivered_format: format,
          delivered_sha256: delivered.sha256,
        });
      const seq = await db('invoice_status_history')
        .where({ invoice_id: invoiceId })
        .max({ seq: 'seq' })
        .first();
      for (const to of await subscriberEmails(db, structure?.id))
        await mailer.send({
          to,
          subject: `Nouvelle facture reçue : ${invoice.number}`,
          text: `La facture ${invoice.number} (${invoiceId}) est disponible dans votre espace, au format ${format}.`,
          idempotencyKey: `${invoiceId}/delivered/${seq?.seq ?? 0}/${to}`,
        });
      return {
        structureId: structure?.id,
        paymentCategory: structure?.payment_category ?? undefined,
        format,
      };
    },
  };
}
