import type { Db } from '../../platform/db';
import type { MembershipOutcome, MembershipRequestView, MembershipStep } from '../types';
import { addMemberIfAbsent, transferPrincipalRole } from './members';
import { openOperatorTask, resolveOperatorTask } from './operator-tasks';

/** SQL on attachment_requests (the table keeps its name: membership requests, rattachements). */

/** The operators' task of a request: one per request and asking (its id is reused by later requests). */
const taskId = ({ id, request }: MembershipStep) => `${id}@${request.requestedAt}`;

/** Ids of the structure's requests still waiting for a decision. */
export async function openRequestIds(db: Db, structureId: string): Promise<string[]> {
  return db('attachment_requests')
    .where({ structure_id: structureId })
    .whereIn('status', ['EN_ATTENTE', 'ESCALADEE'])
    .pluck('id');
}

/** Files the request as EN_ATTENTE (a later request of the same user replaces a decided one). */
export async function savePendingRequest(db: Db, { id, request }: MembershipStep): Promise<void> {
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
export async function escalateRequest(
  db: Db,
  step: MembershipStep,
  summary: string,
  at: string,
): Promise<void> {
  await db.transaction(async (trx) => {
    await openOperatorTask(trx, {
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
export async function recordDecision(
  db: Db,
  step: MembershipStep,
  outcome: MembershipOutcome,
): Promise<void> {
  await db.transaction(async (trx) => {
    if (outcome.status === 'APPROUVEE' && outcome.role === 'PRINCIPAL')
      // Approved as main manager: the role is handed over, the previous main manager stays secondary.
      await transferPrincipalRole(
        trx,
        step.request.structureId,
        step.request.userId,
        true,
        outcome.decidedAt!,
      );
    else if (outcome.status === 'APPROUVEE') {
      // A main manager keeps the role: approving a request never demotes them.
      await addMemberIfAbsent(
        trx,
        {
          structureId: step.request.structureId,
          userId: step.request.userId,
          role: outcome.role!,
          services: outcome.services ?? [],
        },
        outcome.decidedAt!,
      );
    }
    await closeRow(trx, step, outcome);
  });
}

/** Ends a request nobody decided: its row takes the outcome, its operators' task is resolved. */
export async function closeRequest(db: Db, step: MembershipStep, outcome: MembershipOutcome): Promise<void> {
  await db.transaction((trx) => closeRow(trx, step, outcome));
}

async function closeRow(trx: Db, step: MembershipStep, outcome: MembershipOutcome) {
  await trx('attachment_requests')
    .where({ id: step.id, requested_at: step.request.requestedAt })
    .update({
      status: outcome.status,
      decided_at: outcome.decidedAt ?? null,
      decided_by: outcome.decidedBy ?? null,
      role: outcome.role ?? null,
      reason: outcome.reason ?? null,
    });
  await resolveOperatorTask(trx, taskId(step), outcome.decidedAt ?? new Date().toISOString());
}

/**
 * Requests to the structures the user manages, the user's own, and (operators) those escalated to
 * support, newest first.
 */
export async function requestsVisibleTo(
  db: Db,
  user: { userId: string; operator: boolean },
): Promise<MembershipRequestView[]> {
  const managed = db('structure_members')
    .where({ user_id: user.userId })
    .whereIn('role', ['PRINCIPAL', 'SECONDAIRE'])
    .select('structure_id');
  const rows = await db('attachment_requests')
    .where((q) => {
      q.whereIn('structure_id', managed).orWhere({ user_id: user.userId });
      if (user.operator) q.orWhere({ status: 'ESCALADEE' });
    })
    .orderBy('requested_at', 'desc');
  return rows.map(toView);
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : undefined);

function toView(r: Record<string, unknown>): MembershipRequestView {
  const opt = (v: unknown) => (v ?? undefined) as string | undefined;
  return {
    id: r.id as string,
    structureId: r.structure_id as string,
    userId: r.user_id as string,
    requesterEmail: r.requester_email as string,
    services: JSON.parse(r.services as string),
    status: r.status as MembershipRequestView['status'],
    requestedAt: iso(r.requested_at),
    decidedAt: iso(r.decided_at),
    decidedBy: opt(r.decided_by),
    role: opt(r.role),
    reason: opt(r.reason),
  };
}
