import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ApiError } from './errors';

const REFUSALS: Record<string, [number, string]> = {
  NotYours: [403, 'NOT_YOURS'],
  NotAnAdvisor: [403, 'ADVISOR_REQUIRED'],
  NotTheRequester: [403, 'NOT_THE_REQUESTER'],
  Ended: [409, 'CONVERSATION_ENDED'],
  Closed: [409, 'REQUEST_CLOSED'],
  NoOffer: [409, 'LIVE_CHAT_NOT_OFFERED'],
  ChatNotWaiting: [409, 'CHAT_NOT_WAITING'],
  ChatNotActive: [409, 'CHAT_NOT_ACTIVE'],
  UnknownAnswer: [422, 'ANSWER_UNKNOWN'],
  Empty: [400, 'INVALID_INPUT'],
};

/**
 * Runs an update or query of a support workflow, turning its refusals into API errors with stable
 * codes, and a conversation or request that is not running into 404 `notFound`.
 */
export async function supportCall<T>(notFound: string, field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError)
      throw new ApiError(404, notFound, 'Nothing open with this id.', { field });
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in REFUSALS) {
      const [status, code] = REFUSALS[cause.type];
      throw new ApiError(status, code, cause.message);
    }
    throw err;
  }
}
