export * from './model';
export {
  parseXml,
  XmlError,
  child,
  children,
  at,
  textAt,
  locationOf,
  decodeXmlBytes,
  DEFAULT_XML_LIMITS,
} from './xml';
export type { XmlElement, XmlLimits } from './xml';
export { InvoiceFormatError } from './errors';
export type { InvoiceFormatErrorCode, InvoiceReadError } from './errors';
export { detectFormat } from './detect';
export type { InvoiceSyntax } from './detect';
export { parseInvoice } from './parse';
export type { ParsedInvoice } from './parse';
export { readUbl } from './ubl/read';
export { toUbl } from './ubl/write';
export { readCii } from './cii/read';
export { toCii } from './cii/write';
export { profileOfGuideline, PROFILE_GUIDELINE } from './cii/profile';
export type { FacturXProfile } from './cii/profile';
export {
  extractFacturX,
  toFacturX,
  PdfError,
  FacturXWriteError,
  FACTURX_FILENAME,
  profileFacts,
} from './facturx';
export type { FacturXExtraction, FacturXOptions, PdfAttachment, PdfErrorCode } from './facturx';
export { toPdf } from './pdf';
export { invoiceSchema } from './schema';
export * from './validate';
export * from './xsd';
export * from './platform-rules';
export { checkInvoiceFile, CHECK_RULES, RULE_SETS } from './check';
export type { CheckOptions, CheckResult, CheckedFormat, RuleSet } from './check';
export { convert, convertXml, adaptFor, CONVERSION_RULES, CONVERSION_TARGETS } from './convert';
export type { Conversion, ConversionFinding, ConversionTarget, ConvertOptions } from './convert';
export { convertChecked, introducedFatal } from './convert-check';
export type { CheckedConversion } from './convert-check';
