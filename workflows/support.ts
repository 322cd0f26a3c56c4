import * as wf from '@temporalio/workflow';
import type { SupportActivities } from '../activities/support';
import type { Answer } from '../support/assistant';
import { isOpen, type OpeningHours } from '../support/opening-hours';
import { SupportStatus } from './search-attributes';

/** A conversation with the assistant, started by the API at the first question. */
export interface ConversationStart {
  conversationId: string;
  /** The signed-in user, if any: answers are then about their own invoices. */
  userId?: string;
  startedAt: string;
  openingHours?: OpeningHours;
  /** Misunderstood answers plus negative ratings that make the assistant offer a person (default 2). */
  troublesBeforeOffer?: number;
  /** Minutes a queued chat waits for an advisor before a request is offered instead (default 10). */
  chatWaitMinutes?: number;
  /** Minutes of silence that end a live chat (default 15). */
  chatIdleMinutes?: number;
  /** Minutes of silence that end the conversation (default 30). */
  idleMinutes?: number;
}

export type Offer = 'LIVE_CHAT' | 'REQUEST';
export type ChatStatus = 'EN_ATTENTE' | 'EN_COURS' | 'TERMINE' | 'SANS_CONSEILLER';
export type ConversationStatus = 'OUVERTE' | 'CHAT_EN_ATTENTE' | 'CHAT_EN_COURS' | 'TERMINEE';

export interface ChatMessage {
  seq: number;
  author: 'USER' | 'ADVISOR' | 'SYSTEM';
  authorId?: string;
  text: string;
  at: string;
}

export interface ConversationState {
  conversationId: string;
  userId?: string;
  status: ConversationStatus;
  exchanges: number;
  misunderstood: number;
  negativeRatings: number;
  offer?: Offer;
  chat?: { status: ChatStatus; advisorId?: string; requestedAt: string; messages: ChatMessage[] };
}

export interface AskResult {
  seq: number;
  answer: Answer;
  offer?: Offer;
}

/** Who acts, as the API authenticated them; advisor: an operator on duty for the live chat. */
export interface Actor {
  userId?: string;
  advisor?: boolean;
}

export const ask = wf.defineUpdate<AskResult, [Actor & { question: string }]>('ask');
export const rate = wf.defineUpdate<{ offer?: Offer }, [Actor & { seq: number; useful: boolean }]>('rate');
export const requestLiveChat = wf.defineUpdate<ConversationState, [Actor]>('requestLiveChat');
export const joinChat = wf.defineUpdate<ConversationState, [Actor & { userId: string }]>('joinChat');
export const postMessage = wf.defineUpdate<ChatMessage, [Actor & { text: string }]>('postMessage');
export const endChat = wf.defineUpdate<ConversationState, [Actor]>('endChat');
export const conversation = wf.defineQuery<ConversationState>('conversation');

export const conversationWorkflowId = (conversationId: string) => `support/${conversationId}`;

/** Why an update is refused; the API maps each type to a stable error code. */
export type SupportRefusal =
  'NotYours' | 'Ended' | 'NoOffer' | 'ChatNotWaiting' | 'ChatNotActive' | 'NotAnAdvisor' | 'UnknownAnswer';
const refusal = (message: string, type: SupportRefusal) => wf.ApplicationFailure.nonRetryable(message, type);

const MINUTE = 60_000;
const acts = wf.proxyActivities<SupportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One conversation: the user asks, the assistant answers (an activity over the knowledge base). After
 * two answers it did not understand or the user voted down, it offers a live chat when advisors are on
 * duty (opening hours, decided on workflow time) and one is available, else a request. A live chat
 * waits in the advisors' queue until one joins, then carries messages both ways until either ends it
 * or it falls silent; every message is kept in the database as the transcript.
 */
export async function supportConversation(start: ConversationStart): Promise<ConversationState> {
  const state: ConversationState = {
    conversationId: start.conversationId,
    userId: start.userId,
    status: 'OUVERTE',
    exchanges: 0,
    misunderstood: 0,
    negativeRatings: 0,
  };
  const rated = new Set<number>();
  // Bumped by every message in either direction: the idle timers restart from it.
  let activity = 0;
  let chatSeq = 0;

  const setStatus = (s: ConversationStatus) => {
    state.status = s;
    wf.upsertSearchAttributes([{ key: SupportStatus, value: s }]);
  };
  const save = () => acts.saveConversation({ state, startedAt: start.startedAt, at: now() });
  const mine = (a: Actor) => {
    if (state.status === 'TERMINEE') throw refusal('This conversation has ended.', 'Ended');
    if (state.userId && a.userId !== state.userId && !a.advisor)
      throw refusal('This conversation belongs to another user.', 'NotYours');
  };
  const maybeOffer = async () => {
    if (state.misunderstood + state.negativeRatings < (start.troublesBeforeOffer ?? 2) || state.chat) return;
    const onDuty = isOpen(Date.now(), start.openingHours) && (await acts.advisorsAvailable()) > 0;
    state.offer = onDuty ? 'LIVE_CHAT' : 'REQUEST';
  };
  const chatMessage = async (author: ChatMessage['author'], text: string, authorId?: string) => {
    const message: ChatMessage = { seq: ++chatSeq, author, authorId, text, at: now() };
    state.chat!.messages.push(message);
    activity++;
    await acts.saveChatMessage({ conversationId: start.conversationId, message });
    return message;
  };
  const closeChat = async (status: ChatStatus, note: string) => {
    state.chat!.status = status;
    if (status === 'SANS_CONSEILLER') state.offer = 'REQUEST';
    await chatMessage('SYSTEM', note);
    setStatus(status === 'SANS_CONSEILLER' ? 'OUVERTE' : 'TERMINEE');
    await save();
  };

  wf.setHandler(conversation, () => state);
  wf.setHandler(
    ask,
    async ({ question }) => {
      const seq = ++state.exchanges;
      activity++;
      const answer = await acts.answerQuestion({
        conversationId: start.conversationId,
        seq,
        question,
        userId: start.userId,
        at: now(),
      });
      if (!answer.understood) state.misunderstood++;
      await maybeOffer();
      await save();
      return { seq, answer, offer: state.offer };
    },
    {
      validator: (a) => {
        mine(a);
        if (!a.question.trim()) throw wf.ApplicationFailure.nonRetryable('The question is empty.', 'Empty');
      },
    },
  );
  wf.setHandler(
    rate,
    async ({ seq, useful }) => {
      rated.add(seq);
      activity++;
      if (!useful) state.negativeRatings++;
      await acts.rateAnswer({ conversationId: start.conversationId, seq, useful });
      await maybeOffer();
      await save();
      return { offer: state.offer };
    },
    {
      validator: (a) => {
        mine(a);
        if (!Number.isInteger(a.seq) || a.seq < 1 || a.seq > state.exchanges || rated.has(a.seq))
          throw refusal(`Answer ${a.seq} does not exist or is already rated.`, 'UnknownAnswer');
      },
    },
  );
  wf.setHandler(
    requestLiveChat,
    async () => {
      state.chat = { status: 'EN_ATTENTE', requestedAt: now(), messages: [] };
      activity++;
      setStatus('CHAT_EN_ATTENTE');
      await save();
      return state;
    },
    {
      validator: (a) => {
        mine(a);
        if (state.offer !== 'LIVE_CHAT' || (state.chat && state.chat.status !== 'SANS_CONSEILLER'))
          throw refusal('No live chat is on offer in this conversation.', 'NoOffer');
      },
    },
  );
  wf.setHandler(
    joinChat,
    async ({ userId }) => {
      state.chat!.status = 'EN_COURS';
      state.chat!.advisorId = userId;
      setStatus('CHAT_EN_COURS');
      await chatMessage('SYSTEM', 'Un conseiller a rejoint la conversation.');
      await save();
      return state;
    },
    {
      validator: (a) => {
        if (!a.advisor) throw refusal('Only a support advisor may join a live chat.', 'NotAnAdvisor');
        if (state.chat?.status !== 'EN_ATTENTE')
          throw refusal('This chat is not waiting for an advisor.', 'ChatNotWaiting');
      },
    },
  );
  wf.setHandler(
    postMessage,
    ({ userId, advisor, text }) =>
      advisor && userId === state.chat?.advisorId
        ? chatMessage('ADVISOR', text, userId)
        : chatMessage('USER', text, userId),
    {
      validator: (a) => {
        chatParticipant(a);
        if (!a.text.trim()) throw wf.ApplicationFailure.nonRetryable('The message is empty.', 'Empty');
      },
    },
  );
  wf.setHandler(
    endChat,
    async (a) => {
      await closeChat(
        'TERMINE',
        a.advisor ? 'Le conseiller a mis fin à la conversation.' : 'Vous avez mis fin à la conversation.',
      );
      return state;
    },
    { validator: (a) => chatParticipant(a) },
  );
  function chatParticipant(a: Actor) {
    if (state.chat?.status !== 'EN_COURS') throw refusal('No live chat is going on.', 'ChatNotActive');
    if (a.advisor ? a.userId !== state.chat.advisorId : state.userId && a.userId !== state.userId)
      throw refusal('You are not in this chat.', 'NotYours');
  }

  wf.upsertSearchAttributes([{ key: SupportStatus, value: state.status }]);
  await save();
  while (state.status !== 'TERMINEE') {
    const seen = activity;
    const waiting = state.chat?.status === 'EN_ATTENTE';
    const minutes = waiting
      ? (start.chatWaitMinutes ?? 10)
      : state.chat?.status === 'EN_COURS'
        ? (start.chatIdleMinutes ?? 15)
        : (start.idleMinutes ?? 30);
    const stillWaiting = () => state.chat?.status === 'EN_ATTENTE';
    const moved = await wf.condition(
      () => state.status === 'TERMINEE' || (waiting ? !stillWaiting() : activity !== seen),
      minutes * MINUTE,
    );
    if (moved) continue;
    if (waiting)
      await closeChat(
        'SANS_CONSEILLER',
        'Aucun conseiller n’est disponible : vous pouvez faire une sollicitation.',
      );
    else if (state.chat?.status === 'EN_COURS')
      await closeChat('TERMINE', 'Conversation terminée faute d’activité.');
    else {
      setStatus('TERMINEE');
      await save();
    }
  }
  await wf.condition(wf.allHandlersFinished);
  return state;
}

const now = () => new Date().toISOString();
