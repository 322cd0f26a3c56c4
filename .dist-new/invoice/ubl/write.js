"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toUbl = toUbl;
const xml_write_1 = require("../xml-write");
const model_1 = require("../model");
const namespaces_1 = require("./namespaces");
const decimal_1 = require("../decimal");
const note_1 = require("./note");
const codes_1 = require("./codes");
/**
 * Writes the model as UBL 2.1: an Invoice, or a CreditNote when BT-3 is a credit note type code.
 * Element order follows the OASIS UBL 2.1 XSD sequences, paths follow the CEN/TC 434 UBL binding.
 */
function toUbl(invoice) {
    const credit = (0, model_1.isCreditNote)(invoice);
    const cur = invoice.currencyCode;
    const firstMeansExtras = credit ? (0, xml_write_1.leaf)('cbc:PaymentDueDate', invoice.dueDate) : undefined;
    const root = (0, xml_write_1.always)(credit ? 'CreditNote' : 'Invoice', (0, xml_write_1.leaf)('cbc:CustomizationID', invoice.specificationId), (0, xml_write_1.leaf)('cbc:ProfileID', invoice.businessProcessType), (0, xml_write_1.leaf)('cbc:ID', invoice.number), (0, xml_write_1.leaf)('cbc:IssueDate', invoice.issueDate), credit ? undefined : (0, xml_write_1.leaf)('cbc:DueDate', invoice.dueDate), (0, xml_write_1.leaf)(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', invoice.typeCode), invoice.notes.map((n) => (0, xml_write_1.leaf)('cbc:Note', (0, note_1.joinUblNote)(n))), (0, xml_write_1.leaf)('cbc:TaxPointDate', invoice.vatPointDate), (0, xml_write_1.leaf)('cbc:DocumentCurrencyCode', invoice.currencyCode), (0, xml_write_1.leaf)('cbc:TaxCurrencyCode', invoice.vatCurrencyCode), (0, xml_write_1.leaf)('cbc:AccountingCost', invoice.buyerAccountingReference), (0, xml_write_1.leaf)('cbc:BuyerReference', invoice.buyerReference), (0, xml_write_1.when)(invoice.invoicingPeriod !== undefined || invoice.vatPointDateCode !== undefined, 'cac:InvoicePeriod', periodChildren(invoice.invoicingPeriod), (0, xml_write_1.leaf)('cbc:DescriptionCode', ublVatPointDateCode(invoice.vatPointDateCode))), orderReference(invoice), invoice.precedingInvoices.map((p) => (0, xml_write_1.node)('cac:BillingReference', (0, xml_write_1.node)('cac:InvoiceDocumentReference', (0, xml_write_1.leaf)('cbc:ID', p.reference), (0, xml_write_1.leaf)('cbc:IssueDate', p.issueDate)))), idRef('cac:DespatchDocumentReference', invoice.despatchAdviceReference), idRef('cac:ReceiptDocumentReference', invoice.receivingAdviceReference), credit ? undefined : idRef('cac:OriginatorDocumentReference', invoice.tenderOrLotReference), idRef('cac:ContractDocumentReference', invoice.contractReference), additionalDocuments(invoice, credit), credit ? idRef('cac:OriginatorDocumentReference', invoice.tenderOrLotReference) : undefined, credit ? undefined : idRef('cac:ProjectReference', invoice.projectReference), (0, xml_write_1.always)('cac:AccountingSupplierParty', seller(invoice)), (0, xml_write_1.always)('cac:AccountingCustomerParty', buyer(invoice)), payee(invoice), taxRepresentative(invoice), delivery(invoice), paymentMeans(invoice, firstMeansExtras), (0, xml_write_1.node)('cac:PaymentTerms', (0, xml_write_1.leaf)('cbc:Note', invoice.paymentTerms)), invoice.allowances.map((a) => documentAllowanceCharge(a, false, cur)), invoice.charges.map((c) => documentAllowanceCharge(c, true, cur)), taxTotals(invoice), (0, xml_write_1.always)('cac:LegalMonetaryTotal', amount('cbc:LineExtensionAmount', invoice.totals.lineNetTotal, cur), amount('cbc:TaxExclusiveAmount', invoice.totals.taxExclusiveAmount, cur), amount('cbc:TaxInclusiveAmount', invoice.totals.taxInclusiveAmount, cur), amount('cbc:AllowanceTotalAmount', invoice.totals.allowanceTotal, cur), amount('cbc:ChargeTotalAmount', invoice.totals.chargeTotal, cur), amount('cbc:PrepaidAmount', invoice.totals.paidAmount, cur), amount('cbc:PayableRoundingAmount', invoice.totals.roundingAmount, cur), amount('cbc:PayableAmount', invoice.totals.amountDue, cur)), invoice.lines.map((l) => line(l, credit, cur)));
    return (0, xml_write_1.serializeXml)(root, {
        '': credit ? namespaces_1.UBL_NS.creditNote : namespaces_1.UBL_NS.invoice,
        cac: namespaces_1.UBL_NS.cac,
        cbc: namespaces_1.UBL_NS.cbc,
    });
}
function ublVatPointDateCode(code) {
    return code && (codes_1.VAT_POINT_DATE_CODE_FROM_CII[code] ?? code);
}
function amount(name, a, currency) {
    return a && (0, xml_write_1.leaf)(name, a.value, { currencyID: a.currencyId ?? currency });
}
function quantity(name, q) {
    return q && (0, xml_write_1.leaf)(name, q.value, { unitCode: q.unitCode });
}
function identifier(name, id) {
    return id && (0, xml_write_1.leaf)(name, id.value, { schemeID: id.schemeId });
}
function idRef(name, id) {
    return (0, xml_write_1.node)(name, (0, xml_write_1.leaf)('cbc:ID', id));
}
function periodChildren(p) {
    return [(0, xml_write_1.leaf)('cbc:StartDate', p?.startDate), (0, xml_write_1.leaf)('cbc:EndDate', p?.endDate)];
}
/** cac:OrderReference needs cbc:ID; the UBL binding writes "NA" when only BT-14 is known. */
function orderReference(invoice) {
    const { purchaseOrderReference: po, salesOrderReference: so } = invoice;
    if (po === undefined && so === undefined)
        return undefined;
    return (0, xml_write_1.always)('cac:OrderReference', (0, xml_write_1.leaf)('cbc:ID', po ?? codes_1.NO_ORDER_ID), (0, xml_write_1.leaf)('cbc:SalesOrderID', so));
}
function additionalDocuments(invoice, credit) {
    const object = invoice.invoicedObjectId;
    return [
        ...invoice.supportingDocuments.map((d) => (0, xml_write_1.always)('cac:AdditionalDocumentReference', (0, xml_write_1.leaf)('cbc:ID', d.reference), (0, xml_write_1.leaf)('cbc:DocumentDescription', d.description), (0, xml_write_1.node)('cac:Attachment', d.attachment &&
            (0, xml_write_1.leaf)('cbc:EmbeddedDocumentBinaryObject', d.attachment.base64 ?? '', {
                mimeCode: d.attachment.mimeCode,
                filename: d.attachment.filename,
            }), (0, xml_write_1.node)('cac:ExternalReference', (0, xml_write_1.leaf)('cbc:URI', d.externalUri))))),
        object &&
            (0, xml_write_1.always)('cac:AdditionalDocumentReference', identifier('cbc:ID', object), (0, xml_write_1.leaf)('cbc:DocumentTypeCode', codes_1.INVOICED_OBJECT_TYPE_CODE)),
        // UBL CreditNote has no cac:ProjectReference; the binding carries BT-11 as a typed document reference.
        credit && invoice.projectReference !== undefined
            ? (0, xml_write_1.always)('cac:AdditionalDocumentReference', (0, xml_write_1.leaf)('cbc:ID', invoice.projectReference), (0, xml_write_1.leaf)('cbc:DocumentTypeCode', codes_1.CREDIT_NOTE_PROJECT_TYPE_CODE))
            : undefined,
    ];
}
function address(name, a) {
    return (a &&
        (0, xml_write_1.always)(name, (0, xml_write_1.leaf)('cbc:StreetName', a.line1), (0, xml_write_1.leaf)('cbc:AdditionalStreetName', a.line2), (0, xml_write_1.leaf)('cbc:CityName', a.city), (0, xml_write_1.leaf)('cbc:PostalZone', a.postCode), (0, xml_write_1.leaf)('cbc:CountrySubentity', a.countrySubdivision), (0, xml_write_1.node)('cac:AddressLine', (0, xml_write_1.leaf)('cbc:Line', a.line3)), (0, xml_write_1.node)('cac:Country', (0, xml_write_1.leaf)('cbc:IdentificationCode', a.countryCode))));
}
function contact(c) {
    return (c &&
        (0, xml_write_1.always)('cac:Contact', (0, xml_write_1.leaf)('cbc:Name', c.name), (0, xml_write_1.leaf)('cbc:Telephone', c.telephone), (0, xml_write_1.leaf)('cbc:ElectronicMail', c.email)));
}
function taxScheme(companyId, scheme) {
    return ((companyId !== undefined &&
        (0, xml_write_1.always)('cac:PartyTaxScheme', (0, xml_write_1.leaf)('cbc:CompanyID', companyId), (0, xml_write_1.always)('cac:TaxScheme', (0, xml_write_1.leaf)('cbc:ID', scheme)))) ||
        undefined);
}
function partyId(id) {
    return (0, xml_write_1.node)('cac:PartyIdentification', identifier('cbc:ID', id));
}
/** BT-90 goes with the payee when there is one, else with the seller (EN 16931 UBL binding). */
function sepaCreditorId(invoice) {
    const creditorId = invoice.paymentInstructions?.directDebit?.creditorId;
    return creditorId === undefined ? undefined : { value: creditorId, schemeId: codes_1.SEPA_SCHEME };
}
function seller(invoice) {
    const s = invoice.seller;
    return (0, xml_write_1.always)('cac:Party', identifier('cbc:EndpointID', s.electronicAddress), s.identifiers.map(partyId), invoice.payee ? undefined : partyId(sepaCreditorId(invoice)), (0, xml_write_1.node)('cac:PartyName', (0, xml_write_1.leaf)('cbc:Name', s.tradingName)), address('cac:PostalAddress', s.address), taxScheme(s.vatId, codes_1.VAT_SCHEME), taxScheme(s.taxRegistrationId, codes_1.OTHER_TAX_SCHEME), (0, xml_write_1.node)('cac:PartyLegalEntity', (0, xml_write_1.leaf)('cbc:RegistrationName', s.name), identifier('cbc:CompanyID', s.legalRegistrationId), (0, xml_write_1.leaf)('cbc:CompanyLegalForm', s.additionalLegalInfo)), contact(s.contact));
}
function buyer(invoice) {
    const b = invoice.buyer;
    return (0, xml_write_1.always)('cac:Party', identifier('cbc:EndpointID', b.electronicAddress), partyId(b.identifier), (0, xml_write_1.node)('cac:PartyName', (0, xml_write_1.leaf)('cbc:Name', b.tradingName)), address('cac:PostalAddress', b.address), taxScheme(b.vatId, codes_1.VAT_SCHEME), (0, xml_write_1.node)('cac:PartyLegalEntity', (0, xml_write_1.leaf)('cbc:RegistrationName', b.name), identifier('cbc:CompanyID', b.legalRegistrationId)), contact(b.contact));
}
function payee(invoice) {
    const p = invoice.payee;
    return (p &&
        (0, xml_write_1.always)('cac:PayeeParty', partyId(p.identifier), partyId(sepaCreditorId(invoice)), (0, xml_write_1.node)('cac:PartyName', (0, xml_write_1.leaf)('cbc:Name', p.name)), (0, xml_write_1.node)('cac:PartyLegalEntity', identifier('cbc:CompanyID', p.legalRegistrationId))));
}
function taxRepresentative(invoice) {
    const t = invoice.taxRepresentative;
    return (t &&
        (0, xml_write_1.always)('cac:TaxRepresentativeParty', (0, xml_write_1.node)('cac:PartyName', (0, xml_write_1.leaf)('cbc:Name', t.name)), address('cac:PostalAddress', t.address), taxScheme(t.vatId, codes_1.VAT_SCHEME)));
}
function delivery(invoice) {
    const d = invoice.delivery;
    return (d &&
        (0, xml_write_1.always)('cac:Delivery', (0, xml_write_1.leaf)('cbc:ActualDeliveryDate', d.actualDeliveryDate), (0, xml_write_1.node)('cac:DeliveryLocation', identifier('cbc:ID', d.locationId), address('cac:Address', d.address)), (0, xml_write_1.node)('cac:DeliveryParty', (0, xml_write_1.node)('cac:PartyName', (0, xml_write_1.leaf)('cbc:Name', d.name)))));
}
/** One cac:PaymentMeans per BG-17 credit transfer (UBL has one account per means); card and mandate go in the first. */
function paymentMeans(invoice, dueDate) {
    const p = invoice.paymentInstructions;
    // BT-90 alone travels as a party identifier: it needs no cac:PaymentMeans.
    if (!p || !hasPaymentMeans(p))
        return [];
    const transfers = p.creditTransfers.length ? p.creditTransfers : [undefined];
    return transfers.map((t, i) => (0, xml_write_1.always)('cac:PaymentMeans', 
    // BT-82 may appear once in the document (UBL-SR-46): on the first payment means only.
    (0, xml_write_1.leaf)('cbc:PaymentMeansCode', p.typeCode ?? '', { name: i === 0 ? p.text : undefined }), i === 0 ? dueDate : undefined, (0, xml_write_1.leaf)('cbc:PaymentID', p.remittanceInformation), i === 0 && p.card
        ? (0, xml_write_1.always)('cac:CardAccount', (0, xml_write_1.leaf)('cbc:PrimaryAccountNumberID', p.card.primaryAccountNumber ?? ''), (0, xml_write_1.leaf)('cbc:NetworkID', codes_1.UNKNOWN_CARD_NETWORK), (0, xml_write_1.leaf)('cbc:HolderName', p.card.holderName))
        : undefined, t &&
        (0, xml_write_1.always)('cac:PayeeFinancialAccount', (0, xml_write_1.leaf)('cbc:ID', t.accountId), (0, xml_write_1.leaf)('cbc:Name', t.accountName), (0, xml_write_1.node)('cac:FinancialInstitutionBranch', (0, xml_write_1.leaf)('cbc:ID', t.serviceProviderId))), i === 0
        ? (0, xml_write_1.node)('cac:PaymentMandate', (0, xml_write_1.leaf)('cbc:ID', p.directDebit?.mandateReference), (0, xml_write_1.node)('cac:PayerFinancialAccount', (0, xml_write_1.leaf)('cbc:ID', p.directDebit?.debitedAccountId)))
        : undefined));
}
function hasPaymentMeans(p) {
    const { typeCode, text, remittanceInformation, creditTransfers, card, directDebit } = p;
    return ([
        typeCode,
        text,
        remittanceInformation,
        directDebit?.mandateReference,
        directDebit?.debitedAccountId,
    ].some((v) => v !== undefined) ||
        creditTransfers.length > 0 ||
        card !== undefined);
}
function taxCategory(name, code, rate, extra = []) {
    return (0, xml_write_1.always)(name, (0, xml_write_1.leaf)('cbc:ID', code), (0, xml_write_1.leaf)('cbc:Percent', rate), extra, (0, xml_write_1.always)('cac:TaxScheme', (0, xml_write_1.leaf)('cbc:ID', codes_1.VAT_SCHEME)));
}
function documentAllowanceCharge(a, charge, cur) {
    return (0, xml_write_1.always)('cac:AllowanceCharge', (0, xml_write_1.leaf)('cbc:ChargeIndicator', String(charge)), (0, xml_write_1.leaf)('cbc:AllowanceChargeReasonCode', a.reasonCode), (0, xml_write_1.leaf)('cbc:AllowanceChargeReason', a.reason), (0, xml_write_1.leaf)('cbc:MultiplierFactorNumeric', a.percentage), amount('cbc:Amount', a.amount, cur), amount('cbc:BaseAmount', a.baseAmount, cur), a.vatCategoryCode !== undefined || a.vatRate !== undefined
        ? taxCategory('cac:TaxCategory', a.vatCategoryCode, a.vatRate)
        : undefined);
}
/**
 * cac:TaxTotal requires cbc:TaxAmount. When BT-110 is absent (invoices outside the scope of VAT may
 * omit it) but breakdowns exist, it is written as the exact sum of BT-117, which BR-CO-14 makes it equal to.
 */
function taxTotals(invoice) {
    const cur = invoice.currencyCode;
    const breakdownTax = invoice.vatBreakdowns.map((b) => b.taxAmount?.value ?? '0');
    const vatTotal = invoice.totals.vatTotal ?? (breakdownTax.length ? { value: (0, decimal_1.decimalSum)(breakdownTax) } : undefined);
    const main = (0, xml_write_1.node)('cac:TaxTotal', amount('cbc:TaxAmount', vatTotal, cur), invoice.vatBreakdowns.map((b) => (0, xml_write_1.always)('cac:TaxSubtotal', amount('cbc:TaxableAmount', b.taxableAmount, cur), amount('cbc:TaxAmount', b.taxAmount, cur), taxCategory('cac:TaxCategory', b.categoryCode, b.rate, [
        (0, xml_write_1.leaf)('cbc:TaxExemptionReasonCode', b.exemptionReasonCode),
        (0, xml_write_1.leaf)('cbc:TaxExemptionReason', b.exemptionReason),
    ].filter((x) => x !== undefined)))));
    const accounting = (0, xml_write_1.node)('cac:TaxTotal', amount('cbc:TaxAmount', invoice.totals.vatTotalAccountingCurrency, invoice.vatCurrencyCode ?? cur));
    return [main, accounting].filter((x) => x !== undefined);
}
function lineAllowanceCharge(a, charge, cur) {
    return (0, xml_write_1.always)('cac:AllowanceCharge', (0, xml_write_1.leaf)('cbc:ChargeIndicator', String(charge)), (0, xml_write_1.leaf)('cbc:AllowanceChargeReasonCode', a.reasonCode), (0, xml_write_1.leaf)('cbc:AllowanceChargeReason', a.reason), (0, xml_write_1.leaf)('cbc:MultiplierFactorNumeric', a.percentage), amount('cbc:Amount', a.amount, cur), amount('cbc:BaseAmount', a.baseAmount, cur));
}
/** The gross price travels as the base of a price allowance whose amount (BT-147) the XSD requires. */
function price(p, cur) {
    if (!p)
        return undefined;
    const hasDiscount = p.discount !== undefined || p.grossPrice !== undefined;
    return (0, xml_write_1.always)('cac:Price', amount('cbc:PriceAmount', p.netPrice, cur), quantity('cbc:BaseQuantity', p.baseQuantity), hasDiscount
        ? (0, xml_write_1.always)('cac:AllowanceCharge', (0, xml_write_1.leaf)('cbc:ChargeIndicator', 'false'), amount('cbc:Amount', p.discount ?? { value: '0' }, cur), amount('cbc:BaseAmount', p.grossPrice, cur))
        : undefined);
}
function line(l, credit, cur) {
    const item = l.item;
    return (0, xml_write_1.always)(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', (0, xml_write_1.leaf)('cbc:ID', l.id), (0, xml_write_1.leaf)('cbc:Note', l.note), quantity(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.quantity), amount('cbc:LineExtensionAmount', l.netAmount, cur), (0, xml_write_1.leaf)('cbc:AccountingCost', l.buyerAccountingReference), l.period && (0, xml_write_1.always)('cac:InvoicePeriod', periodChildren(l.period)), (0, xml_write_1.node)('cac:OrderLineReference', (0, xml_write_1.leaf)('cbc:LineID', l.orderLineReference)), l.objectId &&
        (0, xml_write_1.always)('cac:DocumentReference', identifier('cbc:ID', l.objectId), (0, xml_write_1.leaf)('cbc:DocumentTypeCode', codes_1.INVOICED_OBJECT_TYPE_CODE)), l.allowances.map((a) => lineAllowanceCharge(a, false, cur)), l.charges.map((c) => lineAllowanceCharge(c, true, cur)), (0, xml_write_1.always)('cac:Item', (0, xml_write_1.leaf)('cbc:Description', item.description), (0, xml_write_1.leaf)('cbc:Name', item.name), (0, xml_write_1.node)('cac:BuyersItemIdentification', (0, xml_write_1.leaf)('cbc:ID', item.buyerId)), (0, xml_write_1.node)('cac:SellersItemIdentification', (0, xml_write_1.leaf)('cbc:ID', item.sellerId)), (0, xml_write_1.node)('cac:StandardItemIdentification', identifier('cbc:ID', item.standardId)), (0, xml_write_1.node)('cac:OriginCountry', (0, xml_write_1.leaf)('cbc:IdentificationCode', item.originCountryCode)), item.classifications.map((c) => (0, xml_write_1.always)('cac:CommodityClassification', (0, xml_write_1.leaf)('cbc:ItemClassificationCode', c.value, { listID: c.listId, listVersionID: c.listVersionId }))), l.vatCategoryCode !== undefined || l.vatRate !== undefined
        ? taxCategory('cac:ClassifiedTaxCategory', l.vatCategoryCode, l.vatRate)
        : undefined, item.attributes.map((a) => (0, xml_write_1.always)('cac:AdditionalItemProperty', (0, xml_write_1.leaf)('cbc:Name', a.name), (0, xml_write_1.leaf)('cbc:Value', a.value)))), price(l.price, cur));
}
//# sourceMappingURL=write.js.map