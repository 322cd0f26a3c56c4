import { XmlError } from './xml';

/** Why bytes could not be read as an invoice; `code` is stable for API clients. */
export type InvoiceFormatErrorCode = 'NOT_AN_INVOICE' | 'UNSUPPORTED_FORMAT' | 'PDF_NEEDS_EXTRACTION';

export class InvoiceFormatError extends Error {
  constructor(
    readonly code: InvoiceFormatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InvoiceFormatError';
  }
}

/** Every error the parsing entry points throw on bad input (anything else is a bug). */
export type InvoiceReadError = InvoiceFormatError | XmlError;
