"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.platformFindings = platformFindings;
const platform_rules_1 = require("../platform-rules");
const findings_1 = require("./findings");
/**
 * The platform's deposit rules. Those needing the recipient directory or the duplicate registry run
 * only when given one (e.g. not from the CLI); a warning says so, lest silence read as a pass.
 */
async function platformFindings(file, ctx = {}) {
    const findings = await (0, platform_rules_1.validatePlatformRules)(file.invoice, ctx);
    const missing = [ctx.recipients ? '' : 'recipient directory', ctx.duplicates ? '' : 'duplicate registry'];
    const absent = missing.filter(Boolean);
    if (absent.length) {
        findings.push((0, findings_1.warning)(findings_1.CHECK_RULES.rulesNotRun, `No ${absent.join(' and ')} given: the platform rules that need it were not checked.`));
    }
    return findings;
}
//# sourceMappingURL=platform.js.map