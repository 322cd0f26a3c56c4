import type { Invoice, PostalAddress } from '../../invoice/model';
import type { PdfInvoiceFacts } from './pdf-prefill';

/** ISO 6523 ICD of the SIRET, the identifier the platform routes French invoices by. */
const SIRET_SCHEME = '0009';

/** What a draft is pre-filled from: a structure of the platform (the supplier's own, or a recipient). */
export interface StructureFacts {
  identifierType: string;
  identifier: string;
  name?: string;
  vatNumber?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
}

/** An empty invoice in the canonical model: valid against invoiceSchema, so it can be saved as is. */
export function blankInvoice(today: string): Invoice {
  return {
    number: '',
    issueDate: today,
    typeCode: '380',
    currencyCode: 'EUR',
    specificationId: 'urn:cen.eu:en16931:2017',
    notes: [],
    precedingInvoices: [],
    seller: { identifiers: [] },
    buyer: {},
    allowances: [],
    charges: [],
    totals: {},
    vatBreakdowns: [],
    supportingDocuments: [],
    lines: [],
  };
}

/** A party's name, legal registration (BT-30 / BT-47), VAT number and address from a structure. */
function partyFacts(party: Invoice['seller'] | Invoice['buyer'], s: StructureFacts) {
  return {
    name: s.name ?? party.name,
    legalRegistrationId: {
      value: s.identifier,
      ...(s.identifierType === 'SIRET' ? { schemeId: SIRET_SCHEME } : {}),
    },
    vatId: s.vatNumber ?? party.vatId,
    address: address(s) ?? party.address,
  };
}

/** The supplier's identity, address and bank account, as its fiche structure holds them. */
export function withSeller(
  invoice: Invoice,
  s: StructureFacts,
  iban?: { iban: string; bic: string },
): Invoice {
  return {
    ...invoice,
    seller: { ...invoice.seller, ...partyFacts(invoice.seller, s) },
    ...(iban && {
      paymentInstructions: {
        typeCode: '30',
        creditTransfers: [{ accountId: iban.iban, serviceProviderId: iban.bic }],
      },
    }),
  };
}

/** The recipient's identity and address from the platform's directory of structures. */
export function withBuyer(invoice: Invoice, s: StructureFacts): Invoice {
  return {
    ...invoice,
    buyer: { ...invoice.buyer, ...partyFacts(invoice.buyer, s) },
  };
}

/** What a plain PDF said, over the blank or structure-filled draft (the PDF is the supplier's word). */
export function withPdfFacts(invoice: Invoice, f: PdfInvoiceFacts): Invoice {
  const currencyId = invoice.currencyCode;
  const money = (value?: string) => (value === undefined ? undefined : { value, currencyId });
  const sellerId = f.sellerSiret
    ? { value: f.sellerSiret, schemeId: SIRET_SCHEME }
    : invoice.seller.legalRegistrationId;
  const buyerId = f.buyerSiret
    ? { value: f.buyerSiret, schemeId: SIRET_SCHEME }
    : invoice.buyer.legalRegistrationId;
  const totals = {
    ...invoice.totals,
    ...defined({
      taxExclusiveAmount: money(f.totals.withoutVat),
      vatTotal: money(f.totals.vat),
      taxInclusiveAmount: money(f.totals.withVat),
      amountDue: money(f.totals.amountDue),
    }),
  };
  return {
    ...invoice,
    ...defined({
      number: f.number,
      issueDate: f.issueDate,
      dueDate: f.dueDate,
      purchaseOrderReference: f.engagementNumber,
      buyerReference: f.serviceCode,
    }),
    seller: { ...invoice.seller, ...defined({ legalRegistrationId: sellerId, vatId: f.sellerVatId }) },
    buyer: { ...invoice.buyer, ...defined({ legalRegistrationId: buyerId, vatId: f.buyerVatId }) },
    totals,
    vatBreakdowns:
      f.vat.length > 0
        ? f.vat.map((v) => ({
            rate: v.rate,
            categoryCode: 'S',
            taxableAmount: money(v.taxableAmount),
            taxAmount: money(v.taxAmount),
          }))
        : invoice.vatBreakdowns,
    ...(f.iban && {
      paymentInstructions: { typeCode: '30', creditTransfers: [{ accountId: f.iban }] },
    }),
  };
}

function address(s: StructureFacts): PostalAddress | undefined {
  if (!s.street && !s.city && !s.postalCode) return undefined;
  return defined({ line1: s.street, postCode: s.postalCode, city: s.city, countryCode: s.countryCode });
}

/** The object without its undefined properties, so a spread never erases a known value. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
