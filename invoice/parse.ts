import { DEFAULT_XML_LIMITS, parseXml, XmlElement, type XmlLimits } from './xml';
import { detectFormat, InvoiceSyntax } from './detect';
import { InvoiceFormatError } from './errors';
import { readUbl } from './ubl/read';
import { readCii } from './cii/read';
import { FacturXProfile, profileOfGuideline } from './cii/profile';
import type { Invoice } from './model';

export interface ParsedInvoice {
  format: Exclude<InvoiceSyntax, 'pdf' | 'unknown'>;
  /** Factur-X / ZUGFeRD profile declared by BT-24 (CII only). */
  profile?: FacturXProfile;
  invoice: Invoice;
  /** The XML tree, for syntax-level rules and error locations. */
  xml: XmlElement;
}

/**
 * Reads UBL 2.1 (Invoice, CreditNote) or CII D16B bytes into the EN 16931 model. A PDF is refused with
 * PDF_NEEDS_EXTRACTION: Factur-X/ZUGFeRD PDFs must first go through the Factur-X extractor
 * (invoice/facturx/extract.ts), whose embedded XML is then given here. Throws only XmlError (bad XML)
 * or InvoiceFormatError (not an invoice, unsupported syntax). The XML limits (depth, elements, lines…)
 * are checked while the XML is read, before any of the model is built.
 */
export function parseInvoice(bytes: Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): ParsedInvoice {
  const format = detectFormat(bytes);
  if (format === 'pdf') {
    throw new InvoiceFormatError(
      'PDF_NEEDS_EXTRACTION',
      'a PDF must go through the Factur-X extractor first',
    );
  }
  const xml = parseXml(bytes, limits);
  if (format === 'ubl-invoice' || format === 'ubl-creditnote') return { format, invoice: readUbl(xml), xml };
  if (format === 'cii') {
    const invoice = readCii(xml);
    const profile = profileOfGuideline(invoice.specificationId);
    return profile ? { format, profile, invoice, xml } : { format, invoice, xml };
  }
  throw new InvoiceFormatError(
    'UNSUPPORTED_FORMAT',
    `root element {${xml.ns}}${xml.name} is neither UBL 2.1 Invoice/CreditNote nor CII D16B CrossIndustryInvoice`,
  );
}
