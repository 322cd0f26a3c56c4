"use strict";
/** Codes the EN 16931 CII binding uses to tell terms apart inside generic CII elements. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAT_POINT_DATE_CODE_FROM_UBL = exports.PROJECT_NAME = exports.DATE_FORMAT = exports.VAT_TAX_TYPE = exports.TAX_REGISTRATION_SCHEME = exports.VAT_SCHEME = exports.INVOICED_OBJECT_TYPE_CODE = exports.TENDER_TYPE_CODE = exports.SUPPORTING_DOCUMENT_TYPE_CODE = void 0;
/** AdditionalReferencedDocument TypeCode (UNTDID 1001): BG-24 supporting document. */
exports.SUPPORTING_DOCUMENT_TYPE_CODE = '916';
/** AdditionalReferencedDocument TypeCode for BT-17 tender or lot reference. */
exports.TENDER_TYPE_CODE = '50';
/** AdditionalReferencedDocument TypeCode for BT-18 / BT-128 invoiced object identifier. */
exports.INVOICED_OBJECT_TYPE_CODE = '130';
/** SpecifiedTaxRegistration schemeID of BT-31 / BT-48 / BT-63 VAT identifiers. */
exports.VAT_SCHEME = 'VA';
/** SpecifiedTaxRegistration schemeID of BT-32 tax registration identifier. */
exports.TAX_REGISTRATION_SCHEME = 'FC';
/** TradeTax TypeCode: EN 16931 only knows VAT. */
exports.VAT_TAX_TYPE = 'VAT';
/** CCYYMMDD, the only date format EN 16931 allows in CII. */
exports.DATE_FORMAT = '102';
/** ram:SpecifiedProcuringProject requires a name, which EN 16931 has no term for. */
exports.PROJECT_NAME = 'Project reference';
/**
 * BT-8 is coded with UNTDID 2475 in CII and UNTDID 2005 in UBL (EN 16931 syntax bindings): invoice date
 * 5 = 3, delivery date 29 = 35, payment date 72 = 432. The lists do not overlap, so a code already in
 * 2475 (or any other value, left for the rules to judge) is written unchanged.
 */
exports.VAT_POINT_DATE_CODE_FROM_UBL = {
    '3': '5',
    '35': '29',
    '432': '72',
};
//# sourceMappingURL=codes.js.map