"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.supplierIdentifier = supplierIdentifier;
exports.FF_DUP_01 = FF_DUP_01;
const finding_1 = require("./finding");
/** The supplier identifier duplicates are keyed on: legal registration (BT-30), else BT-29, VAT id, address. */
function supplierIdentifier(invoice) {
    const { legalRegistrationId, identifiers, vatId, electronicAddress } = invoice.seller;
    return [legalRegistrationId?.value, ...identifiers.map((id) => id.value), vatId, electronicAddress?.value]
        .map(finding_1.given)
        .find(Boolean);
}
/** The invoice year: from the issue date (BT-2), or from the deposit date when BT-2 is unreadable. */
function invoiceYear(invoice, today) {
    const issue = /^(\d{4})-\d{2}-\d{2}$/.exec(invoice.issueDate?.trim() ?? '');
    if (issue)
        return Number(issue[1]);
    return Number((today ?? new Date().toISOString()).slice(0, 4));
}
/** FF-DUP-01 (unconfirmed platform rule): same supplier + same invoice number + same year is a duplicate. */
async function FF_DUP_01(invoice, registry, today) {
    const supplier = supplierIdentifier(invoice);
    const number = (0, finding_1.given)(invoice.number);
    if (!supplier || !number)
        return [];
    const year = invoiceYear(invoice, today);
    if (!(await registry.exists(supplier, year, number)))
        return [];
    return [
        (0, finding_1.platformFinding)('FF-DUP-01', `La facture ${number} de ${year} a déjà été déposée par ce fournisseur. / ` +
            `Invoice ${number} of ${year} was already deposited by this supplier.`, 'BT-1'),
    ];
}
//# sourceMappingURL=duplicate.js.map