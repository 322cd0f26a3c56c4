import { notifyLatePayment, notifyStatusChange, NoticeDeps } from '../invoicing/notices';
import type { InvoiceStatusCode, LatePayment } from '../invoicing/types';

/** Emails about an invoice's lifecycle; each carries an idempotency key, so a retry sends nothing twice. */
export function createInvoiceNotices(deps: NoticeDeps) {
  return {
    /** Tells the other side's subscribers of a new status. */
    notifyStatusChange: ({ invoiceId, status }: { invoiceId: string; status: InvoiceStatusCode }) =>
      notifyStatusChange(deps, invoiceId, status),

    /** The payment period ended without MISE_EN_PAIEMENT: the supplier's members learn what they are owed. */
    notifyLatePayment: (late: LatePayment) => notifyLatePayment(deps, late),
  };
}
