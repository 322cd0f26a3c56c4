import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import type { Mailer } from '../platform/mailer';
import { whileHeartbeating } from '../platform/heartbeat';
import { deliverInvoice, issueDepositCertificate } from '../invoicing/delivery';
import type { ParsedInvoices } from '../invoicing/parsed-invoices';
import type { Delivery, DeliveryRequest } from '../invoicing/types';

export interface InvoiceDeliveryDeps {
  db: Db;
  blobs: BlobStore;
  mailer: Mailer;
  parsed: ParsedInvoices;
  publicUrl?: string;
}

/** Delivery to the recipient's space, and the deposit certificate: both render files, so both heartbeat. */
export function createInvoiceDelivery(deps: InvoiceDeliveryDeps) {
  return {
    /** Renders the deposit certificate PDF once and files it with the invoice. */
    issueDepositCertificate: ({ invoiceId }: { invoiceId: string }): Promise<BlobRef> =>
      whileHeartbeating(() => issueDepositCertificate(deps, invoiceId)),

    /** Puts the invoice in the recipient's space in the format it prefers, and tells its subscribers. */
    deliverToRecipient: (request: DeliveryRequest): Promise<Delivery> =>
      whileHeartbeating(() => deliverInvoice(deps, request)),
  };
}
