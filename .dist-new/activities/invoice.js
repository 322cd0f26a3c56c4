"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createInvoiceActivities = createInvoiceActivities;
const heartbeat_1 = require("../platform/heartbeat");
const checks_1 = require("../invoicing/checks");
const parsed_invoices_1 = require("../invoicing/parsed-invoices");
const records_1 = require("../invoicing/records");
const invoice_delivery_1 = require("./invoice-delivery");
const invoice_notices_1 = require("./invoice-notices");
const payloads_1 = require("./payloads");
/**
 * Side effects of the invoice workflow. Each one is safe to retry: writes are keyed (invoice id,
 * history sequence number, blob hash) and emails carry idempotency keys, so a retry or a worker crash
 * never duplicates anything.
 */
function createInvoiceActivities({ db, blobs, mailer, publicUrl, documents }) {
    // Checking a deposit parses it; delivering it renders from that parse when this worker still holds it.
    const parsed = (0, parsed_invoices_1.createParsedInvoices)();
    return {
        ...(0, invoice_delivery_1.createInvoiceDelivery)({ db, blobs, mailer, parsed, publicUrl }),
        ...(0, invoice_notices_1.createInvoiceNotices)({ db, mailer, publicUrl }),
        /** Files the deposit in the read model with its first status, DEPOSEE; answers the parties' structures. */
        registerDeposit: (d) => (0, records_1.registerDeposit)(db, d),
        /**
         * Judges the deposited file; every problem comes back as a finding. Thousands of findings (one
         * per line of a 9,999-line invoice) come back as the first ones and a reference to the full list.
         */
        checkInvoice: (c) => (0, heartbeat_1.whileHeartbeating)(async () => (0, payloads_1.compactFindings)(blobs, await (0, checks_1.checkDepositedInvoice)({ db, blobs, parsed, documents }, c))),
        /** The routing rules on corrected routing data (a recycle). */
        checkRouting: (routing) => (0, checks_1.checkRecycledRouting)(db, routing),
        recordRouting: ({ invoiceId, routing }) => (0, records_1.recordRouting)(db, invoiceId, routing),
        /** The validator the supplier named in place of the previous one (A9 / A12). */
        recordValidator: ({ invoiceId, ...v }) => (0, records_1.recordValidator)(db, invoiceId, v),
        /** Appends one status change to the history and moves the read model's current status. */
        recordStatus: async (s) => (0, records_1.recordStatus)(db, { ...s, findings: await (0, payloads_1.expandFindings)(blobs, s.findings) }),
        /** MISE_EN_PAIEMENT: the payment date, and the late-payment figures when it came late. */
        recordPayment: (p) => (0, records_1.recordPayment)(db, p),
        recordRejectionAcknowledged: (a) => (0, records_1.recordRejectionAcknowledged)(db, a),
    };
}
//# sourceMappingURL=invoice.js.map