import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import type { Caller } from '../accounts/caller';
import {
  decide,
  membersChanged,
  membershipRequestWorkflowId,
  structureAttachment,
  withdraw,
} from '../workflows/membership';
import { membershipOf, requireStructure } from './access';
import { requireKnownServices } from './services';
import { openRequestIds, requestsVisibleTo } from './store/membership-requests';
import type {
  Decision,
  MembershipOutcome,
  MembershipRequest,
  MembershipRequestView,
  RefusalType,
  Role,
} from './types';

/** What a membership request needs: the database, and Temporal where its workflow runs. */
export interface MembershipRequestDeps {
  db: Db;
  client: Client;
  taskQueue: string;
}

/**
 * A user asks to become a member of a structure (rattachement), optionally for some of its services:
 * starts the request's workflow, which emails the managers.
 */
export async function requestMembership(
  deps: MembershipRequestDeps,
  caller: Caller,
  structureId: string,
  services: string[],
): Promise<MembershipRequest & { id: string }> {
  await requireStructure(deps.db, structureId);
  if (await membershipOf(deps.db, structureId, caller.userId))
    throw new DomainError('ALREADY_A_MEMBER', 'You are already attached to this structure.');
  await requireKnownServices(deps.db, structureId, services);
  const request: MembershipRequest = {
    structureId,
    userId: caller.userId,
    requesterEmail: caller.email,
    services,
    requestedAt: new Date().toISOString(),
  };
  const id = membershipRequestWorkflowId(structureId, caller.userId);
  try {
    await deps.client.workflow.start(structureAttachment, {
      workflowId: id,
      taskQueue: deps.taskQueue,
      args: [request],
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      throw new DomainError(
        'ATTACHMENT_ALREADY_REQUESTED',
        'Your request to this structure awaits an answer.',
      );
    throw err;
  }
  return { id, ...request };
}

/** Requests to the structures the caller manages, their own, and (operators) those escalated to support. */
export async function listMembershipRequests(db: Db, caller: Caller): Promise<MembershipRequestView[]> {
  return requestsVisibleTo(db, caller);
}

/** A decider's answer as they send it: approve with a role (and services), or refuse with a reason. */
export interface DecisionAnswer {
  approve: boolean;
  role?: Role;
  services?: string[];
  reason?: string;
}

/**
 * A manager's (or, once escalated, an operator's) decision on a request; the workflow's validator
 * has the last word on who may decide.
 */
export async function decideMembershipRequest(
  deps: Pick<MembershipRequestDeps, 'db' | 'client'>,
  decider: Caller,
  structureId: string,
  requesterId: string,
  answer: DecisionAnswer,
): Promise<MembershipOutcome & { id: string }> {
  // Which of role and reason is required depends on approve; said here rather than with if/then in
  // the schema, which ajv's strict mode and OpenAPI readers handle poorly.
  const missing = answer.approve ? (answer.role ? undefined : 'role') : answer.reason ? undefined : 'reason';
  if (missing)
    throw new DomainError(
      'INVALID_INPUT',
      `body.${missing} is required to ${answer.approve ? 'approve' : 'refuse'}.`,
      {
        errors: [{ field: `body.${missing}`, message: `body.${missing} is required` }],
      },
    );
  await requireKnownServices(deps.db, structureId, answer.services ?? []);
  if (answer.approve) await requirePrincipalToAppoint(deps.db, decider, structureId, answer.role!);
  const by = { deciderId: decider.userId, operator: decider.operator };
  const decision: Decision = answer.approve
    ? { ...by, approve: true, role: answer.role!, services: answer.services }
    : { ...by, approve: false, reason: answer.reason! };
  const id = membershipRequestWorkflowId(structureId, requesterId);
  const outcome = await membershipUpdate(id, () =>
    deps.client.workflow.getHandle(id).executeUpdate(decide, { args: [decision] }),
  );
  return { id, ...outcome };
}

/**
 * Managers are appointed by the main manager (or support): approving as gestionnaire secondaire or
 * handing the main-manager role over with an approval is theirs, a secondary manager approves users.
 */
async function requirePrincipalToAppoint(db: Db, decider: Caller, structureId: string, role: Role) {
  if (role === 'UTILISATEUR' || decider.operator) return;
  if ((await membershipOf(db, structureId, decider.userId))?.role !== 'PRINCIPAL')
    throw new DomainError(
      'PRINCIPAL_MANAGER_REQUIRED',
      role === 'PRINCIPAL'
        ? 'Only the main manager hands the main-manager role over.'
        : 'Only the main manager appoints secondary managers.',
      { field: 'body.role' },
    );
}

/** The requester withdraws their request. */
export async function withdrawMembershipRequest(
  deps: Pick<MembershipRequestDeps, 'client'>,
  caller: Caller,
  structureId: string,
  requesterId: string,
): Promise<MembershipOutcome & { id: string }> {
  if (requesterId !== caller.userId)
    throw new DomainError('NOT_THE_REQUESTER', 'Only the requester may withdraw the request.', {
      field: 'params.userId',
    });
  const id = membershipRequestWorkflowId(structureId, requesterId);
  const outcome = await membershipUpdate(id, () =>
    deps.client.workflow.getHandle(id).executeUpdate(withdraw, { args: [{ userId: requesterId }] }),
  );
  return { id, ...outcome };
}

/** Tells every open membership request of the structure that its members changed (who may decide, who is in). */
export async function signalMembersChanged(db: Db, client: Client, structureId: string): Promise<void> {
  const open = await openRequestIds(db, structureId);
  await Promise.all(
    open.map((id: string) =>
      client.workflow
        .getHandle(id)
        .signal(membersChanged)
        .catch((err) => {
          // A request that ended since the read has nothing left to refresh.
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }),
    ),
  );
}

const REFUSALS: Record<RefusalType, string> = {
  NotAManager: 'MANAGER_REQUIRED',
  NotTheRequester: 'NOT_THE_REQUESTER',
  NotEscalated: 'ATTACHMENT_NOT_ESCALATED',
  AlreadyDecided: 'ATTACHMENT_ALREADY_DECIDED',
};

/** Runs an update of a membership request workflow, turning its refusals into domain errors with stable codes. */
async function membershipUpdate<T>(id: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError)
      throw new DomainError('ATTACHMENT_REQUEST_NOT_FOUND', `No open attachment request ${id}.`, {
        field: 'params.userId',
      });
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in REFUSALS) {
      throw new DomainError(REFUSALS[cause.type as RefusalType], cause.message);
    }
    throw err;
  }
}
