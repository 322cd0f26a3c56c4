import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { createPdf } from '../../invoice/pdf/flate';

/**
 * The documents we draw compress their Flate streams with Node's zlib (invoice/pdf/flate.ts): the
 * streams must still say FlateDecode, keep the other entries given, and inflate to what was given, from
 * bytes as from a string (whose characters pdf-lib takes as bytes), once saved and read again.
 */
describe('Flate streams of the documents we draw', () => {
  it('inflate to the bytes and text given, with their dictionary, after a save and a reload', async () => {
    const doc = await createPdf();
    const xml = Buffer.from('<Invoice>Facture n° 2026-001 — 1 234,56 €</Invoice>'.repeat(200), 'utf8');
    const text = 'BT /F1 12 Tf (caf\u00e9) Tj ET';
    const refs = [
      doc.context.register(doc.context.flateStream(xml, { Type: 'EmbeddedFile', Subtype: 'text/xml' })),
      doc.context.register(doc.context.flateStream(text)),
    ];
    doc.addPage();
    const reread = await PDFDocument.load(await doc.save());
    const [file, content] = refs.map((ref) => reread.context.lookup(ref) as PDFRawStream);
    expect(file.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    expect(file.dict.get(PDFName.of('Type'))).toBe(PDFName.of('EmbeddedFile'));
    expect(Buffer.from(inflateSync(file.contents))).toEqual(xml);
    expect(content.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    expect(inflateSync(content.contents).toString('latin1')).toBe(text);
    // Smaller than what it holds: compressed, not only labelled so.
    expect(file.contents.byteLength).toBeLessThan(xml.byteLength / 10);
  });
});
