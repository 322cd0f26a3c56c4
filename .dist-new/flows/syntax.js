"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FLOW_SYNTAXES = void 0;
exports.isFlowSyntax = isFlowSyntax;
exports.isFlowInvoiceFile = isFlowInvoiceFile;
/**
 * syntaxeFlux values of flow deposits, and the invoice format each one announces. E2 "MIN" syntaxes
 * carry the same XML as their E1 counterpart (data) with a PDF image beside it; the platform files
 * the XML. IN_DP_E2_CPP_FACTURE_MIN (the platform's own XML format) is not read by this platform.
 */
exports.FLOW_SYNTAXES = {
    IN_DP_E1_UBL_INVOICE: 'ubl',
    IN_DP_E1_CII_16B: 'cii',
    IN_DP_E2_UBL_INVOICE_MIN: 'ubl',
    IN_DP_E2_CII_MIN_16B: 'cii',
    IN_DP_E2_CII_FACTURX: 'facturx',
    IN_DP_E3_UBL_INVOICE: 'ubl',
};
function isFlowSyntax(s) {
    return Object.prototype.hasOwnProperty.call(exports.FLOW_SYNTAXES, s);
}
/** Files of an E2 flow that are the invoice's PDF image, not an invoice of their own. */
function isFlowInvoiceFile(syntax, name) {
    if (exports.FLOW_SYNTAXES[syntax] === 'facturx')
        return /\.pdf$/i.test(name);
    return /\.xml$/i.test(name);
}
//# sourceMappingURL=syntax.js.map