"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkDepositedInvoice = checkDepositedInvoice;
exports.checkRecycledRouting = checkRecycledRouting;
const check_1 = require("../invoice/check");
const errors_1 = require("../invoice/errors");
const document_pool_1 = require("../platform/document-pool");
const identify_1 = require("../invoice/identify");
const platform_rules_1 = require("../invoice/platform-rules");
const directory_1 = require("../structures/directory");
const routing_1 = require("./lifecycle/routing");
const lifecycle_1 = require("./store/lifecycle");
/**
 * Reads the deposited file and judges it, against the recipient directory and the duplicate registry
 * too; every problem comes back as a finding, and the rule sets that judged it go to the read model. The
 * model read stays with the worker for the rendering. The reading and the rules run in a worker thread
 * of the document pool: a file over its time or memory budget is one fatal finding, DOCUMENT_TOO_COMPLEX,
 * and the worker's event loop (heartbeats, other activities) never waits for it.
 */
async function checkDepositedInvoice({ db, blobs, parsed, documents = (0, document_pool_1.documentPool)() }, c) {
    const platform = {
        recipients: (0, directory_1.dbRecipientDirectory)(db),
        duplicates: {
            exists: (supplierId, year, number) => (0, lifecycle_1.numberTaken)(db, { supplierId, year, number, exceptInvoiceId: c.invoiceId }),
        },
    };
    const bytes = await blobs.get(c.blob.sha256);
    const result = await documents.check(bytes, { rules: 'all', platform }).catch((err) => {
        if (!(err instanceof errors_1.DocumentTooComplexError))
            throw err;
        return tooComplex(err);
    });
    // Recorded here rather than returned: the workflow's check result stays the findings it always was.
    if (c.invoiceId)
        await (0, lifecycle_1.updateRuleSets)(db, c.invoiceId, result.ruleSets ?? []);
    if (!result.invoice)
        return result.findings;
    parsed.remember(c.blob.sha256, result.invoice);
    const syntax = result.format.startsWith('ubl') ? 'ubl' : 'cii';
    return [...result.findings, ...(0, platform_rules_1.filingFindings)((0, identify_1.identityOf)(result.invoice, syntax))];
}
/** The verdict on a file over budget: unreadable within what one invoice is given, never retried. */
function tooComplex(err) {
    const finding = {
        rule: check_1.CHECK_RULES.unreadable,
        severity: 'fatal',
        message: `${err.code}: ${err.message}`,
    };
    return { format: 'unknown', valid: false, findings: [finding], ruleSets: [] };
}
/** The routing rules on corrected routing data (a recycle). */
function checkRecycledRouting(db, routing) {
    return (0, routing_1.routingProblems)((0, directory_1.dbRecipientDirectory)(db), routing);
}
//# sourceMappingURL=checks.js.map