import { PDFArray, PDFDict, PDFDocument } from 'pdf-lib';
import { parseXml } from '../xml';
import { PdfError } from './pdf-error';
import {
  arrayAt,
  decodeStream,
  dictAt,
  nameAt,
  nameTreeValues,
  numberAt,
  streamAt,
  textAtKey,
} from './pdf-objects';
import { readXmp } from './xmp-read';

export interface PdfAttachment {
  filename: string;
  mimeType?: string;
  size: number;
}

export interface FacturXExtraction {
  /** The embedded invoice XML, byte for byte as stored (after stream decoding). */
  xml: Uint8Array;
  filename: string;
  /** /AFRelationship of the invoice's file specification, e.g. 'Alternative', 'Data'. */
  relationship?: string;
  /** XMP ConformanceLevel as written ('EN 16931', 'BASIC WL', ...). */
  profile?: string;
  pdfa?: { part: number; conformance: string };
  /** Why the XMP packet could not be read, when it could not; profile and pdfa are then absent. */
  xmpError?: string;
  /** Every embedded file, the invoice XML included. */
  attachments: PdfAttachment[];
}

export interface ExtractLimits {
  maxPdfBytes: number;
  /** Bound on any single decoded stream (XML invoice, XMP packet, attachment without /Size). */
  maxStreamBytes: number;
}

/** Chorus Pro accepts at most 120 MB for an invoice with its attachments. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxPdfBytes: 120 * 1024 * 1024,
  maxStreamBytes: 50 * 1024 * 1024,
};

/**
 * Names used by Factur-X 1.0, ZUGFeRD 2.x, XRechnung-in-PDF and ZUGFeRD 1.0, best first. When a PDF
 * carries several (e.g. a ZUGFeRD 1 and a Factur-X file), the current standard's name wins.
 */
const INVOICE_FILENAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];
const CII_ROOTS = new Set(['CrossIndustryInvoice', 'CrossIndustryDocument']);

interface EmbeddedFile {
  filename: string;
  spec: PDFDict;
}

/** Finds and returns the invoice XML embedded in a Factur-X / ZUGFeRD PDF, with the PDF's facts. */
export async function extractFacturX(
  bytes: Uint8Array,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<FacturXExtraction> {
  if (bytes.byteLength > limits.maxPdfBytes) {
    throw new PdfError(
      'PDF_TOO_LARGE',
      `PDF of ${bytes.byteLength} bytes exceeds the limit of ${limits.maxPdfBytes}`,
    );
  }
  const doc = await loadPdf(bytes);
  const catalog = doc.catalog;
  const files = embeddedFiles(catalog);
  const invoice = chooseInvoiceFile(files, limits);
  const metadata = streamAt(catalog, 'Metadata');
  const xmp = metadata ? readXmp(decodeStream(metadata, limits.maxStreamBytes)) : {};
  return {
    xml: invoice.xml,
    filename: invoice.file.filename,
    relationship: nameAt(invoice.file.spec, 'AFRelationship'),
    profile: xmp.conformanceLevel,
    pdfa: xmp.pdfa,
    xmpError: xmp.error,
    attachments: files.map((f) => describe(f, limits)),
  };
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new PdfError('PDF_UNREADABLE', 'not a PDF file (no %PDF- header)');
  // A file cut short loses its trailer and %%EOF; say so rather than a vague parse error.
  const truncated = !Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 2048))).includes('%%EOF');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (err) {
    throw unreadable(truncated, (err as Error).message);
  }
  if (doc.isEncrypted) throw new PdfError('PDF_ENCRYPTED', 'encrypted PDFs are not accepted');
  if (!(doc.context.lookup(doc.context.trailerInfo.Root) instanceof PDFDict)) {
    throw unreadable(truncated, 'no document catalog');
  }
  return doc;
}

function unreadable(truncated: boolean, detail: string): PdfError {
  return truncated
    ? new PdfError('PDF_TRUNCATED', `PDF is truncated (no %%EOF marker): ${detail}`)
    : new PdfError('PDF_UNREADABLE', `PDF cannot be read: ${detail}`);
}

/** File specifications from the EmbeddedFiles name tree and the catalog's /AF, without duplicates. */
function embeddedFiles(catalog: PDFDict): EmbeddedFile[] {
  const out: EmbeddedFile[] = [];
  const seen = new Set<PDFDict>();
  const add = (spec: unknown, key?: string) => {
    if (!(spec instanceof PDFDict) || seen.has(spec)) return;
    if (!streamAt(dictAt(spec, 'EF'), 'F') && !streamAt(dictAt(spec, 'EF'), 'UF')) return;
    seen.add(spec);
    out.push({ filename: textAtKey(spec, 'UF') ?? textAtKey(spec, 'F') ?? key ?? '', spec });
  };
  for (const { key, value } of nameTreeValues(dictAt(dictAt(catalog, 'Names'), 'EmbeddedFiles')))
    add(value, key);
  const af: PDFArray | undefined = arrayAt(catalog, 'AF');
  for (let i = 0; af && i < af.size(); i++) add(af.lookup(i));
  return out;
}

function fileStream(file: EmbeddedFile) {
  const ef = dictAt(file.spec, 'EF');
  return (streamAt(ef, 'UF') ?? streamAt(ef, 'F'))!;
}

function chooseInvoiceFile(
  files: EmbeddedFile[],
  limits: ExtractLimits,
): { file: EmbeddedFile; xml: Uint8Array } {
  for (const name of INVOICE_FILENAMES) {
    const file = files.find((f) => f.filename.toLowerCase() === name);
    // A well-known name is trusted without parsing: a malformed invoice XML must reach the XML
    // reader so that the depositor gets the XML error, not "no invoice found".
    if (file) return { file, xml: decodeStream(fileStream(file), limits.maxStreamBytes) };
  }
  const candidates: Array<{ file: EmbeddedFile; xml: Uint8Array }> = [];
  for (const file of files) {
    if (!/\.xml$/i.test(file.filename) && !/xml/.test(mimeTypeOf(file) ?? '')) continue;
    const xml = decodeStream(fileStream(file), limits.maxStreamBytes);
    if (hasCiiRoot(xml)) candidates.push({ file, xml });
  }
  if (candidates.length === 1) return candidates[0];
  const listed = files.map((f) => f.filename).join(', ') || 'none';
  throw new PdfError(
    'PDF_NO_INVOICE_XML',
    candidates.length > 1
      ? `several embedded XML files look like invoices (${candidates.map((c) => c.file.filename).join(', ')}); none has a standard name`
      : `no embedded invoice XML found (embedded files: ${listed})`,
  );
}

function hasCiiRoot(xml: Uint8Array): boolean {
  try {
    return CII_ROOTS.has(parseXml(xml).name);
  } catch {
    return false;
  }
}

function mimeTypeOf(file: EmbeddedFile): string | undefined {
  return nameAt(fileStream(file).dict, 'Subtype');
}

function describe(file: EmbeddedFile, limits: ExtractLimits): PdfAttachment {
  const stream = fileStream(file);
  const declared = numberAt(dictAt(stream.dict, 'Params'), 'Size');
  return {
    filename: file.filename,
    mimeType: mimeTypeOf(file),
    size: declared ?? decodeStream(stream, limits.maxStreamBytes).byteLength,
  };
}
