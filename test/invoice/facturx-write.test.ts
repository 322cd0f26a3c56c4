import { inflateSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { toCii } from '../../invoice/cii/write';
import { extractFacturX, FacturXProfile, FacturXWriteError, toFacturX } from '../../invoice/facturx';
import { parseXml, XmlElement } from '../../invoice/xml';
import { frenchInvoice } from './fixtures/french-invoice';
import { fontProblems, pdfTextByPage } from './fixtures/pdf-inspect';

const DATE = new Date('2024-03-15T09:30:00Z');
const PROFILES: Array<[FacturXProfile, string]> = [
  ['MINIMUM', 'Data'],
  ['BASIC WL', 'Data'],
  ['BASIC', 'Alternative'],
  ['EN 16931', 'Alternative'],
  ['EXTENDED', 'Alternative'],
];

function dict(parent: PDFDict, key: string): PDFDict {
  return parent.lookup(PDFName.of(key), PDFDict);
}
function stream(parent: PDFDict, key: string): PDFRawStream {
  const v = parent.lookup(PDFName.of(key));
  if (!(v instanceof PDFRawStream)) throw new Error(`/${key} is not a stream`);
  return v;
}
function name(parent: PDFDict, key: string): string | undefined {
  return parent.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();
}
function text(parent: PDFDict, key: string): string | undefined {
  const v = parent.lookup(PDFName.of(key));
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
}
function streamBytes(stream: PDFRawStream): Buffer {
  const filter = name(stream.dict, 'Filter');
  return filter === 'FlateDecode' ? inflateSync(stream.contents) : Buffer.from(stream.contents);
}
/** All XMP property values by qualified name (elements only: our writer uses element form). */
function xmpValues(root: XmlElement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (el: XmlElement) => {
    if (el.children.length === 0) out.set(el.qname, [...(out.get(el.qname) ?? []), el.text.trim()]);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

describe('toFacturX round trip through extractFacturX', () => {
  it.each(PROFILES)('%s → AFRelationship %s', async (profile, relationship) => {
    const inv = frenchInvoice();
    const pdf = await toFacturX(inv, { profile, date: DATE });
    const read = await extractFacturX(pdf);
    expect(read.filename).toBe('factur-x.xml');
    expect(Buffer.from(read.xml).toString('utf8')).toBe(toCii(inv, profile));
    expect(read.relationship).toBe(relationship);
    expect(read.profile).toBe(profile);
    expect(read.pdfa).toEqual({ part: 3, conformance: 'B' });
    expect(read.attachments).toEqual([
      { filename: 'factur-x.xml', mimeType: 'text/xml', size: read.xml.byteLength },
    ]);
  });

  it('embeds a given CII byte for byte', async () => {
    const cii = toCii(frenchInvoice(), 'EN 16931').replace('?>', '?>\r\n<!-- kept as deposited -->');
    const read = await extractFacturX(await toFacturX(frenchInvoice(), { profile: 'EN 16931', cii }));
    expect(Buffer.from(read.xml).toString('utf8')).toBe(cii);
  });

  it('refuses XML that is not a CII invoice of the declared profile', async () => {
    const inv = frenchInvoice();
    const attempt = (profile: FacturXProfile, cii: string) =>
      toFacturX(inv, { profile, cii }).then(
        () => undefined,
        (err: FacturXWriteError) => err.code,
      );
    expect(await attempt('EN 16931', toCii(inv, 'BASIC'))).toBe('FACTURX_PROFILE_MISMATCH');
    expect(
      await attempt('EN 16931', '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'),
    ).toBe('FACTURX_CII_NOT_INVOICE');
    expect(await attempt('EN 16931', '<unclosed>')).toBe('FACTURX_CII_NOT_INVOICE');
  });
});

describe('toFacturX PDF/A-3b structure', () => {
  let bytes: Uint8Array;
  let doc: PDFDocument;
  let catalog: PDFDict;
  beforeAll(async () => {
    bytes = await toFacturX(frenchInvoice(), { profile: 'EN 16931', date: DATE });
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    catalog = doc.catalog;
  });

  it('lists factur-x.xml in /AF and in the EmbeddedFiles name tree, as the same file specification', () => {
    const af = catalog.lookup(PDFName.of('AF'), PDFArray);
    expect(af.size()).toBe(1);
    const spec = af.lookup(0, PDFDict);
    const names = dict(dict(catalog, 'Names'), 'EmbeddedFiles').lookup(PDFName.of('Names'), PDFArray);
    expect(names.lookup(0, PDFString).decodeText()).toBe('factur-x.xml');
    expect(names.lookup(1, PDFDict)).toBe(spec);
    expect(name(spec, 'Type')).toBe('Filespec');
    expect(text(spec, 'F')).toBe('factur-x.xml');
    expect(text(spec, 'UF')).toBe('factur-x.xml');
    expect(name(spec, 'AFRelationship')).toBe('Alternative');

    const file = stream(dict(spec, 'EF'), 'F');
    expect(name(file.dict, 'Type')).toBe('EmbeddedFile');
    expect(file.dict.lookup(PDFName.of('Subtype'), PDFName).asString()).toBe('/text#2Fxml');
    const params = dict(file.dict, 'Params');
    const xml = streamBytes(file);
    expect(params.lookup(PDFName.of('Size'), PDFNumber).asNumber()).toBe(xml.byteLength);
    expect(text(params, 'ModDate')).toBe('D:20240315093000Z');
  });

  it('carries XMP with PDF/A-3B identification, the fx: properties and their extension schema', () => {
    const metadata = stream(catalog, 'Metadata');
    expect(name(metadata.dict, 'Filter')).toBeUndefined();
    expect(name(metadata.dict, 'Subtype')).toBe('XML');
    const values = xmpValues(parseXml(metadata.contents));
    expect(values.get('pdfaid:part')).toEqual(['3']);
    expect(values.get('pdfaid:conformance')).toEqual(['B']);
    expect(values.get('fx:DocumentType')).toEqual(['INVOICE']);
    expect(values.get('fx:DocumentFileName')).toEqual(['factur-x.xml']);
    expect(values.get('fx:Version')).toEqual(['1.0']);
    expect(values.get('fx:ConformanceLevel')).toEqual(['EN 16931']);
    expect(values.get('pdfaSchema:namespaceURI')).toEqual([
      'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#',
    ]);
    expect(values.get('pdfaSchema:prefix')).toEqual(['fx']);
    expect(values.get('pdfaProperty:name')?.sort()).toEqual([
      'ConformanceLevel',
      'DocumentFileName',
      'DocumentType',
      'Version',
    ]);
  });

  it('keeps the Info dictionary and the XMP in agreement', () => {
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    const values = xmpValues(parseXml(stream(catalog, 'Metadata').contents));
    expect(text(info, 'Title')).toBe('Facture FA-2024-0042 — Atelier Dupré & Fils SARL');
    expect(values.get('rdf:li')).toContain(text(info, 'Title'));
    expect(values.get('rdf:li')).toContain(text(info, 'Author'));
    expect(values.get('pdf:Producer')).toEqual([text(info, 'Producer')]);
    expect(values.get('xmp:CreatorTool')).toEqual([text(info, 'Creator')]);
    expect(text(info, 'CreationDate')).toBe('D:20240315093000Z');
    expect(text(info, 'ModDate')).toBe('D:20240315093000Z');
    expect(values.get('xmp:CreateDate')).toEqual(['2024-03-15T09:30:00Z']);
    expect(values.get('xmp:ModifyDate')).toEqual(['2024-03-15T09:30:00Z']);
  });

  it('declares an sRGB OutputIntent with the bundled ICC profile, a file /ID, /MarkInfo and /Lang', () => {
    const intents = catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(name(intent, 'S')).toBe('GTS_PDFA1');
    expect(text(intent, 'OutputConditionIdentifier')).toBe('sRGB IEC61966-2.1');
    const icc = stream(intent, 'DestOutputProfile');
    expect(icc.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(3);
    expect(
      streamBytes(icc).equals(fs.readFileSync(path.join(__dirname, '../../invoice/assets/sRGB.icc'))),
    ).toBe(true);

    const id = doc.context.trailerInfo.ID as PDFArray;
    expect(id.size()).toBe(2);
    expect((id.get(0) as PDFHexString).asString()).toMatch(/^[0-9a-f]{32}$/);
    expect(dict(catalog, 'MarkInfo').get(PDFName.of('Marked'))?.toString()).toBe('false');
    expect(text(catalog, 'Lang')).toBe('fr-FR');
  });

  it('embeds every font (FontFile2), none of the standard 14, and shows the invoice in French', async () => {
    expect(fontProblems(doc)).toEqual({
      fonts: expect.arrayContaining([expect.stringContaining('DejaVuSans')]),
      problems: [],
    });
    expect(Buffer.from(bytes.subarray(0, 16)).toString('latin1')).toMatch(/^%PDF-1\.7\n%[\x80-\xff]{4}/);
    const [page] = await pdfTextByPage(bytes);
    expect(page).toContain('FACTURE');
    expect(page).toContain('Net à payer');
  });
});
