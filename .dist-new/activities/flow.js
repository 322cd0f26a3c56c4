"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createFlowActivities = createFlowActivities;
const activity_1 = require("@temporalio/activity");
const reports_1 = require("../flows/reports");
const unpack_1 = require("../flows/unpack");
const deposit_1 = require("../invoicing/deposit");
const invoices_1 = require("../flows/invoices");
/**
 * Side effects of the flow workflow, each one call to the flows feature. Blobs are content-addressed
 * and rows keyed by the flow number, so every one of them may run again after a crash with the same result.
 */
function createFlowActivities({ db, blobs, documents }) {
    return {
        /** Moves the flow's read-model row to a state; a settled flow also gets its report. */
        async recordFlowState(s) {
            await (0, reports_1.recordFlowState)(db, s);
        },
        /**
         * Opens the flow's archive into invoice files, heartbeating as it inflates: a large archive takes a
         * while. A cancelled or timed-out attempt stops inflating at once instead of running on unseen.
         */
        async unpackFlow(f) {
            const ctx = activity_1.Context.current();
            let kept = 0;
            return (0, unpack_1.unpackFlow)({ db, blobs }, f, (files) => {
                kept = files;
                ctx.heartbeat(kept);
            }, { signal: ctx.cancellationSignal, onProgress: () => ctx.heartbeat(kept) });
        },
        async prepareFlowInvoice(f) {
            return (0, invoices_1.prepareFlowInvoice)({ db, blobs, documents }, f);
        },
        /** Which file an invoice already filed under this id came from (to tell a re-sent file from a duplicate). */
        async depositedInvoiceBlob(invoiceId) {
            const sha256 = await (0, invoices_1.depositedInvoiceBlob)(db, invoiceId);
            // Its workflow exists but has not written its row yet: worth another try in a moment.
            if (!sha256)
                throw activity_1.ApplicationFailure.retryable(`invoice ${invoiceId} not registered yet`, 'InvoiceNotRegistered');
            return sha256;
        },
        /**
         * Whether another file may take the number of the invoice filed under this id: the platform's checks
         * rejected it before delivery and its run is over (the rule of a direct deposit).
         */
        async invoiceNumberReusable(invoiceId) {
            return (0, deposit_1.numberFreedByRejection)(activity_1.Context.current().client, invoiceId);
        },
        /**
         * Returns once the invoice row carries this file: a corrected file takes the row of the rejected one
         * only when its own run registers it, and until then the row still reads REJETEE.
         */
        async awaitInvoiceFile(f) {
            if ((await (0, invoices_1.depositedInvoiceBlob)(db, f.invoiceId)) !== f.sha256)
                throw activity_1.ApplicationFailure.retryable(`invoice ${f.invoiceId} not registered yet`, 'InvoiceNotRegistered');
        },
        async invoiceOutcomes(invoiceIds) {
            return (0, invoices_1.invoiceOutcomes)(db, invoiceIds);
        },
    };
}
//# sourceMappingURL=flow.js.map