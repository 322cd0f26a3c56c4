"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCii = readCii;
const xml_1 = require("../xml");
const terms_1 = require("../terms");
const errors_1 = require("../errors");
const namespaces_1 = require("./namespaces");
const dates_1 = require("./dates");
const codes_1 = require("./codes");
/**
 * Reads a UN/CEFACT CII D16B CrossIndustryInvoice (plain, Factur-X or ZUGFeRD 2.x, any profile) into
 * the EN 16931 model, following the CEN/TC 434 CII syntax binding. Missing elements give undefined
 * terms, never an exception; only a root that is not a CrossIndustryInvoice is refused. The profile
 * (MINIMUM ... EXTENDED) follows from BT-24: `profileOfGuideline(invoice.specificationId)`.
 */
function readCii(root) {
    if (root.name !== 'CrossIndustryInvoice' || root.ns !== namespaces_1.CII_NS.rsm) {
        throw new errors_1.InvoiceFormatError('NOT_AN_INVOICE', `root element {${root.ns}}${root.name} is not a CII CrossIndustryInvoice`);
    }
    const r = new terms_1.TermReader();
    const context = r.one(root, 'ExchangedDocumentContext', 'BG-2');
    const doc = r.one(root, 'ExchangedDocument', 'BT-1');
    const transaction = r.one(root, 'SupplyChainTradeTransaction', 'BG-25');
    const agreement = r.one(transaction, 'ApplicableHeaderTradeAgreement', 'BG-4');
    const delivery = r.one(transaction, 'ApplicableHeaderTradeDelivery', 'BG-13');
    const settlement = r.one(transaction, 'ApplicableHeaderTradeSettlement', 'BG-22');
    const taxes = (0, xml_1.children)(settlement, 'ApplicableTradeTax');
    const terms = r.one(settlement, 'SpecifiedTradePaymentTerms', 'BT-20');
    const docRefs = (0, xml_1.children)(agreement, 'AdditionalReferencedDocument');
    const typed = (code) => docRefs.find((d) => (0, terms_1.textOf)((0, xml_1.child)(d, 'TypeCode')) === code);
    const objectRef = typed(codes_1.INVOICED_OBJECT_TYPE_CODE);
    const tenderRef = typed(codes_1.TENDER_TYPE_CODE);
    const period = r.one(settlement, 'BillingSpecifiedPeriod', 'BG-14');
    const invoice = (0, terms_1.withoutUndefined)({
        number: r.text(doc, 'BT-1', 'ID') ?? '',
        issueDate: (0, dates_1.readCiiDate)(r.one(doc, 'IssueDateTime', 'BT-2')) ?? '',
        typeCode: r.text(doc, 'BT-3', 'TypeCode') ?? '',
        currencyCode: r.text(settlement, 'BT-5', 'InvoiceCurrencyCode') ?? '',
        vatCurrencyCode: r.text(settlement, 'BT-6', 'TaxCurrencyCode'),
        // BT-7 and BT-8 sit in each VAT breakdown in CII; the first one carrying them stands for the invoice.
        vatPointDate: (0, dates_1.readCiiDate)(taxes.map((t) => (0, xml_1.child)(t, 'TaxPointDate')).find(Boolean)),
        vatPointDateCode: taxes.map((t) => (0, terms_1.textOf)((0, xml_1.child)(t, 'DueDateTypeCode'))).find((c) => c !== undefined),
        dueDate: (0, dates_1.readCiiDate)(r.one(terms, 'DueDateDateTime', 'BT-9')),
        buyerReference: r.text(agreement, 'BT-10', 'BuyerReference'),
        projectReference: r.text(agreement, 'BT-11', 'SpecifiedProcuringProject', 'ID'),
        contractReference: r.text(agreement, 'BT-12', 'ContractReferencedDocument', 'IssuerAssignedID'),
        purchaseOrderReference: r.text(agreement, 'BT-13', 'BuyerOrderReferencedDocument', 'IssuerAssignedID'),
        salesOrderReference: r.text(agreement, 'BT-14', 'SellerOrderReferencedDocument', 'IssuerAssignedID'),
        receivingAdviceReference: r.text(delivery, 'BT-15', 'ReceivingAdviceReferencedDocument', 'IssuerAssignedID'),
        despatchAdviceReference: r.text(delivery, 'BT-16', 'DespatchAdviceReferencedDocument', 'IssuerAssignedID'),
        tenderOrLotReference: (0, terms_1.textOf)((0, xml_1.child)(tenderRef, 'IssuerAssignedID')),
        invoicedObjectId: objectRef && readObjectIdentifier(objectRef),
        buyerAccountingReference: r.text(settlement, 'BT-19', 'ReceivableSpecifiedTradeAccountingAccount', 'ID'),
        paymentTerms: r.text(terms, 'BT-20', 'Description'),
        notes: (0, xml_1.children)(doc, 'IncludedNote').map((n) => (0, terms_1.withoutUndefined)({
            subjectCode: (0, terms_1.textOf)((0, xml_1.child)(n, 'SubjectCode')),
            text: (0, terms_1.textOf)((0, xml_1.child)(n, 'Content')) ?? '',
        })),
        businessProcessType: r.text(context, 'BT-23', 'BusinessProcessSpecifiedDocumentContextParameter', 'ID'),
        specificationId: r.text(context, 'BT-24', 'GuidelineSpecifiedDocumentContextParameter', 'ID') ?? '',
        precedingInvoices: (0, xml_1.children)(settlement, 'InvoiceReferencedDocument').map((ref) => (0, terms_1.withoutUndefined)({
            reference: (0, terms_1.textOf)((0, xml_1.child)(ref, 'IssuerAssignedID')) ?? '',
            issueDate: (0, dates_1.readCiiDate)((0, xml_1.child)(ref, 'FormattedIssueDateTime')),
        })),
        seller: readSeller(r, r.one(agreement, 'SellerTradeParty', 'BG-4')),
        buyer: readBuyer(r, r.one(agreement, 'BuyerTradeParty', 'BG-7')),
        payee: readPayee(r.one(settlement, 'PayeeTradeParty', 'BG-10')),
        taxRepresentative: readTaxRepresentative(r.one(agreement, 'SellerTaxRepresentativeTradeParty', 'BG-11')),
        delivery: readDelivery(r, delivery),
        invoicingPeriod: period && readPeriod(period),
        paymentInstructions: readPaymentInstructions(r, settlement, terms),
        allowances: (0, xml_1.children)(settlement, 'SpecifiedTradeAllowanceCharge')
            .filter((ac) => !isCharge(ac))
            .map(readDocumentAllowanceCharge),
        charges: [
            ...(0, xml_1.children)(settlement, 'SpecifiedTradeAllowanceCharge').filter(isCharge).map(readDocumentAllowanceCharge),
            ...(0, xml_1.children)(settlement, 'SpecifiedLogisticsServiceCharge').map(readLogisticsServiceCharge),
        ],
        totals: readTotals(r, settlement),
        vatBreakdowns: taxes.map(readVatBreakdown),
        supportingDocuments: docRefs
            .filter((d) => d !== objectRef && d !== tenderRef)
            .map(readSupportingDocument),
        lines: (0, xml_1.children)(transaction, 'IncludedSupplyChainTradeLineItem').map(readLine),
    });
    const repeated = r.result();
    if (repeated)
        invoice.repeated = repeated;
    return invoice;
}
function isCharge(ac) {
    return (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(ac, 'ChargeIndicator'), 'Indicator')) === 'true';
}
function readObjectIdentifier(ref) {
    return (0, terms_1.withoutUndefined)({
        value: (0, terms_1.textOf)((0, xml_1.child)(ref, 'IssuerAssignedID')) ?? '',
        schemeId: (0, terms_1.textOf)((0, xml_1.child)(ref, 'ReferenceTypeCode')),
    });
}
/** CII parties carry unschemed identifiers as ram:ID and schemed ones as ram:GlobalID. */
function partyIdentifiers(party) {
    return (party?.children ?? [])
        .filter((c) => c.name === 'ID' || c.name === 'GlobalID')
        .map((c) => (0, terms_1.identifierOf)(c))
        .filter((id) => id !== undefined);
}
function taxRegistration(party, scheme) {
    return (0, xml_1.children)(party, 'SpecifiedTaxRegistration')
        .map((t) => (0, xml_1.child)(t, 'ID'))
        .filter((id) => id?.attrs.schemeID === scheme)
        .map((id) => (0, terms_1.textOf)(id) ?? '');
}
function countOnce(r, term, values) {
    if (values.length > 1)
        r.repeated[term] = values.length;
    return values[0];
}
function readAddress(el) {
    if (!el)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        line1: (0, terms_1.textOf)((0, xml_1.child)(el, 'LineOne')),
        line2: (0, terms_1.textOf)((0, xml_1.child)(el, 'LineTwo')),
        line3: (0, terms_1.textOf)((0, xml_1.child)(el, 'LineThree')),
        city: (0, terms_1.textOf)((0, xml_1.child)(el, 'CityName')),
        postCode: (0, terms_1.textOf)((0, xml_1.child)(el, 'PostcodeCode')),
        countrySubdivision: (0, terms_1.textOf)((0, xml_1.child)(el, 'CountrySubDivisionName')),
        countryCode: (0, terms_1.textOf)((0, xml_1.child)(el, 'CountryID')),
    });
}
function readContact(el) {
    if (!el)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        // The CII binding allows the department name when no person is named.
        name: (0, terms_1.textOf)((0, xml_1.child)(el, 'PersonName')) ?? (0, terms_1.textOf)((0, xml_1.child)(el, 'DepartmentName')),
        telephone: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(el, 'TelephoneUniversalCommunication'), 'CompleteNumber')),
        email: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(el, 'EmailURIUniversalCommunication'), 'URIID')),
    });
}
function readSeller(r, party) {
    const legal = r.one(party, 'SpecifiedLegalOrganization', 'BT-30');
    return (0, terms_1.withoutUndefined)({
        name: r.text(party, 'BT-27', 'Name'),
        tradingName: (0, terms_1.textOf)((0, xml_1.child)(legal, 'TradingBusinessName')),
        identifiers: partyIdentifiers(party),
        legalRegistrationId: (0, terms_1.identifierOf)((0, xml_1.child)(legal, 'ID')),
        vatId: countOnce(r, 'BT-31', taxRegistration(party, codes_1.VAT_SCHEME)),
        taxRegistrationId: countOnce(r, 'BT-32', taxRegistration(party, codes_1.TAX_REGISTRATION_SCHEME)),
        additionalLegalInfo: r.text(party, 'BT-33', 'Description'),
        electronicAddress: r.identifier(party, 'BT-34', 'URIUniversalCommunication', 'URIID'),
        address: readAddress(r.one(party, 'PostalTradeAddress', 'BG-5')),
        contact: readContact(r.one(party, 'DefinedTradeContact', 'BG-6')),
    });
}
function readBuyer(r, party) {
    const legal = r.one(party, 'SpecifiedLegalOrganization', 'BT-47');
    return (0, terms_1.withoutUndefined)({
        name: r.text(party, 'BT-44', 'Name'),
        tradingName: (0, terms_1.textOf)((0, xml_1.child)(legal, 'TradingBusinessName')),
        identifier: countOnce(r, 'BT-46', partyIdentifiers(party)),
        legalRegistrationId: (0, terms_1.identifierOf)((0, xml_1.child)(legal, 'ID')),
        vatId: countOnce(r, 'BT-48', taxRegistration(party, codes_1.VAT_SCHEME)),
        electronicAddress: r.identifier(party, 'BT-49', 'URIUniversalCommunication', 'URIID'),
        address: readAddress(r.one(party, 'PostalTradeAddress', 'BG-8')),
        contact: readContact(r.one(party, 'DefinedTradeContact', 'BG-9')),
    });
}
function readPayee(party) {
    if (!party)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)(party, 'Name')),
        identifier: partyIdentifiers(party)[0],
        legalRegistrationId: (0, terms_1.identifierOf)((0, xml_1.child)((0, xml_1.child)(party, 'SpecifiedLegalOrganization'), 'ID')),
    });
}
function readTaxRepresentative(party) {
    if (!party)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)(party, 'Name')),
        vatId: taxRegistration(party, codes_1.VAT_SCHEME)[0],
        address: readAddress((0, xml_1.child)(party, 'PostalTradeAddress')),
    });
}
function readDelivery(r, delivery) {
    const shipTo = r.one(delivery, 'ShipToTradeParty', 'BG-13');
    const event = r.one(delivery, 'ActualDeliverySupplyChainEvent', 'BT-72');
    return (0, terms_1.groupOrUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)(shipTo, 'Name')),
        locationId: partyIdentifiers(shipTo)[0],
        actualDeliveryDate: (0, dates_1.readCiiDate)((0, xml_1.child)(event, 'OccurrenceDateTime')),
        address: readAddress((0, xml_1.child)(shipTo, 'PostalTradeAddress')),
    });
}
function readPeriod(el) {
    return (0, terms_1.withoutUndefined)({
        startDate: (0, dates_1.readCiiDate)((0, xml_1.child)(el, 'StartDateTime')),
        endDate: (0, dates_1.readCiiDate)((0, xml_1.child)(el, 'EndDateTime')),
    });
}
function readPaymentInstructions(r, settlement, terms) {
    const means = (0, xml_1.children)(settlement, 'SpecifiedTradeSettlementPaymentMeans');
    const first = means[0];
    const card = (0, xml_1.child)(first, 'ApplicableTradeSettlementFinancialCard');
    const directDebit = (0, terms_1.groupOrUndefined)({
        mandateReference: r.text(terms, 'BT-89', 'DirectDebitMandateID'),
        creditorId: r.text(settlement, 'BT-90', 'CreditorReferenceID'),
        debitedAccountId: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(first, 'PayerPartyDebtorFinancialAccount'), 'IBANID')),
    });
    return (0, terms_1.groupOrUndefined)({
        typeCode: (0, terms_1.textOf)((0, xml_1.child)(first, 'TypeCode')),
        text: (0, terms_1.textOf)((0, xml_1.child)(first, 'Information')),
        remittanceInformation: r.text(settlement, 'BT-83', 'PaymentReference'),
        // BG-17 may repeat: every payment means with a creditor account is one credit transfer.
        creditTransfers: means
            .filter((m) => (0, xml_1.child)(m, 'PayeePartyCreditorFinancialAccount'))
            .map((m) => {
            const account = (0, xml_1.child)(m, 'PayeePartyCreditorFinancialAccount');
            return (0, terms_1.withoutUndefined)({
                accountId: (0, terms_1.textOf)((0, xml_1.child)(account, 'IBANID') ?? (0, xml_1.child)(account, 'ProprietaryID')),
                accountName: (0, terms_1.textOf)((0, xml_1.child)(account, 'AccountName')),
                serviceProviderId: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(m, 'PayeeSpecifiedCreditorFinancialInstitution'), 'BICID')),
            });
        }),
        card: card &&
            (0, terms_1.withoutUndefined)({
                primaryAccountNumber: (0, terms_1.textOf)((0, xml_1.child)(card, 'ID')),
                holderName: (0, terms_1.textOf)((0, xml_1.child)(card, 'CardholderName')),
            }),
        directDebit,
    });
}
function readDocumentAllowanceCharge(ac) {
    const tax = (0, xml_1.child)(ac, 'CategoryTradeTax');
    return (0, terms_1.withoutUndefined)({
        amount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'ActualAmount')),
        baseAmount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'BasisAmount')),
        percentage: (0, terms_1.textOf)((0, xml_1.child)(ac, 'CalculationPercent')),
        vatCategoryCode: (0, terms_1.textOf)((0, xml_1.child)(tax, 'CategoryCode')),
        vatRate: (0, terms_1.textOf)((0, xml_1.child)(tax, 'RateApplicablePercent')),
        reason: (0, terms_1.textOf)((0, xml_1.child)(ac, 'Reason')),
        reasonCode: (0, terms_1.textOf)((0, xml_1.child)(ac, 'ReasonCode')),
    });
}
/**
 * A Factur-X EXTENDED logistics service charge (transport, packing…): counted in BT-108 and in the VAT
 * breakdown like a document level charge, which is what EN 16931 and UBL carry it as (BG-21).
 */
function readLogisticsServiceCharge(lc) {
    const tax = (0, xml_1.child)(lc, 'AppliedTradeTax');
    return (0, terms_1.withoutUndefined)({
        amount: (0, terms_1.amountOf)((0, xml_1.child)(lc, 'AppliedAmount')),
        vatCategoryCode: (0, terms_1.textOf)((0, xml_1.child)(tax, 'CategoryCode')),
        vatRate: (0, terms_1.textOf)((0, xml_1.child)(tax, 'RateApplicablePercent')),
        reason: (0, terms_1.textOf)((0, xml_1.child)(lc, 'Description')),
    });
}
function readTotals(r, settlement) {
    const sums = r.one(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation', 'BG-22');
    const currency = (0, terms_1.textOf)((0, xml_1.child)(settlement, 'InvoiceCurrencyCode'));
    const vatCurrency = (0, terms_1.textOf)((0, xml_1.child)(settlement, 'TaxCurrencyCode'));
    // BT-110 is the TaxTotalAmount in the invoice currency, BT-111 the one in the VAT accounting currency.
    const taxTotals = (0, xml_1.children)(sums, 'TaxTotalAmount');
    const inAccounting = vatCurrency !== undefined && vatCurrency !== currency;
    const vatTotal = taxTotals.find((a) => !inAccounting || a.attrs.currencyID !== vatCurrency);
    const vatTotalAccounting = inAccounting
        ? taxTotals.find((a) => a.attrs.currencyID === vatCurrency)
        : undefined;
    if (taxTotals.length > (vatTotalAccounting ? 2 : 1))
        r.repeated['BT-110'] = taxTotals.length;
    return (0, terms_1.withoutUndefined)({
        lineNetTotal: r.amount(sums, 'BT-106', 'LineTotalAmount'),
        allowanceTotal: r.amount(sums, 'BT-107', 'AllowanceTotalAmount'),
        chargeTotal: r.amount(sums, 'BT-108', 'ChargeTotalAmount'),
        taxExclusiveAmount: r.amount(sums, 'BT-109', 'TaxBasisTotalAmount'),
        vatTotal: (0, terms_1.amountOf)(vatTotal),
        vatTotalAccountingCurrency: (0, terms_1.amountOf)(vatTotalAccounting),
        taxInclusiveAmount: r.amount(sums, 'BT-112', 'GrandTotalAmount'),
        paidAmount: r.amount(sums, 'BT-113', 'TotalPrepaidAmount'),
        roundingAmount: r.amount(sums, 'BT-114', 'RoundingAmount'),
        amountDue: r.amount(sums, 'BT-115', 'DuePayableAmount'),
    });
}
function readVatBreakdown(tax) {
    return (0, terms_1.withoutUndefined)({
        taxableAmount: (0, terms_1.amountOf)((0, xml_1.child)(tax, 'BasisAmount')),
        taxAmount: (0, terms_1.amountOf)((0, xml_1.child)(tax, 'CalculatedAmount')),
        categoryCode: (0, terms_1.textOf)((0, xml_1.child)(tax, 'CategoryCode')),
        rate: (0, terms_1.textOf)((0, xml_1.child)(tax, 'RateApplicablePercent')),
        exemptionReason: (0, terms_1.textOf)((0, xml_1.child)(tax, 'ExemptionReason')),
        exemptionReasonCode: (0, terms_1.textOf)((0, xml_1.child)(tax, 'ExemptionReasonCode')),
    });
}
function readSupportingDocument(ref) {
    const binary = (0, xml_1.child)(ref, 'AttachmentBinaryObject');
    return (0, terms_1.withoutUndefined)({
        reference: (0, terms_1.textOf)((0, xml_1.child)(ref, 'IssuerAssignedID')) ?? '',
        description: (0, terms_1.textOf)((0, xml_1.child)(ref, 'Name')),
        externalUri: (0, terms_1.textOf)((0, xml_1.child)(ref, 'URIID')),
        attachment: binary &&
            (0, terms_1.withoutUndefined)({
                mimeCode: binary.attrs.mimeCode,
                filename: binary.attrs.filename,
                base64: binary.text.replace(/\s+/g, ''),
            }),
    });
}
function readLine(line) {
    const r = new terms_1.TermReader();
    const doc = (0, xml_1.child)(line, 'AssociatedDocumentLineDocument');
    const product = (0, xml_1.child)(line, 'SpecifiedTradeProduct');
    const agreement = (0, xml_1.child)(line, 'SpecifiedLineTradeAgreement');
    const settlement = (0, xml_1.child)(line, 'SpecifiedLineTradeSettlement');
    const tax = r.one(settlement, 'ApplicableTradeTax', 'BG-30');
    const period = r.one(settlement, 'BillingSpecifiedPeriod', 'BG-26');
    const objectRef = (0, xml_1.children)(settlement, 'AdditionalReferencedDocument').find((d) => (0, terms_1.textOf)((0, xml_1.child)(d, 'TypeCode')) === codes_1.INVOICED_OBJECT_TYPE_CODE);
    const result = (0, terms_1.withoutUndefined)({
        id: (0, terms_1.textOf)((0, xml_1.child)(doc, 'LineID')) ?? '',
        note: r.text(doc, 'BT-127', 'IncludedNote', 'Content'),
        objectId: objectRef && readObjectIdentifier(objectRef),
        quantity: r.quantity(line, 'BT-129', 'SpecifiedLineTradeDelivery', 'BilledQuantity'),
        netAmount: r.amount(settlement, 'BT-131', 'SpecifiedTradeSettlementLineMonetarySummation', 'LineTotalAmount'),
        orderLineReference: r.text(agreement, 'BT-132', 'BuyerOrderReferencedDocument', 'LineID'),
        buyerAccountingReference: r.text(settlement, 'BT-133', 'ReceivableSpecifiedTradeAccountingAccount', 'ID'),
        period: period && readPeriod(period),
        allowances: (0, xml_1.children)(settlement, 'SpecifiedTradeAllowanceCharge')
            .filter((ac) => !isCharge(ac))
            .map(readLineAllowanceCharge),
        charges: (0, xml_1.children)(settlement, 'SpecifiedTradeAllowanceCharge')
            .filter(isCharge)
            .map(readLineAllowanceCharge),
        price: readPrice(r, agreement),
        vatCategoryCode: (0, terms_1.textOf)((0, xml_1.child)(tax, 'CategoryCode')),
        vatRate: (0, terms_1.textOf)((0, xml_1.child)(tax, 'RateApplicablePercent')),
        item: readItem(r, product),
    });
    const repeated = r.result();
    if (repeated)
        result.repeated = repeated;
    return result;
}
function readLineAllowanceCharge(ac) {
    return (0, terms_1.withoutUndefined)({
        amount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'ActualAmount')),
        baseAmount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'BasisAmount')),
        percentage: (0, terms_1.textOf)((0, xml_1.child)(ac, 'CalculationPercent')),
        reason: (0, terms_1.textOf)((0, xml_1.child)(ac, 'Reason')),
        reasonCode: (0, terms_1.textOf)((0, xml_1.child)(ac, 'ReasonCode')),
    });
}
function readPrice(r, agreement) {
    const net = r.one(agreement, 'NetPriceProductTradePrice', 'BT-146');
    const gross = r.one(agreement, 'GrossPriceProductTradePrice', 'BT-148');
    const discount = r.one(gross, 'AppliedTradeAllowanceCharge', 'BT-147');
    return (0, terms_1.groupOrUndefined)({
        netPrice: (0, terms_1.amountOf)((0, xml_1.child)(net, 'ChargeAmount')),
        discount: (0, terms_1.amountOf)((0, xml_1.child)(discount, 'ActualAmount')),
        grossPrice: (0, terms_1.amountOf)((0, xml_1.child)(gross, 'ChargeAmount')),
        baseQuantity: r.quantity(net, 'BT-149', 'BasisQuantity') ?? r.quantity(gross, 'BT-149', 'BasisQuantity'),
    });
}
function readItem(r, product) {
    return (0, terms_1.withoutUndefined)({
        name: r.text(product, 'BT-153', 'Name'),
        description: r.text(product, 'BT-154', 'Description'),
        sellerId: r.text(product, 'BT-155', 'SellerAssignedID'),
        buyerId: r.text(product, 'BT-156', 'BuyerAssignedID'),
        standardId: r.identifier(product, 'BT-157', 'GlobalID'),
        classifications: (0, xml_1.children)(product, 'DesignatedProductClassification')
            .map((c) => (0, xml_1.child)(c, 'ClassCode'))
            .filter((c) => c !== undefined)
            .map((c) => (0, terms_1.withoutUndefined)({
            value: c.text.trim(),
            listId: c.attrs.listID,
            listVersionId: c.attrs.listVersionID,
        })),
        originCountryCode: r.text(product, 'BT-159', 'OriginTradeCountry', 'ID'),
        attributes: (0, xml_1.children)(product, 'ApplicableProductCharacteristic').map((p) => ({
            name: (0, terms_1.textOf)((0, xml_1.child)(p, 'Description')) ?? '',
            value: (0, terms_1.textOf)((0, xml_1.child)(p, 'Value')) ?? '',
        })),
    });
}
//# sourceMappingURL=read.js.map