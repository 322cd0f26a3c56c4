import { child, children, XmlElement } from '../xml';
import { amountOf, groupOrUndefined, identifierOf, TermReader, textOf, withoutUndefined } from '../terms';
import { InvoiceFormatError } from '../errors';
import type {
  Buyer,
  Contact,
  Delivery,
  DocumentAllowanceCharge,
  Identifier,
  Invoice,
  InvoiceLine,
  Item,
  LineAllowanceCharge,
  Payee,
  PaymentInstructions,
  Period,
  PostalAddress,
  PriceDetails,
  Seller,
  SupportingDocument,
  TaxRepresentative,
  VatBreakdown,
} from '../model';
import { CII_NS } from './namespaces';
import { readCiiDate } from './dates';
import { INVOICED_OBJECT_TYPE_CODE, TAX_REGISTRATION_SCHEME, TENDER_TYPE_CODE, VAT_SCHEME } from './codes';

/**
 * Reads a UN/CEFACT CII D16B CrossIndustryInvoice (plain, Factur-X or ZUGFeRD 2.x, any profile) into
 * the EN 16931 model, following the CEN/TC 434 CII syntax binding. Missing elements give undefined
 * terms, never an exception; only a root that is not a CrossIndustryInvoice is refused. The profile
 * (MINIMUM ... EXTENDED) follows from BT-24: `profileOfGuideline(invoice.specificationId)`.
 */
export function readCii(root: XmlElement): Invoice {
  if (root.name !== 'CrossIndustryInvoice' || root.ns !== CII_NS.rsm) {
    throw new InvoiceFormatError(
      'NOT_AN_INVOICE',
      `root element {${root.ns}}${root.name} is not a CII CrossIndustryInvoice`,
    );
  }
  const r = new TermReader();
  const context = r.one(root, 'ExchangedDocumentContext', 'BG-2');
  const doc = r.one(root, 'ExchangedDocument', 'BT-1');
  const transaction = r.one(root, 'SupplyChainTradeTransaction', 'BG-25');
  const agreement = r.one(transaction, 'ApplicableHeaderTradeAgreement', 'BG-4');
  const delivery = r.one(transaction, 'ApplicableHeaderTradeDelivery', 'BG-13');
  const settlement = r.one(transaction, 'ApplicableHeaderTradeSettlement', 'BG-22');
  const taxes = children(settlement, 'ApplicableTradeTax');
  const terms = r.one(settlement, 'SpecifiedTradePaymentTerms', 'BT-20');
  const docRefs = children(agreement, 'AdditionalReferencedDocument');
  const typed = (code: string) => docRefs.find((d) => textOf(child(d, 'TypeCode')) === code);
  const objectRef = typed(INVOICED_OBJECT_TYPE_CODE);
  const tenderRef = typed(TENDER_TYPE_CODE);
  const period = r.one(settlement, 'BillingSpecifiedPeriod', 'BG-14');

  const invoice: Invoice = withoutUndefined({
    number: r.text(doc, 'BT-1', 'ID') ?? '',
    issueDate: readCiiDate(r.one(doc, 'IssueDateTime', 'BT-2')) ?? '',
    typeCode: r.text(doc, 'BT-3', 'TypeCode') ?? '',
    currencyCode: r.text(settlement, 'BT-5', 'InvoiceCurrencyCode') ?? '',
    vatCurrencyCode: r.text(settlement, 'BT-6', 'TaxCurrencyCode'),
    // BT-7 and BT-8 sit in each VAT breakdown in CII; the first one carrying them stands for the invoice.
    vatPointDate: readCiiDate(taxes.map((t) => child(t, 'TaxPointDate')).find(Boolean)),
    vatPointDateCode: taxes.map((t) => textOf(child(t, 'DueDateTypeCode'))).find((c) => c !== undefined),
    dueDate: readCiiDate(r.one(terms, 'DueDateDateTime', 'BT-9')),
    buyerReference: r.text(agreement, 'BT-10', 'BuyerReference'),
    projectReference: r.text(agreement, 'BT-11', 'SpecifiedProcuringProject', 'ID'),
    contractReference: r.text(agreement, 'BT-12', 'ContractReferencedDocument', 'IssuerAssignedID'),
    purchaseOrderReference: r.text(agreement, 'BT-13', 'BuyerOrderReferencedDocument', 'IssuerAssignedID'),
    salesOrderReference: r.text(agreement, 'BT-14', 'SellerOrderReferencedDocument', 'IssuerAssignedID'),
    receivingAdviceReference: r.text(
      delivery,
      'BT-15',
      'ReceivingAdviceReferencedDocument',
      'IssuerAssignedID',
    ),
    despatchAdviceReference: r.text(
      delivery,
      'BT-16',
      'DespatchAdviceReferencedDocument',
      'IssuerAssignedID',
    ),
    tenderOrLotReference: textOf(child(tenderRef, 'IssuerAssignedID')),
    invoicedObjectId: objectRef && readObjectIdentifier(objectRef),
    buyerAccountingReference: r.text(settlement, 'BT-19', 'ReceivableSpecifiedTradeAccountingAccount', 'ID'),
    paymentTerms: r.text(terms, 'BT-20', 'Description'),
    notes: children(doc, 'IncludedNote').map((n) =>
      withoutUndefined({
        subjectCode: textOf(child(n, 'SubjectCode')),
        text: textOf(child(n, 'Content')) ?? '',
      }),
    ),
    businessProcessType: r.text(context, 'BT-23', 'BusinessProcessSpecifiedDocumentContextParameter', 'ID'),
    specificationId: r.text(context, 'BT-24', 'GuidelineSpecifiedDocumentContextParameter', 'ID') ?? '',
    precedingInvoices: children(settlement, 'InvoiceReferencedDocument').map((ref) =>
      withoutUndefined({
        reference: textOf(child(ref, 'IssuerAssignedID')) ?? '',
        issueDate: readCiiDate(child(ref, 'FormattedIssueDateTime')),
      }),
    ),
    seller: readSeller(r, r.one(agreement, 'SellerTradeParty', 'BG-4')),
    buyer: readBuyer(r, r.one(agreement, 'BuyerTradeParty', 'BG-7')),
    payee: readPayee(r.one(settlement, 'PayeeTradeParty', 'BG-10')),
    taxRepresentative: readTaxRepresentative(r.one(agreement, 'SellerTaxRepresentativeTradeParty', 'BG-11')),
    delivery: readDelivery(r, delivery),
    invoicingPeriod: period && readPeriod(period),
    paymentInstructions: readPaymentInstructions(r, settlement, terms),
    allowances: children(settlement, 'SpecifiedTradeAllowanceCharge')
      .filter((ac) => !isCharge(ac))
      .map(readDocumentAllowanceCharge),
    charges: [
      ...children(settlement, 'SpecifiedTradeAllowanceCharge')
        .filter(isCharge)
        .map(readDocumentAllowanceCharge),
      ...children(settlement, 'SpecifiedLogisticsServiceCharge').map(readLogisticsServiceCharge),
    ],
    totals: readTotals(r, settlement),
    vatBreakdowns: taxes.map(readVatBreakdown),
    supportingDocuments: docRefs
      .filter((d) => d !== objectRef && d !== tenderRef)
      .map(readSupportingDocument),
    lines: children(transaction, 'IncludedSupplyChainTradeLineItem').map(readLine),
  });
  const repeated = r.result();
  if (repeated) invoice.repeated = repeated;
  return invoice;
}

function isCharge(ac: XmlElement): boolean {
  return textOf(child(child(ac, 'ChargeIndicator'), 'Indicator')) === 'true';
}

function readObjectIdentifier(ref: XmlElement): Identifier {
  return withoutUndefined({
    value: textOf(child(ref, 'IssuerAssignedID')) ?? '',
    schemeId: textOf(child(ref, 'ReferenceTypeCode')),
  });
}

/** CII parties carry unschemed identifiers as ram:ID and schemed ones as ram:GlobalID. */
function partyIdentifiers(party: XmlElement | undefined): Identifier[] {
  return (party?.children ?? [])
    .filter((c) => c.name === 'ID' || c.name === 'GlobalID')
    .map((c) => identifierOf(c))
    .filter((id): id is Identifier => id !== undefined);
}

function taxRegistration(party: XmlElement | undefined, scheme: string): string[] {
  return children(party, 'SpecifiedTaxRegistration')
    .map((t) => child(t, 'ID'))
    .filter((id) => id?.attrs.schemeID === scheme)
    .map((id) => textOf(id) ?? '');
}

function countOnce<T>(r: TermReader, term: string, values: T[]): T | undefined {
  if (values.length > 1) r.repeated[term] = values.length;
  return values[0];
}

function readAddress(el: XmlElement | undefined): PostalAddress | undefined {
  if (!el) return undefined;
  return withoutUndefined({
    line1: textOf(child(el, 'LineOne')),
    line2: textOf(child(el, 'LineTwo')),
    line3: textOf(child(el, 'LineThree')),
    city: textOf(child(el, 'CityName')),
    postCode: textOf(child(el, 'PostcodeCode')),
    countrySubdivision: textOf(child(el, 'CountrySubDivisionName')),
    countryCode: textOf(child(el, 'CountryID')),
  });
}

function readContact(el: XmlElement | undefined): Contact | undefined {
  if (!el) return undefined;
  return withoutUndefined({
    // The CII binding allows the department name when no person is named.
    name: textOf(child(el, 'PersonName')) ?? textOf(child(el, 'DepartmentName')),
    telephone: textOf(child(child(el, 'TelephoneUniversalCommunication'), 'CompleteNumber')),
    email: textOf(child(child(el, 'EmailURIUniversalCommunication'), 'URIID')),
  });
}

function readSeller(r: TermReader, party: XmlElement | undefined): Seller {
  const legal = r.one(party, 'SpecifiedLegalOrganization', 'BT-30');
  return withoutUndefined({
    name: r.text(party, 'BT-27', 'Name'),
    tradingName: textOf(child(legal, 'TradingBusinessName')),
    identifiers: partyIdentifiers(party),
    legalRegistrationId: identifierOf(child(legal, 'ID')),
    vatId: countOnce(r, 'BT-31', taxRegistration(party, VAT_SCHEME)),
    taxRegistrationId: countOnce(r, 'BT-32', taxRegistration(party, TAX_REGISTRATION_SCHEME)),
    additionalLegalInfo: r.text(party, 'BT-33', 'Description'),
    electronicAddress: r.identifier(party, 'BT-34', 'URIUniversalCommunication', 'URIID'),
    address: readAddress(r.one(party, 'PostalTradeAddress', 'BG-5')),
    contact: readContact(r.one(party, 'DefinedTradeContact', 'BG-6')),
  });
}

function readBuyer(r: TermReader, party: XmlElement | undefined): Buyer {
  const legal = r.one(party, 'SpecifiedLegalOrganization', 'BT-47');
  return withoutUndefined({
    name: r.text(party, 'BT-44', 'Name'),
    tradingName: textOf(child(legal, 'TradingBusinessName')),
    identifier: countOnce(r, 'BT-46', partyIdentifiers(party)),
    legalRegistrationId: identifierOf(child(legal, 'ID')),
    vatId: countOnce(r, 'BT-48', taxRegistration(party, VAT_SCHEME)),
    electronicAddress: r.identifier(party, 'BT-49', 'URIUniversalCommunication', 'URIID'),
    address: readAddress(r.one(party, 'PostalTradeAddress', 'BG-8')),
    contact: readContact(r.one(party, 'DefinedTradeContact', 'BG-9')),
  });
}

function readPayee(party: XmlElement | undefined): Payee | undefined {
  if (!party) return undefined;
  return withoutUndefined({
    name: textOf(child(party, 'Name')),
    identifier: partyIdentifiers(party)[0],
    legalRegistrationId: identifierOf(child(child(party, 'SpecifiedLegalOrganization'), 'ID')),
  });
}

function readTaxRepresentative(party: XmlElement | undefined): TaxRepresentative | undefined {
  if (!party) return undefined;
  return withoutUndefined({
    name: textOf(child(party, 'Name')),
    vatId: taxRegistration(party, VAT_SCHEME)[0],
    address: readAddress(child(party, 'PostalTradeAddress')),
  });
}

function readDelivery(r: TermReader, delivery: XmlElement | undefined): Delivery | undefined {
  const shipTo = r.one(delivery, 'ShipToTradeParty', 'BG-13');
  const event = r.one(delivery, 'ActualDeliverySupplyChainEvent', 'BT-72');
  return groupOrUndefined({
    name: textOf(child(shipTo, 'Name')),
    locationId: partyIdentifiers(shipTo)[0],
    actualDeliveryDate: readCiiDate(child(event, 'OccurrenceDateTime')),
    address: readAddress(child(shipTo, 'PostalTradeAddress')),
  });
}

function readPeriod(el: XmlElement): Period {
  return withoutUndefined({
    startDate: readCiiDate(child(el, 'StartDateTime')),
    endDate: readCiiDate(child(el, 'EndDateTime')),
  });
}

function readPaymentInstructions(
  r: TermReader,
  settlement: XmlElement | undefined,
  terms: XmlElement | undefined,
): PaymentInstructions | undefined {
  const means = children(settlement, 'SpecifiedTradeSettlementPaymentMeans');
  const first = means[0];
  const card = child(first, 'ApplicableTradeSettlementFinancialCard');
  const directDebit = groupOrUndefined({
    mandateReference: r.text(terms, 'BT-89', 'DirectDebitMandateID'),
    creditorId: r.text(settlement, 'BT-90', 'CreditorReferenceID'),
    debitedAccountId: textOf(child(child(first, 'PayerPartyDebtorFinancialAccount'), 'IBANID')),
  });
  return groupOrUndefined({
    typeCode: textOf(child(first, 'TypeCode')),
    text: textOf(child(first, 'Information')),
    remittanceInformation: r.text(settlement, 'BT-83', 'PaymentReference'),
    // BG-17 may repeat: every payment means with a creditor account is one credit transfer.
    creditTransfers: means
      .filter((m) => child(m, 'PayeePartyCreditorFinancialAccount'))
      .map((m) => {
        const account = child(m, 'PayeePartyCreditorFinancialAccount');
        return withoutUndefined({
          accountId: textOf(child(account, 'IBANID') ?? child(account, 'ProprietaryID')),
          accountName: textOf(child(account, 'AccountName')),
          serviceProviderId: textOf(child(child(m, 'PayeeSpecifiedCreditorFinancialInstitution'), 'BICID')),
        });
      }),
    card:
      card &&
      withoutUndefined({
        primaryAccountNumber: textOf(child(card, 'ID')),
        holderName: textOf(child(card, 'CardholderName')),
      }),
    directDebit,
  });
}

function readDocumentAllowanceCharge(ac: XmlElement): DocumentAllowanceCharge {
  const tax = child(ac, 'CategoryTradeTax');
  return withoutUndefined({
    amount: amountOf(child(ac, 'ActualAmount')),
    baseAmount: amountOf(child(ac, 'BasisAmount')),
    percentage: textOf(child(ac, 'CalculationPercent')),
    vatCategoryCode: textOf(child(tax, 'CategoryCode')),
    vatRate: textOf(child(tax, 'RateApplicablePercent')),
    reason: textOf(child(ac, 'Reason')),
    reasonCode: textOf(child(ac, 'ReasonCode')),
  });
}

/**
 * A Factur-X EXTENDED logistics service charge (transport, packing…): counted in BT-108 and in the VAT
 * breakdown like a document level charge, which is what EN 16931 and UBL carry it as (BG-21).
 */
function readLogisticsServiceCharge(lc: XmlElement): DocumentAllowanceCharge {
  const tax = child(lc, 'AppliedTradeTax');
  return withoutUndefined({
    amount: amountOf(child(lc, 'AppliedAmount')),
    vatCategoryCode: textOf(child(tax, 'CategoryCode')),
    vatRate: textOf(child(tax, 'RateApplicablePercent')),
    reason: textOf(child(lc, 'Description')),
  });
}

function readTotals(r: TermReader, settlement: XmlElement | undefined): Invoice['totals'] {
  const sums = r.one(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation', 'BG-22');
  const currency = textOf(child(settlement, 'InvoiceCurrencyCode'));
  const vatCurrency = textOf(child(settlement, 'TaxCurrencyCode'));
  // BT-110 is the TaxTotalAmount in the invoice currency, BT-111 the one in the VAT accounting currency.
  const taxTotals = children(sums, 'TaxTotalAmount');
  const inAccounting = vatCurrency !== undefined && vatCurrency !== currency;
  const vatTotal = taxTotals.find((a) => !inAccounting || a.attrs.currencyID !== vatCurrency);
  const vatTotalAccounting = inAccounting
    ? taxTotals.find((a) => a.attrs.currencyID === vatCurrency)
    : undefined;
  if (taxTotals.length > (vatTotalAccounting ? 2 : 1)) r.repeated['BT-110'] = taxTotals.length;
  return withoutUndefined({
    lineNetTotal: r.amount(sums, 'BT-106', 'LineTotalAmount'),
    allowanceTotal: r.amount(sums, 'BT-107', 'AllowanceTotalAmount'),
    chargeTotal: r.amount(sums, 'BT-108', 'ChargeTotalAmount'),
    taxExclusiveAmount: r.amount(sums, 'BT-109', 'TaxBasisTotalAmount'),
    vatTotal: amountOf(vatTotal),
    vatTotalAccountingCurrency: amountOf(vatTotalAccounting),
    taxInclusiveAmount: r.amount(sums, 'BT-112', 'GrandTotalAmount'),
    paidAmount: r.amount(sums, 'BT-113', 'TotalPrepaidAmount'),
    roundingAmount: r.amount(sums, 'BT-114', 'RoundingAmount'),
    amountDue: r.amount(sums, 'BT-115', 'DuePayableAmount'),
  });
}

function readVatBreakdown(tax: XmlElement): VatBreakdown {
  return withoutUndefined({
    taxableAmount: amountOf(child(tax, 'BasisAmount')),
    taxAmount: amountOf(child(tax, 'CalculatedAmount')),
    categoryCode: textOf(child(tax, 'CategoryCode')),
    rate: textOf(child(tax, 'RateApplicablePercent')),
    exemptionReason: textOf(child(tax, 'ExemptionReason')),
    exemptionReasonCode: textOf(child(tax, 'ExemptionReasonCode')),
  });
}

function readSupportingDocument(ref: XmlElement): SupportingDocument {
  const binary = child(ref, 'AttachmentBinaryObject');
  return withoutUndefined({
    reference: textOf(child(ref, 'IssuerAssignedID')) ?? '',
    description: textOf(child(ref, 'Name')),
    externalUri: textOf(child(ref, 'URIID')),
    attachment:
      binary &&
      withoutUndefined({
        mimeCode: binary.attrs.mimeCode,
        filename: binary.attrs.filename,
        base64: binary.text.replace(/\s+/g, ''),
      }),
  });
}

function readLine(line: XmlElement): InvoiceLine {
  const r = new TermReader();
  const doc = child(line, 'AssociatedDocumentLineDocument');
  const product = child(line, 'SpecifiedTradeProduct');
  const agreement = child(line, 'SpecifiedLineTradeAgreement');
  const settlement = child(line, 'SpecifiedLineTradeSettlement');
  const tax = r.one(settlement, 'ApplicableTradeTax', 'BG-30');
  const period = r.one(settlement, 'BillingSpecifiedPeriod', 'BG-26');
  const objectRef = children(settlement, 'AdditionalReferencedDocument').find(
    (d) => textOf(child(d, 'TypeCode')) === INVOICED_OBJECT_TYPE_CODE,
  );
  const result: InvoiceLine = withoutUndefined({
    id: textOf(child(doc, 'LineID')) ?? '',
    note: r.text(doc, 'BT-127', 'IncludedNote', 'Content'),
    objectId: objectRef && readObjectIdentifier(objectRef),
    quantity: r.quantity(line, 'BT-129', 'SpecifiedLineTradeDelivery', 'BilledQuantity'),
    netAmount: r.amount(
      settlement,
      'BT-131',
      'SpecifiedTradeSettlementLineMonetarySummation',
      'LineTotalAmount',
    ),
    orderLineReference: r.text(agreement, 'BT-132', 'BuyerOrderReferencedDocument', 'LineID'),
    buyerAccountingReference: r.text(settlement, 'BT-133', 'ReceivableSpecifiedTradeAccountingAccount', 'ID'),
    period: period && readPeriod(period),
    allowances: children(settlement, 'SpecifiedTradeAllowanceCharge')
      .filter((ac) => !isCharge(ac))
      .map(readLineAllowanceCharge),
    charges: children(settlement, 'SpecifiedTradeAllowanceCharge')
      .filter(isCharge)
      .map(readLineAllowanceCharge),
    price: readPrice(r, agreement),
    vatCategoryCode: textOf(child(tax, 'CategoryCode')),
    vatRate: textOf(child(tax, 'RateApplicablePercent')),
    item: readItem(r, product),
  });
  const repeated = r.result();
  if (repeated) result.repeated = repeated;
  return result;
}

function readLineAllowanceCharge(ac: XmlElement): LineAllowanceCharge {
  return withoutUndefined({
    amount: amountOf(child(ac, 'ActualAmount')),
    baseAmount: amountOf(child(ac, 'BasisAmount')),
    percentage: textOf(child(ac, 'CalculationPercent')),
    reason: textOf(child(ac, 'Reason')),
    reasonCode: textOf(child(ac, 'ReasonCode')),
  });
}

function readPrice(r: TermReader, agreement: XmlElement | undefined): PriceDetails | undefined {
  const net = r.one(agreement, 'NetPriceProductTradePrice', 'BT-146');
  const gross = r.one(agreement, 'GrossPriceProductTradePrice', 'BT-148');
  const discount = r.one(gross, 'AppliedTradeAllowanceCharge', 'BT-147');
  return groupOrUndefined({
    netPrice: amountOf(child(net, 'ChargeAmount')),
    discount: amountOf(child(discount, 'ActualAmount')),
    grossPrice: amountOf(child(gross, 'ChargeAmount')),
    baseQuantity: r.quantity(net, 'BT-149', 'BasisQuantity') ?? r.quantity(gross, 'BT-149', 'BasisQuantity'),
  });
}

function readItem(r: TermReader, product: XmlElement | undefined): Item {
  return withoutUndefined({
    name: r.text(product, 'BT-153', 'Name'),
    description: r.text(product, 'BT-154', 'Description'),
    sellerId: r.text(product, 'BT-155', 'SellerAssignedID'),
    buyerId: r.text(product, 'BT-156', 'BuyerAssignedID'),
    standardId: r.identifier(product, 'BT-157', 'GlobalID'),
    classifications: children(product, 'DesignatedProductClassification')
      .map((c) => child(c, 'ClassCode'))
      .filter((c) => c !== undefined)
      .map((c) =>
        withoutUndefined({
          value: c.text.trim(),
          listId: c.attrs.listID,
          listVersionId: c.attrs.listVersionID,
        }),
      ),
    originCountryCode: r.text(product, 'BT-159', 'OriginTradeCountry', 'ID'),
    attributes: children(product, 'ApplicableProductCharacteristic').map((p) => ({
      name: textOf(child(p, 'Description')) ?? '',
      value: textOf(child(p, 'Value')) ?? '',
    })),
  });
}
