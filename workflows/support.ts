import * as wf from '@temporalio/workflow';
import type { SupportActivities } from '../activities/support';
import { isOpen, liveChatHours } from '../support/opening-hours';
import type {
  AskResult,
  ChatMessage,
  ChatStatus,
  ConversationActor,
  ConversationStart,
  ConversationState,
  ConversationStatus,
  Offer,
  SupportRefusal,
} from '../support/types';
import { SupportStatus } from './search-attributes';
import { boundedRetry } from './activity-retry';

export const ask = wf.defineUpdate<AskResult, [ConversationActor & { question: string }]>('ask');
export const rate = wf.defineUpdate<
  { offer?: Offer },
  [ConversationActor & { seq: number; useful: boolean }]
>('rate');
export const requestLiveChat = wf.defineUpdate<ConversationState, [ConversationActor]>('requestLiveChat');
export const joinChat = wf.defineUpdate<ConversationState, [ConversationActor & { userId: string }]>(
  'joinChat',
);
export const postMessage = wf.defineUpdate<ChatMessage, [ConversationActor & { text: string }]>(
  'postMessage',
);
export const endChat = wf.defineUpdate<ConversationState, [ConversationActor]>('endChat');
export const conversation = wf.defineQuery<ConversationState>('conversation');

export const conversationWorkflowId = (conversationId: string) => `support/${conversationId}`;

const refusal = (message: string, type: SupportRefusal) => wf.ApplicationFailure.nonRetryable(message, type);

const MINUTE = 60_000;
/** The article answering "I want to talk to someone": its answer comes with the live chat's offer. */
const ADVISOR_ARTICLE = 'contacter-support';
const acts = wf.proxyActivities<SupportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: boundedRetry(),
});

/** A running conversation: its state and what every handler does to it. */
interface Conversation {
  start: ConversationStart;
  state: ConversationState;
  rated: Set<number>;
  /** Bumped by every message in either direction: the idle timers restart from it. */
  activity: number;
  chatSeq: number;
}

function setStatus(c: Conversation, s: ConversationStatus) {
  c.state.status = s;
  wf.upsertSearchAttributes([{ key: SupportStatus, value: s }]);
}

const save = (c: Conversation) =>
  acts.saveConversation({ state: c.state, startedAt: c.start.startedAt, at: now() });

function mine({ state }: Conversation, a: ConversationActor) {
  if (state.status === 'TERMINEE') throw refusal('This conversation has ended.', 'Ended');
  if (state.userId && a.userId !== state.userId && !a.advisor)
    throw refusal('This conversation belongs to another user.', 'NotYours');
}

function chatParticipant({ state }: Conversation, a: ConversationActor) {
  // Someone else's conversation is refused before anything of its state is told.
  if (!a.advisor && state.userId && a.userId !== state.userId)
    throw refusal('You are not in this chat.', 'NotYours');
  if (state.chat?.status !== 'EN_COURS') throw refusal('No live chat is going on.', 'ChatNotActive');
  if (a.advisor && a.userId !== state.chat.advisorId) throw refusal('You are not in this chat.', 'NotYours');
}

/**
 * Conversations started before a live chat could be asked for directly, or offered again after a chat
 * that found no advisor, replay without these checks.
 */
const OFFER_ON_REQUEST = 'live-chat-offered-on-request';

const onDuty = async (start: ConversationStart) =>
  isOpen(Date.now(), start.openingHours) && (await acts.advisorsAvailable()) > 0;

/** After two troubles, or when the user asks for a person, offers a live chat if someone is on duty. */
async function maybeOffer({ start, state }: Conversation, askedForAdvisor = false) {
  const troubled = state.misunderstood + state.negativeRatings >= (start.troublesBeforeOffer ?? 2);
  if (!troubled && !askedForAdvisor) return;
  if (state.chat && !(state.chat.status === 'SANS_CONSEILLER' && wf.patched(OFFER_ON_REQUEST))) return;
  state.offer = (await onDuty(start)) ? 'LIVE_CHAT' : 'REQUEST';
}

/** What the user is offered, with the live chat's hours and next opening when anything is. */
const offered = ({ start, state }: Conversation): Pick<AskResult, 'offer' | 'liveChat'> =>
  state.offer ? { offer: state.offer, liveChat: liveChatHours(Date.now(), start.openingHours) } : {};

async function chatMessage(c: Conversation, author: ChatMessage['author'], text: string, authorId?: string) {
  const message: ChatMessage = { seq: ++c.chatSeq, author, authorId, text, at: now() };
  c.state.chat!.messages.push(message);
  c.activity++;
  await acts.saveChatMessage({ conversationId: c.start.conversationId, message });
  return message;
}

async function closeChat(c: Conversation, status: ChatStatus, note: string) {
  c.state.chat!.status = status;
  if (status === 'SANS_CONSEILLER') c.state.offer = 'REQUEST';
  await chatMessage(c, 'SYSTEM', note);
  setStatus(c, status === 'SANS_CONSEILLER' ? 'OUVERTE' : 'TERMINEE');
  await save(c);
}

/** The assistant's side: questions and their ratings, which may lead to an offer. */
function handleQuestions(c: Conversation) {
  const { start, state } = c;
  wf.setHandler(
    ask,
    async ({ question }) => {
      const seq = ++state.exchanges;
      c.activity++;
      const answer = await acts.answerQuestion({
        conversationId: start.conversationId,
        seq,
        question,
        userId: start.userId,
        at: now(),
      });
      if (!answer.understood) state.misunderstood++;
      await maybeOffer(c, answer.article === ADVISOR_ARTICLE && wf.patched(OFFER_ON_REQUEST));
      await save(c);
      return { seq, answer, ...offered(c) };
    },
    {
      validator: (a) => {
        mine(c, a);
        if (!a.question.trim()) throw wf.ApplicationFailure.nonRetryable('The question is empty.', 'Empty');
      },
    },
  );
  wf.setHandler(
    rate,
    async ({ seq, useful }) => {
      c.rated.add(seq);
      c.activity++;
      if (!useful) state.negativeRatings++;
      await acts.rateAnswer({ conversationId: start.conversationId, seq, useful });
      await maybeOffer(c);
      await save(c);
      return offered(c);
    },
    {
      validator: (a) => {
        mine(c, a);
        if (!Number.isInteger(a.seq) || a.seq < 1 || a.seq > state.exchanges || c.rated.has(a.seq))
          throw refusal(`Answer ${a.seq} does not exist or is already rated.`, 'UnknownAnswer');
      },
    },
  );
}

/** The live chat's side: queued, taken by an advisor, messages both ways, ended by either. */
function handleLiveChat(c: Conversation) {
  const { start, state } = c;
  wf.setHandler(
    requestLiveChat,
    async () => {
      // Whoever asks while an advisor is on duty gets the chat, whatever was offered before.
      if (wf.patched(OFFER_ON_REQUEST) && state.offer !== 'LIVE_CHAT') {
        state.offer = (await onDuty(start)) ? 'LIVE_CHAT' : 'REQUEST';
        if (state.offer === 'REQUEST') {
          await save(c);
          const { nextOpeningText } = liveChatHours(Date.now(), start.openingHours);
          throw refusal(
            `Aucun conseiller n’est disponible ; prochaine ouverture : ${nextOpeningText}.`,
            'NoOffer',
          );
        }
      }
      state.chat = { status: 'EN_ATTENTE', requestedAt: now(), messages: [] };
      c.activity++;
      setStatus(c, 'CHAT_EN_ATTENTE');
      await save(c);
      return state;
    },
    {
      validator: (a) => {
        mine(c, a);
        if (state.chat && state.chat.status !== 'SANS_CONSEILLER')
          throw refusal('A live chat is already going on in this conversation.', 'NoOffer');
      },
    },
  );
  wf.setHandler(
    joinChat,
    async ({ userId }) => {
      state.chat!.status = 'EN_COURS';
      state.chat!.advisorId = userId;
      setStatus(c, 'CHAT_EN_COURS');
      await chatMessage(c, 'SYSTEM', 'Un conseiller a rejoint la conversation.');
      await save(c);
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
        ? chatMessage(c, 'ADVISOR', text, userId)
        : chatMessage(c, 'USER', text, userId),
    {
      validator: (a) => {
        chatParticipant(c, a);
        if (!a.text.trim()) throw wf.ApplicationFailure.nonRetryable('The message is empty.', 'Empty');
      },
    },
  );
  wf.setHandler(
    endChat,
    async (a) => {
      await closeChat(
        c,
        'TERMINE',
        a.advisor ? 'Le conseiller a mis fin à la conversation.' : 'Vous avez mis fin à la conversation.',
      );
      return state;
    },
    { validator: (a) => chatParticipant(c, a) },
  );
}

/** Waits while something happens; silence ends a queued chat, a live chat, then the conversation. */
async function untilEnded(c: Conversation) {
  const { start, state } = c;
  while (state.status !== 'TERMINEE') {
    const seen = c.activity;
    const waiting = state.chat?.status === 'EN_ATTENTE';
    const minutes = waiting
      ? (start.chatWaitMinutes ?? 10)
      : state.chat?.status === 'EN_COURS'
        ? (start.chatIdleMinutes ?? 15)
        : (start.idleMinutes ?? 30);
    const stillWaiting = () => state.chat?.status === 'EN_ATTENTE';
    const moved = await wf.condition(
      () => state.status === 'TERMINEE' || (waiting ? !stillWaiting() : c.activity !== seen),
      minutes * MINUTE,
    );
    if (moved) continue;
    if (waiting)
      await closeChat(
        c,
        'SANS_CONSEILLER',
        'Aucun conseiller n’est disponible : vous pouvez faire une sollicitation.',
      );
    else if (state.chat?.status === 'EN_COURS')
      await closeChat(c, 'TERMINE', 'Conversation terminée faute d’activité.');
    else {
      setStatus(c, 'TERMINEE');
      await save(c);
    }
  }
}

/**
 * One conversation: the user asks, the assistant answers (an activity over the knowledge base). After
 * two answers it did not understand or the user voted down, it offers a live chat when advisors are on
 * duty (opening hours, decided on workflow time) and one is available, else a request. A live chat
 * waits in the advisors' queue until one joins, then carries messages both ways until either ends it
 * or it falls silent; every message is kept in the database as the transcript.
 */
export async function supportConversation(start: ConversationStart): Promise<ConversationState> {
  const c: Conversation = {
    start,
    state: {
      conversationId: start.conversationId,
      userId: start.userId,
      status: 'OUVERTE',
      exchanges: 0,
      misunderstood: 0,
      negativeRatings: 0,
    },
    rated: new Set<number>(),
    activity: 0,
    chatSeq: 0,
  };
  wf.setHandler(conversation, () => c.state);
  handleQuestions(c);
  handleLiveChat(c);
  wf.upsertSearchAttributes([{ key: SupportStatus, value: c.state.status }]);
  await save(c);
  await untilEnded(c);
  await wf.condition(wf.allHandlersFinished);
  return c.state;
}

const now = () => new Date().toISOString();
