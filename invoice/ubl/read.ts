import { child, children, XmlElement } from '../xml';
import { amountOf, groupOrUndefined, identifierOf, TermReader, textOf, withoutUndefined } from '../terms';
import { InvoiceFormatError } from '../errors';
import type {
  Buyer,
  Contact,
  CreditTransfer,
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
import { UBL_NS } from './namespaces';
import { splitUblNote } from './note';
import {
  CREDIT_NOTE_PROJECT_TYPE_CODE,
  INVOICED_OBJECT_TYPE_CODE,
  NO_ORDER_ID,
  SEPA_SCHEME,
  VAT_SCHEME,
} from './codes';

/**
 * Reads a UBL 2.1 Invoice or CreditNote into the EN 16931 model, following the CEN/TC 434 UBL syntax
 * binding (the same paths as the official EN16931-UBL Schematron). Missing elements give undefined
 * terms, never an exception; only a root that is not a UBL Invoice/CreditNote is refused.
 */
export function readUbl(root: XmlElement): Invoice {
  const isCreditNote = root.name === 'CreditNote' && root.ns === UBL_NS.creditNote;
  if (!isCreditNote && !(root.name === 'Invoice' && root.ns === UBL_NS.invoice)) {
    throw new InvoiceFormatError(
      'NOT_AN_INVOICE',
      `root element {${root.ns}}${root.name} is not a UBL Invoice or CreditNote`,
    );
  }
  const r = new TermReader();
  const supplier = r.path(root, 'BG-4', 'AccountingSupplierParty', 'Party');
  const customer = r.path(root, 'BG-7', 'AccountingCustomerParty', 'Party');
  const payeeParty = r.one(root, 'PayeeParty', 'BG-10');
  const firstMeans = child(root, 'PaymentMeans');
  const period = r.one(root, 'InvoicePeriod', 'BG-14');
  const orderRef = r.one(root, 'OrderReference', 'BT-13');
  const docRefs = children(root, 'AdditionalDocumentReference');
  const typed = (code: string) => docRefs.find((d) => textOf(child(d, 'DocumentTypeCode')) === code);
  const objectRef = typed(INVOICED_OBJECT_TYPE_CODE);
  // UBL CreditNote has no cac:ProjectReference: the binding carries BT-11 as a document reference typed 50.
  const projectRef = isCreditNote ? typed(CREDIT_NOTE_PROJECT_TYPE_CODE) : undefined;
  const salesOrderId = r.text(orderRef, 'BT-14', 'SalesOrderID');
  const orderId = textOf(child(orderRef, 'ID'));
  const taxTotals = children(root, 'TaxTotal');
  const currency = r.text(root, 'BT-5', 'DocumentCurrencyCode') ?? '';
  const vatCurrency = r.text(root, 'BT-6', 'TaxCurrencyCode');
  const sepaIds = [supplier, payeeParty].flatMap((p) =>
    children(p, 'PartyIdentification')
      .map((pi) => child(pi, 'ID'))
      .filter((id) => id?.attrs.schemeID === SEPA_SCHEME),
  );

  const invoice: Invoice = withoutUndefined({
    number: r.text(root, 'BT-1', 'ID') ?? '',
    issueDate: r.text(root, 'BT-2', 'IssueDate') ?? '',
    typeCode: r.text(root, 'BT-3', isCreditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode') ?? '',
    currencyCode: currency,
    vatCurrencyCode: vatCurrency,
    vatPointDate: r.text(root, 'BT-7', 'TaxPointDate'),
    vatPointDateCode: r.text(period, 'BT-8', 'DescriptionCode'),
    dueDate: isCreditNote ? textOf(child(firstMeans, 'PaymentDueDate')) : r.text(root, 'BT-9', 'DueDate'),
    buyerReference: r.text(root, 'BT-10', 'BuyerReference'),
    projectReference: projectRef
      ? textOf(child(projectRef, 'ID'))
      : r.text(root, 'BT-11', 'ProjectReference', 'ID'),
    contractReference: r.text(root, 'BT-12', 'ContractDocumentReference', 'ID'),
    // cbc:ID is mandatory in UBL; "NA" beside a sales order id means BT-13 is not known.
    purchaseOrderReference: orderId === NO_ORDER_ID && salesOrderId !== undefined ? undefined : orderId,
    salesOrderReference: salesOrderId,
    receivingAdviceReference: r.text(root, 'BT-15', 'ReceiptDocumentReference', 'ID'),
    despatchAdviceReference: r.text(root, 'BT-16', 'DespatchDocumentReference', 'ID'),
    tenderOrLotReference: r.text(root, 'BT-17', 'OriginatorDocumentReference', 'ID'),
    invoicedObjectId: identifierOf(child(objectRef, 'ID')),
    buyerAccountingReference: r.text(root, 'BT-19', 'AccountingCost'),
    paymentTerms: r.text(root, 'BT-20', 'PaymentTerms', 'Note'),
    notes: children(root, 'Note').map((n) => splitUblNote(n.text.trim())),
    businessProcessType: r.text(root, 'BT-23', 'ProfileID'),
    specificationId: r.text(root, 'BT-24', 'CustomizationID') ?? '',
    precedingInvoices: children(root, 'BillingReference').map((b) => {
      const ref = child(b, 'InvoiceDocumentReference');
      return withoutUndefined({
        reference: textOf(child(ref, 'ID')) ?? '',
        issueDate: textOf(child(ref, 'IssueDate')),
      });
    }),
    seller: readSeller(r, supplier),
    buyer: readBuyer(r, customer),
    payee: payeeParty && readPayee(payeeParty),
    taxRepresentative: readTaxRepresentative(r.one(root, 'TaxRepresentativeParty', 'BG-11')),
    delivery: readDelivery(r, r.one(root, 'Delivery', 'BG-13')),
    // An InvoicePeriod holding only BT-8 (its DescriptionCode) is no BG-14.
    invoicingPeriod: period && groupOrUndefined(readPeriod(period)),
    paymentInstructions: readPaymentInstructions(r, root, textOf(sepaIds[0])),
    allowances: children(root, 'AllowanceCharge')
      .filter((ac) => !isCharge(ac))
      .map(readDocumentAllowanceCharge),
    charges: children(root, 'AllowanceCharge').filter(isCharge).map(readDocumentAllowanceCharge),
    totals: readTotals(r, root, taxTotals, currency, vatCurrency),
    vatBreakdowns: taxTotals.flatMap((t) => children(t, 'TaxSubtotal')).map(readVatBreakdown),
    supportingDocuments: docRefs
      .filter((d) => d !== objectRef && d !== projectRef)
      .map(readSupportingDocument),
    lines: children(root, isCreditNote ? 'CreditNoteLine' : 'InvoiceLine').map((l) =>
      readLine(l, isCreditNote),
    ),
  });
  const repeated = r.result();
  if (repeated) invoice.repeated = repeated;
  return invoice;
}

function isCharge(ac: XmlElement): boolean {
  return textOf(child(ac, 'ChargeIndicator')) === 'true';
}

function readAddress(el: XmlElement | undefined): PostalAddress | undefined {
  if (!el) return undefined;
  return withoutUndefined({
    line1: textOf(child(el, 'StreetName')),
    line2: textOf(child(el, 'AdditionalStreetName')),
    line3: textOf(child(child(el, 'AddressLine'), 'Line')),
    city: textOf(child(el, 'CityName')),
    postCode: textOf(child(el, 'PostalZone')),
    countrySubdivision: textOf(child(el, 'CountrySubentity')),
    countryCode: textOf(child(child(el, 'Country'), 'IdentificationCode')),
  });
}

function readContact(el: XmlElement | undefined): Contact | undefined {
  if (!el) return undefined;
  return withoutUndefined({
    name: textOf(child(el, 'Name')),
    telephone: textOf(child(el, 'Telephone')),
    email: textOf(child(el, 'ElectronicMail')),
  });
}

/**
 * UBL PartyTaxScheme: CompanyID with TaxScheme/ID "VAT" is a VAT identifier, any other a tax
 * registration. A PartyTaxScheme without CompanyID carries no identifier: reading it as an empty one
 * would have every writer state an identifier the source does not give (and hide BR-S-02, BR-Z-03, …).
 */
function taxSchemeIds(party: XmlElement | undefined, vat: boolean): string[] {
  return children(party, 'PartyTaxScheme')
    .filter((s) => (textOf(child(child(s, 'TaxScheme'), 'ID')) === VAT_SCHEME) === vat)
    .filter((s) => child(s, 'CompanyID') !== undefined)
    .map((s) => textOf(child(s, 'CompanyID')) ?? '');
}

function readSeller(r: TermReader, party: XmlElement | undefined): Seller {
  const legal = r.one(party, 'PartyLegalEntity', 'BT-27');
  return withoutUndefined({
    name: textOf(child(legal, 'RegistrationName')),
    tradingName: r.text(party, 'BT-28', 'PartyName', 'Name'),
    identifiers: children(party, 'PartyIdentification')
      .map((pi) => identifierOf(child(pi, 'ID')))
      .filter((id): id is Identifier => id !== undefined && id.schemeId !== SEPA_SCHEME),
    legalRegistrationId: identifierOf(child(legal, 'CompanyID')),
    vatId: countOnce(r, 'BT-31', taxSchemeIds(party, true)),
    taxRegistrationId: countOnce(r, 'BT-32', taxSchemeIds(party, false)),
    additionalLegalInfo: textOf(child(legal, 'CompanyLegalForm')),
    electronicAddress: r.identifier(party, 'BT-34', 'EndpointID'),
    address: readAddress(r.one(party, 'PostalAddress', 'BG-5')),
    contact: readContact(r.one(party, 'Contact', 'BG-6')),
  });
}

function countOnce(r: TermReader, term: string, values: string[]): string | undefined {
  if (values.length > 1) r.repeated[term] = values.length;
  return values[0];
}

function readBuyer(r: TermReader, party: XmlElement | undefined): Buyer {
  const legal = r.one(party, 'PartyLegalEntity', 'BT-44');
  return withoutUndefined({
    name: textOf(child(legal, 'RegistrationName')),
    tradingName: r.text(party, 'BT-45', 'PartyName', 'Name'),
    identifier: r.identifier(party, 'BT-46', 'PartyIdentification', 'ID'),
    legalRegistrationId: identifierOf(child(legal, 'CompanyID')),
    vatId: countOnce(r, 'BT-48', taxSchemeIds(party, true)),
    electronicAddress: r.identifier(party, 'BT-49', 'EndpointID'),
    address: readAddress(r.one(party, 'PostalAddress', 'BG-8')),
    contact: readContact(r.one(party, 'Contact', 'BG-9')),
  });
}

function readPayee(party: XmlElement): Payee {
  const ids = children(party, 'PartyIdentification')
    .map((pi) => identifierOf(child(pi, 'ID')))
    .filter((id) => id?.schemeId !== SEPA_SCHEME);
  return withoutUndefined({
    name: textOf(child(child(party, 'PartyName'), 'Name')),
    identifier: ids[0],
    legalRegistrationId: identifierOf(child(child(party, 'PartyLegalEntity'), 'CompanyID')),
  });
}

function readTaxRepresentative(party: XmlElement | undefined): TaxRepresentative | undefined {
  if (!party) return undefined;
  return withoutUndefined({
    name: textOf(child(child(party, 'PartyName'), 'Name')),
    vatId: textOf(child(child(party, 'PartyTaxScheme'), 'CompanyID')),
    address: readAddress(child(party, 'PostalAddress')),
  });
}

function readDelivery(r: TermReader, el: XmlElement | undefined): Delivery | undefined {
  if (!el) return undefined;
  const location = child(el, 'DeliveryLocation');
  return withoutUndefined({
    name: r.text(el, 'BT-70', 'DeliveryParty', 'PartyName', 'Name'),
    locationId: identifierOf(child(location, 'ID')),
    actualDeliveryDate: r.text(el, 'BT-72', 'ActualDeliveryDate'),
    address: readAddress(child(location, 'Address')),
  });
}

function readPeriod(el: XmlElement): Period {
  return withoutUndefined({
    startDate: textOf(child(el, 'StartDate')),
    endDate: textOf(child(el, 'EndDate')),
  });
}

function readPaymentInstructions(
  r: TermReader,
  root: XmlElement,
  creditorId: string | undefined,
): PaymentInstructions | undefined {
  const means = children(root, 'PaymentMeans');
  const first = means[0];
  const code = child(first, 'PaymentMeansCode');
  const card = child(first, 'CardAccount');
  const mandate = r.one(first, 'PaymentMandate', 'BG-19');
  const directDebit = groupOrUndefined({
    mandateReference: textOf(child(mandate, 'ID')),
    creditorId,
    debitedAccountId: textOf(child(child(mandate, 'PayerFinancialAccount'), 'ID')),
  });
  if (!first) return directDebit && { creditTransfers: [], directDebit };
  return withoutUndefined({
    typeCode: textOf(code),
    text: code?.attrs.name,
    remittanceInformation: r.text(first, 'BT-83', 'PaymentID'),
    // BG-17 may repeat; UBL repeats PaymentMeans to carry several accounts, so every occurrence counts.
    creditTransfers: means.flatMap((m) => children(m, 'PayeeFinancialAccount')).map(readCreditTransfer),
    card:
      card &&
      withoutUndefined({
        primaryAccountNumber: textOf(child(card, 'PrimaryAccountNumberID')),
        holderName: textOf(child(card, 'HolderName')),
      }),
    directDebit,
  });
}

function readCreditTransfer(account: XmlElement): CreditTransfer {
  return withoutUndefined({
    accountId: textOf(child(account, 'ID')),
    accountName: textOf(child(account, 'Name')),
    serviceProviderId: textOf(child(child(account, 'FinancialInstitutionBranch'), 'ID')),
  });
}

function readDocumentAllowanceCharge(ac: XmlElement): DocumentAllowanceCharge {
  const category = child(ac, 'TaxCategory');
  return withoutUndefined({
    amount: amountOf(child(ac, 'Amount')),
    baseAmount: amountOf(child(ac, 'BaseAmount')),
    percentage: textOf(child(ac, 'MultiplierFactorNumeric')),
    vatCategoryCode: textOf(child(category, 'ID')),
    vatRate: textOf(child(category, 'Percent')),
    reason: textOf(child(ac, 'AllowanceChargeReason')),
    reasonCode: textOf(child(ac, 'AllowanceChargeReasonCode')),
  });
}

function readTotals(
  r: TermReader,
  root: XmlElement,
  taxTotals: XmlElement[],
  currency: string,
  vatCurrency: string | undefined,
): Invoice['totals'] {
  const sums = r.one(root, 'LegalMonetaryTotal', 'BG-22');
  // As the official UBL Schematron does: BT-110 is the TaxTotal in the invoice currency, BT-111 the
  // one in the VAT accounting currency (when that differs).
  const taxAmounts = taxTotals.map((t) => child(t, 'TaxAmount')).filter((a) => a !== undefined);
  const inAccounting = vatCurrency && vatCurrency !== currency;
  const vatTotal = taxAmounts.find((a) => !inAccounting || a.attrs.currencyID !== vatCurrency);
  const vatTotalAccounting = inAccounting
    ? taxAmounts.find((a) => a.attrs.currencyID === vatCurrency)
    : undefined;
  if (
    taxAmounts.filter((a) => a === vatTotal || a.attrs.currencyID === vatTotal?.attrs.currencyID).length > 1
  ) {
    r.repeated['BT-110'] = taxAmounts.length;
  }
  return withoutUndefined({
    lineNetTotal: r.amount(sums, 'BT-106', 'LineExtensionAmount'),
    allowanceTotal: r.amount(sums, 'BT-107', 'AllowanceTotalAmount'),
    chargeTotal: r.amount(sums, 'BT-108', 'ChargeTotalAmount'),
    taxExclusiveAmount: r.amount(sums, 'BT-109', 'TaxExclusiveAmount'),
    vatTotal: amountOf(vatTotal),
    vatTotalAccountingCurrency: amountOf(vatTotalAccounting),
    taxInclusiveAmount: r.amount(sums, 'BT-112', 'TaxInclusiveAmount'),
    paidAmount: r.amount(sums, 'BT-113', 'PrepaidAmount'),
    roundingAmount: r.amount(sums, 'BT-114', 'PayableRoundingAmount'),
    amountDue: r.amount(sums, 'BT-115', 'PayableAmount'),
  });
}

function readVatBreakdown(sub: XmlElement): VatBreakdown {
  const category = child(sub, 'TaxCategory');
  return withoutUndefined({
    taxableAmount: amountOf(child(sub, 'TaxableAmount')),
    taxAmount: amountOf(child(sub, 'TaxAmount')),
    categoryCode: textOf(child(category, 'ID')),
    rate: textOf(child(category, 'Percent')),
    exemptionReason: textOf(child(category, 'TaxExemptionReason')),
    exemptionReasonCode: textOf(child(category, 'TaxExemptionReasonCode')),
  });
}

function readSupportingDocument(ref: XmlElement): SupportingDocument {
  const attachment = child(ref, 'Attachment');
  const binary = child(attachment, 'EmbeddedDocumentBinaryObject');
  return withoutUndefined({
    reference: textOf(child(ref, 'ID')) ?? '',
    description: textOf(child(ref, 'DocumentDescription')),
    externalUri: textOf(child(child(attachment, 'ExternalReference'), 'URI')),
    attachment:
      binary &&
      withoutUndefined({
        mimeCode: binary.attrs.mimeCode,
        filename: binary.attrs.filename,
        base64: binary.text.replace(/\s+/g, ''),
      }),
  });
}

function readLine(line: XmlElement, isCreditNote: boolean): InvoiceLine {
  const r = new TermReader();
  const item = child(line, 'Item');
  const price = r.one(line, 'Price', 'BG-29');
  const category = r.one(item, 'ClassifiedTaxCategory', 'BG-30');
  const objectRef = children(line, 'DocumentReference').find(
    (d) => textOf(child(d, 'DocumentTypeCode')) === INVOICED_OBJECT_TYPE_CODE,
  );
  const linePeriod = r.one(line, 'InvoicePeriod', 'BG-26');
  const result: InvoiceLine = withoutUndefined({
    id: textOf(child(line, 'ID')) ?? '',
    note: r.text(line, 'BT-127', 'Note'),
    objectId: identifierOf(child(objectRef, 'ID')),
    quantity: r.quantity(line, 'BT-129', isCreditNote ? 'CreditedQuantity' : 'InvoicedQuantity'),
    netAmount: r.amount(line, 'BT-131', 'LineExtensionAmount'),
    orderLineReference: r.text(line, 'BT-132', 'OrderLineReference', 'LineID'),
    buyerAccountingReference: r.text(line, 'BT-133', 'AccountingCost'),
    period: linePeriod && readPeriod(linePeriod),
    allowances: children(line, 'AllowanceCharge')
      .filter((ac) => !isCharge(ac))
      .map(readLineAllowanceCharge),
    charges: children(line, 'AllowanceCharge').filter(isCharge).map(readLineAllowanceCharge),
    price: price && readPrice(r, price),
    vatCategoryCode: textOf(child(category, 'ID')),
    vatRate: textOf(child(category, 'Percent')),
    item: readItem(r, item),
  });
  const repeated = r.result();
  if (repeated) result.repeated = repeated;
  return result;
}

function readLineAllowanceCharge(ac: XmlElement): LineAllowanceCharge {
  return withoutUndefined({
    amount: amountOf(child(ac, 'Amount')),
    baseAmount: amountOf(child(ac, 'BaseAmount')),
    percentage: textOf(child(ac, 'MultiplierFactorNumeric')),
    reason: textOf(child(ac, 'AllowanceChargeReason')),
    reasonCode: textOf(child(ac, 'AllowanceChargeReasonCode')),
  });
}

function readPrice(r: TermReader, price: XmlElement): PriceDetails {
  const discount = r.one(price, 'AllowanceCharge', 'BT-147');
  return withoutUndefined({
    netPrice: r.amount(price, 'BT-146', 'PriceAmount'),
    discount: amountOf(child(discount, 'Amount')),
    grossPrice: amountOf(child(discount, 'BaseAmount')),
    baseQuantity: r.quantity(price, 'BT-149', 'BaseQuantity'),
  });
}

function readItem(r: TermReader, item: XmlElement | undefined): Item {
  return withoutUndefined({
    name: r.text(item, 'BT-153', 'Name'),
    description: r.text(item, 'BT-154', 'Description'),
    sellerId: r.text(item, 'BT-155', 'SellersItemIdentification', 'ID'),
    buyerId: r.text(item, 'BT-156', 'BuyersItemIdentification', 'ID'),
    standardId: r.identifier(item, 'BT-157', 'StandardItemIdentification', 'ID'),
    classifications: children(item, 'CommodityClassification')
      .map((c) => child(c, 'ItemClassificationCode'))
      .filter((c) => c !== undefined)
      .map((c) =>
        withoutUndefined({
          value: c.text.trim(),
          listId: c.attrs.listID,
          listVersionId: c.attrs.listVersionID,
        }),
      ),
    originCountryCode: r.text(item, 'BT-159', 'OriginCountry', 'IdentificationCode'),
    attributes: children(item, 'AdditionalItemProperty').map((p) => ({
      name: textOf(child(p, 'Name')) ?? '',
      value: textOf(child(p, 'Value')) ?? '',
    })),
  });
}
