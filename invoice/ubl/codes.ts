/** Codes the EN 16931 UBL binding uses to tell terms apart inside generic UBL elements. */

/** AdditionalDocumentReference / DocumentReference type code (UNTDID 1001) for BT-18 / BT-128. */
export const INVOICED_OBJECT_TYPE_CODE = '130';
/** AdditionalDocumentReference type code carrying BT-11 in a CreditNote (which has no ProjectReference). */
export const CREDIT_NOTE_PROJECT_TYPE_CODE = '50';
/** PartyIdentification schemeID marking BT-90 bank assigned creditor identifier. */
export const SEPA_SCHEME = 'SEPA';
/** TaxScheme ID of VAT identifiers; any other scheme is a tax registration (BT-32). */
export const VAT_SCHEME = 'VAT';
/** TaxScheme ID written for BT-32 (the binding only requires it to differ from VAT). */
export const OTHER_TAX_SCHEME = 'TAX';
/** cac:CardAccount requires cbc:NetworkID, which EN 16931 has no term for. */
export const UNKNOWN_CARD_NETWORK = 'NA';
/** cac:OrderReference requires cbc:ID; the binding writes this when only BT-14 is known. */
export const NO_ORDER_ID = 'NA';
/** BT-8 in UBL is UNTDID 2005; codes read from CII (UNTDID 2475) are translated. See cii/codes.ts. */
export const VAT_POINT_DATE_CODE_FROM_CII: Readonly<Record<string, string>> = {
  '5': '3',
  '29': '35',
  '72': '432',
};
