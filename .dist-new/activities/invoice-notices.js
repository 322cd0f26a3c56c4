"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createInvoiceNotices = createInvoiceNotices;
const notices_1 = require("../invoicing/notices");
/** Emails about an invoice's lifecycle; each carries an idempotency key, so a retry sends nothing twice. */
function createInvoiceNotices(deps) {
    return {
        /** Tells the other side's subscribers of a new status. */
        notifyStatusChange: ({ invoiceId, status }) => (0, notices_1.notifyStatusChange)(deps, invoiceId, status),
        /** The payment period ended without MISE_EN_PAIEMENT: the supplier's members learn what they are owed. */
        notifyLatePayment: (late) => (0, notices_1.notifyLatePayment)(deps, late),
    };
}
//# sourceMappingURL=invoice-notices.js.map