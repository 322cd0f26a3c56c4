"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.listMembers = listMembers;
exports.listMembersWithEmails = listMembersWithEmails;
exports.addMember = addMember;
exports.revokeMember = revokeMember;
exports.transferPrincipal = transferPrincipal;
exports.changeMemberRole = changeMemberRole;
const domain_error_1 = require("../platform/domain-error");
const accounts_1 = require("../accounts");
const access_1 = require("./access");
const membership_requests_1 = require("./membership-requests");
const services_1 = require("./services");
const store = __importStar(require("./store/members"));
/** The members of a structure, main manager first. */
async function listMembers(db, structureId) {
    return store.listMembers(db, structureId);
}
/** The members of a structure with their login email, for its managers. */
async function listMembersWithEmails(db, structureId) {
    const members = await store.listMembers(db, structureId);
    const emails = await (0, accounts_1.loginEmailsOf)(db, members.map((m) => m.userId));
    return members.map((m) => ({ ...m, email: emails.get(m.userId) }));
}
/**
 * Makes a user a member of the structure as secondary manager or user, directly (by a manager);
 * doing it again changes the role and services. Only the main manager appoints secondary managers
 * (`by` is undefined for support), and the main manager's own row is never changed this way: that
 * is a transfer. Open membership requests are told.
 */
async function addMember(deps, by, m) {
    if (m.role === 'SECONDAIRE' && by && by.role !== 'PRINCIPAL')
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_REQUIRED', 'Only the main manager appoints secondary managers.', {
            field: 'body.role',
        });
    // Demoting a secondary manager is the main manager's too.
    if (by &&
        by.role !== 'PRINCIPAL' &&
        (await (0, access_1.membershipOf)(deps.db, m.structureId, m.userId))?.role === 'SECONDAIRE')
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_REQUIRED', 'Only the main manager changes a secondary manager.', {
            field: 'body.userId',
        });
    await requireUser(deps.db, m.userId);
    await (0, services_1.requireKnownServices)(deps.db, m.structureId, m.services);
    if (!(await store.saveNonPrincipalMember(deps.db, m, new Date().toISOString())))
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_UNCHANGED', 'Transfer the main-manager role before changing it.', {
            field: 'body.userId',
        });
    await (0, membership_requests_1.signalMembersChanged)(deps.db, deps.client, m.structureId);
    return { ...m };
}
/**
 * Ends a membership; only the main manager revokes secondary managers, and the main manager cannot
 * be revoked before the role is transferred (LAST_MAIN_MANAGER). Open membership requests are told.
 */
async function revokeMember(deps, by, structureId, userId) {
    const target = await (0, access_1.membershipOf)(deps.db, structureId, userId);
    if (target?.role === 'SECONDAIRE' && by && by.role !== 'PRINCIPAL')
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_REQUIRED', 'Only the main manager revokes secondary managers.', {
            field: 'params.userId',
        });
    if (!target)
        throw new domain_error_1.DomainError('MEMBER_NOT_FOUND', `User ${userId} is not attached to this structure.`, {
            field: 'params.userId',
        });
    if (target.role === 'PRINCIPAL')
        throw lastMainManager('revoking');
    await store.deleteMember(deps.db, structureId, userId);
    await (0, membership_requests_1.signalMembersChanged)(deps.db, deps.client, structureId);
    return target;
}
/**
 * Makes a member the main manager; the previous one stays as secondary manager. Support (an operator)
 * may appoint a user who is not yet a member, when the main manager has left. Answers the members.
 */
async function transferPrincipal(deps, structureId, toUserId, byOperator) {
    await requireUser(deps.db, toUserId);
    if (!(await store.transferPrincipalRole(deps.db, structureId, toUserId, byOperator, new Date().toISOString())))
        throw new domain_error_1.DomainError('TARGET_NOT_A_MEMBER', `User ${toUserId} must be attached to the structure first.`, {
            field: 'body.userId',
        });
    await (0, membership_requests_1.signalMembersChanged)(deps.db, deps.client, structureId);
    return store.listMembers(deps.db, structureId);
}
/** The structure always keeps its one main manager: the role is handed over, never just taken away. */
const lastMainManager = (doing) => new domain_error_1.DomainError('LAST_MAIN_MANAGER', `The structure must keep a main manager: hand the role over to another member before ${doing} this one.`, { field: 'params.userId' });
/**
 * Changes a member's role (promote, demote) and, optionally, services. Rules (domain: managers
 * attach users, the main manager appoints secondary managers and transfers the role):
 * - PRINCIPAL hands the main-manager role over (main manager or support): the previous one becomes
 *   secondary manager, so the structure keeps exactly one;
 * - the main manager's own role is never lowered this way (LAST_MAIN_MANAGER);
 * - making or unmaking a secondary manager is the main manager's (or support's);
 * - a secondary manager changes the services of plain users.
 * `by` is undefined for support. Answers the member as changed.
 */
async function changeMemberRole(deps, by, structureId, userId, change) {
    const target = await (0, access_1.membershipOf)(deps.db, structureId, userId);
    if (!target)
        throw new domain_error_1.DomainError('MEMBER_NOT_FOUND', `User ${userId} is not attached to this structure.`, {
            field: 'params.userId',
        });
    const principalOnly = change.role !== 'UTILISATEUR' || target.role !== 'UTILISATEUR';
    if (principalOnly && by && by.role !== 'PRINCIPAL')
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_REQUIRED', change.role === 'PRINCIPAL'
            ? 'Only the main manager hands the main-manager role over.'
            : 'Only the main manager appoints or changes secondary managers.', { field: 'body.role' });
    if (change.role === 'PRINCIPAL') {
        const members = await transferPrincipal(deps, structureId, userId, false);
        return members.find((m) => m.userId === userId);
    }
    if (target.role === 'PRINCIPAL')
        throw lastMainManager('demoting');
    const services = change.services ?? target.services;
    await (0, services_1.requireKnownServices)(deps.db, structureId, services);
    const at = new Date().toISOString();
    // Checked again in the write: a hand-over meanwhile may have made the target main manager.
    if (!(await store.saveNonPrincipalMember(deps.db, { structureId, userId, role: change.role, services }, at)))
        throw lastMainManager('demoting');
    await (0, membership_requests_1.signalMembersChanged)(deps.db, deps.client, structureId);
    return { structureId, userId, role: change.role, services };
}
async function requireUser(db, userId) {
    if (!(await (0, accounts_1.userExists)(db, userId)))
        throw new domain_error_1.DomainError('USER_NOT_FOUND', `No user ${userId}.`, { field: 'body.userId' });
}
//# sourceMappingURL=members.js.map