"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invoiceNumbersIn = invoiceNumbersIn;
exports.callerInvoice = callerInvoice;
const read_model_1 = require("../invoicing/read-model");
const structures_1 = require("../structures");
const localize_1 = require("../invoice/messages/localize");
const messages_1 = require("../invoice/messages");
/** Words that look like invoice numbers: a digit in them, and not a validation rule id. */
function invoiceNumbersIn(question) {
    return (question.match(/[A-Za-z0-9][\w/.-]*\d[\w/.-]*/g) ?? [])
        .map((n) => n.replace(/[.-]+$/, ''))
        .filter((n) => n.length >= 3 && !/^(BR|FF|UBL|CII)-/i.test(n));
}
/**
 * The caller's invoice named in a question, read from the read model: only invoices whose supplier is
 * a structure the caller is a member of, so nobody learns about another supplier's invoices.
 */
async function callerInvoice(db, userId, question) {
    const numbers = invoiceNumbersIn(question);
    if (numbers.length === 0)
        return undefined;
    const row = await (0, read_model_1.latestInvoiceNumbered)(db, await (0, structures_1.structureIdentifiersOfUser)(db, userId), numbers);
    if (!row)
        return undefined;
    const latest = (await (0, read_model_1.invoiceHistory)(db, row.id)).filter((h) => h.reasons !== undefined).pop();
    // The assistant speaks French: findings are explained in the supplier's words, ids kept.
    const reasons = (latest?.reasons ?? []).map((r) => r.rule ? (0, localize_1.localizeWith)((0, messages_1.frenchCatalogue)(), r, 'fr') : r);
    return {
        id: row.id,
        number: row.number,
        status: row.status,
        reasons,
        comment: latest?.comment,
    };
}
//# sourceMappingURL=invoice-context.js.map