import { PDFDocument, PDFName } from 'pdf-lib';
import { toPdf } from '../../invoice/pdf';
import { formatAmount, formatIban, formatNumber, formatQuantity, formatRate } from '../../invoice/pdf/format';
import { frenchInvoice, longInvoice } from './fixtures/french-invoice';
import { fontProblems, pdfTextByPage } from './fixtures/pdf-inspect';

/** Our formatted values use no-break spaces; compare them as plain spaces. */
async function pages(bytes: Uint8Array): Promise<string[][]> {
  return (await pdfTextByPage(bytes)).map((lines) => lines.map((l) => l.replace(/\u00a0/g, ' ')));
}

describe('French number formatting', () => {
  it('groups thousands, uses a decimal comma and keeps exact decimals', () => {
    expect(formatAmount('1234567.5', 'EUR')).toBe('1\u00a0234\u00a0567,50\u00a0€');
    expect(formatAmount('-0.1', 'USD')).toBe('-0,10\u00a0USD');
    // Beyond float precision: a binary double would print ...68.00.
    expect(formatNumber('12345678901234567.89')).toBe('12\u00a0345\u00a0678\u00a0901\u00a0234\u00a0567,89');
    expect(formatNumber('19.1234')).toBe('19,1234');
    expect(formatNumber('not a number')).toBe('not a number');
    expect(formatQuantity('2.000')).toBe('2');
    expect(formatRate('5.5')).toBe('5,5\u00a0%');
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});

describe('toPdf', () => {
  it('renders a one-page French invoice with routing data, parties, TVA, totals and bank details', async () => {
    const bytes = await toPdf(frenchInvoice());
    const [page, ...rest] = await pages(bytes);
    expect(rest).toHaveLength(0);
    for (const expected of [
      'FACTURE',
      'N° FA-2024-0042',
      "Date d'émission : 15/03/2024",
      'Code service : SERV-INFRA-01',
      "N° d'engagement : EJ-2024-000123",
      'Atelier Dupré & Fils SARL',
      'SIRET : 73282932000074',
      'N° TVA : FR44732829320',
      'SIRET : 21690266800013',
      '69100 Villeurbanne',
      "Main-d'œuvre serrurier",
      '7,33 %',
      'Total TVA',
      '343,20 €',
      'Échéance : 14/04/2024',
      'IBAN : FR76 3000 6000 0112 3456 7890 189',
      'BIC : AGRIFRPPXXX',
      'Page 1 / 1',
    ]) {
      expect(page).toContain(expected);
    }
    expect(page[page.indexOf('Net à payer') + 1]).toBe('2 173,20 €');
    expect(page[page.indexOf('Total HT') + 1]).toBe('1 830,00 €');
  });

  it('titles a credit note "Avoir" and cites the invoice it corrects', async () => {
    const credit = {
      ...frenchInvoice(),
      typeCode: '381',
      precedingInvoices: [{ reference: 'FA-2024-0041', issueDate: '2024-02-01' }],
    };
    const [page] = await pages(await toPdf(credit));
    expect(page).toContain('AVOIR');
    expect(page).toContain('Facture d’origine : FA-2024-0041 du 01/02/2024');
    expect(page).not.toContain('FACTURE');
  });

  it('paginates long invoices, repeating the running and table headers', async () => {
    const all = await pages(await toPdf(longInvoice(80)));
    expect(all.length).toBeGreaterThanOrEqual(3);
    all.forEach((page, i) => {
      expect(page[page.length - 1]).toBe(`Page ${i + 1} / ${all.length}`);
      expect(page).toContain('Désignation');
      if (i > 0) expect(page[0]).toBe('Facture N° FA-2024-0042 (suite)');
    });
    const designations = all.flat().filter((l) => l.startsWith('Article n° '));
    expect(designations).toHaveLength(80);
    expect(new Set(designations).size).toBe(80);
    expect(all.map((p) => p.includes('Net à payer'))).toEqual(all.map((_, i) => i === all.length - 1));
  });

  it('embeds every font as TrueType and draws characters the font lacks as "?"', async () => {
    const inv = frenchInvoice();
    inv.lines[0].item.name = 'Prestation 漢字';
    const bytes = await toPdf(inv);
    const doc = await PDFDocument.load(bytes);
    const { fonts, problems } = fontProblems(doc);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
    expect(doc.catalog.lookup(PDFName.of('AF'))).toBeUndefined();
    expect(doc.catalog.lookup(PDFName.of('Names'))).toBeUndefined();
    expect((await pages(bytes))[0]).toContain('Prestation ??');
  });
});
