import { inflateSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { toFacturX } from '../../invoice/facturx';
import { frenchInvoice, longInvoice } from './fixtures/french-invoice';
import { fontProblems, pdfTextByPage } from './fixtures/pdf-inspect';

const DATE = new Date('2024-03-15T09:30:00Z');
const fontkit = require('@pdf-lib/fontkit') as { create: (bytes: Uint8Array) => unknown };

/** The decoded /DestOutputProfile of the document's only OutputIntent. */
async function outputIntentProfile(bytes: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
  const icc = intent.lookup(PDFName.of('DestOutputProfile'));
  if (!(icc instanceof PDFRawStream)) throw new Error('/DestOutputProfile is not a stream');
  expect(icc.dict.get(PDFName.of('Filter'))?.toString()).toBe('/FlateDecode');
  return inflateSync(icc.contents);
}

describe('Factur-X generation reuses the fonts and the ICC profile across invoices', () => {
  it('parses each font file once per process, however many invoices it writes', async () => {
    const create = jest.spyOn(fontkit, 'create');
    try {
      for (let i = 0; i < 3; i++) await toFacturX(frenchInvoice(), { profile: 'EN 16931', date: DATE });
      // Regular and bold, once each: this is the file's first generation.
      expect(create).toHaveBeenCalledTimes(2);
    } finally {
      create.mockRestore();
    }
  });

  it('keeps each document to its own glyphs: a document written after another is the same as alone', async () => {
    const first = await toFacturX(frenchInvoice(), { profile: 'EN 16931', date: DATE });
    // A different invoice in between (many lines, other text) shapes and subsets other strings.
    const other = await toFacturX(longInvoice(40), { profile: 'EN 16931', date: DATE });
    const again = await toFacturX(frenchInvoice(), { profile: 'EN 16931', date: DATE });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);

    for (const bytes of [first, other]) {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(fontProblems(doc).problems).toEqual([]);
    }
    const [page] = await pdfTextByPage(again);
    expect(page).toContain('FACTURE');
    expect(page).toContain('Net à payer');
  });

  it('embeds the bundled sRGB profile, compressed once, in every document', async () => {
    const icc = fs.readFileSync(path.join(__dirname, '../../invoice/assets/sRGB.icc'));
    const a = await toFacturX(frenchInvoice(), { profile: 'EN 16931', date: DATE });
    const b = await toFacturX(longInvoice(3), { profile: 'BASIC', date: DATE });
    expect((await outputIntentProfile(a)).equals(icc)).toBe(true);
    expect((await outputIntentProfile(b)).equals(icc)).toBe(true);
  });
});
