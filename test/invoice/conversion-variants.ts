import type { Invoice, InvoiceLine, VatBreakdown } from '../../invoice/model';

/**
 * Generated invoices for what the official examples do not exercise: several VAT rates with a VAT point
 * date, several payment accounts with a payment means text, several preceding invoices, credit notes,
 * a foreign currency with a VAT accounting currency, a VAT point date code. Each is a complete, valid
 * EN 16931 invoice (totals computed here in cents), so a conversion must keep it valid.
 */
export interface VariantSpec {
  name: string;
  rates: string[];
  typeCode?: string;
  currency?: string;
  /** BT-6 with BT-111 (the accounting-currency VAT total is the invoice one times `rate`). */
  vatCurrency?: { code: string; rate: number };
  vatPointDate?: string;
  vatPointDateCode?: string;
  accounts?: number;
  precedingInvoices?: number;
  paymentText?: string;
}

export const VARIANTS: VariantSpec[] = [
  { name: 'three VAT rates with a VAT point date', rates: ['20', '10', '5.5'], vatPointDate: '2026-03-31' },
  {
    name: 'two accounts with a payment means text',
    rates: ['20'],
    accounts: 2,
    paymentText: 'Virement SEPA',
  },
  { name: 'two preceding invoices', rates: ['20', '10'], precedingInvoices: 2, typeCode: '384' },
  {
    name: 'credit note with three preceding invoices',
    rates: ['20', '5.5'],
    typeCode: '381',
    precedingInvoices: 3,
  },
  {
    name: 'USD invoice with VAT accounted in EUR',
    rates: ['20', '10'],
    currency: 'USD',
    vatCurrency: { code: 'EUR', rate: 0.9 },
  },
  { name: 'VAT point date code: invoice date', rates: ['20'], vatPointDateCode: '3' },
  { name: 'VAT point date code: delivery date', rates: ['20', '10'], vatPointDateCode: '35' },
  { name: 'VAT point date code: payment date (CII code)', rates: ['20'], vatPointDateCode: '72' },
  {
    name: 'everything at once',
    rates: ['20', '10', '5.5', '2.1'],
    vatPointDate: '2026-03-15',
    accounts: 3,
    paymentText: 'Virement',
    precedingInvoices: 2,
    currency: 'GBP',
    vatCurrency: { code: 'EUR', rate: 1.17 },
  },
];

const cents = (n: number) => (n / 100).toFixed(2);

export function variantInvoice(spec: VariantSpec): Invoice {
  const currency = spec.currency ?? 'EUR';
  const lines: InvoiceLine[] = spec.rates.map((rate, i) => {
    const quantity = i + 2;
    const priceCents = 1250 * (i + 1);
    return {
      id: String(i + 1),
      quantity: { value: String(quantity), unitCode: 'C62' },
      netAmount: { value: cents(quantity * priceCents) },
      allowances: [],
      charges: [],
      price: { netPrice: { value: cents(priceCents) } },
      vatCategoryCode: 'S',
      vatRate: rate,
      item: { name: `Article ${i + 1}`, classifications: [], attributes: [] },
    };
  });
  const breakdowns: VatBreakdown[] = spec.rates.map((rate, i) => {
    const base = (i + 2) * 1250 * (i + 1);
    return {
      taxableAmount: { value: cents(base) },
      taxAmount: { value: cents(Math.round((base * Number(rate)) / 100)) },
      categoryCode: 'S',
      rate,
    };
  });
  const net = spec.rates.reduce((sum, _, i) => sum + (i + 2) * 1250 * (i + 1), 0);
  const vat = breakdowns.reduce((sum, b) => sum + Math.round(Number(b.taxAmount!.value) * 100), 0);
  const invoice: Invoice = {
    number: `GEN-${spec.name.replace(/\W+/g, '-').toUpperCase()}`.slice(0, 40),
    issueDate: '2026-04-02',
    typeCode: spec.typeCode ?? '380',
    currencyCode: currency,
    dueDate: '2026-05-02',
    buyerReference: 'SERVICE-42',
    purchaseOrderReference: 'EJ-2026-0001',
    notes: [{ text: 'Facture générée pour les essais de conversion.' }],
    specificationId: 'urn:cen.eu:en16931:2017',
    precedingInvoices: Array.from({ length: spec.precedingInvoices ?? 0 }, (_, i) => ({
      reference: `F-2025-${String(i + 1).padStart(4, '0')}`,
      issueDate: `2025-1${i % 3}-15`,
    })),
    seller: {
      name: 'Fournisseur Exemple SAS',
      identifiers: [],
      legalRegistrationId: { value: '732829320', schemeId: '0002' },
      vatId: 'FR40732829320',
      electronicAddress: { value: '73282932000074', schemeId: '0009' },
      address: { line1: '1 rue de la Paix', city: 'Paris', postCode: '75002', countryCode: 'FR' },
    },
    buyer: {
      name: 'Commune Exemple',
      electronicAddress: { value: '21750001600019', schemeId: '0009' },
      address: { city: 'Lyon', postCode: '69001', countryCode: 'FR' },
    },
    paymentInstructions: {
      typeCode: '58',
      text: spec.paymentText,
      remittanceInformation: 'REF-PAIEMENT-1',
      creditTransfers: Array.from({ length: spec.accounts ?? 1 }, (_, i) => ({
        accountId: ['FR7630006000011234567890189', 'DE89370400440532013000', 'NL91ABNA0417164300'][i % 3],
        accountName: `Compte ${i + 1}`,
      })),
    },
    allowances: [],
    charges: [],
    totals: {
      lineNetTotal: { value: cents(net) },
      taxExclusiveAmount: { value: cents(net) },
      vatTotal: { value: cents(vat), currencyId: currency },
      taxInclusiveAmount: { value: cents(net + vat) },
      amountDue: { value: cents(net + vat) },
    },
    vatBreakdowns: breakdowns,
    supportingDocuments: [],
    lines,
  };
  if (spec.vatPointDate) invoice.vatPointDate = spec.vatPointDate;
  if (spec.vatPointDateCode) {
    invoice.vatPointDateCode = spec.vatPointDateCode;
    invoice.invoicingPeriod = { startDate: '2026-03-01', endDate: '2026-03-31' };
  }
  if (!spec.paymentText) delete invoice.paymentInstructions!.text;
  if (spec.vatCurrency) {
    invoice.vatCurrencyCode = spec.vatCurrency.code;
    invoice.totals.vatTotalAccountingCurrency = {
      value: cents(Math.round(vat * spec.vatCurrency.rate)),
      currencyId: spec.vatCurrency.code,
    };
  }
  return invoice;
}
