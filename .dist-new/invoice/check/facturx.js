"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.facturXFindings = facturXFindings;
const findings_1 = require("./findings");
/**
 * Facts of the PDF envelope worth telling the supplier about. They are warnings: the invoice itself
 * is in the XML, and readers (ours included) take the profile from BT-24, not from the XMP.
 */
function facturXFindings(file) {
    const pdf = file.pdf;
    if (!pdf)
        return [];
    if (pdf.xmpError) {
        return [(0, findings_1.warning)(findings_1.CHECK_RULES.xmpUnreadable, `The PDF's XMP metadata cannot be read: ${pdf.xmpError}`)];
    }
    const declared = pdf.profile?.trim();
    if (!declared) {
        return [
            (0, findings_1.warning)(findings_1.CHECK_RULES.xmpUnreadable, 'The PDF carries no Factur-X ConformanceLevel in its XMP metadata.'),
        ];
    }
    if (file.profile && normalise(declared) !== normalise(file.profile)) {
        return [
            (0, findings_1.warning)(findings_1.CHECK_RULES.xmpProfileMismatch, `The XMP ConformanceLevel "${declared}" disagrees with the profile ${file.profile} the embedded XML declares (BT-24).`),
        ];
    }
    return [];
}
function normalise(profile) {
    return profile.toUpperCase().replace(/[\s_-]/g, '');
}
//# sourceMappingURL=facturx.js.map