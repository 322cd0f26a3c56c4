import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import type { Mailer } from '../platform/mailer';
import type { DocumentPool } from '../platform/document-pool';
import { whileHeartbeating } from '../platform/heartbeat';
import { checkDepositedInvoice, checkRecycledRouting } from '../invoicing/checks';
import { createParsedInvoices } from '../invoicing/parsed-invoices';
import {
  recordPayment,
  recordRejectionAcknowledged,
  recordRouting,
  recordStatus,
  recordValidator,
  registerDeposit,
} from '../invoicing/records';
import type {
  DepositParties,
  Finding,
  InvoiceCheck,
  InvoiceDeposit,
  PaymentRecord,
  RejectionAcknowledgement,
  Routing,
  StatusRecord,
  ValidatorRef,
} from '../invoicing/types';
import { createInvoiceDelivery } from './invoice-delivery';
import { createInvoiceNotices } from './invoice-notices';
import { compactFindings, expandFindings } from './payloads';
import { recordFinalStatusLatency, timedValidation } from './metrics';

export interface InvoiceActivityDeps {
  db: Db;
  blobs: BlobStore;
  mailer: Mailer;
  /** The portal's public URL (PUBLIC_URL): invoice emails link to its pages. */
  publicUrl?: string;
  /**
   * The worker threads that read deposited files under a time and memory budget; the process's pool
   * otherwise. A flow worker has its own, so a flow's documents never wait for single deposits' threads.
   */
  documents?: DocumentPool;
}

/**
 * Side effects of the invoice workflow. Each one is safe to retry: writes are keyed (invoice id,
 * history sequence number, blob hash) and emails carry idempotency keys, so a retry or a worker crash
 * never duplicates anything.
 */
export function createInvoiceActivities({ db, blobs, mailer, publicUrl, documents }: InvoiceActivityDeps) {
  // Checking a deposit parses it; delivering it renders from that parse when this worker still holds it.
  const parsed = createParsedInvoices();
  return {
    ...createInvoiceDelivery({ db, blobs, mailer, parsed, publicUrl }),
    ...createInvoiceNotices({ db, mailer, publicUrl }),

    /** Files the deposit in the read model with its first status, DEPOSEE; answers the parties' structures. */
    registerDeposit: (d: InvoiceDeposit): Promise<DepositParties> => registerDeposit(db, d),

    /**
     * Judges the deposited file; every problem comes back as a finding. Thousands of findings (one
     * per line of a 9,999-line invoice) come back as the first ones and a reference to the full list.
     */
    checkInvoice: (c: InvoiceCheck): Promise<Finding[]> =>
      whileHeartbeating(async () =>
        compactFindings(
          blobs,
          await timedValidation(() => checkDepositedInvoice({ db, blobs, parsed, documents }, c)),
        ),
      ),

    /** The routing rules on corrected routing data (a recycle). */
    checkRouting: (routing: Routing): Promise<Finding[]> => checkRecycledRouting(db, routing),

    recordRouting: ({ invoiceId, routing }: { invoiceId: string; routing: Routing }): Promise<void> =>
      recordRouting(db, invoiceId, routing),

    /** The validator the supplier named in place of the previous one (A9 / A12). */
    recordValidator: ({ invoiceId, ...v }: { invoiceId: string } & ValidatorRef): Promise<void> =>
      recordValidator(db, invoiceId, v),

    /** Appends one status change to the history and moves the read model's current status. */
    recordStatus: async (s: StatusRecord): Promise<void> => {
      await recordStatus(db, { ...s, findings: await expandFindings(blobs, s.findings) });
      await recordFinalStatusLatency(db, s);
    },

    /** MISE_EN_PAIEMENT: the payment date, and the late-payment figures when it came late. */
    recordPayment: (p: PaymentRecord): Promise<void> => recordPayment(db, p),

    recordRejectionAcknowledged: (a: RejectionAcknowledgement): Promise<void> =>
      recordRejectionAcknowledged(db, a),
  };
}

export type InvoiceActivities = ReturnType<typeof createInvoiceActivities>;
