export { extractFacturX, DEFAULT_EXTRACT_LIMITS } from './extract';
export type { FacturXExtraction, PdfAttachment, ExtractLimits } from './extract';
export { PdfError } from './pdf-error';
export type { PdfErrorCode } from './pdf-error';
export { toFacturX, FACTURX_FILENAME } from './write';
export type { FacturXOptions } from './write';
export { FacturXWriteError } from './write-error';
export { profileFacts } from './profiles';
export type { FacturXProfile, ProfileFacts } from './profiles';
