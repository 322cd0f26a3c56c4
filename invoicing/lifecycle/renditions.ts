import { extractFacturX, parseInvoice, toCii, toFacturX, toPdf, toUbl } from '../../invoice';
import type { Invoice } from '../../invoice';

/** The forms a recipient may receive an invoice in; `original` is the deposited file itself. */
export const INVOICE_FORMATS = ['original', 'ubl', 'cii', 'facturx', 'pdf'] as const;
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number];

export interface Rendition {
  bytes: Uint8Array;
  mediaType: string;
  extension: string;
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The EN 16931 model of a deposited file (a Factur-X PDF through the XML it carries). */
export async function invoiceOf(deposited: Uint8Array): Promise<Invoice> {
  const xml = isPdf(deposited) ? (await extractFacturX(deposited)).xml : deposited;
  return parseInvoice(xml).invoice;
}

/**
 * The deposited invoice in the requested form, converted by the invoice core from `parsed`, the file's
 * model when the caller already holds it (otherwise the file is parsed here).
 */
export async function renderAs(
  deposited: Uint8Array,
  format: InvoiceFormat,
  date?: Date,
  parsed?: Invoice,
): Promise<Rendition> {
  if (format === 'original')
    return isPdf(deposited)
      ? { bytes: deposited, mediaType: 'application/pdf', extension: 'pdf' }
      : { bytes: deposited, mediaType: 'application/xml', extension: 'xml' };
  const invoice = parsed ?? (await invoiceOf(deposited));
  switch (format) {
    case 'ubl':
      return { bytes: Buffer.from(toUbl(invoice)), mediaType: 'application/xml', extension: 'xml' };
    case 'cii':
      return { bytes: Buffer.from(toCii(invoice)), mediaType: 'application/xml', extension: 'xml' };
    case 'facturx':
      return {
        bytes: await toFacturX(invoice, { profile: 'EN 16931', date }),
        mediaType: 'application/pdf',
        extension: 'pdf',
      };
    case 'pdf':
      return { bytes: await toPdf(invoice, { date }), mediaType: 'application/pdf', extension: 'pdf' };
  }
}
