import type { Identifier, Invoice } from './model';
import { parseInvoice } from './parse';

/**
 * The few facts needed to file and route a deposited invoice — who sent it, to whom, its number,
 * date and totals — taken from the EN 16931 model the readers build.
 */
export interface InvoiceIdentity {
  syntax: 'ubl' | 'cii';
  /** BT-1 */
  number?: string;
  /** BT-2, ISO date YYYY-MM-DD when readable */
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

/** Reads the identity of UBL 2.1 or CII D16B bytes; throws XmlError or InvoiceFormatError on bad input. */
export function identifyInvoice(bytes: Uint8Array | string): InvoiceIdentity {
  const parsed = parseInvoice(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  return identityOf(parsed.invoice, parsed.format === 'cii' ? 'cii' : 'ubl');
}

export function identityOf(invoice: Invoice, syntax: 'ubl' | 'cii'): InvoiceIdentity {
  const { seller, buyer, totals } = invoice;
  return {
    syntax,
    number: present(invoice.number),
    issueDate: present(invoice.issueDate),
    typeCode: present(invoice.typeCode),
    currency: present(invoice.currencyCode),
    buyerReference: present(invoice.buyerReference),
    purchaseOrderReference: present(invoice.purchaseOrderReference),
    seller: party(seller?.name, [
      seller?.legalRegistrationId,
      ...(seller?.identifiers ?? []),
      seller?.vatId ? { value: seller.vatId } : undefined,
      seller?.electronicAddress,
    ]),
    buyer: party(buyer?.name, [
      buyer?.legalRegistrationId,
      buyer?.identifier,
      buyer?.vatId ? { value: buyer.vatId } : undefined,
      buyer?.electronicAddress,
    ]),
    totals: {
      withoutVat: present(totals?.taxExclusiveAmount?.value),
      vat: present(totals?.vatTotal?.value),
      withVat: present(totals?.taxInclusiveAmount?.value),
      amountDue: present(totals?.amountDue?.value),
    },
  };
}

function party(name: string | undefined, candidates: (Identifier | undefined)[]): PartyIdentity {
  const chosen = candidates.find((c) => c && c.value.trim() !== '');
  return { name: present(name), id: chosen?.value.trim(), scheme: present(chosen?.schemeId) };
}

function present(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}
