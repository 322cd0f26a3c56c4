import { always, leaf, node, serializeXml, when, XmlNode } from '../xml-write';
import {
  isCreditNote,
  type Amount,
  type Contact,
  type DocumentAllowanceCharge,
  type Identifier,
  type Invoice,
  type InvoiceLine,
  type LineAllowanceCharge,
  type PaymentInstructions,
  type Period,
  type PostalAddress,
  type PriceDetails,
  type Quantity,
} from '../model';
import { UBL_NS } from './namespaces';
import { decimalSum } from '../decimal';
import { joinUblNote } from './note';
import {
  CREDIT_NOTE_PROJECT_TYPE_CODE,
  INVOICED_OBJECT_TYPE_CODE,
  NO_ORDER_ID,
  OTHER_TAX_SCHEME,
  SEPA_SCHEME,
  UNKNOWN_CARD_NETWORK,
  VAT_POINT_DATE_CODE_FROM_CII,
  VAT_SCHEME,
} from './codes';

/**
 * Writes the model as UBL 2.1: an Invoice, or a CreditNote when BT-3 is a credit note type code.
 * Element order follows the OASIS UBL 2.1 XSD sequences, paths follow the CEN/TC 434 UBL binding.
 */
export function toUbl(invoice: Invoice): string {
  const credit = isCreditNote(invoice);
  const cur = invoice.currencyCode;
  const firstMeansExtras = credit ? leaf('cbc:PaymentDueDate', invoice.dueDate) : undefined;

  const root = always(
    credit ? 'CreditNote' : 'Invoice',
    leaf('cbc:CustomizationID', invoice.specificationId),
    leaf('cbc:ProfileID', invoice.businessProcessType),
    leaf('cbc:ID', invoice.number),
    leaf('cbc:IssueDate', invoice.issueDate),
    credit ? undefined : leaf('cbc:DueDate', invoice.dueDate),
    leaf(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', invoice.typeCode),
    invoice.notes.map((n) => leaf('cbc:Note', joinUblNote(n))),
    leaf('cbc:TaxPointDate', invoice.vatPointDate),
    leaf('cbc:DocumentCurrencyCode', invoice.currencyCode),
    leaf('cbc:TaxCurrencyCode', invoice.vatCurrencyCode),
    leaf('cbc:AccountingCost', invoice.buyerAccountingReference),
    leaf('cbc:BuyerReference', invoice.buyerReference),
    when(
      invoice.invoicingPeriod !== undefined || invoice.vatPointDateCode !== undefined,
      'cac:InvoicePeriod',
      periodChildren(invoice.invoicingPeriod),
      leaf('cbc:DescriptionCode', ublVatPointDateCode(invoice.vatPointDateCode)),
    ),
    orderReference(invoice),
    invoice.precedingInvoices.map((p) =>
      node(
        'cac:BillingReference',
        node('cac:InvoiceDocumentReference', leaf('cbc:ID', p.reference), leaf('cbc:IssueDate', p.issueDate)),
      ),
    ),
    idRef('cac:DespatchDocumentReference', invoice.despatchAdviceReference),
    idRef('cac:ReceiptDocumentReference', invoice.receivingAdviceReference),
    credit ? undefined : idRef('cac:OriginatorDocumentReference', invoice.tenderOrLotReference),
    idRef('cac:ContractDocumentReference', invoice.contractReference),
    additionalDocuments(invoice, credit),
    credit ? idRef('cac:OriginatorDocumentReference', invoice.tenderOrLotReference) : undefined,
    credit ? undefined : idRef('cac:ProjectReference', invoice.projectReference),
    always('cac:AccountingSupplierParty', seller(invoice)),
    always('cac:AccountingCustomerParty', buyer(invoice)),
    payee(invoice),
    taxRepresentative(invoice),
    delivery(invoice),
    paymentMeans(invoice, firstMeansExtras),
    node('cac:PaymentTerms', leaf('cbc:Note', invoice.paymentTerms)),
    invoice.allowances.map((a) => documentAllowanceCharge(a, false, cur)),
    invoice.charges.map((c) => documentAllowanceCharge(c, true, cur)),
    taxTotals(invoice),
    always(
      'cac:LegalMonetaryTotal',
      amount('cbc:LineExtensionAmount', invoice.totals.lineNetTotal, cur),
      amount('cbc:TaxExclusiveAmount', invoice.totals.taxExclusiveAmount, cur),
      amount('cbc:TaxInclusiveAmount', invoice.totals.taxInclusiveAmount, cur),
      amount('cbc:AllowanceTotalAmount', invoice.totals.allowanceTotal, cur),
      amount('cbc:ChargeTotalAmount', invoice.totals.chargeTotal, cur),
      amount('cbc:PrepaidAmount', invoice.totals.paidAmount, cur),
      amount('cbc:PayableRoundingAmount', invoice.totals.roundingAmount, cur),
      amount('cbc:PayableAmount', invoice.totals.amountDue, cur),
    ),
    invoice.lines.map((l) => line(l, credit, cur)),
  );
  return serializeXml(root, {
    '': credit ? UBL_NS.creditNote : UBL_NS.invoice,
    cac: UBL_NS.cac,
    cbc: UBL_NS.cbc,
  });
}

function ublVatPointDateCode(code: string | undefined): string | undefined {
  return code && (VAT_POINT_DATE_CODE_FROM_CII[code] ?? code);
}

function amount(name: string, a: Amount | undefined, currency: string): XmlNode | undefined {
  return a && leaf(name, a.value, { currencyID: a.currencyId ?? currency });
}

function quantity(name: string, q: Quantity | undefined): XmlNode | undefined {
  return q && leaf(name, q.value, { unitCode: q.unitCode });
}

function identifier(name: string, id: Identifier | undefined): XmlNode | undefined {
  return id && leaf(name, id.value, { schemeID: id.schemeId });
}

function idRef(name: string, id: string | undefined): XmlNode | undefined {
  return node(name, leaf('cbc:ID', id));
}

function periodChildren(p: Period | undefined): (XmlNode | undefined)[] {
  return [leaf('cbc:StartDate', p?.startDate), leaf('cbc:EndDate', p?.endDate)];
}

/** cac:OrderReference needs cbc:ID; the UBL binding writes "NA" when only BT-14 is known. */
function orderReference(invoice: Invoice): XmlNode | undefined {
  const { purchaseOrderReference: po, salesOrderReference: so } = invoice;
  if (po === undefined && so === undefined) return undefined;
  return always('cac:OrderReference', leaf('cbc:ID', po ?? NO_ORDER_ID), leaf('cbc:SalesOrderID', so));
}

function additionalDocuments(invoice: Invoice, credit: boolean): (XmlNode | undefined)[] {
  const object = invoice.invoicedObjectId;
  return [
    ...invoice.supportingDocuments.map((d) =>
      always(
        'cac:AdditionalDocumentReference',
        leaf('cbc:ID', d.reference),
        leaf('cbc:DocumentDescription', d.description),
        node(
          'cac:Attachment',
          d.attachment &&
            leaf('cbc:EmbeddedDocumentBinaryObject', d.attachment.base64 ?? '', {
              mimeCode: d.attachment.mimeCode,
              filename: d.attachment.filename,
            }),
          node('cac:ExternalReference', leaf('cbc:URI', d.externalUri)),
        ),
      ),
    ),
    object &&
      always(
        'cac:AdditionalDocumentReference',
        identifier('cbc:ID', object),
        leaf('cbc:DocumentTypeCode', INVOICED_OBJECT_TYPE_CODE),
      ),
    // UBL CreditNote has no cac:ProjectReference; the binding carries BT-11 as a typed document reference.
    credit && invoice.projectReference !== undefined
      ? always(
          'cac:AdditionalDocumentReference',
          leaf('cbc:ID', invoice.projectReference),
          leaf('cbc:DocumentTypeCode', CREDIT_NOTE_PROJECT_TYPE_CODE),
        )
      : undefined,
  ];
}

function address(name: string, a: PostalAddress | undefined): XmlNode | undefined {
  return (
    a &&
    always(
      name,
      leaf('cbc:StreetName', a.line1),
      leaf('cbc:AdditionalStreetName', a.line2),
      leaf('cbc:CityName', a.city),
      leaf('cbc:PostalZone', a.postCode),
      leaf('cbc:CountrySubentity', a.countrySubdivision),
      node('cac:AddressLine', leaf('cbc:Line', a.line3)),
      node('cac:Country', leaf('cbc:IdentificationCode', a.countryCode)),
    )
  );
}

function contact(c: Contact | undefined): XmlNode | undefined {
  return (
    c &&
    always(
      'cac:Contact',
      leaf('cbc:Name', c.name),
      leaf('cbc:Telephone', c.telephone),
      leaf('cbc:ElectronicMail', c.email),
    )
  );
}

function taxScheme(companyId: string | undefined, scheme: string): XmlNode | undefined {
  return (
    (companyId !== undefined &&
      always(
        'cac:PartyTaxScheme',
        leaf('cbc:CompanyID', companyId),
        always('cac:TaxScheme', leaf('cbc:ID', scheme)),
      )) ||
    undefined
  );
}

function partyId(id: Identifier | undefined): XmlNode | undefined {
  return node('cac:PartyIdentification', identifier('cbc:ID', id));
}

/** BT-90 goes with the payee when there is one, else with the seller (EN 16931 UBL binding). */
function sepaCreditorId(invoice: Invoice): Identifier | undefined {
  const creditorId = invoice.paymentInstructions?.directDebit?.creditorId;
  return creditorId === undefined ? undefined : { value: creditorId, schemeId: SEPA_SCHEME };
}

function seller(invoice: Invoice): XmlNode {
  const s = invoice.seller;
  return always(
    'cac:Party',
    identifier('cbc:EndpointID', s.electronicAddress),
    s.identifiers.map(partyId),
    invoice.payee ? undefined : partyId(sepaCreditorId(invoice)),
    node('cac:PartyName', leaf('cbc:Name', s.tradingName)),
    address('cac:PostalAddress', s.address),
    taxScheme(s.vatId, VAT_SCHEME),
    taxScheme(s.taxRegistrationId, OTHER_TAX_SCHEME),
    node(
      'cac:PartyLegalEntity',
      leaf('cbc:RegistrationName', s.name),
      identifier('cbc:CompanyID', s.legalRegistrationId),
      leaf('cbc:CompanyLegalForm', s.additionalLegalInfo),
    ),
    contact(s.contact),
  );
}

function buyer(invoice: Invoice): XmlNode {
  const b = invoice.buyer;
  return always(
    'cac:Party',
    identifier('cbc:EndpointID', b.electronicAddress),
    partyId(b.identifier),
    node('cac:PartyName', leaf('cbc:Name', b.tradingName)),
    address('cac:PostalAddress', b.address),
    taxScheme(b.vatId, VAT_SCHEME),
    node(
      'cac:PartyLegalEntity',
      leaf('cbc:RegistrationName', b.name),
      identifier('cbc:CompanyID', b.legalRegistrationId),
    ),
    contact(b.contact),
  );
}

function payee(invoice: Invoice): XmlNode | undefined {
  const p = invoice.payee;
  return (
    p &&
    always(
      'cac:PayeeParty',
      partyId(p.identifier),
      partyId(sepaCreditorId(invoice)),
      node('cac:PartyName', leaf('cbc:Name', p.name)),
      node('cac:PartyLegalEntity', identifier('cbc:CompanyID', p.legalRegistrationId)),
    )
  );
}

function taxRepresentative(invoice: Invoice): XmlNode | undefined {
  const t = invoice.taxRepresentative;
  return (
    t &&
    always(
      'cac:TaxRepresentativeParty',
      node('cac:PartyName', leaf('cbc:Name', t.name)),
      address('cac:PostalAddress', t.address),
      taxScheme(t.vatId, VAT_SCHEME),
    )
  );
}

function delivery(invoice: Invoice): XmlNode | undefined {
  const d = invoice.delivery;
  return (
    d &&
    always(
      'cac:Delivery',
      leaf('cbc:ActualDeliveryDate', d.actualDeliveryDate),
      node('cac:DeliveryLocation', identifier('cbc:ID', d.locationId), address('cac:Address', d.address)),
      node('cac:DeliveryParty', node('cac:PartyName', leaf('cbc:Name', d.name))),
    )
  );
}

/** One cac:PaymentMeans per BG-17 credit transfer (UBL has one account per means); card and mandate go in the first. */
function paymentMeans(invoice: Invoice, dueDate: XmlNode | undefined): XmlNode[] {
  const p = invoice.paymentInstructions;
  // BT-90 alone travels as a party identifier: it needs no cac:PaymentMeans.
  if (!p || !hasPaymentMeans(p)) return [];
  const transfers = p.creditTransfers.length ? p.creditTransfers : [undefined];
  return transfers.map((t, i) =>
    always(
      'cac:PaymentMeans',
      // BT-82 may appear once in the document (UBL-SR-46): on the first payment means only.
      leaf('cbc:PaymentMeansCode', p.typeCode ?? '', { name: i === 0 ? p.text : undefined }),
      i === 0 ? dueDate : undefined,
      leaf('cbc:PaymentID', p.remittanceInformation),
      i === 0 && p.card
        ? always(
            'cac:CardAccount',
            leaf('cbc:PrimaryAccountNumberID', p.card.primaryAccountNumber ?? ''),
            leaf('cbc:NetworkID', UNKNOWN_CARD_NETWORK),
            leaf('cbc:HolderName', p.card.holderName),
          )
        : undefined,
      t &&
        always(
          'cac:PayeeFinancialAccount',
          leaf('cbc:ID', t.accountId),
          leaf('cbc:Name', t.accountName),
          node('cac:FinancialInstitutionBranch', leaf('cbc:ID', t.serviceProviderId)),
        ),
      i === 0
        ? node(
            'cac:PaymentMandate',
            leaf('cbc:ID', p.directDebit?.mandateReference),
            node('cac:PayerFinancialAccount', leaf('cbc:ID', p.directDebit?.debitedAccountId)),
          )
        : undefined,
    ),
  );
}

function hasPaymentMeans(p: PaymentInstructions): boolean {
  const { typeCode, text, remittanceInformation, creditTransfers, card, directDebit } = p;
  return (
    [
      typeCode,
      text,
      remittanceInformation,
      directDebit?.mandateReference,
      directDebit?.debitedAccountId,
    ].some((v) => v !== undefined) ||
    creditTransfers.length > 0 ||
    card !== undefined
  );
}

function taxCategory(
  name: string,
  code: string | undefined,
  rate: string | undefined,
  extra: XmlNode[] = [],
) {
  return always(
    name,
    leaf('cbc:ID', code),
    leaf('cbc:Percent', rate),
    extra,
    always('cac:TaxScheme', leaf('cbc:ID', VAT_SCHEME)),
  );
}

function documentAllowanceCharge(a: DocumentAllowanceCharge, charge: boolean, cur: string): XmlNode {
  return always(
    'cac:AllowanceCharge',
    leaf('cbc:ChargeIndicator', String(charge)),
    leaf('cbc:AllowanceChargeReasonCode', a.reasonCode),
    leaf('cbc:AllowanceChargeReason', a.reason),
    leaf('cbc:MultiplierFactorNumeric', a.percentage),
    amount('cbc:Amount', a.amount, cur),
    amount('cbc:BaseAmount', a.baseAmount, cur),
    a.vatCategoryCode !== undefined || a.vatRate !== undefined
      ? taxCategory('cac:TaxCategory', a.vatCategoryCode, a.vatRate)
      : undefined,
  );
}

/**
 * cac:TaxTotal requires cbc:TaxAmount. When BT-110 is absent (invoices outside the scope of VAT may
 * omit it) but breakdowns exist, it is written as the exact sum of BT-117, which BR-CO-14 makes it equal to.
 */
function taxTotals(invoice: Invoice): XmlNode[] {
  const cur = invoice.currencyCode;
  const breakdownTax = invoice.vatBreakdowns.map((b) => b.taxAmount?.value ?? '0');
  const vatTotal =
    invoice.totals.vatTotal ?? (breakdownTax.length ? { value: decimalSum(breakdownTax) } : undefined);
  const main = node(
    'cac:TaxTotal',
    amount('cbc:TaxAmount', vatTotal, cur),
    invoice.vatBreakdowns.map((b) =>
      always(
        'cac:TaxSubtotal',
        amount('cbc:TaxableAmount', b.taxableAmount, cur),
        amount('cbc:TaxAmount', b.taxAmount, cur),
        taxCategory(
          'cac:TaxCategory',
          b.categoryCode,
          b.rate,
          [
            leaf('cbc:TaxExemptionReasonCode', b.exemptionReasonCode),
            leaf('cbc:TaxExemptionReason', b.exemptionReason),
          ].filter((x): x is XmlNode => x !== undefined),
        ),
      ),
    ),
  );
  const accounting = node(
    'cac:TaxTotal',
    amount('cbc:TaxAmount', invoice.totals.vatTotalAccountingCurrency, invoice.vatCurrencyCode ?? cur),
  );
  return [main, accounting].filter((x): x is XmlNode => x !== undefined);
}

function lineAllowanceCharge(a: LineAllowanceCharge, charge: boolean, cur: string): XmlNode {
  return always(
    'cac:AllowanceCharge',
    leaf('cbc:ChargeIndicator', String(charge)),
    leaf('cbc:AllowanceChargeReasonCode', a.reasonCode),
    leaf('cbc:AllowanceChargeReason', a.reason),
    leaf('cbc:MultiplierFactorNumeric', a.percentage),
    amount('cbc:Amount', a.amount, cur),
    amount('cbc:BaseAmount', a.baseAmount, cur),
  );
}

/** The gross price travels as the base of a price allowance whose amount (BT-147) the XSD requires. */
function price(p: PriceDetails | undefined, cur: string): XmlNode | undefined {
  if (!p) return undefined;
  const hasDiscount = p.discount !== undefined || p.grossPrice !== undefined;
  return always(
    'cac:Price',
    amount('cbc:PriceAmount', p.netPrice, cur),
    quantity('cbc:BaseQuantity', p.baseQuantity),
    hasDiscount
      ? always(
          'cac:AllowanceCharge',
          leaf('cbc:ChargeIndicator', 'false'),
          amount('cbc:Amount', p.discount ?? { value: '0' }, cur),
          amount('cbc:BaseAmount', p.grossPrice, cur),
        )
      : undefined,
  );
}

function line(l: InvoiceLine, credit: boolean, cur: string): XmlNode {
  const item = l.item;
  return always(
    credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
    leaf('cbc:ID', l.id),
    leaf('cbc:Note', l.note),
    quantity(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.quantity),
    amount('cbc:LineExtensionAmount', l.netAmount, cur),
    leaf('cbc:AccountingCost', l.buyerAccountingReference),
    l.period && always('cac:InvoicePeriod', periodChildren(l.period)),
    node('cac:OrderLineReference', leaf('cbc:LineID', l.orderLineReference)),
    l.objectId &&
      always(
        'cac:DocumentReference',
        identifier('cbc:ID', l.objectId),
        leaf('cbc:DocumentTypeCode', INVOICED_OBJECT_TYPE_CODE),
      ),
    l.allowances.map((a) => lineAllowanceCharge(a, false, cur)),
    l.charges.map((c) => lineAllowanceCharge(c, true, cur)),
    always(
      'cac:Item',
      leaf('cbc:Description', item.description),
      leaf('cbc:Name', item.name),
      node('cac:BuyersItemIdentification', leaf('cbc:ID', item.buyerId)),
      node('cac:SellersItemIdentification', leaf('cbc:ID', item.sellerId)),
      node('cac:StandardItemIdentification', identifier('cbc:ID', item.standardId)),
      node('cac:OriginCountry', leaf('cbc:IdentificationCode', item.originCountryCode)),
      item.classifications.map((c) =>
        always(
          'cac:CommodityClassification',
          leaf('cbc:ItemClassificationCode', c.value, { listID: c.listId, listVersionID: c.listVersionId }),
        ),
      ),
      l.vatCategoryCode !== undefined || l.vatRate !== undefined
        ? taxCategory('cac:ClassifiedTaxCategory', l.vatCategoryCode, l.vatRate)
        : undefined,
      item.attributes.map((a) =>
        always('cac:AdditionalItemProperty', leaf('cbc:Name', a.name), leaf('cbc:Value', a.value)),
      ),
    ),
    price(l.price, cur),
  );
}
