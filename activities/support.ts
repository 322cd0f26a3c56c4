import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { createAssistant, type Assistant } from '../support/assistant';
import { advisorsOnDuty, requestAdvisors } from '../support/advisors';
import {
  answerAndRecord,
  recordChatMessage,
  recordConversation,
  recordRating,
} from '../support/conversation-records';
import {
  emailAdvisors,
  emailRequester,
  recordRequest,
  recordRequestMessage,
  recordRequestStatus,
} from '../support/request-records';
import type {
  Advisor,
  Answer,
  ChatMessage,
  ConversationState,
  Question,
  RequestMessage,
  RequestStatus,
  SupportRequestInput,
} from '../support/types';

export interface SupportActivityDeps {
  db: Db;
  mailer: Mailer;
  /** The assistant answering questions; default: one over the committed knowledge base. */
  assistant?: Assistant;
}

/** The conversation workflow's side effects; every write is keyed by conversation id + seq. */
export function createConversationActivities({ db, assistant }: { db: Db; assistant: Assistant }) {
  return {
    /** Answers a question and keeps the exchange. */
    answerQuestion: (q: Question): Promise<Answer> => answerAndRecord(db, assistant, q),
    rateAnswer: (r: { conversationId: string; seq: number; useful: boolean }) => recordRating(db, r),
    /** Writes the conversation's current state (the advisors' queue reads it). */
    saveConversation: (s: { state: ConversationState; startedAt: string; at: string }) =>
      recordConversation(db, s),
    saveChatMessage: (m: { conversationId: string; message: ChatMessage }) => recordChatMessage(db, m),
    /** How many advisors (operators) said they are available for the live chat. */
    advisorsAvailable: (): Promise<number> => advisorsOnDuty(db),
  };
}

/**
 * The request workflow's side effects; writes are keyed by request id (+ seq) and every email carries
 * an idempotency key, so a retried activity changes nothing.
 */
export function createRequestActivities({ db, mailer }: { db: Db; mailer: Mailer }) {
  return {
    recordRequest: ({ request }: { request: SupportRequestInput }) => recordRequest(db, request),
    /** Operators for platform support; the members of the buyer's service it is routed to otherwise. */
    requestAdvisors: ({ request }: { request: SupportRequestInput }): Promise<Advisor[]> =>
      requestAdvisors(db, request),
    emailAdvisors: ({ request, advisors }: { request: SupportRequestInput; advisors: Advisor[] }) =>
      emailAdvisors(mailer, request, advisors),
    saveRequestStatus: (s: { id: string; status: RequestStatus; advisorId?: string; at: string }) =>
      recordRequestStatus(db, s),
    saveRequestMessage: ({ requestId, message }: { requestId: string; message: RequestMessage }) =>
      recordRequestMessage(db, requestId, message),
    /** Emails the requester an answer (with the request's new status) or the closing of the request. */
    emailRequester: (e: { request: SupportRequestInput; message?: RequestMessage; status: RequestStatus }) =>
      emailRequester(mailer, e),
  };
}

/** Side effects of support conversations and requests. */
export function createSupportActivities({
  db,
  mailer,
  assistant = createAssistant({ db }),
}: SupportActivityDeps) {
  return { ...createConversationActivities({ db, assistant }), ...createRequestActivities({ db, mailer }) };
}

export type SupportActivities = ReturnType<typeof createSupportActivities>;
