/**
 * The EN 16931-1 semantic data model of an electronic invoice, one field per business term.
 *
 * Conventions every reader, writer and rule relies on:
 * - Amounts, quantities, prices, rates and percentages are strings holding the exact decimal text as
 *   written in the source (never JS numbers: binary floats cannot hold 0.1). Use invoice/decimal.ts to
 *   compute with them.
 * - A field is `undefined` when its element is absent and `''` when the element is present but empty,
 *   so a rule can tell "missing" from "empty" as the official Schematron does.
 * - Dates are ISO `YYYY-MM-DD` when the source date could be read; otherwise the raw source text is
 *   kept so a rule can report it.
 * - Code attributes of the syntax (currencyID, schemeID, unitCode, listID...) are kept.
 * - Terms the standard allows at most once, but that a bad document repeats, are read from their first
 *   occurrence and counted in `repeated` (keyed by BT/BG id) so rules can count them.
 */

/** Exact decimal text, e.g. "1234.50" or "-3". */
export type DecimalText = string;

/** ISO 8601 calendar date `YYYY-MM-DD` (or the unreadable source text). */
export type DateText = string;

/** An amount with the currency attribute of its element when the syntax carries one (UBL always does). */
export interface Amount {
  value: DecimalText;
  /** currencyID attribute (ISO 4217). */
  currencyId?: string;
}

/** A quantity with its unit (UN/ECE Rec 20 / Rec 21 unit code). */
export interface Quantity {
  value: DecimalText;
  /** unitCode attribute. */
  unitCode?: string;
}

/** An identifier with its identification scheme (ISO 6523 ICD, EAS, or a syntax scheme such as SEPA). */
export interface Identifier {
  value: string;
  /** schemeID attribute. */
  schemeId?: string;
}

/** BG-5 / BG-8 / BG-12 / BG-15 postal address. */
export interface PostalAddress {
  /** BT-35 / BT-50 / BT-64 / BT-75 Address line 1. */
  line1?: string;
  /** BT-36 / BT-51 / BT-65 / BT-76 Address line 2. */
  line2?: string;
  /** BT-162 / BT-163 / BT-164 / BT-165 Address line 3. */
  line3?: string;
  /** BT-37 / BT-52 / BT-66 / BT-77 City. */
  city?: string;
  /** BT-38 / BT-53 / BT-67 / BT-78 Post code. */
  postCode?: string;
  /** BT-39 / BT-54 / BT-68 / BT-79 Country subdivision. */
  countrySubdivision?: string;
  /** BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2). */
  countryCode?: string;
}

/** BG-6 Seller contact / BG-9 Buyer contact. */
export interface Contact {
  /** BT-41 / BT-56 Contact point. */
  name?: string;
  /** BT-42 / BT-57 Contact telephone number. */
  telephone?: string;
  /** BT-43 / BT-58 Contact email address. */
  email?: string;
}

/** BG-4 SELLER. */
export interface Seller {
  /** BT-27 Seller name. */
  name?: string;
  /** BT-28 Seller trading name. */
  tradingName?: string;
  /** BT-29 Seller identifier, with BT-29-1 scheme identifier (0..n). */
  identifiers: Identifier[];
  /** BT-30 Seller legal registration identifier, with BT-30-1 scheme identifier. */
  legalRegistrationId?: Identifier;
  /** BT-31 Seller VAT identifier. */
  vatId?: string;
  /** BT-32 Seller tax registration identifier. */
  taxRegistrationId?: string;
  /** BT-33 Seller additional legal information. */
  additionalLegalInfo?: string;
  /** BT-34 Seller electronic address, with BT-34-1 scheme identifier. */
  electronicAddress?: Identifier;
  /** BG-5 Seller postal address. */
  address?: PostalAddress;
  /** BG-6 Seller contact. */
  contact?: Contact;
}

/** BG-7 BUYER. */
export interface Buyer {
  /** BT-44 Buyer name. */
  name?: string;
  /** BT-45 Buyer trading name. */
  tradingName?: string;
  /** BT-46 Buyer identifier, with BT-46-1 scheme identifier. */
  identifier?: Identifier;
  /** BT-47 Buyer legal registration identifier, with BT-47-1 scheme identifier. */
  legalRegistrationId?: Identifier;
  /** BT-48 Buyer VAT identifier. */
  vatId?: string;
  /** BT-49 Buyer electronic address, with BT-49-1 scheme identifier. */
  electronicAddress?: Identifier;
  /** BG-8 Buyer postal address. */
  address?: PostalAddress;
  /** BG-9 Buyer contact. */
  contact?: Contact;
}

/** BG-10 PAYEE. */
export interface Payee {
  /** BT-59 Payee name. */
  name?: string;
  /** BT-60 Payee identifier, with BT-60-1 scheme identifier. */
  identifier?: Identifier;
  /** BT-61 Payee legal registration identifier, with BT-61-1 scheme identifier. */
  legalRegistrationId?: Identifier;
}

/** BG-11 SELLER TAX REPRESENTATIVE PARTY. */
export interface TaxRepresentative {
  /** BT-62 Seller tax representative name. */
  name?: string;
  /** BT-63 Seller tax representative VAT identifier. */
  vatId?: string;
  /** BG-12 Seller tax representative postal address. */
  address?: PostalAddress;
}

/** BG-13 DELIVERY INFORMATION. */
export interface Delivery {
  /** BT-70 Deliver to party name. */
  name?: string;
  /** BT-71 Deliver to location identifier, with BT-71-1 scheme identifier. */
  locationId?: Identifier;
  /** BT-72 Actual delivery date. */
  actualDeliveryDate?: DateText;
  /** BG-15 DELIVER TO ADDRESS. */
  address?: PostalAddress;
}

/** BG-14 INVOICING PERIOD / BG-26 INVOICE LINE PERIOD. */
export interface Period {
  /** BT-73 / BT-134 start date. */
  startDate?: DateText;
  /** BT-74 / BT-135 end date. */
  endDate?: DateText;
}

/** BG-1 INVOICE NOTE. */
export interface InvoiceNote {
  /** BT-21 Invoice note subject code (UNTDID 4451). */
  subjectCode?: string;
  /** BT-22 Invoice note. */
  text: string;
}

/** BG-3 PRECEDING INVOICE REFERENCE. */
export interface PrecedingInvoice {
  /** BT-25 Preceding Invoice reference. */
  reference: string;
  /** BT-26 Preceding Invoice issue date. */
  issueDate?: DateText;
}

/** BG-17 CREDIT TRANSFER. */
export interface CreditTransfer {
  /** BT-84 Payment account identifier (IBAN or proprietary). */
  accountId?: string;
  /** BT-85 Payment account name. */
  accountName?: string;
  /** BT-86 Payment service provider identifier (BIC). */
  serviceProviderId?: string;
}

/** BG-18 PAYMENT CARD INFORMATION. */
export interface PaymentCard {
  /** BT-87 Payment card primary account number (at most the last 4-6 digits). */
  primaryAccountNumber?: string;
  /** BT-88 Payment card holder name. */
  holderName?: string;
}

/** BG-19 DIRECT DEBIT. */
export interface DirectDebit {
  /** BT-89 Mandate reference identifier. */
  mandateReference?: string;
  /** BT-90 Bank assigned creditor identifier. */
  creditorId?: string;
  /** BT-91 Debited account identifier. */
  debitedAccountId?: string;
}

/** BG-16 PAYMENT INSTRUCTIONS. */
export interface PaymentInstructions {
  /** BT-81 Payment means type code (UNTDID 4461). */
  typeCode?: string;
  /** BT-82 Payment means text. */
  text?: string;
  /** BT-83 Remittance information. */
  remittanceInformation?: string;
  /** BG-17 CREDIT TRANSFER (0..n). */
  creditTransfers: CreditTransfer[];
  /** BG-18 PAYMENT CARD INFORMATION. */
  card?: PaymentCard;
  /** BG-19 DIRECT DEBIT. */
  directDebit?: DirectDebit;
}

/** BG-20 DOCUMENT LEVEL ALLOWANCES / BG-21 DOCUMENT LEVEL CHARGES. */
export interface DocumentAllowanceCharge {
  /** BT-92 / BT-99 Document level allowance / charge amount. */
  amount?: Amount;
  /** BT-93 / BT-100 Document level allowance / charge base amount. */
  baseAmount?: Amount;
  /** BT-94 / BT-101 Document level allowance / charge percentage. */
  percentage?: DecimalText;
  /** BT-95 / BT-102 Document level allowance / charge VAT category code (UNCL 5305). */
  vatCategoryCode?: string;
  /** BT-96 / BT-103 Document level allowance / charge VAT rate. */
  vatRate?: DecimalText;
  /** BT-97 / BT-104 Document level allowance / charge reason. */
  reason?: string;
  /** BT-98 / BT-105 Document level allowance / charge reason code (UNCL 5189 / UNCL 7161). */
  reasonCode?: string;
}

/** BG-22 DOCUMENT TOTALS. */
export interface DocumentTotals {
  /** BT-106 Sum of Invoice line net amount. */
  lineNetTotal?: Amount;
  /** BT-107 Sum of allowances on document level. */
  allowanceTotal?: Amount;
  /** BT-108 Sum of charges on document level. */
  chargeTotal?: Amount;
  /** BT-109 Invoice total amount without VAT. */
  taxExclusiveAmount?: Amount;
  /** BT-110 Invoice total VAT amount (in the invoice currency BT-5). */
  vatTotal?: Amount;
  /** BT-111 Invoice total VAT amount in accounting currency (BT-6). */
  vatTotalAccountingCurrency?: Amount;
  /** BT-112 Invoice total amount with VAT. */
  taxInclusiveAmount?: Amount;
  /** BT-113 Paid amount. */
  paidAmount?: Amount;
  /** BT-114 Rounding amount. */
  roundingAmount?: Amount;
  /** BT-115 Amount due for payment. */
  amountDue?: Amount;
}

/** BG-23 VAT BREAKDOWN. */
export interface VatBreakdown {
  /** BT-116 VAT category taxable amount. */
  taxableAmount?: Amount;
  /** BT-117 VAT category tax amount. */
  taxAmount?: Amount;
  /** BT-118 VAT category code (UNCL 5305 subset: S, Z, E, AE, K, G, O, L, M). */
  categoryCode?: string;
  /** BT-119 VAT category rate. */
  rate?: DecimalText;
  /** BT-120 VAT exemption reason text. */
  exemptionReason?: string;
  /** BT-121 VAT exemption reason code (VATEX). */
  exemptionReasonCode?: string;
}

/** BT-125 Attached document: the reader keeps base64; a caller may move the bytes to a blob store and keep a ref. */
export interface AttachedBinary {
  /** Reference to the bytes in the blob store, when the caller moved them there. */
  blobRef?: string;
  /** BT-125-1 Attached document Mime code. */
  mimeCode?: string;
  /** BT-125-2 Attached document Filename. */
  filename?: string;
  /** The bytes, base64 as in the source document. */
  base64?: string;
}

/** BG-24 ADDITIONAL SUPPORTING DOCUMENTS. */
export interface SupportingDocument {
  /** BT-122 Supporting document reference. */
  reference: string;
  /** BT-123 Supporting document description. */
  description?: string;
  /** BT-124 External document location (URI). */
  externalUri?: string;
  /** BT-125 Attached document. */
  attachment?: AttachedBinary;
}

/** BG-27 INVOICE LINE ALLOWANCES / BG-28 INVOICE LINE CHARGES. */
export interface LineAllowanceCharge {
  /** BT-136 / BT-141 Invoice line allowance / charge amount. */
  amount?: Amount;
  /** BT-137 / BT-142 Invoice line allowance / charge base amount. */
  baseAmount?: Amount;
  /** BT-138 / BT-143 Invoice line allowance / charge percentage. */
  percentage?: DecimalText;
  /** BT-139 / BT-144 Invoice line allowance / charge reason. */
  reason?: string;
  /** BT-140 / BT-145 Invoice line allowance / charge reason code. */
  reasonCode?: string;
}

/** BG-29 PRICE DETAILS. */
export interface PriceDetails {
  /** BT-146 Item net price. */
  netPrice?: Amount;
  /** BT-147 Item price discount. */
  discount?: Amount;
  /** BT-148 Item gross price. */
  grossPrice?: Amount;
  /** BT-149 Item price base quantity, with BT-150 Item price base quantity unit of measure code. */
  baseQuantity?: Quantity;
}

/** BT-158 Item classification identifier with BT-158-1 scheme and BT-158-2 scheme version. */
export interface ItemClassification {
  value: string;
  /** BT-158-1 Scheme identifier (listID, UNTDID 7143). */
  listId?: string;
  /** BT-158-2 Scheme version identifier (listVersionID). */
  listVersionId?: string;
}

/** BG-32 ITEM ATTRIBUTES. */
export interface ItemAttribute {
  /** BT-160 Item attribute name. */
  name: string;
  /** BT-161 Item attribute value. */
  value: string;
}

/** BG-31 ITEM INFORMATION. */
export interface Item {
  /** BT-153 Item name. */
  name?: string;
  /** BT-154 Item description. */
  description?: string;
  /** BT-155 Item Seller's identifier. */
  sellerId?: string;
  /** BT-156 Item Buyer's identifier. */
  buyerId?: string;
  /** BT-157 Item standard identifier, with BT-157-1 scheme identifier. */
  standardId?: Identifier;
  /** BT-158 Item classification identifiers (0..n). */
  classifications: ItemClassification[];
  /** BT-159 Item country of origin. */
  originCountryCode?: string;
  /** BG-32 ITEM ATTRIBUTES (0..n). */
  attributes: ItemAttribute[];
}

/** BG-25 INVOICE LINE. */
export interface InvoiceLine {
  /** BT-126 Invoice line identifier. */
  id: string;
  /** BT-127 Invoice line note. */
  note?: string;
  /** BT-128 Invoice line object identifier, with BT-128-1 scheme identifier. */
  objectId?: Identifier;
  /** BT-129 Invoiced quantity, with BT-130 Invoiced quantity unit of measure code. */
  quantity?: Quantity;
  /** BT-131 Invoice line net amount. */
  netAmount?: Amount;
  /** BT-132 Referenced purchase order line reference. */
  orderLineReference?: string;
  /** BT-133 Invoice line Buyer accounting reference. */
  buyerAccountingReference?: string;
  /** BG-26 INVOICE LINE PERIOD. */
  period?: Period;
  /** BG-27 INVOICE LINE ALLOWANCES. */
  allowances: LineAllowanceCharge[];
  /** BG-28 INVOICE LINE CHARGES. */
  charges: LineAllowanceCharge[];
  /** BG-29 PRICE DETAILS. */
  price?: PriceDetails;
  /** BT-151 Invoiced item VAT category code (BG-30 LINE VAT INFORMATION). */
  vatCategoryCode?: string;
  /** BT-152 Invoiced item VAT rate (BG-30 LINE VAT INFORMATION). */
  vatRate?: DecimalText;
  /** BG-31 ITEM INFORMATION. */
  item: Item;
  /** Terms of this line found more often than allowed, with their count (see module comment). */
  repeated?: Record<string, number>;
}

/** UNTDID 1001 codes that make a document a credit note (written as UBL CreditNote). */
export const CREDIT_NOTE_TYPE_CODES = [
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
];

/** An EN 16931 invoice or credit note (the type code BT-3 tells which). */
export interface Invoice {
  /** BT-1 Invoice number. */
  number: string;
  /** BT-2 Invoice issue date. */
  issueDate: DateText;
  /** BT-3 Invoice type code (UNTDID 1001: 380 invoice, 381 credit note, 384 corrective, 389 self-billed...). */
  typeCode: string;
  /** BT-5 Invoice currency code (ISO 4217). */
  currencyCode: string;
  /** BT-6 VAT accounting currency code. */
  vatCurrencyCode?: string;
  /** BT-7 Value added tax point date. */
  vatPointDate?: DateText;
  /** BT-8 Value added tax point date code (UNTDID 2005 in UBL, 2475 in CII: 3/35/432 vs 5/29/72). */
  vatPointDateCode?: string;
  /** BT-9 Payment due date. */
  dueDate?: DateText;
  /** BT-10 Buyer reference; on the platform, the recipient's service code (codeServiceExecutant). */
  buyerReference?: string;
  /** BT-11 Project reference. */
  projectReference?: string;
  /** BT-12 Contract reference (numeroMarche). */
  contractReference?: string;
  /** BT-13 Purchase order reference; on the platform, the engagement number (numéro d'engagement juridique, EJ). */
  purchaseOrderReference?: string;
  /** BT-14 Sales order reference. */
  salesOrderReference?: string;
  /** BT-15 Receiving advice reference. */
  receivingAdviceReference?: string;
  /** BT-16 Despatching advice reference. */
  despatchAdviceReference?: string;
  /** BT-17 Tender or lot reference. */
  tenderOrLotReference?: string;
  /** BT-18 Invoiced object identifier, with BT-18-1 scheme identifier. */
  invoicedObjectId?: Identifier;
  /** BT-19 Buyer accounting reference. */
  buyerAccountingReference?: string;
  /** BT-20 Payment terms. */
  paymentTerms?: string;
  /** BG-1 INVOICE NOTE (0..n). */
  notes: InvoiceNote[];
  /** BT-23 Business process type (BG-2 PROCESS CONTROL). */
  businessProcessType?: string;
  /** BT-24 Specification identifier (BG-2 PROCESS CONTROL), e.g. urn:cen.eu:en16931:2017. */
  specificationId: string;
  /** BG-3 PRECEDING INVOICE REFERENCE (0..n). */
  precedingInvoices: PrecedingInvoice[];
  /** BG-4 SELLER. */
  seller: Seller;
  /** BG-7 BUYER. */
  buyer: Buyer;
  /** BG-10 PAYEE. */
  payee?: Payee;
  /** BG-11 SELLER TAX REPRESENTATIVE PARTY. */
  taxRepresentative?: TaxRepresentative;
  /** BG-13 DELIVERY INFORMATION. */
  delivery?: Delivery;
  /** BG-14 INVOICING PERIOD (part of BG-13 in the standard; both syntaxes carry it apart from delivery). */
  invoicingPeriod?: Period;
  /** BG-16 PAYMENT INSTRUCTIONS. */
  paymentInstructions?: PaymentInstructions;
  /** BG-20 DOCUMENT LEVEL ALLOWANCES (0..n). */
  allowances: DocumentAllowanceCharge[];
  /** BG-21 DOCUMENT LEVEL CHARGES (0..n). */
  charges: DocumentAllowanceCharge[];
  /** BG-22 DOCUMENT TOTALS. */
  totals: DocumentTotals;
  /** BG-23 VAT BREAKDOWN (1..n in a valid invoice). */
  vatBreakdowns: VatBreakdown[];
  /** BG-24 ADDITIONAL SUPPORTING DOCUMENTS (0..n). */
  supportingDocuments: SupportingDocument[];
  /** BG-25 INVOICE LINE (1..n in a valid invoice). */
  lines: InvoiceLine[];
  /**
   * Chorus Pro cadre de facturation (codeCadreFacturation, e.g. A1_FACTURE_FOURNISSEUR). Not an EN 16931
   * term: it comes with the platform's API deposit, never from a UBL/CII document, so readers leave it
   * undefined and writers do not emit it.
   */
  cadreDeFacturation?: string;
  /** Terms found more often than the standard allows, with their count (see module comment). */
  repeated?: Record<string, number>;
}

/** True when the type code makes this document a credit note. */
export function isCreditNote(invoice: Pick<Invoice, 'typeCode'>): boolean {
  return CREDIT_NOTE_TYPE_CODES.includes(invoice.typeCode);
}
