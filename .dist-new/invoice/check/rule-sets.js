"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RULE_SETS = exports.RULE_SET_DESCRIPTIONS = void 0;
exports.isFacturXRuleSet = isFacturXRuleSet;
exports.profileOfRuleSet = profileOfRuleSet;
exports.facturXRuleSet = facturXRuleSet;
const FACTURX_PROFILES = {
    'facturx-minimum': 'MINIMUM',
    'facturx-basicwl': 'BASIC WL',
    'facturx-basic': 'BASIC',
    'facturx-en16931': 'EN 16931',
    'facturx-extended': 'EXTENDED',
};
/** What each set applies, as `facturflow validate --rules` lists them. */
exports.RULE_SET_DESCRIPTIONS = {
    en16931: 'EN 16931 (CEN/TC 434 1.3.16); Factur-X MINIMUM, BASIC WL and EXTENDED documents by their profile instead',
    'facturx-minimum': 'Factur-X 1.09.2 MINIMUM profile rules, on any CII document',
    'facturx-basicwl': 'Factur-X 1.09.2 BASIC WL profile rules, on any CII document',
    'facturx-basic': 'Factur-X 1.09.2 BASIC profile rules, on any CII document',
    'facturx-en16931': 'Factur-X 1.09.2 EN 16931 profile rules, on any CII document',
    'facturx-extended': 'Factur-X 1.09.2 EXTENDED profile rules, on any CII document',
    peppol: 'en16931, plus Peppol BIS Billing 3.0 (OpenPEPPOL 3.0.19) on any UBL or CII document',
    fr: "en16931, plus the French e-invoicing reform's BR-FR rules (FNFE-MPE Schematron V1.3.0), UBL and CII",
    platform: "the platform's deposit rules only (recipient, duplicates, identifiers, bank details)",
    all: 'en16931, Peppol BIS on documents that declare it, and the platform rules: what a deposit applies',
};
exports.RULE_SETS = Object.keys(exports.RULE_SET_DESCRIPTIONS);
function isFacturXRuleSet(rules) {
    return rules in FACTURX_PROFILES;
}
function profileOfRuleSet(rules) {
    return FACTURX_PROFILES[rules];
}
/** `facturx-extended` for EXTENDED: the name of a profile's rule set. */
function facturXRuleSet(profile) {
    return `facturx-${profile.toLowerCase().replace(/\s+/g, '')}`;
}
//# sourceMappingURL=rule-sets.js.map