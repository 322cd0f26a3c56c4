import { convertChecked, extractFacturX, parseInvoice } from '../../invoice';
import { checkConversionSource } from '../../invoice/convert-check';
import type { Finding, Invoice } from '../../invoice';
import type { XmlLimits } from '../../invoice/xml';
import { isPdf, type InvoiceFormat } from './renditions';

/*
 * The renditions' work, run in a thread of the document pool (`renditions.ts` names this module to
 * the pool): reading a deposited file into the model, and judging then converting it.
 */

/** `invoiceOf`'s work, run in a thread of the document pool. */
export async function readInThread(deposited: Uint8Array, limits?: XmlLimits): Promise<Invoice> {
  const xml = isPdf(deposited) ? (await extractFacturX(deposited)).xml : deposited;
  return parseInvoice(xml, limits).invoice;
}

export interface Converted {
  output: Uint8Array;
  introduced: Finding[];
}

/** `renderAs`'s work, run in a thread of the document pool: the file judged, then converted. */
export async function convertInThread(
  deposited: Uint8Array,
  format: Exclude<InvoiceFormat, 'original'>,
  date: Date | undefined,
  parsed: Invoice | undefined,
  limits: XmlLimits | undefined,
): Promise<Converted> {
  // Judged as the deposit was (Peppol BIS too, for a document declaring it); the result by the same rules.
  const source = await checkConversionSource(deposited, { limits });
  const invoice = parsed ?? source.invoice ?? (await readInThread(deposited, limits));
  // As `facturflow convert` does: CII and Factur-X keep the deposit's Factur-X profile.
  const profile = source.profile ?? (format === 'facturx' ? 'EN 16931' : undefined);
  const { output, introduced } = await convertChecked({ ...source, invoice }, format, {
    profile,
    date,
  });
  return { output, introduced };
}
