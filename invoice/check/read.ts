import { detectFormat, type InvoiceSyntax } from '../detect';
import { extractFacturX, type FacturXExtraction } from '../facturx';
import { parseInvoice, type ParsedInvoice } from '../parse';
import { utf8XmlBytes, XmlError, type XmlLimits } from '../xml';
import type { Finding } from '../validate';
import { CHECK_RULES, errorCode, errorMessage, fatal } from './findings';

/** What the checker reports as a file's format: the XML syntax, or `facturx` for a PDF carrying one. */
export type CheckedFormat = ParsedInvoice['format'] | 'facturx' | InvoiceSyntax;

/** A file that yielded an invoice. */
export interface ReadInvoiceFile extends ParsedInvoice {
  readable: true;
  reportedFormat: CheckedFormat;
  /** The invoice XML bytes (for a PDF, the embedded file), for schema validation. */
  xmlBytes: Uint8Array;
  /** The PDF's Factur-X facts, for a PDF (the XML bytes live in xmlBytes). */
  pdf?: Omit<FacturXExtraction, 'xml'>;
}

/** A file that did not: the finding says why, with the typed error's code. */
export interface UnreadableFile {
  readable: false;
  reportedFormat: CheckedFormat;
  finding: Finding;
}

/**
 * Reads any deposited file into the EN 16931 model: a UBL or CII XML directly, a PDF through its
 * embedded Factur-X/ZUGFeRD XML. Never throws: every failure, typed or not, becomes one finding,
 * because a file a reader chokes on must be rejected, not retried.
 */
export async function readInvoiceFile(
  bytes: Uint8Array,
  limits?: XmlLimits,
): Promise<ReadInvoiceFile | UnreadableFile> {
  const detected = detectFormat(bytes);
  if (detected === 'unknown' && !looksLikeXml(bytes)) {
    return unreadable(detected, 'NOT_AN_INVOICE: neither a PDF nor an XML document');
  }
  let xmlBytes = bytes;
  let pdf: ReadInvoiceFile['pdf'];
  try {
    if (detected === 'pdf') {
      const { xml, ...facts } = await extractFacturX(bytes);
      xmlBytes = xml;
      pdf = facts;
    }
    // An ISO-8859-1 / windows-1252 invoice is read, and schema-checked, as the UTF-8 it converts to.
    xmlBytes = utf8XmlBytes(xmlBytes);
    const parsed = parseInvoice(xmlBytes, limits);
    const reportedFormat = detected === 'pdf' ? 'facturx' : parsed.format;
    return { ...parsed, readable: true, reportedFormat, xmlBytes, pdf };
  } catch (err) {
    const where = err instanceof XmlError && err.line ? `line ${err.line}` : undefined;
    const inPdf = detected === 'pdf' && pdf ? ` (in embedded ${pdf.filename})` : '';
    return unreadable(detected, `${errorCode(err)}: ${errorMessage(err)}${inPdf}`, where);
  }
}

function unreadable(format: CheckedFormat, message: string, location?: string): UnreadableFile {
  return {
    readable: false,
    reportedFormat: format,
    finding: fatal(CHECK_RULES.unreadable, message, location),
  };
}

/** Lets the XML parser explain what is wrong with XML-ish bytes, instead of a bare "unknown". */
function looksLikeXml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  return /^\s*</.test(head) || bytes[0] === 0xff || bytes[0] === 0xfe;
}
