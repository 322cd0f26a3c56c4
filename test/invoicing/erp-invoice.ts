import type { Buyer, Invoice } from '../../invoice/model';
import { frenchInvoice } from '../invoice/fixtures/french-invoice';
import { frenchVat, siret } from './french-numbers';

/**
 * The invoice as French ERPs write it: the seller's SIREN in BT-30 (scheme 0002), its SIRET in BT-29
 * (0009) and its VAT number; the buyer as `buyer` says (by default its legal registration as given by
 * the fixture). `change` adjusts the rest.
 */
export function erpInvoice(
  seller: { name: string; siren: string; legalInfo?: string },
  buyer: Partial<Buyer>,
  number: string,
  change: (inv: Invoice) => void = () => undefined,
): Invoice {
  const inv = frenchInvoice();
  inv.number = number;
  inv.paymentInstructions!.remittanceInformation = number;
  inv.seller = {
    ...inv.seller,
    name: seller.name,
    legalRegistrationId: { value: seller.siren, schemeId: '0002' },
    identifiers: [{ value: siret(seller.siren, '0001'), schemeId: '0009' }],
    vatId: frenchVat(seller.siren),
    ...(seller.legalInfo && { additionalLegalInfo: seller.legalInfo }),
  };
  inv.buyer = { ...inv.buyer, ...buyer };
  change(inv);
  return inv;
}
