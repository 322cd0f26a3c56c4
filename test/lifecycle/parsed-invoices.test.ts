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

  it('keeps models up to a number of invoice lines, forgetting the least recent, and none larger than that', async () => {
    const withLines = (n: number) => {
      const invoice = frenchInvoice();
      const [line] = invoice.lines;
      return { ...invoice, lines: Array.from({ length: n }, (_, i) => ({ ...line, id: String(i + 1) })) };
    };
    const unreadable = Buffer.from('not an invoice');
    const parsed = createParsedInvoices(64, 10);
    parsed.remember('1'.repeat(64), withLines(4));
    parsed.remember('2'.repeat(64), withLines(4));
    // 4 + 4 + 4 lines are more than 10: the first is forgotten, the two others kept.
    parsed.remember('3'.repeat(64), withLines(4));
    await expect(parsed.get('1'.repeat(64), unreadable)).rejects.toThrow();
    expect((await parsed.get('2'.repeat(64), unreadable)).lines).toHaveLength(4);
    expect((await parsed.get('3'.repeat(64), unreadable)).lines).toHaveLength(4);
    // An invoice of more lines than the whole budget is not kept, and pushes nothing out.
    parsed.remember('4'.repeat(64), withLines(11));
    await expect(parsed.get('4'.repeat(64), unreadable)).rejects.toThrow();
    expect((await parsed.get('2'.repeat(64), unreadable)).lines).toHaveLength(4);
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
