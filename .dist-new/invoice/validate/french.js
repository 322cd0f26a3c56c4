"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateFrench = validateFrench;
const en16931_1 = require("./en16931");
const rules_1 = require("./rules");
const schematron_1 = require("./schematron");
const compiled = {};
/**
 * Checks a UBL or CII invoice against the French e-invoicing reform's BR-FR rules (FNFE-MPE Schematron
 * V1.3.0, "Flux 2": SIREN and SIRET of the parties, invoice type codes, billing framework, VAT exemption
 * mentions, …), with the published ids, messages and flags. These come on top of EN 16931.
 */
function validateFrench(root) {
    const syntax = (0, en16931_1.en16931SyntaxOf)(root);
    if (!syntax)
        throw new Error(`not a UBL or CII invoice: {${root.ns}}${root.name}`);
    if (syntax === 'cii')
        return (0, schematron_1.runSchematron)((compiled.cii ??= (0, schematron_1.compileSchematron)(rules_1.frCiiSchematron)), root);
    return (0, schematron_1.runSchematron)((compiled.ubl ??= (0, schematron_1.compileSchematron)(rules_1.frUblSchematron)), root);
}
//# sourceMappingURL=french.js.map