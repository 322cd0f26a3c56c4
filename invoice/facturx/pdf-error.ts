/** Why a PDF could not yield an invoice; `code` is stable and meant for API error bodies. */
export type PdfErrorCode =
  'PDF_TRUNCATED' | 'PDF_UNREADABLE' | 'PDF_ENCRYPTED' | 'PDF_NO_INVOICE_XML' | 'PDF_TOO_LARGE';

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}
