"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.routingProblems = routingProblems;
const routing_1 = require("../../invoice/platform-rules/routing");
/**
 * The platform's routing rules on routing data alone: a recycled invoice is routed on the corrected
 * data, not its file's.
 */
async function routingProblems(directory, r) {
    const { findings } = await (0, routing_1.checkRouting)({
        recipient: r.recipientId ? { value: r.recipientId } : undefined,
        serviceCode: r.serviceCode,
        engagementNumber: r.engagementNumber,
    }, directory);
    return findings.filter((f) => f.severity === 'fatal');
}
//# sourceMappingURL=routing.js.map