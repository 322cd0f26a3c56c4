import type { Identifier, Invoice } from './model';
import { parseInvoice } from './parse';
import type { XmlLimits } from './xml';

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
  /** Every identifier the party carries, with the business term that carries it: what identification reads. */
  identifiers: PartyIdentifier[];
}

/** One identifier of a party as the invoice writes it, e.g. BT-30 "412345670" scheme 0002. */
export interface PartyIdentifier {
  term: string;
  value: string;
  scheme?: string;
}

/** Reads the identity of UBL 2.1 or CII D16B bytes; throws XmlError or InvoiceFormatError on bad input. */
export function identifyInvoice(bytes: Uint8Array | string, limits?: XmlLimits): InvoiceIdentity {
  const parsed = parseInvoice(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, limits);
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
      ['BT-30', seller?.legalRegistrationId],
      ...(seller?.identifiers ?? []).map((id): Termed => ['BT-29', id]),
      ['BT-31', seller?.vatId ? { value: seller.vatId, schemeId: 'VA' } : undefined],
      ['BT-34', seller?.electronicAddress],
    ]),
    buyer: party(buyer?.name, [
      ['BT-47', buyer?.legalRegistrationId],
      ['BT-46', buyer?.identifier],
      ['BT-48', buyer?.vatId ? { value: buyer.vatId, schemeId: 'VA' } : undefined],
      ['BT-49', buyer?.electronicAddress],
    ]),
    totals: {
      withoutVat: present(totals?.taxExclusiveAmount?.value),
      vat: present(totals?.vatTotal?.value),
      withVat: present(totals?.taxInclusiveAmount?.value),
      amountDue: present(totals?.amountDue?.value),
    },
  };
}

type Termed = [string, Identifier | undefined];

function party(name: string | undefined, candidates: Termed[]): PartyIdentity {
  const identifiers = candidates.flatMap(([term, id]): PartyIdentifier[] => {
    const value = present(id?.value);
    return value ? [{ term, value, ...(present(id?.schemeId) && { scheme: present(id?.schemeId) }) }] : [];
  });
  const chosen = identifiers[0];
  // The VAT number's scheme is ours (VA, as UBL writes it): the routing id shows none, as before.
  const scheme = chosen?.term === 'BT-31' || chosen?.term === 'BT-48' ? undefined : chosen?.scheme;
  return { name: present(name), id: chosen?.value, scheme, identifiers };
}

function present(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}
