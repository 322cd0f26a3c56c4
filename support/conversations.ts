/**
 * Conversations as the edges drive them: each is a workflow support/<conversationId>; signed in or
 * not, whoever holds a conversation id may continue it, and a signed-in user's conversation is theirs.
 */
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Caller } from '../accounts/caller';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import {
  ask,
  conversation,
  conversationWorkflowId,
  endChat,
  joinChat,
  postMessage,
  rate,
  requestLiveChat,
  supportConversation,
} from '../workflows/support';
import { saveAvailability, waitingChats } from './store';
import type {
  AskResult,
  ChatMessage,
  ConversationActor,
  ConversationState,
  Offer,
  SupportSettings,
  WaitingChat,
} from './types';
import { supportCall } from './workflow-calls';

/** What starting a conversation needs: the Temporal client, its task queue, the platform's settings. */
export interface ConversationDeps {
  client: Client;
  taskQueue: string;
  settings: SupportSettings;
}

const handle = (client: Client, id: string) => client.workflow.getHandle(conversationWorkflowId(id));
const call = <T>(run: () => Promise<T>) =>
  supportCall('CONVERSATION_NOT_FOUND', 'params.conversationId', run);

/** Live-chat advisors are operators; anyone else is refused. */
export function checkAdvisor(caller: Caller): Caller {
  if (!caller.operator)
    throw new DomainError('ADVISOR_REQUIRED', 'Only support advisors (operators) may do this.');
  return caller;
}

/** Asks the assistant, in the given conversation or in a new one. */
export async function askAssistant(
  { client, taskQueue, settings }: ConversationDeps,
  who: ConversationActor,
  { question, conversationId }: { question: string; conversationId?: string },
): Promise<AskResult & { conversationId: string }> {
  let id = conversationId;
  if (!id) {
    id = crypto.randomUUID();
    await client.workflow.start(supportConversation, {
      workflowId: conversationWorkflowId(id),
      taskQueue,
      args: [
        {
          conversationId: id,
          userId: who.userId,
          startedAt: new Date().toISOString(),
          openingHours: settings.openingHours,
        },
      ],
    });
  }
  const started = id;
  const result = await call(() =>
    handle(client, started).executeUpdate(ask, { args: [{ ...who, question }] }),
  );
  return { conversationId: started, ...result };
}

export function rateAnswer(
  client: Client,
  id: string,
  who: ConversationActor,
  rating: { seq: number; useful: boolean },
): Promise<{ offer?: Offer }> {
  return call(() => handle(client, id).executeUpdate(rate, { args: [{ ...who, ...rating }] }));
}

/** The conversation, for its user or an advisor. */
export async function conversationFor(
  client: Client,
  id: string,
  who: ConversationActor,
): Promise<ConversationState> {
  const state = await call(() => handle(client, id).query(conversation));
  if (state.userId && state.userId !== who.userId && !who.advisor)
    throw new DomainError('NOT_YOURS', 'This conversation belongs to another user.');
  return state;
}

/** Accepts the live chat on offer: the conversation joins the advisors' queue. */
export function acceptLiveChat(
  client: Client,
  id: string,
  who: ConversationActor,
): Promise<ConversationState> {
  return call(() => handle(client, id).executeUpdate(requestLiveChat, { args: [who] }));
}

export function sendChatMessage(
  client: Client,
  id: string,
  who: ConversationActor,
  text: string,
): Promise<ChatMessage> {
  return call(() => handle(client, id).executeUpdate(postMessage, { args: [{ ...who, text }] }));
}

export function endLiveChat(client: Client, id: string, who: ConversationActor): Promise<ConversationState> {
  return call(() => handle(client, id).executeUpdate(endChat, { args: [who] }));
}

/** An advisor takes a waiting live chat. */
export function joinLiveChat(client: Client, id: string, advisor: Caller): Promise<ConversationState> {
  return call(() =>
    handle(client, id).executeUpdate(joinChat, { args: [{ userId: advisor.userId, advisor: true }] }),
  );
}

/** Live chats waiting for an advisor, oldest first. */
export function advisorQueue(db: Db): Promise<WaitingChat[]> {
  return waitingChats(db);
}

/** Whether an advisor takes live chats now; the chat is offered only when someone does. */
export async function setAvailability(db: Db, advisor: Caller, available: boolean): Promise<void> {
  await saveAvailability(db, advisor.userId, available, new Date().toISOString());
}
