"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestMembership = requestMembership;
exports.listMembershipRequests = listMembershipRequests;
exports.decideMembershipRequest = decideMembershipRequest;
exports.withdrawMembershipRequest = withdrawMembershipRequest;
exports.signalMembersChanged = signalMembersChanged;
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const domain_error_1 = require("../platform/domain-error");
const membership_1 = require("../workflows/membership");
const access_1 = require("./access");
const services_1 = require("./services");
const membership_requests_1 = require("./store/membership-requests");
/**
 * A user asks to become a member of a structure (rattachement), optionally for some of its services:
 * starts the request's workflow, which emails the managers.
 */
async function requestMembership(deps, caller, structureId, services) {
    await (0, access_1.requireStructure)(deps.db, structureId);
    if (await (0, access_1.membershipOf)(deps.db, structureId, caller.userId))
        throw new domain_error_1.DomainError('ALREADY_A_MEMBER', 'You are already attached to this structure.');
    await (0, services_1.requireKnownServices)(deps.db, structureId, services);
    const request = {
        structureId,
        userId: caller.userId,
        requesterEmail: caller.email,
        services,
        requestedAt: new Date().toISOString(),
    };
    const id = (0, membership_1.membershipRequestWorkflowId)(structureId, caller.userId);
    try {
        await deps.client.workflow.start(membership_1.structureAttachment, {
            workflowId: id,
            taskQueue: deps.taskQueue,
            args: [request],
        });
    }
    catch (err) {
        if (err instanceof client_1.WorkflowExecutionAlreadyStartedError)
            throw new domain_error_1.DomainError('ATTACHMENT_ALREADY_REQUESTED', 'Your request to this structure awaits an answer.');
        throw err;
    }
    return { id, ...request };
}
/** Requests to the structures the caller manages, their own, and (operators) those escalated to support. */
async function listMembershipRequests(db, caller) {
    return (0, membership_requests_1.requestsVisibleTo)(db, caller);
}
/**
 * A manager's (or, once escalated, an operator's) decision on a request; the workflow's validator
 * has the last word on who may decide.
 */
async function decideMembershipRequest(deps, decider, structureId, requesterId, answer) {
    // Which of role and reason is required depends on approve; said here rather than with if/then in
    // the schema, which ajv's strict mode and OpenAPI readers handle poorly.
    const missing = answer.approve ? (answer.role ? undefined : 'role') : answer.reason ? undefined : 'reason';
    if (missing)
        throw new domain_error_1.DomainError('INVALID_INPUT', `body.${missing} is required to ${answer.approve ? 'approve' : 'refuse'}.`, {
            errors: [{ field: `body.${missing}`, message: `body.${missing} is required` }],
        });
    await (0, services_1.requireKnownServices)(deps.db, structureId, answer.services ?? []);
    if (answer.approve)
        await requirePrincipalToAppoint(deps.db, decider, structureId, answer.role);
    const by = { deciderId: decider.userId, operator: decider.operator };
    const decision = answer.approve
        ? { ...by, approve: true, role: answer.role, services: answer.services }
        : { ...by, approve: false, reason: answer.reason };
    const id = (0, membership_1.membershipRequestWorkflowId)(structureId, requesterId);
    const outcome = await membershipUpdate(id, () => deps.client.workflow.getHandle(id).executeUpdate(membership_1.decide, { args: [decision] }));
    return { id, ...outcome };
}
/**
 * Managers are appointed by the main manager (or support): approving as gestionnaire secondaire or
 * handing the main-manager role over with an approval is theirs, a secondary manager approves users.
 */
async function requirePrincipalToAppoint(db, decider, structureId, role) {
    if (role === 'UTILISATEUR' || decider.operator)
        return;
    if ((await (0, access_1.membershipOf)(db, structureId, decider.userId))?.role !== 'PRINCIPAL')
        throw new domain_error_1.DomainError('PRINCIPAL_MANAGER_REQUIRED', role === 'PRINCIPAL'
            ? 'Only the main manager hands the main-manager role over.'
            : 'Only the main manager appoints secondary managers.', { field: 'body.role' });
}
/** The requester withdraws their request. */
async function withdrawMembershipRequest(deps, caller, structureId, requesterId) {
    if (requesterId !== caller.userId)
        throw new domain_error_1.DomainError('NOT_THE_REQUESTER', 'Only the requester may withdraw the request.', {
            field: 'params.userId',
        });
    const id = (0, membership_1.membershipRequestWorkflowId)(structureId, requesterId);
    const outcome = await membershipUpdate(id, () => deps.client.workflow.getHandle(id).executeUpdate(membership_1.withdraw, { args: [{ userId: requesterId }] }));
    return { id, ...outcome };
}
/** Tells every open membership request of the structure that its members changed (who may decide, who is in). */
async function signalMembersChanged(db, client, structureId) {
    const open = await (0, membership_requests_1.openRequestIds)(db, structureId);
    await Promise.all(open.map((id) => client.workflow
        .getHandle(id)
        .signal(membership_1.membersChanged)
        .catch((err) => {
        // A request that ended since the read has nothing left to refresh.
        if (!(err instanceof client_1.WorkflowNotFoundError))
            throw err;
    })));
}
const REFUSALS = {
    NotAManager: 'MANAGER_REQUIRED',
    NotTheRequester: 'NOT_THE_REQUESTER',
    NotEscalated: 'ATTACHMENT_NOT_ESCALATED',
    AlreadyDecided: 'ATTACHMENT_ALREADY_DECIDED',
};
/** Runs an update of a membership request workflow, turning its refusals into domain errors with stable codes. */
async function membershipUpdate(id, run) {
    try {
        return await run();
    }
    catch (err) {
        if (err instanceof client_1.WorkflowNotFoundError)
            throw new domain_error_1.DomainError('ATTACHMENT_REQUEST_NOT_FOUND', `No open attachment request ${id}.`, {
                field: 'params.userId',
            });
        const cause = err instanceof client_1.WorkflowUpdateFailedError ? err.cause : undefined;
        if (cause instanceof common_1.ApplicationFailure && cause.type && cause.type in REFUSALS) {
            throw new domain_error_1.DomainError(REFUSALS[cause.type], cause.message);
        }
        throw err;
    }
}
//# sourceMappingURL=membership-requests.js.map