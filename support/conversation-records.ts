/** What the conversation workflow's activities do: answer, and keep the exchange, the state and the chat. */
import type { Db } from '../platform/db';
import type { Assistant } from './assistant';
import { insertChatMessage, insertExchange, rateExchange, upsertConversation } from './store';
import type { Answer, ChatMessage, ConversationState, Question } from './types';

/** Answers a question and keeps the exchange. */
export async function answerAndRecord(db: Db, assistant: Assistant, q: Question): Promise<Answer> {
  const answer = await assistant.answer({ question: q.question, userId: q.userId });
  await insertExchange(db, q, answer);
  return answer;
}

export async function recordRating(
  db: Db,
  { conversationId, seq, useful }: { conversationId: string; seq: number; useful: boolean },
): Promise<void> {
  await rateExchange(db, conversationId, seq, useful);
}

/** Writes the conversation's current state (the advisors' queue reads it). */
export async function recordConversation(
  db: Db,
  snapshot: { state: ConversationState; startedAt: string; at: string },
): Promise<void> {
  await upsertConversation(db, snapshot);
}

export async function recordChatMessage(
  db: Db,
  { conversationId, message }: { conversationId: string; message: ChatMessage },
): Promise<void> {
  await insertChatMessage(db, conversationId, message);
}
