import * as wf from '@temporalio/workflow';
import type { SupportActivities } from '../activities/support';
import type {
  RequestActor,
  RequestMessage,
  RequestRefusal,
  RequestState,
  RequestStatus,
  SupportRequestInput,
} from '../support/types';
import { StructureId, SupportStatus } from './search-attributes';
import { boundedRetry } from './activity-retry';

export const take = wf.defineUpdate<RequestState, [RequestActor]>('take');
export const answerRequest = wf.defineUpdate<
  RequestState,
  [RequestActor & { text: string; needsUser?: boolean }]
>('answerRequest');
export const replyToRequest = wf.defineUpdate<RequestState, [RequestActor & { text: string }]>(
  'replyToRequest',
);
export const closeRequest = wf.defineUpdate<RequestState, [RequestActor]>('closeRequest');
export const requestState = wf.defineQuery<RequestState>('requestState');

export const requestWorkflowId = (id: string) => `sollicitation/${id}`;

const refusal = (message: string, type: RequestRefusal) => wf.ApplicationFailure.nonRetryable(message, type);

const DAY = 24 * 60 * 60_000;
const acts = wf.proxyActivities<SupportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: boundedRetry(),
});

/**
 * One request from filing to closing. Its advisors (operators, or the members of the buyer's service
 * it is routed to) are emailed; each answer is emailed to the requester's contact address. An answer
 * leaves it REPONDUE, or EN_ATTENTE_UTILISATEUR when the advisor needs something from the user; a
 * reply from the user puts it back EN_COURS. An answered request with no reply is closed after a while.
 */
export async function supportRequest(input: SupportRequestInput): Promise<RequestState> {
  const state: RequestState = { id: input.id, status: 'NOUVELLE', advisors: [], messages: [] };
  const setStatus = async (s: RequestStatus, advisorId?: string) => {
    state.status = s;
    if (advisorId) state.advisorId = advisorId;
    wf.upsertSearchAttributes([{ key: SupportStatus, value: s }]);
    await acts.saveRequestStatus({ id: input.id, status: s, advisorId: state.advisorId, at: now() });
  };
  const addMessage = async (author: RequestMessage['author'], text: string, authorId?: string) => {
    const message: RequestMessage = { seq: state.messages.length + 1, author, authorId, text, at: now() };
    state.messages.push(message);
    await acts.saveRequestMessage({ requestId: input.id, message });
    return message;
  };
  const open = () => state.status !== 'CLOTUREE';
  const advisorOnly = (a: RequestActor) => {
    if (!open()) throw refusal('This request is closed.', 'Closed');
    if (!a.operator && !(a.userId && state.advisors.includes(a.userId)))
      throw refusal('Only support or the service this request is routed to may handle it.', 'NotAnAdvisor');
  };

  wf.setHandler(requestState, () => state);
  wf.setHandler(
    take,
    async ({ userId }) => {
      await setStatus('EN_COURS', userId);
      return state;
    },
    { validator: advisorOnly },
  );
  wf.setHandler(
    answerRequest,
    async ({ userId, text, needsUser }) => {
      const message = await addMessage('ADVISOR', text, userId);
      await setStatus(needsUser ? 'EN_ATTENTE_UTILISATEUR' : 'REPONDUE', userId);
      await acts.emailRequester({ request: input, message, status: state.status });
      return state;
    },
    {
      validator: (a) => {
        advisorOnly(a);
        if (!a.text.trim()) throw wf.ApplicationFailure.nonRetryable('The answer is empty.', 'Empty');
      },
    },
  );
  wf.setHandler(
    replyToRequest,
    async ({ userId, text }) => {
      await addMessage('USER', text, userId);
      await setStatus('EN_COURS');
      return state;
    },
    {
      validator: (a) => {
        if (!open()) throw refusal('This request is closed.', 'Closed');
        if (!input.userId || a.userId !== input.userId)
          throw refusal('Only the requester may reply to this request.', 'NotTheRequester');
        if (!a.text.trim()) throw wf.ApplicationFailure.nonRetryable('The reply is empty.', 'Empty');
      },
    },
  );
  wf.setHandler(
    closeRequest,
    async () => {
      await setStatus('CLOTUREE');
      await acts.emailRequester({ request: input, status: 'CLOTUREE' });
      return state;
    },
    {
      validator: (a) => {
        if (!open()) throw refusal('This request is closed.', 'Closed');
        if (a.userId !== input.userId || !input.userId) advisorOnly(a);
      },
    },
  );

  wf.upsertSearchAttributes([
    { key: SupportStatus, value: state.status },
    ...(input.structureId ? [{ key: StructureId, value: input.structureId }] : []),
  ]);
  await acts.recordRequest({ request: input });
  const advisors = await acts.requestAdvisors({ request: input });
  state.advisors = advisors.map((a) => a.userId);
  if (state.messages.length === 0) await addMessage('USER', input.text, input.userId);
  await acts.emailAdvisors({ request: input, advisors });

  while (open()) {
    const answered = () => state.status === 'REPONDUE';
    await wf.condition(() => answered() || !open());
    const seen = state.messages.length;
    const moved = await wf.condition(
      () => !open() || state.messages.length !== seen,
      (input.closeAfterDays ?? 15) * DAY,
    );
    if (!moved && answered()) {
      await setStatus('CLOTUREE');
      await acts.emailRequester({ request: input, status: 'CLOTUREE' });
    }
  }
  await wf.condition(wf.allHandlersFinished);
  return state;
}

const now = () => new Date().toISOString();
