"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validatePlatformRules = validatePlatformRules;
const cadre_1 = require("./rules/cadre");
const duplicate_1 = require("./rules/duplicate");
const identifiers_1 = require("./rules/identifiers");
const iban_1 = require("./rules/iban");
const routing_1 = require("./rules/routing");
const routing_2 = require("./routing");
/**
 * The platform's own deposit rules, on top of EN 16931. Rules that need the recipient's parameters run
 * only when a directory is given, and FF-DUP-01 only when a duplicate registry is given.
 */
async function validatePlatformRules(invoice, ctx = {}) {
    const findings = [
        ...(0, identifiers_1.FF_SIRET_01)(invoice),
        ...(0, identifiers_1.FF_SIREN_01)(invoice),
        ...(0, cadre_1.FF_CADRE_01)(invoice),
        ...(0, iban_1.FF_IBAN_01)(invoice),
    ];
    const routing = await (0, routing_2.checkRouting)((0, routing_1.routingFactsOf)(invoice), ctx.recipients);
    findings.push(...routing.findings);
    if (routing.recipient)
        findings.push(...(0, routing_1.FF_EUR_01)(invoice, routing.recipient));
    if (ctx.duplicates)
        findings.push(...(await (0, duplicate_1.FF_DUP_01)(invoice, ctx.duplicates, ctx.today)));
    return findings;
}
//# sourceMappingURL=validate.js.map