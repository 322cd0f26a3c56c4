import { toUbl } from '../../invoice/ubl/write';
import { createParsedInvoices } from '../../invoicing/parsed-invoices';
import { renderAs } from '../../invoicing/lifecycle/renditions';
import { frenchInvoice } from '../invoice/fixtures/french-invoice';

describe('parsed invoices: one parse per deposit for the checks and the rendering', () => {
  const deposited = Buffer.from(toUbl(frenchInvoice()));
  const sha = 'a'.repeat(64);

  it('hands the rendering the model the checks remembered, without parsing the file again', async () => {
    const parsed = createParsedInvoices();
    const model = frenchInvoice();
    parsed.remember(sha, model);
    // Bytes that cannot be parsed prove the remembered model is used.
    expect(await parsed.get(sha, Buffer.from('not an invoice'))).toBe(model);
  });

  it('parses the file on a miss (another worker, a restart), then keeps the model', async () => {
    const parsed = createParsedInvoices();
    const model = await parsed.get(sha, deposited);
    expect(model.number).toBe(frenchInvoice().number);
    expect(await parsed.get(sha, Buffer.from('not an invoice'))).toBe(model);
  });

  it('forgets the least recently remembered model beyond its capacity', async () => {
    const parsed = createParsedInvoices(2);
    parsed.remember('1'.repeat(64), frenchInvoice());
    parsed.remember('2'.repeat(64), frenchInvoice());
    parsed.remember('3'.repeat(64), frenchInvoice());
    await expect(parsed.get('1'.repeat(64), Buffer.from('not an invoice'))).rejects.toThrow();
  });

  it('renders from a given model the same bytes as from the file', async () => {
    const date = new Date('2026-11-02T08:00:00Z');
    const fromFile = await renderAs(deposited, 'cii', date);
    const fromModel = await renderAs(
      deposited,
      'cii',
      date,
      await createParsedInvoices().get(sha, deposited),
    );
    expect(Buffer.from(fromModel.bytes)).toEqual(Buffer.from(fromFile.bytes));
  });
});
