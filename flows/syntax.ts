/**
 * syntaxeFlux values of flow deposits, and the invoice format each one announces. E2 "MIN" syntaxes
 * carry the same XML as their E1 counterpart (data) with a PDF image beside it; the platform files
 * the XML. IN_DP_E2_CPP_FACTURE_MIN (the platform's own XML format) is not read by this platform.
 */
export const FLOW_SYNTAXES = {
  IN_DP_E1_UBL_INVOICE: 'ubl',
  IN_DP_E1_CII_16B: 'cii',
  IN_DP_E2_UBL_INVOICE_MIN: 'ubl',
  IN_DP_E2_CII_MIN_16B: 'cii',
  IN_DP_E2_CII_FACTURX: 'facturx',
  IN_DP_E3_UBL_INVOICE: 'ubl',
} as const;

export type FlowSyntax = keyof typeof FLOW_SYNTAXES;

export function isFlowSyntax(s: string): s is FlowSyntax {
  return Object.prototype.hasOwnProperty.call(FLOW_SYNTAXES, s);
}

/** Files of an E2 flow that are the invoice's PDF image, not an invoice of their own. */
export function isFlowInvoiceFile(syntax: FlowSyntax, name: string): boolean {
  if (FLOW_SYNTAXES[syntax] === 'facturx') return /\.pdf$/i.test(name);
  return /\.xml$/i.test(name);
}
