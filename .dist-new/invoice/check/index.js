"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RULE_SETS = exports.RULE_SET_DESCRIPTIONS = exports.CHECK_RULES = void 0;
exports.checkInvoiceFile = checkInvoiceFile;
const en16931_1 = require("./en16931");
const facturx_1 = require("./facturx");
const french_1 = require("./french");
const findings_1 = require("./findings");
const peppol_1 = require("./peppol");
const platform_1 = require("./platform");
const read_1 = require("./read");
const rule_sets_1 = require("./rule-sets");
const xsd_1 = require("./xsd");
var findings_2 = require("./findings");
Object.defineProperty(exports, "CHECK_RULES", { enumerable: true, get: function () { return findings_2.CHECK_RULES; } });
var rule_sets_2 = require("./rule-sets");
Object.defineProperty(exports, "RULE_SET_DESCRIPTIONS", { enumerable: true, get: function () { return rule_sets_2.RULE_SET_DESCRIPTIONS; } });
Object.defineProperty(exports, "RULE_SETS", { enumerable: true, get: function () { return rule_sets_2.RULE_SETS; } });
const standard = (rules) => rules !== 'platform';
const platform = (rules) => rules === 'platform' || rules === 'all';
/** In order: the envelope, the schemas, the standard's business rules, its extensions, the platform's. */
const STAGES = [
    { name: 'Factur-X envelope', appliesTo: () => true, run: facturx_1.facturXFindings },
    { name: 'XSD', appliesTo: standard, run: xsd_1.xsdFindings },
    {
        name: 'EN 16931',
        ruleSet: en16931_1.en16931RuleSet,
        appliesTo: (rules) => standard(rules) && !(0, rule_sets_1.isFacturXRuleSet)(rules),
        run: en16931_1.en16931Findings,
    },
    {
        name: 'Factur-X profile',
        ruleSet: (file, rules) => (file.format === 'cii' ? rules : undefined),
        appliesTo: rule_sets_1.isFacturXRuleSet,
        run: (file, { rules }) => ((0, rule_sets_1.isFacturXRuleSet)(rules) ? (0, en16931_1.facturXProfileFindings)(file, rules) : []),
    },
    {
        name: 'Peppol BIS',
        ruleSet: () => 'peppol',
        appliesTo: (rules, file) => (0, peppol_1.peppolApplies)(file, rules),
        run: peppol_1.peppolFindings,
    },
    { name: 'French reform', ruleSet: () => 'fr', appliesTo: (rules) => rules === 'fr', run: french_1.frenchFindings },
    {
        name: 'Platform',
        ruleSet: () => 'platform',
        appliesTo: platform,
        run: (file, options) => (0, platform_1.platformFindings)(file, options.platform),
    },
];
/**
 * Judges one deposited file (UBL, CII, or Factur-X/ZUGFeRD PDF) and says whether it is acceptable.
 * Never throws on bad input: an unreadable file, or a validator failing on it, is a fatal finding.
 */
async function checkInvoiceFile(bytes, options) {
    const file = await (0, read_1.readInvoiceFile)(bytes, options.limits);
    if (!file.readable)
        return { format: file.reportedFormat, valid: false, findings: [file.finding] };
    const findings = [];
    const ruleSets = [];
    for (const stage of STAGES) {
        if (!stage.appliesTo(options.rules, file))
            continue;
        findings.push(...(await runStage(stage, file, options)));
        const judgedBy = stage.ruleSet?.(file, options.rules);
        if (judgedBy)
            ruleSets.push(judgedBy);
    }
    const result = {
        format: file.reportedFormat,
        valid: !findings.some((f) => f.severity === 'fatal'),
        findings,
        invoice: file.invoice,
        ruleSets,
    };
    if (file.profile)
        result.profile = file.profile;
    return result;
}
async function runStage(stage, file, options) {
    try {
        return await stage.run(file, options);
    }
    catch (err) {
        // A validator failing is no verdict: the file must not pass as valid for want of one.
        return [
            (0, findings_1.fatal)(findings_1.CHECK_RULES.rulesNotRun, `${stage.name} rules could not run: ${(0, findings_1.errorCode)(err)}: ${(0, findings_1.errorMessage)(err)}`),
        ];
    }
}
//# sourceMappingURL=index.js.map