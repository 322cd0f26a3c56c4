import { at, child, children, parseXml, textAt, XmlElement, XmlError } from './xml';

/**
 * The few facts needed to file and route a deposited invoice, read straight from its XML: who sent
 * it, to whom, its number and date, and its totals. The full EN 16931 reading lives in the readers;
 * this stays small because it runs on every deposit before anything else.
 */
export interface InvoiceIdentity {
  syntax: 'ubl' | 'cii';
  /** BT-1 */
  number?: string;
  /** BT-2, ISO date YYYY-MM-DD */
  issueDate?: string;
  /** BT-3 */
  typeCode?: string;
  /** BT-5 */
  currency?: string;
  /** BT-10, the recipient's service code on the platform */
  buyerReference?: string;
  /** BT-13, the engagement number */
  purchaseOrderReference?: string;
  seller: PartyIdentity;
  buyer: PartyIdentity;
  totals: {
    /** BT-109 */
    withoutVat?: string;
    /** BT-110 */
    vat?: string;
    /** BT-112 */
    withVat?: string;
    /** BT-115 */
    amountDue?: string;
  };
}

export interface PartyIdentity {
  name?: string;
  /** The identifier used for routing: legal registration (BT-30/47), else party id (BT-29/46), else VAT (BT-31/48), else endpoint (BT-34/49). */
  id?: string;
  /** Scheme of that identifier when given (0002 SIREN, 0009 SIRET, ...). */
  scheme?: string;
}

export class NotAnInvoiceError extends Error {
  readonly code = 'NOT_AN_INVOICE';
  constructor(message: string) {
    super(message);
    this.name = 'NotAnInvoiceError';
  }
}

const UBL_INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const UBL_CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
const CII = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

/** Reads the identity of a UBL 2.1 or CII D16B invoice; throws XmlError or NotAnInvoiceError. */
export function identifyInvoice(bytes: Uint8Array | string): InvoiceIdentity {
  const root = parseXml(bytes);
  if (
    (root.ns === UBL_INVOICE && root.name === 'Invoice') ||
    (root.ns === UBL_CREDIT_NOTE && root.name === 'CreditNote')
  ) {
    return identifyUbl(root);
  }
  if (root.ns === CII && root.name === 'CrossIndustryInvoice') return identifyCii(root);
  throw new NotAnInvoiceError(
    `root element {${root.ns}}${root.name} is neither a UBL 2.1 Invoice/CreditNote nor a CII D16B CrossIndustryInvoice`,
  );
}

function identifyUbl(root: XmlElement): InvoiceIdentity {
  const party = (role: string): PartyIdentity => {
    const p = at(root, role, 'Party');
    const legal = at(p, 'PartyLegalEntity', 'CompanyID');
    const partyId = at(p, 'PartyIdentification', 'ID');
    const vat = children(p, 'PartyTaxScheme')
      .map((s) => child(s, 'CompanyID'))
      .find(Boolean);
    const endpoint = child(p, 'EndpointID');
    const chosen = [legal, partyId, vat, endpoint].find((e) => e && e.text.trim() !== '');
    return {
      name: textAt(p, 'PartyLegalEntity', 'RegistrationName') ?? textAt(p, 'PartyName', 'Name'),
      id: chosen?.text.trim(),
      scheme: chosen?.attrs.schemeID,
    };
  };
  const totals = child(root, 'LegalMonetaryTotal');
  const currency = textAt(root, 'DocumentCurrencyCode');
  const vatTotal = children(root, 'TaxTotal')
    .map((t) => child(t, 'TaxAmount'))
    .find((a) => a && (!currency || a.attrs.currencyID === currency));
  return {
    syntax: 'ubl',
    number: textAt(root, 'ID'),
    issueDate: textAt(root, 'IssueDate'),
    typeCode: textAt(root, root.name === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode'),
    currency,
    buyerReference: textAt(root, 'BuyerReference'),
    purchaseOrderReference: textAt(root, 'OrderReference', 'ID'),
    seller: party('AccountingSupplierParty'),
    buyer: party('AccountingCustomerParty'),
    totals: {
      withoutVat: textAt(totals, 'TaxExclusiveAmount'),
      vat: vatTotal?.text.trim(),
      withVat: textAt(totals, 'TaxInclusiveAmount'),
      amountDue: textAt(totals, 'PayableAmount'),
    },
  };
}

function identifyCii(root: XmlElement): InvoiceIdentity {
  const doc = child(root, 'ExchangedDocument');
  const tx = child(root, 'SupplyChainTradeTransaction');
  const agreement = child(tx, 'ApplicableHeaderTradeAgreement');
  const settlement = child(tx, 'ApplicableHeaderTradeSettlement');
  const party = (role: string): PartyIdentity => {
    const p = child(agreement, role);
    const legal = at(p, 'SpecifiedLegalOrganization', 'ID');
    const partyId = child(p, 'ID') ?? child(p, 'GlobalID');
    const vat = children(p, 'SpecifiedTaxRegistration')
      .map((r) => child(r, 'ID'))
      .find((e) => e?.attrs.schemeID === 'VA');
    const endpoint = at(p, 'URIUniversalCommunication', 'URIID');
    const chosen = [legal, partyId, vat, endpoint].find((e) => e && e.text.trim() !== '');
    return { name: textAt(p, 'Name'), id: chosen?.text.trim(), scheme: chosen?.attrs.schemeID };
  };
  const sums = child(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const currency = textAt(settlement, 'InvoiceCurrencyCode');
  const vatTotal = children(sums, 'TaxTotalAmount').find((a) => !currency || a.attrs.currencyID === currency);
  const rawDate = textAt(doc, 'IssueDateTime', 'DateTimeString');
  return {
    syntax: 'cii',
    number: textAt(doc, 'ID'),
    issueDate:
      rawDate && /^\d{8}$/.test(rawDate)
        ? `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6, 8)}`
        : rawDate,
    typeCode: textAt(doc, 'TypeCode'),
    currency,
    buyerReference: textAt(agreement, 'BuyerReference'),
    purchaseOrderReference: textAt(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID'),
    seller: party('SellerTradeParty'),
    buyer: party('BuyerTradeParty'),
    totals: {
      withoutVat: textAt(sums, 'TaxBasisTotalAmount'),
      vat: vatTotal?.text.trim(),
      withVat: textAt(sums, 'GrandTotalAmount'),
      amountDue: textAt(sums, 'DuePayableAmount'),
    },
  };
}

export { XmlError };
