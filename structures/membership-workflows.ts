import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { membersChanged, RefusalType } from '../workflows/membership';

/** Tells every open attachment request of the structure that its members changed (who may decide, who is in). */
export async function signalMembersChanged(db: Db, client: Client, structureId: string): Promise<void> {
  const open = await db('attachment_requests')
    .where({ structure_id: structureId })
    .whereIn('status', ['EN_ATTENTE', 'ESCALADEE'])
    .pluck('id');
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

/** Runs an update of an attachment workflow, turning its refusals into API errors with stable codes. */
export async function attachmentUpdate<T>(id: string, run: () => Promise<T>): Promise<T> {
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
