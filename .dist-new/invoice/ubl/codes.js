"use strict";
/** Codes the EN 16931 UBL binding uses to tell terms apart inside generic UBL elements. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAT_POINT_DATE_CODE_FROM_CII = exports.NO_ORDER_ID = exports.UNKNOWN_CARD_NETWORK = exports.OTHER_TAX_SCHEME = exports.VAT_SCHEME = exports.SEPA_SCHEME = exports.CREDIT_NOTE_PROJECT_TYPE_CODE = exports.INVOICED_OBJECT_TYPE_CODE = void 0;
/** AdditionalDocumentReference / DocumentReference type code (UNTDID 1001) for BT-18 / BT-128. */
exports.INVOICED_OBJECT_TYPE_CODE = '130';
/** AdditionalDocumentReference type code carrying BT-11 in a CreditNote (which has no ProjectReference). */
exports.CREDIT_NOTE_PROJECT_TYPE_CODE = '50';
/** PartyIdentification schemeID marking BT-90 bank assigned creditor identifier. */
exports.SEPA_SCHEME = 'SEPA';
/** TaxScheme ID of VAT identifiers; any other scheme is a tax registration (BT-32). */
exports.VAT_SCHEME = 'VAT';
/** TaxScheme ID written for BT-32 (the binding only requires it to differ from VAT). */
exports.OTHER_TAX_SCHEME = 'TAX';
/** cac:CardAccount requires cbc:NetworkID, which EN 16931 has no term for. */
exports.UNKNOWN_CARD_NETWORK = 'NA';
/** cac:OrderReference requires cbc:ID; the binding writes this when only BT-14 is known. */
exports.NO_ORDER_ID = 'NA';
/** BT-8 in UBL is UNTDID 2005; codes read from CII (UNTDID 2475) are translated. See cii/codes.ts. */
exports.VAT_POINT_DATE_CODE_FROM_CII = {
    '5': '3',
    '29': '35',
    '72': '432',
};
//# sourceMappingURL=codes.js.map