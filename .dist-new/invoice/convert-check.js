"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.introducedFatal = introducedFatal;
exports.convertChecked = convertChecked;
const check_1 = require("./check");
const convert_1 = require("./convert");
/** The fatal findings of `output` whose rule is not among the source's fatal findings. */
function introducedFatal(source, output) {
    const before = new Set(source.filter((f) => f.severity === 'fatal').map((f) => f.rule));
    return output.filter((f) => f.severity === 'fatal' && !before.has(f.rule));
}
/**
 * Converts a checked source and validates the result (XSD and EN 16931 or Factur-X profile rules, as
 * `checkInvoiceFile` does for a deposit). A plain PDF carries no invoice and is not judged.
 * `source` is the source file's own verdict under the same rules, so only what the conversion adds
 * is reported: a source that was already invalid does not make every conversion of it refused.
 */
async function convertChecked(source, target, options = {}) {
    if (!source.invoice)
        throw new Error('the source is not a readable invoice');
    const { output, findings } = await (0, convert_1.convert)(source.invoice, target, options);
    if (target === 'pdf')
        return { output, findings, introduced: [] };
    const verdict = await (0, check_1.checkInvoiceFile)(output, { rules: 'en16931' });
    return {
        output,
        findings,
        introduced: introducedFatal(source.findings, verdict.findings),
        ruleSets: verdict.ruleSets,
    };
}
//# sourceMappingURL=convert-check.js.map