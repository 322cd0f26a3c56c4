export { extractFacturX, DEFAULT_EXTRACT_LIMITS } from './extract';
export type { FacturXExtraction, PdfAttachment, ExtractLimits } from './extract';
export { PdfError } from './pdf-error';
export type { PdfErrorCode } from './pdf-error';
