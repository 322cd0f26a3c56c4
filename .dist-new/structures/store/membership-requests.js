"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openRequestIds = openRequestIds;
exports.savePendingRequest = savePendingRequest;
exports.escalateRequest = escalateRequest;
exports.recordDecision = recordDecision;
exports.closeRequest = closeRequest;
exports.requestsVisibleTo = requestsVisibleTo;
const members_1 = require("./members");
const operator_tasks_1 = require("./operator-tasks");
/** SQL on attachment_requests (the table keeps its name: membership requests, rattachements). */
/** The operators' task of a request: one per request and asking (its id is reused by later requests). */
const taskId = ({ id, request }) => `${id}@${request.requestedAt}`;
/** Ids of the structure's requests still waiting for a decision. */
async function openRequestIds(db, structureId) {
    return db('attachment_requests')
        .where({ structure_id: structureId })
        .whereIn('status', ['EN_ATTENTE', 'ESCALADEE'])
        .pluck('id');
}
/** Files the request as EN_ATTENTE (a later request of the same user replaces a decided one). */
async function savePendingRequest(db, { id, request }) {
    await db('attachment_requests')
        .insert({
        id,
        structure_id: request.structureId,
        user_id: request.userId,
        requester_email: request.requesterEmail,
        services: JSON.stringify(request.services),
        status: 'EN_ATTENTE',
        requested_at: request.requestedAt,
        decided_at: null,
        decided_by: null,
        role: null,
        reason: null,
    })
        .onConflict('id')
        .merge();
}
/** Puts the request in the operators' queue and marks it ESCALADEE. */
async function escalateRequest(db, step, summary, at) {
    await db.transaction(async (trx) => {
        await (0, operator_tasks_1.openOperatorTask)(trx, {
            id: taskId(step),
            kind: 'ATTACHMENT_REQUEST',
            subjectId: step.id,
            structureId: step.request.structureId,
            summary,
            createdAt: at,
        });
        await trx('attachment_requests')
            .where({ id: step.id, status: 'EN_ATTENTE' })
            .update({ status: 'ESCALADEE' });
    });
}
/** Records the decision; an approval makes the requester a member with the granted role and services. */
async function recordDecision(db, step, outcome) {
    await db.transaction(async (trx) => {
        if (outcome.status === 'APPROUVEE' && outcome.role === 'PRINCIPAL')
            // Approved as main manager: the role is handed over, the previous main manager stays secondary.
            await (0, members_1.transferPrincipalRole)(trx, step.request.structureId, step.request.userId, true, outcome.decidedAt);
        else if (outcome.status === 'APPROUVEE') {
            // A main manager keeps the role: approving a request never demotes them.
            await (0, members_1.addMemberIfAbsent)(trx, {
                structureId: step.request.structureId,
                userId: step.request.userId,
                role: outcome.role,
                services: outcome.services ?? [],
            }, outcome.decidedAt);
        }
        await closeRow(trx, step, outcome);
    });
}
/** Ends a request nobody decided: its row takes the outcome, its operators' task is resolved. */
async function closeRequest(db, step, outcome) {
    await db.transaction((trx) => closeRow(trx, step, outcome));
}
async function closeRow(trx, step, outcome) {
    await trx('attachment_requests')
        .where({ id: step.id, requested_at: step.request.requestedAt })
        .update({
        status: outcome.status,
        decided_at: outcome.decidedAt ?? null,
        decided_by: outcome.decidedBy ?? null,
        role: outcome.role ?? null,
        reason: outcome.reason ?? null,
    });
    await (0, operator_tasks_1.resolveOperatorTask)(trx, taskId(step), outcome.decidedAt ?? new Date().toISOString());
}
/**
 * Requests to the structures the user manages, the user's own, and (operators) those escalated to
 * support, newest first.
 */
async function requestsVisibleTo(db, user) {
    const managed = db('structure_members')
        .where({ user_id: user.userId })
        .whereIn('role', ['PRINCIPAL', 'SECONDAIRE'])
        .select('structure_id');
    const rows = await db('attachment_requests')
        .where((q) => {
        q.whereIn('structure_id', managed).orWhere({ user_id: user.userId });
        if (user.operator)
            q.orWhere({ status: 'ESCALADEE' });
    })
        .orderBy('requested_at', 'desc');
    return rows.map(toView);
}
const iso = (v) => (v ? new Date(v).toISOString() : undefined);
function toView(r) {
    const opt = (v) => (v ?? undefined);
    return {
        id: r.id,
        structureId: r.structure_id,
        userId: r.user_id,
        requesterEmail: r.requester_email,
        services: JSON.parse(r.services),
        status: r.status,
        requestedAt: iso(r.requested_at),
        decidedAt: iso(r.decided_at),
        decidedBy: opt(r.decided_by),
        role: opt(r.role),
        reason: opt(r.reason),
    };
}
//# sourceMappingURL=membership-requests.js.map