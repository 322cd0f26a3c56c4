import path from 'node:path';
import type { Finding, Invoice } from '../../invoice';
import { DocumentTooComplexError } from '../../invoice/errors';
import { DomainError } from '../../platform/domain-error';
import { documentPool } from '../../platform/document-pool';
import type { Converted } from './rendition-work';

/**
 * The module the document threads run renditions from (`rendition-work`): named, not imported, so the
 * process that asks for a rendition never loads the invoice core's readers, rules and converters (about
 * 8 MB of a worker's heap) for work its threads do.
 */
const WORK = path.join(__dirname, `rendition-work${path.extname(__filename)}`);

/** The forms a recipient may receive an invoice in; `original` is the deposited file itself. */
export const INVOICE_FORMATS = ['original', 'ubl', 'cii', 'facturx', 'pdf'] as const;
export type InvoiceFormat = (typeof INVOICE_FORMATS)[number];

export interface Rendition {
  bytes: Uint8Array;
  mediaType: string;
  extension: string;
}

export const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The XML limits this process was configured with (XML_MAX_DEPTH, INVOICE_MAX_LINES…). */
const configuredLimits = () => documentPool().options.limits;

/**
 * The EN 16931 model of a deposited file (a Factur-X PDF through the XML it carries), read in a thread
 * of the document pool under its budget (throws DocumentTooComplexError past it).
 */
export function invoiceOf(deposited: Uint8Array): Promise<Invoice> {
  return documentPool().render<Invoice>({
    module: WORK,
    entry: 'readInThread',
    args: [deposited, configuredLimits()],
  });
}

const MEDIA: Record<Exclude<InvoiceFormat, 'original'>, Omit<Rendition, 'bytes'>> = {
  ubl: { mediaType: 'application/xml', extension: 'xml' },
  cii: { mediaType: 'application/xml', extension: 'xml' },
  facturx: { mediaType: 'application/pdf', extension: 'pdf' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
};

/**
 * The deposited invoice in the requested form, converted by the invoice core and validated like a
 * deposit. A conversion that would break an EN 16931 (or, for a Peppol BIS document, Peppol) rule the
 * deposited file does not break is never produced: it throws CONVERSION_FAILED naming the rules (see
 * `renderForDelivery` for delivery). `parsed` is the file's model when the caller already holds it;
 * `date` dates a PDF.
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
  // Judging and converting the file (a PDF drawn for `pdf` and `facturx`) happen in a thread of the
  // document pool, with a full check's budget: the event loop never waits for them.
  const { output, introduced } = await documentPool()
    .render<Converted>({
      module: WORK,
      entry: 'convertInThread',
      args: [deposited, format, date, parsed, configuredLimits()],
      budget: 'check',
    })
    .catch((err: Error) => {
      if (!(err instanceof DocumentTooComplexError)) throw err;
      throw new RenditionTooComplex(format, err);
    });
  if (introduced.length) throw new RenditionRefused(format, introduced);
  return { bytes: output, ...MEDIA[format] };
}

/** A rendition refused because producing it would take more than one document's budget. */
export class RenditionTooComplex extends DomainError {
  constructor(
    readonly format: InvoiceFormat,
    cause: DocumentTooComplexError,
  ) {
    super('DOCUMENT_TOO_COMPLEX', `This invoice cannot be rendered as ${format}: ${cause.message}`, {
      field: 'params.format',
    });
  }
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
 * form would break a rule the deposit does not, or would take more than a document's budget to
 * produce (DOCUMENT_TOO_COMPLEX), the deposited file itself is delivered and the refusal is returned
 * for the caller to record (the delivered format then says `original`).
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
    if (!(err instanceof RenditionRefused || err instanceof RenditionTooComplex)) throw err;
    const findings: Finding[] =
      err instanceof RenditionRefused
        ? err.introduced
        : [{ rule: err.code, severity: 'fatal', message: err.message }];
    return {
      rendition: await renderAs(deposited, 'original'),
      format: 'original',
      refused: { format, findings },
    };
  }
}
