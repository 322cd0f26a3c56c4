"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.advisorsOnDuty = advisorsOnDuty;
exports.requestAdvisors = requestAdvisors;
exports.queueScopeOf = queueScopeOf;
const accounts_1 = require("../accounts");
const structures_1 = require("../structures");
const store_1 = require("./store");
/** How many advisors (operators) said they are available for the live chat. */
async function advisorsOnDuty(db) {
    const available = new Set(await (0, store_1.availableAdvisorIds)(db));
    return (await (0, accounts_1.operatorContacts)(db)).filter((o) => available.has(o.userId)).length;
}
/**
 * Who handles the request: operators for platform support; for a buyer's service, the members of
 * that structure attached to the whole structure or to that service.
 */
async function requestAdvisors(db, request) {
    if (request.routing === 'PLATEFORME' || !request.structureId)
        return (0, accounts_1.operatorContacts)(db);
    const { serviceCode } = request;
    return (await (0, structures_1.memberContacts)(db, request.structureId))
        .filter((m) => m.services.length === 0 || !serviceCode || m.services.includes(serviceCode))
        .map(({ userId, email }) => ({ userId, email }));
}
/** The requests a user handles: platform ones if an operator, and those of the buyers' services they belong to. */
async function queueScopeOf(db, user) {
    const memberships = await (0, structures_1.membershipsOfUser)(db, user.userId);
    return {
        platform: user.operator,
        buyers: memberships.map((m) => ({ structureId: m.structureId, services: m.services })),
    };
}
//# sourceMappingURL=advisors.js.map