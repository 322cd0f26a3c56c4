import { isLimitError, XmlError } from './xml';

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

/**
 * A document refused for what reading it would cost: more CPU time or memory than one invoice is
 * given (the isolated reader ran out of its budget). The message names the budget.
 */
export class DocumentTooComplexError extends Error {
  readonly code = 'DOCUMENT_TOO_COMPLEX';
  constructor(message: string) {
    super(message);
    this.name = 'DocumentTooComplexError';
  }
}

/** Every error the parsing entry points throw on bad input (anything else is a bug). */
export type InvoiceReadError = InvoiceFormatError | XmlError;

/**
 * The refusal code of an XML error at a deposit: a limit hit (XML_TOO_DEEP, INVOICE_TOO_MANY_LINES…) or
 * an unsupported encoding keeps its own code, which names what to change; broken XML is
 * INVOICE_NOT_WELL_FORMED, with the parser's code in the details.
 */
export function xmlRefusalCode(err: XmlError): string {
  return isLimitError(err) || err.code === 'XML_ENCODING_UNSUPPORTED' ? err.code : 'INVOICE_NOT_WELL_FORMED';
}
