import { checkInvoiceFile, convertChecked, extractFacturX, parseInvoice } from '../../invoice';
import type { Finding, Invoice } from '../../invoice';
import { DomainError } from '../../platform/domain-error';
import { documentPool } from '../../platform/document-pool';

/** The forms a recipient may receive an invoice in; `original` is the deposited file itself. */
export const INVOICE_FORMATS = ['original', 'ubl', 'cii', 'facturx', 'pdf'] as const;
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number];

export interface Rendition {
  bytes: Uint8Array;
  mediaType: string;
  extension: string;
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The XML limits this process was configured with (XML_MAX_DEPTH, INVOICE_MAX_LINES…). */
const configuredLimits = () => documentPool().options.limits;

/** The EN 16931 model of a deposited file (a Factur-X PDF through the XML it carries). */
export async function invoiceOf(deposited: Uint8Array): Promise<Invoice> {
  const xml = isPdf(deposited) ? (await extractFacturX(deposited)).xml : deposited;
  return parseInvoice(xml, configuredLimits()).invoice;
}

const MEDIA: Record<Exclude<InvoiceFormat, 'original'>, Omit<Rendition, 'bytes'>> = {
  ubl: { mediaType: 'application/xml', extension: 'xml' },
  cii: { mediaType: 'application/xml', extension: 'xml' },
  facturx: { mediaType: 'application/pdf', extension: 'pdf' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
};

/**
 * The deposited invoice in the requested form, converted by the invoice core and validated like a
 * deposit. A conversion that would break an EN 16931 rule the deposited file does not break is never
 * produced: it throws CONVERSION_FAILED naming the rules (see `renderForDelivery` for delivery).
 * `parsed` is the file's model when the caller already holds it; `date` dates a PDF.
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
  const source = await checkInvoiceFile(deposited, { rules: 'en16931', limits: configuredLimits() });
  const invoice = parsed ?? source.invoice ?? (await invoiceOf(deposited));
  // As `facturflow convert` does: CII and Factur-X keep the deposit's Factur-X profile.
  const profile = source.profile ?? (format === 'facturx' ? 'EN 16931' : undefined);
  const { output, introduced } = await convertChecked({ invoice, findings: source.findings }, format, {
    profile,
    date,
  });
  if (introduced.length) throw new RenditionRefused(format, introduced);
  return { bytes: output, ...MEDIA[format] };
}

/** A rendition refused because it would be invalid; carries the findings it would have. */
export class RenditionRefused extends DomainError {
  constructor(
    format: InvoiceFormat,
    readonly introduced: Finding[],
  ) {
    const rules = [...new Set(introduced.map((f) => f.rule))].join(', ');
    super(
      'CONVERSION_FAILED',
      `This invoice cannot be rendered as ${format} without breaking rules the deposited file does not break: ${rules}.`,
      { field: 'params.format' },
    );
  }
}

/** What delivery hands the recipient: the preferred form, or the original when that form would be invalid. */
export interface DeliveredRendition {
  rendition: Rendition;
  format: InvoiceFormat;
  /** Set when the preferred form was refused: the rules it would have broken. */
  refused?: { format: InvoiceFormat; findings: Finding[] };
}

/**
 * Delivery never hands over an invalid invoice and never stalls on one: when the recipient's preferred
 * form would break a rule the deposit does not, the deposited file itself is delivered and the refusal
 * is returned for the caller to record (the delivered format then says `original`).
 */
export async function renderForDelivery(
  deposited: Uint8Array,
  format: InvoiceFormat,
  date?: Date,
  parsed?: Invoice,
): Promise<DeliveredRendition> {
  try {
    return { rendition: await renderAs(deposited, format, date, parsed), format };
  } catch (err) {
    if (!(err instanceof RenditionRefused)) throw err;
    return {
      rendition: await renderAs(deposited, 'original'),
      format: 'original',
      refused: { format, findings: err.introduced },
    };
  }
}
