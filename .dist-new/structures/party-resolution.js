"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveParty = resolveParty;
const company_registry_1 = require("./store/company-registry");
const identifiers_1 = require("./identifiers");
const structures_1 = require("./store/structures");
/**
 * The structure a party's identifiers name, in this order: a registered SIRET, or another identifier
 * registered as is (a foreign VAT number…); else a SIREN of which exactly one establishment is
 * registered, or, when several are, the one the company registry knows as head office; else none
 * (unknown), or several (ambiguous: the supplier must name the establishment).
 */
async function resolveParty(db, keys) {
    const exact = [...keys.sirets, ...keys.others];
    const registered = await (0, structures_1.structuresWithIdentifiers)(db, exact);
    for (const identifier of exact) {
        const key = (0, identifiers_1.identityKey)(identifier);
        const structure = registered.find((s) => s.identifier === identifier || s.identityKey === key);
        if (structure)
            return { outcome: 'resolved', structure, by: 'identifier' };
    }
    let ambiguous;
    for (const siren of keys.sirens) {
        const matches = await (0, structures_1.structuresOfSiren)(db, siren);
        if (matches.length === 1)
            return { outcome: 'resolved', structure: matches[0], by: 'siren' };
        if (matches.length === 0)
            continue;
        const headOffice = await (0, company_registry_1.headOfficeOf)(db, siren);
        const structure = matches.find((s) => s.identifier === headOffice);
        if (structure)
            return { outcome: 'resolved', structure, by: 'head-office' };
        ambiguous ??= { outcome: 'ambiguous', siren, matches };
    }
    return ambiguous ?? { outcome: 'unknown' };
}
//# sourceMappingURL=party-resolution.js.map