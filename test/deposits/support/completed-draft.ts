import type { Invoice } from '../../../invoice/model';

/**
 * The form as a supplier completes a pre-filled draft: one line, 20 % VAT, EUR, an engagement
 * number, and the buyer's service code when one is given.
 */
export function completedDraft(prefilled: Invoice, number: string, serviceCode?: string): Invoice {
  const eur = (value: string) => ({ value, currencyId: 'EUR' });
  return {
    ...prefilled,
    number,
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    ...(serviceCode !== undefined && { buyerReference: serviceCode }),
    purchaseOrderReference: 'EJ-2026-0042',
    seller: { ...prefilled.seller, vatId: 'FR44732829320' },
    lines: [
      {
        id: '1',
        quantity: { value: '3', unitCode: 'HUR' },
        netAmount: eur('360.00'),
        price: { netPrice: eur('120.00') },
        vatCategoryCode: 'S',
        vatRate: '20',
        item: { name: 'Entretien des espaces verts', classifications: [], attributes: [] },
        allowances: [],
        charges: [],
      },
    ],
    vatBreakdowns: [{ categoryCode: 'S', rate: '20', taxableAmount: eur('360.00'), taxAmount: eur('72.00') }],
    totals: {
      lineNetTotal: eur('360.00'),
      taxExclusiveAmount: eur('360.00'),
      vatTotal: eur('72.00'),
      taxInclusiveAmount: eur('432.00'),
      amountDue: eur('432.00'),
    },
  };
}
