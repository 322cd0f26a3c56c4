"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identifyInvoice = identifyInvoice;
exports.identityOf = identityOf;
const parse_1 = require("./parse");
/** Reads the identity of UBL 2.1 or CII D16B bytes; throws XmlError or InvoiceFormatError on bad input. */
function identifyInvoice(bytes, limits) {
    const parsed = (0, parse_1.parseInvoice)(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, limits);
    return identityOf(parsed.invoice, parsed.format === 'cii' ? 'cii' : 'ubl');
}
function identityOf(invoice, syntax) {
    const { seller, buyer, totals } = invoice;
    return {
        syntax,
        number: present(invoice.number),
        issueDate: present(invoice.issueDate),
        typeCode: present(invoice.typeCode),
        currency: present(invoice.currencyCode),
        buyerReference: present(invoice.buyerReference),
        purchaseOrderReference: present(invoice.purchaseOrderReference),
        seller: party(seller?.name, [
            ['BT-30', seller?.legalRegistrationId],
            ...(seller?.identifiers ?? []).map((id) => ['BT-29', id]),
            ['BT-31', seller?.vatId ? { value: seller.vatId, schemeId: 'VA' } : undefined],
            ['BT-34', seller?.electronicAddress],
        ]),
        buyer: party(buyer?.name, [
            ['BT-47', buyer?.legalRegistrationId],
            ['BT-46', buyer?.identifier],
            ['BT-48', buyer?.vatId ? { value: buyer.vatId, schemeId: 'VA' } : undefined],
            ['BT-49', buyer?.electronicAddress],
        ]),
        totals: {
            withoutVat: present(totals?.taxExclusiveAmount?.value),
            vat: present(totals?.vatTotal?.value),
            withVat: present(totals?.taxInclusiveAmount?.value),
            amountDue: present(totals?.amountDue?.value),
        },
    };
}
function party(name, candidates) {
    const identifiers = candidates.flatMap(([term, id]) => {
        const value = present(id?.value);
        return value ? [{ term, value, ...(present(id?.schemeId) && { scheme: present(id?.schemeId) }) }] : [];
    });
    const chosen = identifiers[0];
    // The VAT number's scheme is ours (VA, as UBL writes it): the routing id shows none, as before.
    const scheme = chosen?.term === 'BT-31' || chosen?.term === 'BT-48' ? undefined : chosen?.scheme;
    return { name: present(name), id: chosen?.value, scheme, identifiers };
}
function present(text) {
    const t = text?.trim();
    return t ? t : undefined;
}
//# sourceMappingURL=identify.js.map