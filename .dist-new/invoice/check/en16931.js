"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.en16931Findings = en16931Findings;
exports.en16931RuleSet = en16931RuleSet;
exports.facturXProfileFindings = facturXProfileFindings;
const validate_1 = require("../validate");
const findings_1 = require("./findings");
const rule_sets_1 = require("./rule-sets");
/**
 * Factur-X MINIMUM and BASIC WL are not EN 16931 invoices (no lines, partial totals), and EXTENDED
 * extends it (terms and cardinalities EN 16931 forbids): the EN 16931 rules would misjudge them, so
 * they are judged by their own profile's official rules.
 */
const OWN_RULES_PROFILES = new Set(['MINIMUM', 'BASIC WL', 'EXTENDED']);
/**
 * The EXTENDED profile's rules accept only Factur-X's and ZUGFeRD's own EXTENDED ids: other "#conformant#"
 * extensions (the French EXTENDED-CTC-FR, for one) are read as EXTENDED but stay under EN 16931.
 */
const FACTURX_EXTENDED = /^urn:cen\.eu:en16931:2017#conformant#urn:(factur-x\.eu:1p0|zugferd\.de:2p0):extended$/;
function ownRulesProfile(file) {
    if (!file.profile || !OWN_RULES_PROFILES.has(file.profile))
        return undefined;
    if (file.profile === 'EXTENDED' && !FACTURX_EXTENDED.test(file.invoice.specificationId?.trim() ?? ''))
        return undefined;
    return file.profile;
}
/** The official EN 16931 rules, or the Factur-X profile rules for documents judged by their profile. */
function en16931Findings(file) {
    const profile = ownRulesProfile(file);
    return profile ? (0, validate_1.validateFacturXProfile)(file.xml, profile) : (0, validate_1.validateEn16931)(file.xml);
}
/** The name of the rule set `en16931Findings` applies to a file. */
function en16931RuleSet(file) {
    const profile = ownRulesProfile(file);
    return profile ? (0, rule_sets_1.facturXRuleSet)(profile) : 'en16931';
}
/** The Factur-X Schematron of the profile asked for, whatever the CII document declares. */
function facturXProfileFindings(file, rules) {
    if (file.format !== 'cii')
        return [
            (0, findings_1.fatal)(findings_1.CHECK_RULES.rulesNotRun, `The ${rules} rules judge CII documents; this one is ${file.format}.`),
        ];
    return (0, validate_1.validateFacturXProfile)(file.xml, (0, rule_sets_1.profileOfRuleSet)(rules));
}
//# sourceMappingURL=en16931.js.map