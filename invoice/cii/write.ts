import { always, leaf, node, serializeXml, when, XmlNode } from '../xml-write';
import type {
  Amount,
  Contact,
  DocumentAllowanceCharge,
  Identifier,
  Invoice,
  InvoiceLine,
  LineAllowanceCharge,
  Period,
  PostalAddress,
  PriceDetails,
  Quantity,
  VatBreakdown,
} from '../model';
import { CII_NS } from './namespaces';
import { decimalSum } from '../decimal';
import { toCiiDate } from './dates';
import { FacturXProfile, PROFILE_GUIDELINE } from './profile';
import {
  DATE_FORMAT,
  INVOICED_OBJECT_TYPE_CODE,
  PROJECT_NAME,
  SUPPORTING_DOCUMENT_TYPE_CODE,
  TAX_REGISTRATION_SCHEME,
  TENDER_TYPE_CODE,
  VAT_SCHEME,
  VAT_POINT_DATE_CODE_FROM_UBL,
  VAT_TAX_TYPE,
} from './codes';

/** Profiles whose Factur-X schema has no invoice lines. */
const PROFILES_WITHOUT_LINES: FacturXProfile[] = ['MINIMUM', 'BASIC WL'];

/**
 * Writes the model as a UN/CEFACT CII D16B CrossIndustryInvoice. Element order follows the D16B XSD
 * sequences, paths follow the CEN/TC 434 CII binding. With a Factur-X profile, BT-24 becomes that
 * profile's guideline id and, for MINIMUM and BASIC WL, lines are left out as those profiles require;
 * other terms outside a profile are not filtered here (the profile Schematron reports them).
 */
export function toCii(invoice: Invoice, profile?: FacturXProfile): string {
  const withLines = !profile || !PROFILES_WITHOUT_LINES.includes(profile);
  const root = always(
    'rsm:CrossIndustryInvoice',
    always(
      'rsm:ExchangedDocumentContext',
      node(
        'ram:BusinessProcessSpecifiedDocumentContextParameter',
        leaf('ram:ID', invoice.businessProcessType),
      ),
      node(
        'ram:GuidelineSpecifiedDocumentContextParameter',
        leaf('ram:ID', profile ? PROFILE_GUIDELINE[profile] : invoice.specificationId),
      ),
    ),
    always(
      'rsm:ExchangedDocument',
      leaf('ram:ID', invoice.number),
      leaf('ram:TypeCode', invoice.typeCode),
      dateTime('ram:IssueDateTime', invoice.issueDate),
      invoice.notes.map((n) =>
        always('ram:IncludedNote', leaf('ram:Content', n.text), leaf('ram:SubjectCode', n.subjectCode)),
      ),
    ),
    always(
      'rsm:SupplyChainTradeTransaction',
      withLines ? invoice.lines.map(line) : [],
      agreement(invoice),
      always(
        'ram:ApplicableHeaderTradeDelivery',
        invoice.delivery &&
          node(
            'ram:ShipToTradeParty',
            partyIds(invoice.delivery.locationId ? [invoice.delivery.locationId] : []),
            leaf('ram:Name', invoice.delivery.name),
            address(invoice.delivery.address),
          ),
        node(
          'ram:ActualDeliverySupplyChainEvent',
          dateTime('ram:OccurrenceDateTime', invoice.delivery?.actualDeliveryDate),
        ),
        node(
          'ram:DespatchAdviceReferencedDocument',
          leaf('ram:IssuerAssignedID', invoice.despatchAdviceReference),
        ),
        node(
          'ram:ReceivingAdviceReferencedDocument',
          leaf('ram:IssuerAssignedID', invoice.receivingAdviceReference),
        ),
      ),
      settlement(invoice),
    ),
  );
  return serializeXml(root, { rsm: CII_NS.rsm, ram: CII_NS.ram, udt: CII_NS.udt, qdt: CII_NS.qdt });
}

function amount(name: string, a: Amount | undefined): XmlNode | undefined {
  // CII carries the currency once (BT-5); only the VAT totals repeat it, written by the caller.
  return a && leaf(name, a.value);
}

function quantity(name: string, q: Quantity | undefined): XmlNode | undefined {
  return q && leaf(name, q.value, { unitCode: q.unitCode });
}

function dateTime(name: string, iso: string | undefined, prefix = 'udt'): XmlNode | undefined {
  return iso === undefined
    ? undefined
    : always(name, leaf(`${prefix}:DateTimeString`, toCiiDate(iso), { format: DATE_FORMAT }));
}

function period(p: Period | undefined): XmlNode | undefined {
  return (
    p &&
    always(
      'ram:BillingSpecifiedPeriod',
      dateTime('ram:StartDateTime', p.startDate),
      dateTime('ram:EndDateTime', p.endDate),
    )
  );
}

/** The XSD puts every unschemed ram:ID before the schemed ram:GlobalID elements. */
function partyIds(ids: Identifier[]): XmlNode[] {
  return [
    ...ids.filter((id) => id.schemeId === undefined).map((id) => leaf('ram:ID', id.value)),
    ...ids
      .filter((id) => id.schemeId !== undefined)
      .map((id) => leaf('ram:GlobalID', id.value, { schemeID: id.schemeId })),
  ].filter((x): x is XmlNode => x !== undefined);
}

function address(a: PostalAddress | undefined): XmlNode | undefined {
  return (
    a &&
    always(
      'ram:PostalTradeAddress',
      leaf('ram:PostcodeCode', a.postCode),
      leaf('ram:LineOne', a.line1),
      leaf('ram:LineTwo', a.line2),
      leaf('ram:LineThree', a.line3),
      leaf('ram:CityName', a.city),
      leaf('ram:CountryID', a.countryCode),
      leaf('ram:CountrySubDivisionName', a.countrySubdivision),
    )
  );
}

function contact(c: Contact | undefined): XmlNode | undefined {
  return (
    c &&
    always(
      'ram:DefinedTradeContact',
      leaf('ram:PersonName', c.name),
      node('ram:TelephoneUniversalCommunication', leaf('ram:CompleteNumber', c.telephone)),
      node('ram:EmailURIUniversalCommunication', leaf('ram:URIID', c.email)),
    )
  );
}

function uri(id: Identifier | undefined): XmlNode | undefined {
  return (
    id && always('ram:URIUniversalCommunication', leaf('ram:URIID', id.value, { schemeID: id.schemeId }))
  );
}

function taxRegistration(id: string | undefined, scheme: string): XmlNode | undefined {
  return id === undefined
    ? undefined
    : always('ram:SpecifiedTaxRegistration', leaf('ram:ID', id, { schemeID: scheme }));
}

function legalOrganization(id: Identifier | undefined, tradingName?: string): XmlNode | undefined {
  return node(
    'ram:SpecifiedLegalOrganization',
    id && leaf('ram:ID', id.value, { schemeID: id.schemeId }),
    leaf('ram:TradingBusinessName', tradingName),
  );
}

function referenced(name: string, id: string | undefined): XmlNode | undefined {
  return node(name, leaf('ram:IssuerAssignedID', id));
}

function agreement(invoice: Invoice): XmlNode {
  const { seller: s, buyer: b, taxRepresentative: t } = invoice;
  return always(
    'ram:ApplicableHeaderTradeAgreement',
    leaf('ram:BuyerReference', invoice.buyerReference),
    always(
      'ram:SellerTradeParty',
      partyIds(s.identifiers),
      leaf('ram:Name', s.name),
      leaf('ram:Description', s.additionalLegalInfo),
      legalOrganization(s.legalRegistrationId, s.tradingName),
      contact(s.contact),
      address(s.address),
      uri(s.electronicAddress),
      taxRegistration(s.vatId, VAT_SCHEME),
      taxRegistration(s.taxRegistrationId, TAX_REGISTRATION_SCHEME),
    ),
    always(
      'ram:BuyerTradeParty',
      partyIds(b.identifier ? [b.identifier] : []),
      leaf('ram:Name', b.name),
      legalOrganization(b.legalRegistrationId, b.tradingName),
      contact(b.contact),
      address(b.address),
      uri(b.electronicAddress),
      taxRegistration(b.vatId, VAT_SCHEME),
    ),
    t &&
      always(
        'ram:SellerTaxRepresentativeTradeParty',
        leaf('ram:Name', t.name),
        address(t.address),
        taxRegistration(t.vatId, VAT_SCHEME),
      ),
    referenced('ram:SellerOrderReferencedDocument', invoice.salesOrderReference),
    referenced('ram:BuyerOrderReferencedDocument', invoice.purchaseOrderReference),
    referenced('ram:ContractReferencedDocument', invoice.contractReference),
    invoice.supportingDocuments.map((d) =>
      always(
        'ram:AdditionalReferencedDocument',
        leaf('ram:IssuerAssignedID', d.reference),
        leaf('ram:URIID', d.externalUri),
        leaf('ram:TypeCode', SUPPORTING_DOCUMENT_TYPE_CODE),
        leaf('ram:Name', d.description),
        d.attachment &&
          leaf('ram:AttachmentBinaryObject', d.attachment.base64 ?? '', {
            mimeCode: d.attachment.mimeCode,
            filename: d.attachment.filename,
          }),
      ),
    ),
    invoice.tenderOrLotReference !== undefined
      ? always(
          'ram:AdditionalReferencedDocument',
          leaf('ram:IssuerAssignedID', invoice.tenderOrLotReference),
          leaf('ram:TypeCode', TENDER_TYPE_CODE),
        )
      : undefined,
    objectReference(invoice.invoicedObjectId),
    invoice.projectReference !== undefined
      ? always(
          'ram:SpecifiedProcuringProject',
          leaf('ram:ID', invoice.projectReference),
          leaf('ram:Name', PROJECT_NAME),
        )
      : undefined,
  );
}

function objectReference(id: Identifier | undefined): XmlNode | undefined {
  return (
    id &&
    always(
      'ram:AdditionalReferencedDocument',
      leaf('ram:IssuerAssignedID', id.value),
      leaf('ram:TypeCode', INVOICED_OBJECT_TYPE_CODE),
      leaf('ram:ReferenceTypeCode', id.schemeId),
    )
  );
}

const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9 ]+$/;

/** One SpecifiedTradeSettlementPaymentMeans per BG-17 credit transfer; card and debtor account go in the first. */
function paymentMeans(invoice: Invoice): XmlNode[] {
  const p = invoice.paymentInstructions;
  if (
    !p ||
    (p.typeCode === undefined &&
      p.text === undefined &&
      !p.creditTransfers.length &&
      !p.card &&
      p.directDebit?.debitedAccountId === undefined)
  ) {
    return [];
  }
  const transfers = p.creditTransfers.length ? p.creditTransfers : [undefined];
  return transfers.map((t, i) =>
    always(
      'ram:SpecifiedTradeSettlementPaymentMeans',
      leaf('ram:TypeCode', p.typeCode),
      leaf('ram:Information', p.text),
      i === 0 && p.card
        ? always(
            'ram:ApplicableTradeSettlementFinancialCard',
            leaf('ram:ID', p.card.primaryAccountNumber),
            leaf('ram:CardholderName', p.card.holderName),
          )
        : undefined,
      i === 0
        ? node('ram:PayerPartyDebtorFinancialAccount', leaf('ram:IBANID', p.directDebit?.debitedAccountId))
        : undefined,
      t &&
        always(
          'ram:PayeePartyCreditorFinancialAccount',
          t.accountId !== undefined && IBAN.test(t.accountId) ? leaf('ram:IBANID', t.accountId) : undefined,
          leaf('ram:AccountName', t.accountName),
          t.accountId !== undefined && !IBAN.test(t.accountId)
            ? leaf('ram:ProprietaryID', t.accountId)
            : undefined,
        ),
      t && node('ram:PayeeSpecifiedCreditorFinancialInstitution', leaf('ram:BICID', t.serviceProviderId)),
    ),
  );
}

function documentAllowanceCharge(a: DocumentAllowanceCharge, charge: boolean): XmlNode {
  return always(
    'ram:SpecifiedTradeAllowanceCharge',
    always('ram:ChargeIndicator', leaf('udt:Indicator', String(charge))),
    leaf('ram:CalculationPercent', a.percentage),
    amount('ram:BasisAmount', a.baseAmount),
    amount('ram:ActualAmount', a.amount),
    leaf('ram:ReasonCode', a.reasonCode),
    leaf('ram:Reason', a.reason),
    a.vatCategoryCode !== undefined || a.vatRate !== undefined
      ? always(
          'ram:CategoryTradeTax',
          leaf('ram:TypeCode', VAT_TAX_TYPE),
          leaf('ram:CategoryCode', a.vatCategoryCode),
          leaf('ram:RateApplicablePercent', a.vatRate),
        )
      : undefined,
  );
}

function settlement(invoice: Invoice): XmlNode {
  const { totals, payee: p } = invoice;
  const cur = invoice.currencyCode;
  const terms = node(
    'ram:SpecifiedTradePaymentTerms',
    leaf('ram:Description', invoice.paymentTerms),
    dateTime('ram:DueDateDateTime', invoice.dueDate),
    leaf('ram:DirectDebitMandateID', invoice.paymentInstructions?.directDebit?.mandateReference),
  );
  const preceding = invoice.precedingInvoices[0];
  return always(
    'ram:ApplicableHeaderTradeSettlement',
    leaf('ram:CreditorReferenceID', invoice.paymentInstructions?.directDebit?.creditorId),
    leaf('ram:PaymentReference', invoice.paymentInstructions?.remittanceInformation),
    leaf('ram:TaxCurrencyCode', invoice.vatCurrencyCode),
    leaf('ram:InvoiceCurrencyCode', invoice.currencyCode),
    p &&
      always(
        'ram:PayeeTradeParty',
        partyIds(p.identifier ? [p.identifier] : []),
        leaf('ram:Name', p.name),
        legalOrganization(p.legalRegistrationId),
      ),
    paymentMeans(invoice),
    invoice.vatBreakdowns.map((b, i) => vatBreakdown(invoice, b, i === 0)),
    period(invoice.invoicingPeriod),
    invoice.allowances.map((a) => documentAllowanceCharge(a, false)),
    invoice.charges.map((c) => documentAllowanceCharge(c, true)),
    terms,
    always(
      'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
      amount('ram:LineTotalAmount', totals.lineNetTotal),
      amount('ram:ChargeTotalAmount', totals.chargeTotal),
      amount('ram:AllowanceTotalAmount', totals.allowanceTotal),
      amount('ram:TaxBasisTotalAmount', totals.taxExclusiveAmount),
      totals.vatTotal &&
        leaf('ram:TaxTotalAmount', totals.vatTotal.value, { currencyID: totals.vatTotal.currencyId ?? cur }),
      totals.vatTotalAccountingCurrency &&
        leaf('ram:TaxTotalAmount', totals.vatTotalAccountingCurrency.value, {
          currencyID: totals.vatTotalAccountingCurrency.currencyId ?? invoice.vatCurrencyCode,
        }),
      amount('ram:RoundingAmount', totals.roundingAmount),
      amount('ram:GrandTotalAmount', totals.taxInclusiveAmount),
      amount('ram:TotalPrepaidAmount', totals.paidAmount),
      amount('ram:DuePayableAmount', totals.amountDue),
    ),
    // D16B allows one header InvoiceReferencedDocument: further BG-3 references cannot be carried.
    preceding &&
      always(
        'ram:InvoiceReferencedDocument',
        leaf('ram:IssuerAssignedID', preceding.reference),
        dateTime('ram:FormattedIssueDateTime', preceding.issueDate, 'qdt'),
      ),
    node('ram:ReceivableSpecifiedTradeAccountingAccount', leaf('ram:ID', invoice.buyerAccountingReference)),
  );
}

/**
 * BT-7 and BT-8 are invoice-level terms that CII carries inside a VAT breakdown: only the first one
 * carries them, as CII-SR-461 allows a single TaxPointDate. BT-8 is a UNTDID 2475 code in CII, so a
 * UNTDID 2005 code read from UBL is translated (BR-CL-06).
 */
function vatBreakdown(invoice: Invoice, b: VatBreakdown, first: boolean): XmlNode {
  const pointDate = first ? invoice.vatPointDate : undefined;
  const pointDateCode = first ? invoice.vatPointDateCode : undefined;
  return always(
    'ram:ApplicableTradeTax',
    amount('ram:CalculatedAmount', b.taxAmount),
    leaf('ram:TypeCode', VAT_TAX_TYPE),
    leaf('ram:ExemptionReason', b.exemptionReason),
    amount('ram:BasisAmount', b.taxableAmount),
    leaf('ram:CategoryCode', b.categoryCode),
    leaf('ram:ExemptionReasonCode', b.exemptionReasonCode),
    pointDate !== undefined
      ? always('ram:TaxPointDate', leaf('udt:DateString', toCiiDate(pointDate), { format: DATE_FORMAT }))
      : undefined,
    leaf(
      'ram:DueDateTypeCode',
      pointDateCode && (VAT_POINT_DATE_CODE_FROM_UBL[pointDateCode] ?? pointDateCode),
    ),
    leaf('ram:RateApplicablePercent', b.rate),
  );
}

function lineAllowanceCharge(a: LineAllowanceCharge, charge: boolean): XmlNode {
  return always(
    'ram:SpecifiedTradeAllowanceCharge',
    always('ram:ChargeIndicator', leaf('udt:Indicator', String(charge))),
    leaf('ram:CalculationPercent', a.percentage),
    amount('ram:BasisAmount', a.baseAmount),
    amount('ram:ActualAmount', a.amount),
    leaf('ram:ReasonCode', a.reasonCode),
    leaf('ram:Reason', a.reason),
  );
}

/**
 * BT-149/150 go with the net price (where the binding puts them), or with the gross price when there is
 * no net one. CII requires a gross ChargeAmount beside a discount: when BT-148 is absent it is derived
 * exactly as net price + discount (EN 16931 defines BT-146 as BT-148 minus BT-147).
 */
function prices(p: PriceDetails | undefined): (XmlNode | undefined)[] {
  if (!p) return [];
  const baseOnGross = p.netPrice === undefined;
  const gross =
    p.grossPrice ??
    (p.discount && p.netPrice ? { value: decimalSum([p.netPrice.value, p.discount.value]) } : undefined);
  return [
    p.grossPrice !== undefined || p.discount !== undefined
      ? always(
          'ram:GrossPriceProductTradePrice',
          amount('ram:ChargeAmount', gross),
          baseOnGross ? quantity('ram:BasisQuantity', p.baseQuantity) : undefined,
          p.discount &&
            always(
              'ram:AppliedTradeAllowanceCharge',
              always('ram:ChargeIndicator', leaf('udt:Indicator', 'false')),
              amount('ram:ActualAmount', p.discount),
            ),
        )
      : undefined,
    p.netPrice &&
      always(
        'ram:NetPriceProductTradePrice',
        amount('ram:ChargeAmount', p.netPrice),
        quantity('ram:BasisQuantity', p.baseQuantity),
      ),
  ];
}

function line(l: InvoiceLine): XmlNode {
  const item = l.item;
  return always(
    'ram:IncludedSupplyChainTradeLineItem',
    always(
      'ram:AssociatedDocumentLineDocument',
      leaf('ram:LineID', l.id),
      node('ram:IncludedNote', leaf('ram:Content', l.note)),
    ),
    always(
      'ram:SpecifiedTradeProduct',
      item.standardId && leaf('ram:GlobalID', item.standardId.value, { schemeID: item.standardId.schemeId }),
      leaf('ram:SellerAssignedID', item.sellerId),
      leaf('ram:BuyerAssignedID', item.buyerId),
      leaf('ram:Name', item.name),
      leaf('ram:Description', item.description),
      item.attributes.map((a) =>
        always(
          'ram:ApplicableProductCharacteristic',
          leaf('ram:Description', a.name),
          leaf('ram:Value', a.value),
        ),
      ),
      item.classifications.map((c) =>
        always(
          'ram:DesignatedProductClassification',
          leaf('ram:ClassCode', c.value, { listID: c.listId, listVersionID: c.listVersionId }),
        ),
      ),
      node('ram:OriginTradeCountry', leaf('ram:ID', item.originCountryCode)),
    ),
    always(
      'ram:SpecifiedLineTradeAgreement',
      node('ram:BuyerOrderReferencedDocument', leaf('ram:LineID', l.orderLineReference)),
      prices(l.price),
    ),
    always('ram:SpecifiedLineTradeDelivery', quantity('ram:BilledQuantity', l.quantity)),
    always(
      'ram:SpecifiedLineTradeSettlement',
      when(
        l.vatCategoryCode !== undefined || l.vatRate !== undefined,
        'ram:ApplicableTradeTax',
        leaf('ram:TypeCode', VAT_TAX_TYPE),
        leaf('ram:CategoryCode', l.vatCategoryCode),
        leaf('ram:RateApplicablePercent', l.vatRate),
      ),
      period(l.period),
      l.allowances.map((a) => lineAllowanceCharge(a, false)),
      l.charges.map((c) => lineAllowanceCharge(c, true)),
      always('ram:SpecifiedTradeSettlementLineMonetarySummation', amount('ram:LineTotalAmount', l.netAmount)),
      objectReference(l.objectId),
      node('ram:ReceivableSpecifiedTradeAccountingAccount', leaf('ram:ID', l.buyerAccountingReference)),
    ),
  );
}
