"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkRouting = checkRouting;
const routing_1 = require("./rules/routing");
/**
 * The routing rules (FF-RECIPIENT-01, FF-RECIPIENT-02, FF-SERVICE-01, FF-EJ-01, FF-EJ-02) on routing facts alone: a
 * deposited file is judged on its own facts, a recycled invoice on the corrected ones. Without a
 * directory, only what needs no recipient is judged (the engagement number's length).
 */
async function checkRouting(facts, directory) {
    if (!directory)
        return { findings: (0, routing_1.FF_EJ_01)(facts, undefined) };
    const id = facts.recipient;
    const recipient = id
        ? await directory.find(id.value.trim(), id.schemeId?.trim() || undefined, facts.recipientIdentifiers)
        : undefined;
    const findings = [...(0, routing_1.FF_RECIPIENT_01)(facts, recipient), ...(0, routing_1.FF_RECIPIENT_02)(facts, recipient)];
    if (recipient)
        findings.push(...(0, routing_1.FF_SERVICE_01)(facts, recipient), ...(0, routing_1.FF_EJ_02)(facts, recipient));
    findings.push(...(0, routing_1.FF_EJ_01)(facts, recipient));
    return { findings, recipient };
}
//# sourceMappingURL=routing.js.map