"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.en16931SyntaxOf = en16931SyntaxOf;
exports.validateEn16931 = validateEn16931;
exports.prepareEn16931 = prepareEn16931;
const xml_1 = require("../xml");
const rules_1 = require("./rules");
const schematron_1 = require("./schematron");
const UBL_ROOTS = new Set([
    'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
    'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
]);
const CII_ROOT = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
const schemas = { ubl: rules_1.ublSchematron, cii: rules_1.ciiSchematron };
const compiled = {};
/** The syntax of an invoice by its root element's namespace, or undefined when it is neither. */
function en16931SyntaxOf(root) {
    if (UBL_ROOTS.has(root.ns))
        return 'ubl';
    if (root.ns === CII_ROOT)
        return 'cii';
    return undefined;
}
/**
 * Checks an invoice against every rule of the official EN 16931 validation artefacts 1.3.16 for its
 * syntax (business rules BR-*, code lists BR-CL-*, decimals BR-DEC-*, VAT categories, and the syntax
 * rules UBL-SR/DT/CR or CII-SR/DT), with the official ids, messages and flags. Works on partial
 * documents: whatever is missing is reported, never thrown.
 */
function validateEn16931(invoice, syntax) {
    const root = typeof invoice === 'string' || invoice instanceof Uint8Array ? (0, xml_1.parseXml)(invoice) : invoice;
    const which = syntax ?? en16931SyntaxOf(root);
    if (!which) {
        throw new Error(`not an EN 16931 UBL or CII invoice: root element {${root.ns}}${root.name}`);
    }
    // Rules compile on first use per syntax, then every call only evaluates closures.
    const rules = (compiled[which] ??= (0, schematron_1.compileSchematron)(schemas[which]));
    return (0, schematron_1.runSchematron)(rules, root);
}
/** Compiles a syntax's rules ahead of the first invoice (the CLI does it while the XSD worker compiles). */
function prepareEn16931(syntax) {
    compiled[syntax] ??= (0, schematron_1.compileSchematron)(schemas[syntax]);
}
//# sourceMappingURL=en16931.js.map