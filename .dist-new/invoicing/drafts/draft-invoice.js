"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.blankInvoice = blankInvoice;
exports.withSeller = withSeller;
exports.withBuyer = withBuyer;
exports.withPdfFacts = withPdfFacts;
exports.pdfPrefilledFields = pdfPrefilledFields;
/** ISO 6523 ICD of the SIRET, the identifier the platform routes French invoices by. */
const SIRET_SCHEME = '0009';
/** ISO 6523 ICD of the SIREN. */
const SIREN_SCHEME = '0002';
/** An empty invoice in the canonical model: valid against invoiceSchema, so it can be saved as is. */
function blankInvoice(today) {
    return {
        number: '',
        issueDate: today,
        typeCode: '380',
        currencyCode: 'EUR',
        specificationId: 'urn:cen.eu:en16931:2017',
        notes: [],
        precedingInvoices: [],
        seller: { identifiers: [] },
        buyer: {},
        allowances: [],
        charges: [],
        totals: {},
        vatBreakdowns: [],
        supportingDocuments: [],
        lines: [],
    };
}
/** A party's name, legal registration (BT-30 / BT-47), VAT number and address from a structure. */
function partyFacts(party, s) {
    return {
        name: s.name ?? party.name,
        legalRegistrationId: {
            value: s.identifier,
            ...(s.identifierType === 'SIRET' ? { schemeId: SIRET_SCHEME } : {}),
        },
        vatId: s.vatNumber ?? party.vatId,
        address: address(s) ?? party.address,
    };
}
/** The supplier's identity, address and bank account, as its fiche structure holds them. */
function withSeller(invoice, s, iban) {
    return {
        ...invoice,
        seller: { ...invoice.seller, ...partyFacts(invoice.seller, s) },
        ...(iban && {
            paymentInstructions: {
                typeCode: '30',
                creditTransfers: [{ accountId: iban.iban, serviceProviderId: iban.bic }],
            },
        }),
    };
}
/** The recipient's identity and address from the platform's directory of structures. */
function withBuyer(invoice, s) {
    return {
        ...invoice,
        buyer: { ...invoice.buyer, ...partyFacts(invoice.buyer, s) },
    };
}
/** What a plain PDF said, over the blank or structure-filled draft (the PDF is the supplier's word). */
function withPdfFacts(invoice, f) {
    const currencyId = invoice.currencyCode;
    const money = (value) => (value === undefined ? undefined : { value, currencyId });
    const id = (siret, siren) => siret
        ? { value: siret, schemeId: SIRET_SCHEME }
        : siren
            ? { value: siren, schemeId: SIREN_SCHEME }
            : undefined;
    const totals = {
        ...invoice.totals,
        ...defined({
            taxExclusiveAmount: money(f.totals.withoutVat),
            vatTotal: money(f.totals.vat),
            taxInclusiveAmount: money(f.totals.withVat),
            amountDue: money(f.totals.amountDue ?? f.totals.withVat),
        }),
    };
    return {
        ...invoice,
        ...defined({
            number: f.number,
            issueDate: f.issueDate,
            dueDate: f.dueDate,
            purchaseOrderReference: f.engagementNumber,
            buyerReference: f.serviceCode,
        }),
        seller: {
            ...invoice.seller,
            ...defined({
                legalRegistrationId: id(f.sellerSiret, f.sellerSiren),
                vatId: f.sellerVatId,
                // The structure's registered name, when it has one, is the seller's.
                name: invoice.seller.name ?? f.sellerName,
            }),
        },
        buyer: {
            ...invoice.buyer,
            ...defined({
                legalRegistrationId: id(f.buyerSiret, f.buyerSiren),
                vatId: f.buyerVatId,
                // A buyer found in the directory keeps its name there; otherwise the name the PDF prints.
                name: invoice.buyer.name ?? f.buyerName,
            }),
            // Plain PDFs are French invoices: the country defaults to France.
            address: { ...invoice.buyer.address, countryCode: invoice.buyer.address?.countryCode ?? 'FR' },
        },
        totals,
        vatBreakdowns: f.vat.length > 0
            ? f.vat.map((v) => ({
                rate: v.rate,
                categoryCode: 'S',
                taxableAmount: money(v.taxableAmount),
                taxAmount: money(v.taxAmount),
            }))
            : invoice.vatBreakdowns,
        lines: f.lines.length ? f.lines.map((l, i) => pdfLine(l, i, currencyId)) : invoice.lines,
        ...(f.iban && {
            paymentInstructions: { typeCode: '30', creditTransfers: [{ accountId: f.iban }] },
        }),
    };
}
function pdfLine(l, i, currencyId) {
    const rate = l.vatRate ?? '20';
    return {
        id: String(i + 1),
        ...(l.quantity !== undefined && { quantity: { value: l.quantity, unitCode: 'C62' } }),
        ...(l.netAmount !== undefined && { netAmount: { value: l.netAmount, currencyId } }),
        ...(l.unitPrice !== undefined && { price: { netPrice: { value: l.unitPrice, currencyId } } }),
        vatCategoryCode: Number(rate) === 0 ? 'Z' : 'S',
        vatRate: rate,
        item: { name: l.name, classifications: [], attributes: [] },
        allowances: [],
        charges: [],
    };
}
/**
 * The draft's fields a plain PDF filled, as the form names them ("buyer.name", "lines"…), so that the
 * supplier sees what to check.
 */
function pdfPrefilledFields(f, invoice) {
    const fields = [
        ['number', f.number],
        ['issueDate', f.issueDate],
        ['dueDate', f.dueDate],
        ['buyerReference', f.serviceCode],
        ['purchaseOrderReference', f.engagementNumber],
        ['seller.id', f.sellerSiret ?? f.sellerSiren],
        ['buyer.id', f.buyerSiret ?? f.buyerSiren],
        ['buyer.name', invoice.buyer.name === f.buyerName ? f.buyerName : undefined],
        ['lines', f.lines.length || undefined],
        ['totals', f.totals.withVat ?? f.totals.withoutVat],
    ];
    return fields.filter(([, v]) => v !== undefined).map(([k]) => k);
}
function address(s) {
    if (!s.street && !s.city && !s.postalCode)
        return undefined;
    return defined({ line1: s.street, postCode: s.postalCode, city: s.city, countryCode: s.countryCode });
}
/** The object without its undefined properties, so a spread never erases a known value. */
function defined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=draft-invoice.js.map