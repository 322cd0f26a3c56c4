import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { extractFacturX, FacturXExtraction, PdfError } from '../../invoice/facturx';
import { parseXml, textAt } from '../../invoice/xml';
import { corpusDir, corpusFiles, corpusPath, describeWithCorpus } from '../support/corpus';

interface PdfRow {
  path: string;
  /** `name:guideline` per embedded invoice XML, as the research helper saw them. */
  embedded: Array<{ name: string; guideline: string }>;
  pdfa: string;
  attachments: string[];
  xmp: string;
}

function pdfRows(): PdfRow[] {
  const lines = fs.readFileSync(corpusPath('EXPECTED.tsv'), 'utf8').split('\n');
  const header = lines.find((l) => l.startsWith('path\t'))!.split('\t');
  const col = (cells: string[], name: string) => cells[header.indexOf(name)] ?? '';
  return lines
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('path\t'))
    .map((l) => l.split('\t'))
    .filter((cells) => col(cells, 'format') === 'pdf')
    .map((cells) => {
      const info = /^pdfa=(\S+) att=\[(.*)\] xmp=(.*)$/.exec(col(cells, 'pdf_info'))!;
      const embedded = col(cells, 'guideline_or_embedded')
        .split(' | ')
        .filter(Boolean)
        .map((e) => ({ name: e.slice(0, e.indexOf(':')), guideline: e.slice(e.indexOf(':') + 1) }));
      return {
        path: col(cells, 'path'),
        embedded,
        pdfa: info[1],
        attachments: info[2] ? info[2].split(', ') : [],
        xmp: info[3],
      };
    });
}

/** BT-24 of a CII (D16B) or ZUGFeRD 1 (CrossIndustryDocument) invoice. */
function guidelineOf(xml: Uint8Array): string | undefined {
  const root = parseXml(xml);
  const context =
    root.name === 'CrossIndustryDocument' ? 'SpecifiedExchangedDocumentContext' : 'ExchangedDocumentContext';
  return textAt(root, context, 'GuidelineSpecifiedDocumentContextParameter', 'ID');
}

async function rejection(promise: Promise<unknown>): Promise<PdfError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PdfError) return err;
    throw err;
  }
  throw new Error('expected a PdfError');
}

describeWithCorpus('extractFacturX on every corpus PDF (EXPECTED.tsv pdf_info)', () => {
  const rows = pdfRows();
  const results = new Map<string, FacturXExtraction | PdfError>();

  beforeAll(async () => {
    for (const row of rows) {
      const bytes = fs.readFileSync(corpusPath(row.path));
      results.set(row.path, await extractFacturX(bytes).catch((err: PdfError) => err));
    }
  });

  it('covers every PDF of the corpus', () => {
    const onDisk = corpusFiles('.', /\.pdf$/i).map((f) => path.relative(corpusDir, f));
    expect(rows.map((r) => r.path).sort()).toEqual(onDisk);
    expect(rows.length).toBeGreaterThanOrEqual(27);
  });

  it.each(pdfRows().map((r) => [path.basename(r.path), r] as const))('%s', (_name, row) => {
    const result = results.get(row.path)!;
    if (row.pdfa === 'none') {
      expect(result).toBeInstanceOf(PdfError);
      expect((result as PdfError).code).toBe('PDF_TRUNCATED');
      return;
    }
    if (row.attachments.length === 0) {
      expect(result).toBeInstanceOf(PdfError);
      expect((result as PdfError).code).toBe('PDF_NO_INVOICE_XML');
      return;
    }
    if (result instanceof PdfError) throw result;
    expect(result.attachments.map((a) => a.filename).sort()).toEqual([...row.attachments].sort());
    for (const a of result.attachments) expect(a.size).toBeGreaterThan(0);
    // With a ZUGFeRD 1 and a Factur-X file side by side, the current standard's file is the invoice.
    const chosen =
      row.embedded.length > 1 ? row.embedded.find((e) => e.name === 'factur-x.xml')! : row.embedded[0];
    expect(result.filename).toBe(chosen.name);
    expect(result.xml.byteLength).toBe(result.attachments.find((a) => a.filename === chosen.name)!.size);
    if (chosen.guideline !== 'xml-unparseable') expect(guidelineOf(result.xml)).toBe(chosen.guideline);
    if (path.basename(row.path) === 'invalidXMP-ParseError.pdf') {
      // The helper's lenient reading found 3U/"no thing"; the packet has a bare '&', so a strict XML
      // reader (like Mustang, error 28) finds no facts and says why.
      expect(result.xmpError).toMatch(/not well-formed/);
      expect(result.pdfa).toBeUndefined();
      expect(result.profile).toBeUndefined();
      return;
    }
    expect(result.xmpError).toBeUndefined();
    expect(`${result.pdfa?.part}${result.pdfa?.conformance}`).toBe(row.pdfa);
    expect(result.profile).toBe(row.xmp);
  });

  it('reads /AFRelationship and decodes lower-case #xx escapes in MIME subtypes', () => {
    const at = (name: string) => [...results].find(([p]) => p.endsWith(name))![1] as FacturXExtraction;
    expect(at('/EN16931_Einfach.pdf').relationship).toBe('Alternative');
    expect(at('/Facture_FR_MINIMUM.pdf').relationship).toBe('Data');
    expect(at('/invoice_EN16931.pdf').relationship).toBe('Source');
    expect(at('/zugferd_2p1_BASIC_Einfach.pdf').attachments[0].mimeType).toBe('text/xml');
    expect(
      at('/invoice_EN16931.pdf').attachments.find((a) => a.filename === 'Bon_de_livraison.pdf')?.mimeType,
    ).toBe('application/pdf');
  });
});

describeWithCorpus('extracted XML against the ZUGFeRD 2.2 Infopaket CII files', () => {
  it.each(['Einfach', 'Gutschrift', 'Rabatte'])('EN16931_%s', async (name) => {
    const pdf = fs.readFileSync(corpusPath(`ZUGFeRD/corpus/XML-Rechnung/FX/EN16931_${name}.pdf`));
    const cii = fs.readFileSync(corpusPath(`ZUGFeRD/corpus/XML-Rechnung/CII/EN16931_${name}.cii.xml`));
    const extracted = Buffer.from((await extractFacturX(pdf)).xml);
    // The embedded files use CRLF; the repository's .cii.xml copies were stored with LF line ends.
    // Apart from that they are the same bytes.
    expect(extracted.includes('\r\n')).toBe(true);
    expect(extracted.equals(cii)).toBe(false);
    expect(Buffer.from(extracted.toString('latin1').replace(/\r\n/g, '\n'), 'latin1').equals(cii)).toBe(true);
  });
});

describe('extractFacturX on synthetic PDFs', () => {
  const cii = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>',
  );

  async function pdfWith(
    files: Array<{ name: string; data: Uint8Array; mimeType?: string }>,
  ): Promise<PDFDocument> {
    const doc = await PDFDocument.create();
    doc.addPage();
    for (const f of files) await doc.attach(f.data, f.name, { mimeType: f.mimeType });
    return doc;
  }

  it('finds a CII attachment under a non-standard name when it is the only one', async () => {
    const doc = await pdfWith([
      { name: 'notes.xml', data: Buffer.from('<notes/>'), mimeType: 'text/xml' },
      { name: 'INV-2024-001.xml', data: cii, mimeType: 'text/xml' },
    ]);
    const result = await extractFacturX(await doc.save());
    expect(result.filename).toBe('INV-2024-001.xml');
    expect(Buffer.from(result.xml).equals(cii)).toBe(true);
    expect(result.attachments.map((a) => a.filename)).toEqual(['notes.xml', 'INV-2024-001.xml']);
    expect(result.pdfa).toBeUndefined();
  });

  it('refuses two unnamed CII candidates as ambiguous', async () => {
    const doc = await pdfWith([
      { name: 'a.xml', data: cii },
      { name: 'b.xml', data: cii },
    ]);
    const err = await rejection(extractFacturX(await doc.save()));
    expect(err.code).toBe('PDF_NO_INVOICE_XML');
    expect(err.message).toMatch(/a\.xml, b\.xml/);
  });

  it('finds files listed only in the catalog /AF', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const stream = doc.context.flateStream(cii, { Type: 'EmbeddedFile' });
    const spec = doc.context.obj({
      Type: 'Filespec',
      F: PDFString.of('factur-x.xml'),
      EF: { F: doc.context.register(stream) },
    });
    doc.catalog.set(PDFName.of('AF'), doc.context.obj([doc.context.register(spec)]));
    const result = await extractFacturX(await doc.save());
    expect(result.filename).toBe('factur-x.xml');
    expect(result.attachments).toEqual([{ filename: 'factur-x.xml', mimeType: undefined, size: cii.length }]);
  });

  it('rejects non-PDF bytes, encrypted files and oversized input with typed codes', async () => {
    expect((await rejection(extractFacturX(Buffer.from('<xml/>')))).code).toBe('PDF_UNREADABLE');

    const encrypted = await pdfWith([{ name: 'factur-x.xml', data: cii }]);
    encrypted.context.trailerInfo.Encrypt = encrypted.context.register(
      encrypted.context.obj({ Filter: 'Standard', V: 2, R: 3 }),
    );
    expect((await rejection(extractFacturX(await encrypted.save()))).code).toBe('PDF_ENCRYPTED');

    const plain = await (await pdfWith([{ name: 'factur-x.xml', data: cii }])).save();
    const limits = { maxPdfBytes: plain.byteLength - 1, maxStreamBytes: 1000 };
    expect((await rejection(extractFacturX(plain, limits))).code).toBe('PDF_TOO_LARGE');
  });

  it('stops inflating an embedded stream at the size limit', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const bomb = deflateSync(Buffer.alloc(2_000_000, 0x20));
    const stream = doc.context.stream(bomb, { Type: 'EmbeddedFile', Filter: 'FlateDecode' });
    const spec = doc.context.obj({
      Type: 'Filespec',
      F: PDFString.of('factur-x.xml'),
      EF: { F: doc.context.register(stream) },
    });
    doc.catalog.set(PDFName.of('AF'), doc.context.obj([doc.context.register(spec)]));
    const err = await rejection(
      extractFacturX(await doc.save(), { maxPdfBytes: 1e7, maxStreamBytes: 100_000 }),
    );
    expect(err.code).toBe('PDF_TOO_LARGE');
  });

  it('says truncated when the end of the file is missing', async () => {
    const whole = await (await pdfWith([{ name: 'factur-x.xml', data: cii }])).save();
    const err = await rejection(extractFacturX(whole.subarray(0, Math.floor(whole.byteLength / 3))));
    expect(err.code).toBe('PDF_TRUNCATED');
  });
});
