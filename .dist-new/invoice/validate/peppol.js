"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PEPPOL_BIS_BILLING = void 0;
exports.validatePeppol = validatePeppol;
const rules_1 = require("./rules");
const schematron_1 = require("./schematron");
/** BT-24 of a Peppol BIS Billing 3.0 invoice or credit note. */
exports.PEPPOL_BIS_BILLING = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
let compiledUbl;
let compiledCii;
/**
 * Checks a UBL invoice or credit note, or a CII invoice, against the OpenPEPPOL BIS Billing 3.0 rules
 * of its syntax (PEPPOL-EN16931-*, PEPPOL-COMMON-*, the national rules they carry), with the published
 * ids, messages and flags. These come on top of EN 16931: a Peppol document must pass both.
 */
function validatePeppol(root) {
    if (root.ns === CII_NAMESPACE) {
        compiledCii ??= (0, schematron_1.compileSchematron)(rules_1.peppolCiiSchematron);
        return (0, schematron_1.runSchematron)(compiledCii, root);
    }
    compiledUbl ??= (0, schematron_1.compileSchematron)(rules_1.peppolUblSchematron);
    return (0, schematron_1.runSchematron)(compiledUbl, root);
}
//# sourceMappingURL=peppol.js.map