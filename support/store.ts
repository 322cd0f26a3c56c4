/**
 * All SQL on the support tables (support_*). Every write is keyed (conversation id + seq, request id +
 * seq, request id), so a retried activity changes nothing.
 */
import type { Knex } from 'knex';
import type { Db } from '../platform/db';
import type {
  Answer,
  ChatMessage,
  ConversationState,
  Question,
  RequestMessage,
  RequestStatus,
  RequestView,
  Routing,
  SupportRequestInput,
  WaitingChat,
} from './types';

const iso = (v: unknown) => new Date(v as string).toISOString();

// ---- Conversations ----

export async function insertExchange(db: Db, q: Question, answer: Answer): Promise<void> {
  await db('support_exchanges')
    .insert({
      conversation_id: q.conversationId,
      seq: q.seq,
      question: q.question,
      answer: answer.text,
      article: answer.article ?? null,
      understood: answer.understood,
      useful: null,
      asked_at: q.at,
    })
    .onConflict(['conversation_id', 'seq'])
    .ignore();
}

export async function rateExchange(
  db: Db,
  conversationId: string,
  seq: number,
  useful: boolean,
): Promise<void> {
  await db('support_exchanges').where({ conversation_id: conversationId, seq }).update({ useful });
}

/** The conversation's current state, as the advisors' queue reads it. */
export async function upsertConversation(
  db: Db,
  { state, startedAt, at }: { state: ConversationState; startedAt: string; at: string },
): Promise<void> {
  const row = {
    user_id: state.userId ?? null,
    status: state.status,
    offer: state.offer ?? null,
    misunderstood: state.misunderstood,
    negative_ratings: state.negativeRatings,
    chat_status: state.chat?.status ?? null,
    advisor_id: state.chat?.advisorId ?? null,
    chat_requested_at: state.chat?.requestedAt ?? null,
    ended_at: state.status === 'TERMINEE' ? at : null,
  };
  await db('support_conversations')
    .insert({ id: state.conversationId, started_at: startedAt, ...row })
    .onConflict('id')
    .merge(row);
}

export async function insertChatMessage(db: Db, conversationId: string, message: ChatMessage): Promise<void> {
  await db('support_chat_messages')
    .insert({
      conversation_id: conversationId,
      seq: message.seq,
      author: message.author,
      author_id: message.authorId ?? null,
      text: message.text,
      at: message.at,
    })
    .onConflict(['conversation_id', 'seq'])
    .ignore();
}

/** Live chats waiting for an advisor, oldest first. */
export async function waitingChats(db: Db): Promise<WaitingChat[]> {
  const rows = await db('support_conversations')
    .where({ chat_status: 'EN_ATTENTE' })
    .orderBy('chat_requested_at')
    .select('id', 'user_id', 'chat_requested_at', 'misunderstood', 'negative_ratings');
  return rows.map((r) => ({
    conversationId: r.id,
    userId: r.user_id ?? undefined,
    waitingSince: iso(r.chat_requested_at),
    misunderstood: r.misunderstood,
    negativeRatings: r.negative_ratings,
  }));
}

export async function saveAvailability(
  db: Db,
  userId: string,
  available: boolean,
  at: string,
): Promise<void> {
  const row = { available, updated_at: at };
  await db('support_advisors')
    .insert({ user_id: userId, ...row })
    .onConflict('user_id')
    .merge(row);
}

/** The users who said they take live chats now (whether they are still operators is not checked here). */
export async function availableAdvisorIds(db: Db): Promise<string[]> {
  const rows = await db('support_advisors').where({ available: true }).select('user_id');
  return rows.map((r) => r.user_id as string);
}

// ---- Requests ----

export async function insertRequest(db: Db, request: SupportRequestInput): Promise<void> {
  await db('support_requests')
    .insert({
      id: request.id,
      user_id: request.userId ?? null,
      contact_email: request.contactEmail,
      category: request.category,
      subcategory: request.subcategory,
      routing: request.routing,
      structure_id: request.structureId ?? null,
      service_code: request.serviceCode ?? null,
      subject: request.subject,
      status: 'NOUVELLE',
      advisor_id: null,
      created_at: request.createdAt,
      updated_at: request.createdAt,
    })
    .onConflict('id')
    .ignore();
}

export async function updateRequestStatus(
  db: Db,
  { id, status, advisorId, at }: { id: string; status: RequestStatus; advisorId?: string; at: string },
): Promise<void> {
  await db('support_requests')
    .where({ id })
    .update({ status, advisor_id: advisorId ?? null, updated_at: at });
}

export async function insertRequestMessage(
  db: Db,
  requestId: string,
  message: RequestMessage,
): Promise<void> {
  await db('support_request_messages')
    .insert({
      request_id: requestId,
      seq: message.seq,
      author: message.author,
      author_id: message.authorId ?? null,
      text: message.text,
      at: message.at,
    })
    .onConflict(['request_id', 'seq'])
    .ignore();
}

/** A request with who filed it (the view leaves the requester out). */
export type StoredRequest = RequestView & { userId?: string };

function toRequest(r: Record<string, unknown>): StoredRequest {
  return {
    id: r.id as string,
    status: r.status as RequestStatus,
    category: r.category as string,
    subcategory: r.subcategory as string,
    routing: r.routing as Routing,
    structureId: (r.structure_id as string | null) ?? undefined,
    serviceCode: (r.service_code as string | null) ?? undefined,
    subject: r.subject as string,
    advisorId: (r.advisor_id as string | null) ?? undefined,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    userId: (r.user_id as string | null) ?? undefined,
  };
}

export async function findRequest(db: Db, id: string): Promise<StoredRequest | undefined> {
  const row = await db('support_requests').where({ id }).first();
  return row ? toRequest(row) : undefined;
}

/** The user's requests, newest first. */
export async function requestsOf(db: Db, userId: string): Promise<StoredRequest[]> {
  const rows = await db('support_requests').where({ user_id: userId }).orderBy('created_at', 'desc');
  return rows.map(toRequest);
}

/** Which open requests a queue shows: platform ones (operators) and those of some buyers' services. */
export interface QueueScope {
  platform: boolean;
  /** Buyer structures with the services the reader acts for (empty: the whole structure). */
  buyers: { structureId: string; services: string[] }[];
}

/** Open requests in the scope, oldest first. */
export async function openRequests(db: Db, scope: QueueScope): Promise<StoredRequest[]> {
  const rows = await db('support_requests')
    .whereNot({ status: 'CLOTUREE' })
    .where((q: Knex.QueryBuilder) => {
      if (scope.platform) q.orWhere({ routing: 'PLATEFORME' });
      for (const b of scope.buyers)
        q.orWhere((s: Knex.QueryBuilder) => {
          s.where({ routing: 'SERVICE_ACHETEUR', structure_id: b.structureId });
          if (b.services.length)
            s.where((c: Knex.QueryBuilder) =>
              c.whereIn('service_code', b.services).orWhereNull('service_code'),
            );
        });
      if (!scope.platform && scope.buyers.length === 0) q.whereRaw('1 = 0');
    })
    .orderBy('created_at');
  return rows.map(toRequest);
}

export async function requestMessages(db: Db, requestId: string): Promise<RequestMessage[]> {
  const rows = await db('support_request_messages').where({ request_id: requestId }).orderBy('seq');
  return rows.map((m) => ({
    seq: m.seq,
    author: m.author,
    authorId: m.author_id ?? undefined,
    text: m.text,
    at: iso(m.at),
  }));
}
