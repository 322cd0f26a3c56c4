"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toCii = toCii;
const xml_write_1 = require("../xml-write");
const namespaces_1 = require("./namespaces");
const decimal_1 = require("../decimal");
const dates_1 = require("./dates");
const profile_1 = require("./profile");
const codes_1 = require("./codes");
/** Profiles whose Factur-X schema has no invoice lines. */
const PROFILES_WITHOUT_LINES = ['MINIMUM', 'BASIC WL'];
/**
 * Writes the model as a UN/CEFACT CII D16B CrossIndustryInvoice. Element order follows the D16B XSD
 * sequences, paths follow the CEN/TC 434 CII binding. With a Factur-X profile, BT-24 becomes that
 * profile's guideline id and, for MINIMUM and BASIC WL, lines are left out as those profiles require;
 * other terms outside a profile are not filtered here (the profile Schematron reports them).
 */
function toCii(invoice, profile) {
    const withLines = !profile || !PROFILES_WITHOUT_LINES.includes(profile);
    const root = (0, xml_write_1.always)('rsm:CrossIndustryInvoice', (0, xml_write_1.always)('rsm:ExchangedDocumentContext', (0, xml_write_1.node)('ram:BusinessProcessSpecifiedDocumentContextParameter', (0, xml_write_1.leaf)('ram:ID', invoice.businessProcessType)), (0, xml_write_1.node)('ram:GuidelineSpecifiedDocumentContextParameter', (0, xml_write_1.leaf)('ram:ID', profile ? profile_1.PROFILE_GUIDELINE[profile] : invoice.specificationId))), (0, xml_write_1.always)('rsm:ExchangedDocument', (0, xml_write_1.leaf)('ram:ID', invoice.number), (0, xml_write_1.leaf)('ram:TypeCode', invoice.typeCode), dateTime('ram:IssueDateTime', invoice.issueDate), invoice.notes.map((n) => (0, xml_write_1.always)('ram:IncludedNote', (0, xml_write_1.leaf)('ram:Content', n.text), (0, xml_write_1.leaf)('ram:SubjectCode', n.subjectCode)))), (0, xml_write_1.always)('rsm:SupplyChainTradeTransaction', withLines ? invoice.lines.map(line) : [], agreement(invoice), (0, xml_write_1.always)('ram:ApplicableHeaderTradeDelivery', invoice.delivery &&
        (0, xml_write_1.node)('ram:ShipToTradeParty', partyIds(invoice.delivery.locationId ? [invoice.delivery.locationId] : []), (0, xml_write_1.leaf)('ram:Name', invoice.delivery.name), address(invoice.delivery.address)), (0, xml_write_1.node)('ram:ActualDeliverySupplyChainEvent', dateTime('ram:OccurrenceDateTime', invoice.delivery?.actualDeliveryDate)), (0, xml_write_1.node)('ram:DespatchAdviceReferencedDocument', (0, xml_write_1.leaf)('ram:IssuerAssignedID', invoice.despatchAdviceReference)), (0, xml_write_1.node)('ram:ReceivingAdviceReferencedDocument', (0, xml_write_1.leaf)('ram:IssuerAssignedID', invoice.receivingAdviceReference))), settlement(invoice)));
    return (0, xml_write_1.serializeXml)(root, { rsm: namespaces_1.CII_NS.rsm, ram: namespaces_1.CII_NS.ram, udt: namespaces_1.CII_NS.udt, qdt: namespaces_1.CII_NS.qdt });
}
function amount(name, a) {
    // CII carries the currency once (BT-5); only the VAT totals repeat it, written by the caller.
    return a && (0, xml_write_1.leaf)(name, a.value);
}
function quantity(name, q) {
    return q && (0, xml_write_1.leaf)(name, q.value, { unitCode: q.unitCode });
}
function dateTime(name, iso, prefix = 'udt') {
    return iso === undefined
        ? undefined
        : (0, xml_write_1.always)(name, (0, xml_write_1.leaf)(`${prefix}:DateTimeString`, (0, dates_1.toCiiDate)(iso), { format: codes_1.DATE_FORMAT }));
}
function period(p) {
    return (p &&
        (0, xml_write_1.always)('ram:BillingSpecifiedPeriod', dateTime('ram:StartDateTime', p.startDate), dateTime('ram:EndDateTime', p.endDate)));
}
/** The XSD puts every unschemed ram:ID before the schemed ram:GlobalID elements. */
function partyIds(ids) {
    return [
        ...ids.filter((id) => id.schemeId === undefined).map((id) => (0, xml_write_1.leaf)('ram:ID', id.value)),
        ...ids
            .filter((id) => id.schemeId !== undefined)
            .map((id) => (0, xml_write_1.leaf)('ram:GlobalID', id.value, { schemeID: id.schemeId })),
    ].filter((x) => x !== undefined);
}
function address(a) {
    return (a &&
        (0, xml_write_1.always)('ram:PostalTradeAddress', (0, xml_write_1.leaf)('ram:PostcodeCode', a.postCode), (0, xml_write_1.leaf)('ram:LineOne', a.line1), (0, xml_write_1.leaf)('ram:LineTwo', a.line2), (0, xml_write_1.leaf)('ram:LineThree', a.line3), (0, xml_write_1.leaf)('ram:CityName', a.city), (0, xml_write_1.leaf)('ram:CountryID', a.countryCode), (0, xml_write_1.leaf)('ram:CountrySubDivisionName', a.countrySubdivision)));
}
function contact(c) {
    return (c &&
        (0, xml_write_1.always)('ram:DefinedTradeContact', (0, xml_write_1.leaf)('ram:PersonName', c.name), (0, xml_write_1.node)('ram:TelephoneUniversalCommunication', (0, xml_write_1.leaf)('ram:CompleteNumber', c.telephone)), (0, xml_write_1.node)('ram:EmailURIUniversalCommunication', (0, xml_write_1.leaf)('ram:URIID', c.email))));
}
function uri(id) {
    return (id && (0, xml_write_1.always)('ram:URIUniversalCommunication', (0, xml_write_1.leaf)('ram:URIID', id.value, { schemeID: id.schemeId })));
}
function taxRegistration(id, scheme) {
    return id === undefined
        ? undefined
        : (0, xml_write_1.always)('ram:SpecifiedTaxRegistration', (0, xml_write_1.leaf)('ram:ID', id, { schemeID: scheme }));
}
function legalOrganization(id, tradingName) {
    return (0, xml_write_1.node)('ram:SpecifiedLegalOrganization', id && (0, xml_write_1.leaf)('ram:ID', id.value, { schemeID: id.schemeId }), (0, xml_write_1.leaf)('ram:TradingBusinessName', tradingName));
}
function referenced(name, id) {
    return (0, xml_write_1.node)(name, (0, xml_write_1.leaf)('ram:IssuerAssignedID', id));
}
function agreement(invoice) {
    const { seller: s, buyer: b, taxRepresentative: t } = invoice;
    return (0, xml_write_1.always)('ram:ApplicableHeaderTradeAgreement', (0, xml_write_1.leaf)('ram:BuyerReference', invoice.buyerReference), (0, xml_write_1.always)('ram:SellerTradeParty', partyIds(s.identifiers), (0, xml_write_1.leaf)('ram:Name', s.name), (0, xml_write_1.leaf)('ram:Description', s.additionalLegalInfo), legalOrganization(s.legalRegistrationId, s.tradingName), contact(s.contact), address(s.address), uri(s.electronicAddress), taxRegistration(s.vatId, codes_1.VAT_SCHEME), taxRegistration(s.taxRegistrationId, codes_1.TAX_REGISTRATION_SCHEME)), (0, xml_write_1.always)('ram:BuyerTradeParty', partyIds(b.identifier ? [b.identifier] : []), (0, xml_write_1.leaf)('ram:Name', b.name), legalOrganization(b.legalRegistrationId, b.tradingName), contact(b.contact), address(b.address), uri(b.electronicAddress), taxRegistration(b.vatId, codes_1.VAT_SCHEME)), t &&
        (0, xml_write_1.always)('ram:SellerTaxRepresentativeTradeParty', (0, xml_write_1.leaf)('ram:Name', t.name), address(t.address), taxRegistration(t.vatId, codes_1.VAT_SCHEME)), referenced('ram:SellerOrderReferencedDocument', invoice.salesOrderReference), referenced('ram:BuyerOrderReferencedDocument', invoice.purchaseOrderReference), referenced('ram:ContractReferencedDocument', invoice.contractReference), invoice.supportingDocuments.map((d) => (0, xml_write_1.always)('ram:AdditionalReferencedDocument', (0, xml_write_1.leaf)('ram:IssuerAssignedID', d.reference), (0, xml_write_1.leaf)('ram:URIID', d.externalUri), (0, xml_write_1.leaf)('ram:TypeCode', codes_1.SUPPORTING_DOCUMENT_TYPE_CODE), (0, xml_write_1.leaf)('ram:Name', d.description), d.attachment &&
        (0, xml_write_1.leaf)('ram:AttachmentBinaryObject', d.attachment.base64 ?? '', {
            mimeCode: d.attachment.mimeCode,
            filename: d.attachment.filename,
        }))), invoice.tenderOrLotReference !== undefined
        ? (0, xml_write_1.always)('ram:AdditionalReferencedDocument', (0, xml_write_1.leaf)('ram:IssuerAssignedID', invoice.tenderOrLotReference), (0, xml_write_1.leaf)('ram:TypeCode', codes_1.TENDER_TYPE_CODE))
        : undefined, objectReference(invoice.invoicedObjectId), invoice.projectReference !== undefined
        ? (0, xml_write_1.always)('ram:SpecifiedProcuringProject', (0, xml_write_1.leaf)('ram:ID', invoice.projectReference), (0, xml_write_1.leaf)('ram:Name', codes_1.PROJECT_NAME))
        : undefined);
}
function objectReference(id) {
    return (id &&
        (0, xml_write_1.always)('ram:AdditionalReferencedDocument', (0, xml_write_1.leaf)('ram:IssuerAssignedID', id.value), (0, xml_write_1.leaf)('ram:TypeCode', codes_1.INVOICED_OBJECT_TYPE_CODE), (0, xml_write_1.leaf)('ram:ReferenceTypeCode', id.schemeId)));
}
const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9 ]+$/;
/** One SpecifiedTradeSettlementPaymentMeans per BG-17 credit transfer; card and debtor account go in the first. */
function paymentMeans(invoice) {
    const p = invoice.paymentInstructions;
    if (!p ||
        (p.typeCode === undefined &&
            p.text === undefined &&
            !p.creditTransfers.length &&
            !p.card &&
            p.directDebit?.debitedAccountId === undefined)) {
        return [];
    }
    const transfers = p.creditTransfers.length ? p.creditTransfers : [undefined];
    return transfers.map((t, i) => (0, xml_write_1.always)('ram:SpecifiedTradeSettlementPaymentMeans', (0, xml_write_1.leaf)('ram:TypeCode', p.typeCode), (0, xml_write_1.leaf)('ram:Information', p.text), i === 0 && p.card
        ? (0, xml_write_1.always)('ram:ApplicableTradeSettlementFinancialCard', (0, xml_write_1.leaf)('ram:ID', p.card.primaryAccountNumber), (0, xml_write_1.leaf)('ram:CardholderName', p.card.holderName))
        : undefined, i === 0
        ? (0, xml_write_1.node)('ram:PayerPartyDebtorFinancialAccount', (0, xml_write_1.leaf)('ram:IBANID', p.directDebit?.debitedAccountId))
        : undefined, t &&
        (0, xml_write_1.always)('ram:PayeePartyCreditorFinancialAccount', t.accountId !== undefined && IBAN.test(t.accountId) ? (0, xml_write_1.leaf)('ram:IBANID', t.accountId) : undefined, (0, xml_write_1.leaf)('ram:AccountName', t.accountName), t.accountId !== undefined && !IBAN.test(t.accountId)
            ? (0, xml_write_1.leaf)('ram:ProprietaryID', t.accountId)
            : undefined), t && (0, xml_write_1.node)('ram:PayeeSpecifiedCreditorFinancialInstitution', (0, xml_write_1.leaf)('ram:BICID', t.serviceProviderId))));
}
function documentAllowanceCharge(a, charge) {
    return (0, xml_write_1.always)('ram:SpecifiedTradeAllowanceCharge', (0, xml_write_1.always)('ram:ChargeIndicator', (0, xml_write_1.leaf)('udt:Indicator', String(charge))), (0, xml_write_1.leaf)('ram:CalculationPercent', a.percentage), amount('ram:BasisAmount', a.baseAmount), amount('ram:ActualAmount', a.amount), (0, xml_write_1.leaf)('ram:ReasonCode', a.reasonCode), (0, xml_write_1.leaf)('ram:Reason', a.reason), a.vatCategoryCode !== undefined || a.vatRate !== undefined
        ? (0, xml_write_1.always)('ram:CategoryTradeTax', (0, xml_write_1.leaf)('ram:TypeCode', codes_1.VAT_TAX_TYPE), (0, xml_write_1.leaf)('ram:CategoryCode', a.vatCategoryCode), (0, xml_write_1.leaf)('ram:RateApplicablePercent', a.vatRate))
        : undefined);
}
function settlement(invoice) {
    const { totals, payee: p } = invoice;
    const cur = invoice.currencyCode;
    const terms = (0, xml_write_1.node)('ram:SpecifiedTradePaymentTerms', (0, xml_write_1.leaf)('ram:Description', invoice.paymentTerms), dateTime('ram:DueDateDateTime', invoice.dueDate), (0, xml_write_1.leaf)('ram:DirectDebitMandateID', invoice.paymentInstructions?.directDebit?.mandateReference));
    const preceding = invoice.precedingInvoices[0];
    return (0, xml_write_1.always)('ram:ApplicableHeaderTradeSettlement', (0, xml_write_1.leaf)('ram:CreditorReferenceID', invoice.paymentInstructions?.directDebit?.creditorId), (0, xml_write_1.leaf)('ram:PaymentReference', invoice.paymentInstructions?.remittanceInformation), (0, xml_write_1.leaf)('ram:TaxCurrencyCode', invoice.vatCurrencyCode), (0, xml_write_1.leaf)('ram:InvoiceCurrencyCode', invoice.currencyCode), p &&
        (0, xml_write_1.always)('ram:PayeeTradeParty', partyIds(p.identifier ? [p.identifier] : []), (0, xml_write_1.leaf)('ram:Name', p.name), legalOrganization(p.legalRegistrationId)), paymentMeans(invoice), invoice.vatBreakdowns.map((b, i) => vatBreakdown(invoice, b, i === 0)), period(invoice.invoicingPeriod), invoice.allowances.map((a) => documentAllowanceCharge(a, false)), invoice.charges.map((c) => documentAllowanceCharge(c, true)), terms, (0, xml_write_1.always)('ram:SpecifiedTradeSettlementHeaderMonetarySummation', amount('ram:LineTotalAmount', totals.lineNetTotal), amount('ram:ChargeTotalAmount', totals.chargeTotal), amount('ram:AllowanceTotalAmount', totals.allowanceTotal), amount('ram:TaxBasisTotalAmount', totals.taxExclusiveAmount), totals.vatTotal &&
        (0, xml_write_1.leaf)('ram:TaxTotalAmount', totals.vatTotal.value, { currencyID: totals.vatTotal.currencyId ?? cur }), totals.vatTotalAccountingCurrency &&
        (0, xml_write_1.leaf)('ram:TaxTotalAmount', totals.vatTotalAccountingCurrency.value, {
            currencyID: totals.vatTotalAccountingCurrency.currencyId ?? invoice.vatCurrencyCode,
        }), amount('ram:RoundingAmount', totals.roundingAmount), amount('ram:GrandTotalAmount', totals.taxInclusiveAmount), amount('ram:TotalPrepaidAmount', totals.paidAmount), amount('ram:DuePayableAmount', totals.amountDue)), 
    // D16B allows one header InvoiceReferencedDocument: further BG-3 references cannot be carried.
    preceding &&
        (0, xml_write_1.always)('ram:InvoiceReferencedDocument', (0, xml_write_1.leaf)('ram:IssuerAssignedID', preceding.reference), dateTime('ram:FormattedIssueDateTime', preceding.issueDate, 'qdt')), (0, xml_write_1.node)('ram:ReceivableSpecifiedTradeAccountingAccount', (0, xml_write_1.leaf)('ram:ID', invoice.buyerAccountingReference)));
}
/**
 * BT-7 and BT-8 are invoice-level terms that CII carries inside a VAT breakdown: only the first one
 * carries them, as CII-SR-461 allows a single TaxPointDate. BT-8 is a UNTDID 2475 code in CII, so a
 * UNTDID 2005 code read from UBL is translated (BR-CL-06).
 */
function vatBreakdown(invoice, b, first) {
    const pointDate = first ? invoice.vatPointDate : undefined;
    const pointDateCode = first ? invoice.vatPointDateCode : undefined;
    return (0, xml_write_1.always)('ram:ApplicableTradeTax', amount('ram:CalculatedAmount', b.taxAmount), (0, xml_write_1.leaf)('ram:TypeCode', codes_1.VAT_TAX_TYPE), (0, xml_write_1.leaf)('ram:ExemptionReason', b.exemptionReason), amount('ram:BasisAmount', b.taxableAmount), (0, xml_write_1.leaf)('ram:CategoryCode', b.categoryCode), (0, xml_write_1.leaf)('ram:ExemptionReasonCode', b.exemptionReasonCode), pointDate !== undefined
        ? (0, xml_write_1.always)('ram:TaxPointDate', (0, xml_write_1.leaf)('udt:DateString', (0, dates_1.toCiiDate)(pointDate), { format: codes_1.DATE_FORMAT }))
        : undefined, (0, xml_write_1.leaf)('ram:DueDateTypeCode', pointDateCode && (codes_1.VAT_POINT_DATE_CODE_FROM_UBL[pointDateCode] ?? pointDateCode)), (0, xml_write_1.leaf)('ram:RateApplicablePercent', b.rate));
}
function lineAllowanceCharge(a, charge) {
    return (0, xml_write_1.always)('ram:SpecifiedTradeAllowanceCharge', (0, xml_write_1.always)('ram:ChargeIndicator', (0, xml_write_1.leaf)('udt:Indicator', String(charge))), (0, xml_write_1.leaf)('ram:CalculationPercent', a.percentage), amount('ram:BasisAmount', a.baseAmount), amount('ram:ActualAmount', a.amount), (0, xml_write_1.leaf)('ram:ReasonCode', a.reasonCode), (0, xml_write_1.leaf)('ram:Reason', a.reason));
}
/**
 * BT-149/150 go with the net price (where the binding puts them), or with the gross price when there is
 * no net one. CII requires a gross ChargeAmount beside a discount: when BT-148 is absent it is derived
 * exactly as net price + discount (EN 16931 defines BT-146 as BT-148 minus BT-147).
 */
function prices(p) {
    if (!p)
        return [];
    const baseOnGross = p.netPrice === undefined;
    const gross = p.grossPrice ??
        (p.discount && p.netPrice ? { value: (0, decimal_1.decimalSum)([p.netPrice.value, p.discount.value]) } : undefined);
    return [
        p.grossPrice !== undefined || p.discount !== undefined
            ? (0, xml_write_1.always)('ram:GrossPriceProductTradePrice', amount('ram:ChargeAmount', gross), baseOnGross ? quantity('ram:BasisQuantity', p.baseQuantity) : undefined, p.discount &&
                (0, xml_write_1.always)('ram:AppliedTradeAllowanceCharge', (0, xml_write_1.always)('ram:ChargeIndicator', (0, xml_write_1.leaf)('udt:Indicator', 'false')), amount('ram:ActualAmount', p.discount)))
            : undefined,
        p.netPrice &&
            (0, xml_write_1.always)('ram:NetPriceProductTradePrice', amount('ram:ChargeAmount', p.netPrice), quantity('ram:BasisQuantity', p.baseQuantity)),
    ];
}
function line(l) {
    const item = l.item;
    return (0, xml_write_1.always)('ram:IncludedSupplyChainTradeLineItem', (0, xml_write_1.always)('ram:AssociatedDocumentLineDocument', (0, xml_write_1.leaf)('ram:LineID', l.id), (0, xml_write_1.node)('ram:IncludedNote', (0, xml_write_1.leaf)('ram:Content', l.note))), (0, xml_write_1.always)('ram:SpecifiedTradeProduct', item.standardId && (0, xml_write_1.leaf)('ram:GlobalID', item.standardId.value, { schemeID: item.standardId.schemeId }), (0, xml_write_1.leaf)('ram:SellerAssignedID', item.sellerId), (0, xml_write_1.leaf)('ram:BuyerAssignedID', item.buyerId), (0, xml_write_1.leaf)('ram:Name', item.name), (0, xml_write_1.leaf)('ram:Description', item.description), item.attributes.map((a) => (0, xml_write_1.always)('ram:ApplicableProductCharacteristic', (0, xml_write_1.leaf)('ram:Description', a.name), (0, xml_write_1.leaf)('ram:Value', a.value))), item.classifications.map((c) => (0, xml_write_1.always)('ram:DesignatedProductClassification', (0, xml_write_1.leaf)('ram:ClassCode', c.value, { listID: c.listId, listVersionID: c.listVersionId }))), (0, xml_write_1.node)('ram:OriginTradeCountry', (0, xml_write_1.leaf)('ram:ID', item.originCountryCode))), (0, xml_write_1.always)('ram:SpecifiedLineTradeAgreement', (0, xml_write_1.node)('ram:BuyerOrderReferencedDocument', (0, xml_write_1.leaf)('ram:LineID', l.orderLineReference)), prices(l.price)), (0, xml_write_1.always)('ram:SpecifiedLineTradeDelivery', quantity('ram:BilledQuantity', l.quantity)), (0, xml_write_1.always)('ram:SpecifiedLineTradeSettlement', (0, xml_write_1.when)(l.vatCategoryCode !== undefined || l.vatRate !== undefined, 'ram:ApplicableTradeTax', (0, xml_write_1.leaf)('ram:TypeCode', codes_1.VAT_TAX_TYPE), (0, xml_write_1.leaf)('ram:CategoryCode', l.vatCategoryCode), (0, xml_write_1.leaf)('ram:RateApplicablePercent', l.vatRate)), period(l.period), l.allowances.map((a) => lineAllowanceCharge(a, false)), l.charges.map((c) => lineAllowanceCharge(c, true)), (0, xml_write_1.always)('ram:SpecifiedTradeSettlementLineMonetarySummation', amount('ram:LineTotalAmount', l.netAmount)), objectReference(l.objectId), (0, xml_write_1.node)('ram:ReceivableSpecifiedTradeAccountingAccount', (0, xml_write_1.leaf)('ram:ID', l.buyerAccountingReference))));
}
//# sourceMappingURL=write.js.map