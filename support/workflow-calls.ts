import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../platform/domain-error';

const REFUSALS: Record<string, string> = {
  NotYours: 'NOT_YOURS',
  NotAnAdvisor: 'ADVISOR_REQUIRED',
  NotTheRequester: 'NOT_THE_REQUESTER',
  Ended: 'CONVERSATION_ENDED',
  Closed: 'REQUEST_CLOSED',
  NoOffer: 'LIVE_CHAT_NOT_OFFERED',
  ChatNotWaiting: 'CHAT_NOT_WAITING',
  ChatNotActive: 'CHAT_NOT_ACTIVE',
  UnknownAnswer: 'ANSWER_UNKNOWN',
  Empty: 'INVALID_INPUT',
};

/**
 * Runs an update or query of a support workflow, turning its refusals into domain errors with stable
 * codes, and a conversation or request that is not running into the code `notFound`.
 */
export async function supportCall<T>(notFound: string, field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError)
      throw new DomainError(notFound, 'Nothing open with this id.', { field });
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in REFUSALS) {
      throw new DomainError(REFUSALS[cause.type], cause.message);
    }
    throw err;
  }
}
