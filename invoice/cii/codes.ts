/** Codes the EN 16931 CII binding uses to tell terms apart inside generic CII elements. */

/** AdditionalReferencedDocument TypeCode (UNTDID 1001): BG-24 supporting document. */
export const SUPPORTING_DOCUMENT_TYPE_CODE = '916';
/** AdditionalReferencedDocument TypeCode for BT-17 tender or lot reference. */
export const TENDER_TYPE_CODE = '50';
/** AdditionalReferencedDocument TypeCode for BT-18 / BT-128 invoiced object identifier. */
export const INVOICED_OBJECT_TYPE_CODE = '130';
/** SpecifiedTaxRegistration schemeID of BT-31 / BT-48 / BT-63 VAT identifiers. */
export const VAT_SCHEME = 'VA';
/** SpecifiedTaxRegistration schemeID of BT-32 tax registration identifier. */
export const TAX_REGISTRATION_SCHEME = 'FC';
/** TradeTax TypeCode: EN 16931 only knows VAT. */
export const VAT_TAX_TYPE = 'VAT';
/** CCYYMMDD, the only date format EN 16931 allows in CII. */
export const DATE_FORMAT = '102';
/** ram:SpecifiedProcuringProject requires a name, which EN 16931 has no term for. */
export const PROJECT_NAME = 'Project reference';
