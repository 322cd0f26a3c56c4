"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.peppolApplies = peppolApplies;
exports.declaresPeppol = declaresPeppol;
exports.peppolFindings = peppolFindings;
const peppol_1 = require("../validate/peppol");
/** The formats the OpenPEPPOL rules exist for: UBL invoice and credit note, CII (alone or in a PDF). */
const PEPPOL_FORMATS = new Set(['ubl-invoice', 'ubl-creditnote', 'cii']);
/**
 * `peppol` applies the OpenPEPPOL rules of its syntax to any UBL or CII document; a deposit (`all`)
 * applies them to a document that says it is Peppol BIS Billing 3.0 (BT-24), as foreign suppliers send
 * over Peppol.
 */
function peppolApplies(file, rules) {
    if (!PEPPOL_FORMATS.has(file.format))
        return false;
    if (rules === 'peppol')
        return true;
    return rules === 'all' && declaresPeppol(file);
}
function declaresPeppol(file) {
    return file.invoice.specificationId?.trim() === peppol_1.PEPPOL_BIS_BILLING;
}
function peppolFindings(file) {
    return (0, peppol_1.validatePeppol)(file.xml);
}
//# sourceMappingURL=peppol.js.map