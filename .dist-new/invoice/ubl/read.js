"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readUbl = readUbl;
const xml_1 = require("../xml");
const terms_1 = require("../terms");
const errors_1 = require("../errors");
const namespaces_1 = require("./namespaces");
const note_1 = require("./note");
const codes_1 = require("./codes");
/**
 * Reads a UBL 2.1 Invoice or CreditNote into the EN 16931 model, following the CEN/TC 434 UBL syntax
 * binding (the same paths as the official EN16931-UBL Schematron). Missing elements give undefined
 * terms, never an exception; only a root that is not a UBL Invoice/CreditNote is refused.
 */
function readUbl(root) {
    const isCreditNote = root.name === 'CreditNote' && root.ns === namespaces_1.UBL_NS.creditNote;
    if (!isCreditNote && !(root.name === 'Invoice' && root.ns === namespaces_1.UBL_NS.invoice)) {
        throw new errors_1.InvoiceFormatError('NOT_AN_INVOICE', `root element {${root.ns}}${root.name} is not a UBL Invoice or CreditNote`);
    }
    const r = new terms_1.TermReader();
    const supplier = r.path(root, 'BG-4', 'AccountingSupplierParty', 'Party');
    const customer = r.path(root, 'BG-7', 'AccountingCustomerParty', 'Party');
    const payeeParty = r.one(root, 'PayeeParty', 'BG-10');
    const firstMeans = (0, xml_1.child)(root, 'PaymentMeans');
    const period = r.one(root, 'InvoicePeriod', 'BG-14');
    const orderRef = r.one(root, 'OrderReference', 'BT-13');
    const docRefs = (0, xml_1.children)(root, 'AdditionalDocumentReference');
    const typed = (code) => docRefs.find((d) => (0, terms_1.textOf)((0, xml_1.child)(d, 'DocumentTypeCode')) === code);
    const objectRef = typed(codes_1.INVOICED_OBJECT_TYPE_CODE);
    // UBL CreditNote has no cac:ProjectReference: the binding carries BT-11 as a document reference typed 50.
    const projectRef = isCreditNote ? typed(codes_1.CREDIT_NOTE_PROJECT_TYPE_CODE) : undefined;
    const salesOrderId = r.text(orderRef, 'BT-14', 'SalesOrderID');
    const orderId = (0, terms_1.textOf)((0, xml_1.child)(orderRef, 'ID'));
    const taxTotals = (0, xml_1.children)(root, 'TaxTotal');
    const currency = r.text(root, 'BT-5', 'DocumentCurrencyCode') ?? '';
    const vatCurrency = r.text(root, 'BT-6', 'TaxCurrencyCode');
    const sepaIds = [supplier, payeeParty].flatMap((p) => (0, xml_1.children)(p, 'PartyIdentification')
        .map((pi) => (0, xml_1.child)(pi, 'ID'))
        .filter((id) => id?.attrs.schemeID === codes_1.SEPA_SCHEME));
    const invoice = (0, terms_1.withoutUndefined)({
        number: r.text(root, 'BT-1', 'ID') ?? '',
        issueDate: r.text(root, 'BT-2', 'IssueDate') ?? '',
        typeCode: r.text(root, 'BT-3', isCreditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode') ?? '',
        currencyCode: currency,
        vatCurrencyCode: vatCurrency,
        vatPointDate: r.text(root, 'BT-7', 'TaxPointDate'),
        vatPointDateCode: r.text(period, 'BT-8', 'DescriptionCode'),
        dueDate: isCreditNote ? (0, terms_1.textOf)((0, xml_1.child)(firstMeans, 'PaymentDueDate')) : r.text(root, 'BT-9', 'DueDate'),
        buyerReference: r.text(root, 'BT-10', 'BuyerReference'),
        projectReference: projectRef
            ? (0, terms_1.textOf)((0, xml_1.child)(projectRef, 'ID'))
            : r.text(root, 'BT-11', 'ProjectReference', 'ID'),
        contractReference: r.text(root, 'BT-12', 'ContractDocumentReference', 'ID'),
        // cbc:ID is mandatory in UBL; "NA" beside a sales order id means BT-13 is not known.
        purchaseOrderReference: orderId === codes_1.NO_ORDER_ID && salesOrderId !== undefined ? undefined : orderId,
        salesOrderReference: salesOrderId,
        receivingAdviceReference: r.text(root, 'BT-15', 'ReceiptDocumentReference', 'ID'),
        despatchAdviceReference: r.text(root, 'BT-16', 'DespatchDocumentReference', 'ID'),
        tenderOrLotReference: r.text(root, 'BT-17', 'OriginatorDocumentReference', 'ID'),
        invoicedObjectId: (0, terms_1.identifierOf)((0, xml_1.child)(objectRef, 'ID')),
        buyerAccountingReference: r.text(root, 'BT-19', 'AccountingCost'),
        paymentTerms: r.text(root, 'BT-20', 'PaymentTerms', 'Note'),
        notes: (0, xml_1.children)(root, 'Note').map((n) => (0, note_1.splitUblNote)(n.text.trim())),
        businessProcessType: r.text(root, 'BT-23', 'ProfileID'),
        specificationId: r.text(root, 'BT-24', 'CustomizationID') ?? '',
        precedingInvoices: (0, xml_1.children)(root, 'BillingReference').map((b) => {
            const ref = (0, xml_1.child)(b, 'InvoiceDocumentReference');
            return (0, terms_1.withoutUndefined)({
                reference: (0, terms_1.textOf)((0, xml_1.child)(ref, 'ID')) ?? '',
                issueDate: (0, terms_1.textOf)((0, xml_1.child)(ref, 'IssueDate')),
            });
        }),
        seller: readSeller(r, supplier),
        buyer: readBuyer(r, customer),
        payee: payeeParty && readPayee(payeeParty),
        taxRepresentative: readTaxRepresentative(r.one(root, 'TaxRepresentativeParty', 'BG-11')),
        delivery: readDelivery(r, r.one(root, 'Delivery', 'BG-13')),
        // An InvoicePeriod holding only BT-8 (its DescriptionCode) is no BG-14.
        invoicingPeriod: period && (0, terms_1.groupOrUndefined)(readPeriod(period)),
        paymentInstructions: readPaymentInstructions(r, root, (0, terms_1.textOf)(sepaIds[0])),
        allowances: (0, xml_1.children)(root, 'AllowanceCharge')
            .filter((ac) => !isCharge(ac))
            .map(readDocumentAllowanceCharge),
        charges: (0, xml_1.children)(root, 'AllowanceCharge').filter(isCharge).map(readDocumentAllowanceCharge),
        totals: readTotals(r, root, taxTotals, currency, vatCurrency),
        vatBreakdowns: taxTotals.flatMap((t) => (0, xml_1.children)(t, 'TaxSubtotal')).map(readVatBreakdown),
        supportingDocuments: docRefs
            .filter((d) => d !== objectRef && d !== projectRef)
            .map(readSupportingDocument),
        lines: (0, xml_1.children)(root, isCreditNote ? 'CreditNoteLine' : 'InvoiceLine').map((l) => readLine(l, isCreditNote)),
    });
    const repeated = r.result();
    if (repeated)
        invoice.repeated = repeated;
    return invoice;
}
function isCharge(ac) {
    return (0, terms_1.textOf)((0, xml_1.child)(ac, 'ChargeIndicator')) === 'true';
}
function readAddress(el) {
    if (!el)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        line1: (0, terms_1.textOf)((0, xml_1.child)(el, 'StreetName')),
        line2: (0, terms_1.textOf)((0, xml_1.child)(el, 'AdditionalStreetName')),
        line3: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(el, 'AddressLine'), 'Line')),
        city: (0, terms_1.textOf)((0, xml_1.child)(el, 'CityName')),
        postCode: (0, terms_1.textOf)((0, xml_1.child)(el, 'PostalZone')),
        countrySubdivision: (0, terms_1.textOf)((0, xml_1.child)(el, 'CountrySubentity')),
        countryCode: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(el, 'Country'), 'IdentificationCode')),
    });
}
function readContact(el) {
    if (!el)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)(el, 'Name')),
        telephone: (0, terms_1.textOf)((0, xml_1.child)(el, 'Telephone')),
        email: (0, terms_1.textOf)((0, xml_1.child)(el, 'ElectronicMail')),
    });
}
/** UBL PartyTaxScheme: CompanyID with TaxScheme/ID "VAT" is a VAT identifier, any other a tax registration. */
function taxSchemeIds(party, vat) {
    return (0, xml_1.children)(party, 'PartyTaxScheme')
        .filter((s) => ((0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(s, 'TaxScheme'), 'ID')) === codes_1.VAT_SCHEME) === vat)
        .map((s) => (0, terms_1.textOf)((0, xml_1.child)(s, 'CompanyID')) ?? '');
}
function readSeller(r, party) {
    const legal = r.one(party, 'PartyLegalEntity', 'BT-27');
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)(legal, 'RegistrationName')),
        tradingName: r.text(party, 'BT-28', 'PartyName', 'Name'),
        identifiers: (0, xml_1.children)(party, 'PartyIdentification')
            .map((pi) => (0, terms_1.identifierOf)((0, xml_1.child)(pi, 'ID')))
            .filter((id) => id !== undefined && id.schemeId !== codes_1.SEPA_SCHEME),
        legalRegistrationId: (0, terms_1.identifierOf)((0, xml_1.child)(legal, 'CompanyID')),
        vatId: countOnce(r, 'BT-31', taxSchemeIds(party, true)),
        taxRegistrationId: countOnce(r, 'BT-32', taxSchemeIds(party, false)),
        additionalLegalInfo: (0, terms_1.textOf)((0, xml_1.child)(legal, 'CompanyLegalForm')),
        electronicAddress: r.identifier(party, 'BT-34', 'EndpointID'),
        address: readAddress(r.one(party, 'PostalAddress', 'BG-5')),
        contact: readContact(r.one(party, 'Contact', 'BG-6')),
    });
}
function countOnce(r, term, values) {
    if (values.length > 1)
        r.repeated[term] = values.length;
    return values[0];
}
function readBuyer(r, party) {
    const legal = r.one(party, 'PartyLegalEntity', 'BT-44');
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)(legal, 'RegistrationName')),
        tradingName: r.text(party, 'BT-45', 'PartyName', 'Name'),
        identifier: r.identifier(party, 'BT-46', 'PartyIdentification', 'ID'),
        legalRegistrationId: (0, terms_1.identifierOf)((0, xml_1.child)(legal, 'CompanyID')),
        vatId: countOnce(r, 'BT-48', taxSchemeIds(party, true)),
        electronicAddress: r.identifier(party, 'BT-49', 'EndpointID'),
        address: readAddress(r.one(party, 'PostalAddress', 'BG-8')),
        contact: readContact(r.one(party, 'Contact', 'BG-9')),
    });
}
function readPayee(party) {
    const ids = (0, xml_1.children)(party, 'PartyIdentification')
        .map((pi) => (0, terms_1.identifierOf)((0, xml_1.child)(pi, 'ID')))
        .filter((id) => id?.schemeId !== codes_1.SEPA_SCHEME);
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(party, 'PartyName'), 'Name')),
        identifier: ids[0],
        legalRegistrationId: (0, terms_1.identifierOf)((0, xml_1.child)((0, xml_1.child)(party, 'PartyLegalEntity'), 'CompanyID')),
    });
}
function readTaxRepresentative(party) {
    if (!party)
        return undefined;
    return (0, terms_1.withoutUndefined)({
        name: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(party, 'PartyName'), 'Name')),
        vatId: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(party, 'PartyTaxScheme'), 'CompanyID')),
        address: readAddress((0, xml_1.child)(party, 'PostalAddress')),
    });
}
function readDelivery(r, el) {
    if (!el)
        return undefined;
    const location = (0, xml_1.child)(el, 'DeliveryLocation');
    return (0, terms_1.withoutUndefined)({
        name: r.text(el, 'BT-70', 'DeliveryParty', 'PartyName', 'Name'),
        locationId: (0, terms_1.identifierOf)((0, xml_1.child)(location, 'ID')),
        actualDeliveryDate: r.text(el, 'BT-72', 'ActualDeliveryDate'),
        address: readAddress((0, xml_1.child)(location, 'Address')),
    });
}
function readPeriod(el) {
    return (0, terms_1.withoutUndefined)({
        startDate: (0, terms_1.textOf)((0, xml_1.child)(el, 'StartDate')),
        endDate: (0, terms_1.textOf)((0, xml_1.child)(el, 'EndDate')),
    });
}
function readPaymentInstructions(r, root, creditorId) {
    const means = (0, xml_1.children)(root, 'PaymentMeans');
    const first = means[0];
    const code = (0, xml_1.child)(first, 'PaymentMeansCode');
    const card = (0, xml_1.child)(first, 'CardAccount');
    const mandate = r.one(first, 'PaymentMandate', 'BG-19');
    const directDebit = (0, terms_1.groupOrUndefined)({
        mandateReference: (0, terms_1.textOf)((0, xml_1.child)(mandate, 'ID')),
        creditorId,
        debitedAccountId: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(mandate, 'PayerFinancialAccount'), 'ID')),
    });
    if (!first)
        return directDebit && { creditTransfers: [], directDebit };
    return (0, terms_1.withoutUndefined)({
        typeCode: (0, terms_1.textOf)(code),
        text: code?.attrs.name,
        remittanceInformation: r.text(first, 'BT-83', 'PaymentID'),
        // BG-17 may repeat; UBL repeats PaymentMeans to carry several accounts, so every occurrence counts.
        creditTransfers: means.flatMap((m) => (0, xml_1.children)(m, 'PayeeFinancialAccount')).map(readCreditTransfer),
        card: card &&
            (0, terms_1.withoutUndefined)({
                primaryAccountNumber: (0, terms_1.textOf)((0, xml_1.child)(card, 'PrimaryAccountNumberID')),
                holderName: (0, terms_1.textOf)((0, xml_1.child)(card, 'HolderName')),
            }),
        directDebit,
    });
}
function readCreditTransfer(account) {
    return (0, terms_1.withoutUndefined)({
        accountId: (0, terms_1.textOf)((0, xml_1.child)(account, 'ID')),
        accountName: (0, terms_1.textOf)((0, xml_1.child)(account, 'Name')),
        serviceProviderId: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(account, 'FinancialInstitutionBranch'), 'ID')),
    });
}
function readDocumentAllowanceCharge(ac) {
    const category = (0, xml_1.child)(ac, 'TaxCategory');
    return (0, terms_1.withoutUndefined)({
        amount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'Amount')),
        baseAmount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'BaseAmount')),
        percentage: (0, terms_1.textOf)((0, xml_1.child)(ac, 'MultiplierFactorNumeric')),
        vatCategoryCode: (0, terms_1.textOf)((0, xml_1.child)(category, 'ID')),
        vatRate: (0, terms_1.textOf)((0, xml_1.child)(category, 'Percent')),
        reason: (0, terms_1.textOf)((0, xml_1.child)(ac, 'AllowanceChargeReason')),
        reasonCode: (0, terms_1.textOf)((0, xml_1.child)(ac, 'AllowanceChargeReasonCode')),
    });
}
function readTotals(r, root, taxTotals, currency, vatCurrency) {
    const sums = r.one(root, 'LegalMonetaryTotal', 'BG-22');
    // As the official UBL Schematron does: BT-110 is the TaxTotal in the invoice currency, BT-111 the
    // one in the VAT accounting currency (when that differs).
    const taxAmounts = taxTotals.map((t) => (0, xml_1.child)(t, 'TaxAmount')).filter((a) => a !== undefined);
    const inAccounting = vatCurrency && vatCurrency !== currency;
    const vatTotal = taxAmounts.find((a) => !inAccounting || a.attrs.currencyID !== vatCurrency);
    const vatTotalAccounting = inAccounting
        ? taxAmounts.find((a) => a.attrs.currencyID === vatCurrency)
        : undefined;
    if (taxAmounts.filter((a) => a === vatTotal || a.attrs.currencyID === vatTotal?.attrs.currencyID).length > 1) {
        r.repeated['BT-110'] = taxAmounts.length;
    }
    return (0, terms_1.withoutUndefined)({
        lineNetTotal: r.amount(sums, 'BT-106', 'LineExtensionAmount'),
        allowanceTotal: r.amount(sums, 'BT-107', 'AllowanceTotalAmount'),
        chargeTotal: r.amount(sums, 'BT-108', 'ChargeTotalAmount'),
        taxExclusiveAmount: r.amount(sums, 'BT-109', 'TaxExclusiveAmount'),
        vatTotal: (0, terms_1.amountOf)(vatTotal),
        vatTotalAccountingCurrency: (0, terms_1.amountOf)(vatTotalAccounting),
        taxInclusiveAmount: r.amount(sums, 'BT-112', 'TaxInclusiveAmount'),
        paidAmount: r.amount(sums, 'BT-113', 'PrepaidAmount'),
        roundingAmount: r.amount(sums, 'BT-114', 'PayableRoundingAmount'),
        amountDue: r.amount(sums, 'BT-115', 'PayableAmount'),
    });
}
function readVatBreakdown(sub) {
    const category = (0, xml_1.child)(sub, 'TaxCategory');
    return (0, terms_1.withoutUndefined)({
        taxableAmount: (0, terms_1.amountOf)((0, xml_1.child)(sub, 'TaxableAmount')),
        taxAmount: (0, terms_1.amountOf)((0, xml_1.child)(sub, 'TaxAmount')),
        categoryCode: (0, terms_1.textOf)((0, xml_1.child)(category, 'ID')),
        rate: (0, terms_1.textOf)((0, xml_1.child)(category, 'Percent')),
        exemptionReason: (0, terms_1.textOf)((0, xml_1.child)(category, 'TaxExemptionReason')),
        exemptionReasonCode: (0, terms_1.textOf)((0, xml_1.child)(category, 'TaxExemptionReasonCode')),
    });
}
function readSupportingDocument(ref) {
    const attachment = (0, xml_1.child)(ref, 'Attachment');
    const binary = (0, xml_1.child)(attachment, 'EmbeddedDocumentBinaryObject');
    return (0, terms_1.withoutUndefined)({
        reference: (0, terms_1.textOf)((0, xml_1.child)(ref, 'ID')) ?? '',
        description: (0, terms_1.textOf)((0, xml_1.child)(ref, 'DocumentDescription')),
        externalUri: (0, terms_1.textOf)((0, xml_1.child)((0, xml_1.child)(attachment, 'ExternalReference'), 'URI')),
        attachment: binary &&
            (0, terms_1.withoutUndefined)({
                mimeCode: binary.attrs.mimeCode,
                filename: binary.attrs.filename,
                base64: binary.text.replace(/\s+/g, ''),
            }),
    });
}
function readLine(line, isCreditNote) {
    const r = new terms_1.TermReader();
    const item = (0, xml_1.child)(line, 'Item');
    const price = r.one(line, 'Price', 'BG-29');
    const category = r.one(item, 'ClassifiedTaxCategory', 'BG-30');
    const objectRef = (0, xml_1.children)(line, 'DocumentReference').find((d) => (0, terms_1.textOf)((0, xml_1.child)(d, 'DocumentTypeCode')) === codes_1.INVOICED_OBJECT_TYPE_CODE);
    const linePeriod = r.one(line, 'InvoicePeriod', 'BG-26');
    const result = (0, terms_1.withoutUndefined)({
        id: (0, terms_1.textOf)((0, xml_1.child)(line, 'ID')) ?? '',
        note: r.text(line, 'BT-127', 'Note'),
        objectId: (0, terms_1.identifierOf)((0, xml_1.child)(objectRef, 'ID')),
        quantity: r.quantity(line, 'BT-129', isCreditNote ? 'CreditedQuantity' : 'InvoicedQuantity'),
        netAmount: r.amount(line, 'BT-131', 'LineExtensionAmount'),
        orderLineReference: r.text(line, 'BT-132', 'OrderLineReference', 'LineID'),
        buyerAccountingReference: r.text(line, 'BT-133', 'AccountingCost'),
        period: linePeriod && readPeriod(linePeriod),
        allowances: (0, xml_1.children)(line, 'AllowanceCharge')
            .filter((ac) => !isCharge(ac))
            .map(readLineAllowanceCharge),
        charges: (0, xml_1.children)(line, 'AllowanceCharge').filter(isCharge).map(readLineAllowanceCharge),
        price: price && readPrice(r, price),
        vatCategoryCode: (0, terms_1.textOf)((0, xml_1.child)(category, 'ID')),
        vatRate: (0, terms_1.textOf)((0, xml_1.child)(category, 'Percent')),
        item: readItem(r, item),
    });
    const repeated = r.result();
    if (repeated)
        result.repeated = repeated;
    return result;
}
function readLineAllowanceCharge(ac) {
    return (0, terms_1.withoutUndefined)({
        amount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'Amount')),
        baseAmount: (0, terms_1.amountOf)((0, xml_1.child)(ac, 'BaseAmount')),
        percentage: (0, terms_1.textOf)((0, xml_1.child)(ac, 'MultiplierFactorNumeric')),
        reason: (0, terms_1.textOf)((0, xml_1.child)(ac, 'AllowanceChargeReason')),
        reasonCode: (0, terms_1.textOf)((0, xml_1.child)(ac, 'AllowanceChargeReasonCode')),
    });
}
function readPrice(r, price) {
    const discount = r.one(price, 'AllowanceCharge', 'BT-147');
    return (0, terms_1.withoutUndefined)({
        netPrice: r.amount(price, 'BT-146', 'PriceAmount'),
        discount: (0, terms_1.amountOf)((0, xml_1.child)(discount, 'Amount')),
        grossPrice: (0, terms_1.amountOf)((0, xml_1.child)(discount, 'BaseAmount')),
        baseQuantity: r.quantity(price, 'BT-149', 'BaseQuantity'),
    });
}
function readItem(r, item) {
    return (0, terms_1.withoutUndefined)({
        name: r.text(item, 'BT-153', 'Name'),
        description: r.text(item, 'BT-154', 'Description'),
        sellerId: r.text(item, 'BT-155', 'SellersItemIdentification', 'ID'),
        buyerId: r.text(item, 'BT-156', 'BuyersItemIdentification', 'ID'),
        standardId: r.identifier(item, 'BT-157', 'StandardItemIdentification', 'ID'),
        classifications: (0, xml_1.children)(item, 'CommodityClassification')
            .map((c) => (0, xml_1.child)(c, 'ItemClassificationCode'))
            .filter((c) => c !== undefined)
            .map((c) => (0, terms_1.withoutUndefined)({
            value: c.text.trim(),
            listId: c.attrs.listID,
            listVersionId: c.attrs.listVersionID,
        })),
        originCountryCode: r.text(item, 'BT-159', 'OriginCountry', 'IdentificationCode'),
        attributes: (0, xml_1.children)(item, 'AdditionalItemProperty').map((p) => ({
            name: (0, terms_1.textOf)((0, xml_1.child)(p, 'Name')) ?? '',
            value: (0, terms_1.textOf)((0, xml_1.child)(p, 'Value')) ?? '',
        })),
    });
}
//# sourceMappingURL=read.js.map