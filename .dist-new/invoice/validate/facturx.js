"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateFacturXProfile = validateFacturXProfile;
const rules_1 = require("./rules");
const schematron_1 = require("./schematron");
const schemas = {
    MINIMUM: rules_1.facturXMinimumSchematron,
    'BASIC WL': rules_1.facturXBasicWlSchematron,
    BASIC: rules_1.facturXBasicSchematron,
    'EN 16931': rules_1.facturXEn16931Schematron,
    EXTENDED: rules_1.facturXExtendedSchematron,
};
const compiled = {};
/**
 * Checks a CII document against the Factur-X 1.09.2 Schematron of one profile (FNFE-MPE / FeRD), with
 * the published ids and messages. This is what judges MINIMUM and BASIC WL documents, which are not
 * EN 16931 invoices; elements or attributes the profile does not use are reported as FX-NOT-ALLOWED
 * (the published rules report them without an id).
 */
function validateFacturXProfile(root, profile) {
    // Rules compile on first use per profile, then every call only evaluates closures.
    const rules = (compiled[profile] ??= (0, schematron_1.compileSchematron)(schemas[profile]));
    return (0, schematron_1.runSchematron)(rules, root);
}
//# sourceMappingURL=facturx.js.map