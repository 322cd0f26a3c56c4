"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isManager = void 0;
exports.membershipOf = membershipOf;
exports.requireStructure = requireStructure;
exports.authorize = authorize;
exports.seesService = seesService;
const domain_error_1 = require("../platform/domain-error");
const members_1 = require("./store/members");
const structures_1 = require("./store/structures");
const isManager = (m) => m.role === 'PRINCIPAL' || m.role === 'SECONDAIRE';
exports.isManager = isManager;
/** The user's membership of the structure, if they are a member. */
async function membershipOf(db, structureId, userId) {
    return (0, members_1.findMembership)(db, structureId, userId);
}
/** STRUCTURE_NOT_FOUND unless the structure exists. */
async function requireStructure(db, structureId, field = 'params.structureId') {
    if (!(await (0, structures_1.structureExists)(db, structureId)))
        throw new domain_error_1.DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${structureId}.`, { field });
}
/**
 * Checks that the caller may act on the structure with the given need, and answers their membership
 * (undefined for an operator acting as support). Operators may do everything managers may: support
 * appoints a new main manager when the previous one has left.
 */
async function authorize(db, caller, structureId, need) {
    await requireStructure(db, structureId);
    const membership = await membershipOf(db, structureId, caller.userId);
    if (caller.operator)
        return membership;
    if (!membership)
        throw new domain_error_1.DomainError('NOT_A_MEMBER', 'You are not attached to this structure.', {
            field: 'params.structureId',
        });
    if (need === 'manager' && !(0, exports.isManager)(membership))
        throw new domain_error_1.DomainError('MANAGER_REQUIRED', 'Only a manager of this structure may do this.');
    if (need === 'principal' && membership.role !== 'PRINCIPAL')
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_REQUIRED', 'Only the main manager of this structure may do this.');
    return membership;
}
/** Whether a member attached to some services may see this one (managers and whole-structure members see all). */
function seesService(m, code) {
    return !m || (0, exports.isManager)(m) || m.services.length === 0 || m.services.includes(code);
}
//# sourceMappingURL=access.js.map