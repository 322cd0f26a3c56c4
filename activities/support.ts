import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { createAssistant, type Answer, type Assistant } from '../support/assistant';
import type { ChatMessage, ConversationState } from '../workflows/support';
import type { RequestMessage, RequestStatus, SupportRequestInput } from '../workflows/support-request';

export interface SupportActivityDeps {
  db: Db;
  mailer: Mailer;
  /** The assistant answering questions; default: one over the committed knowledge base. */
  assistant?: Assistant;
}

export interface Advisor {
  userId: string;
  email: string;
}

const STATUS_LABELS: Record<RequestStatus, string> = {
  NOUVELLE: 'nouvelle',
  EN_COURS: 'en cours',
  EN_ATTENTE_UTILISATEUR: 'en attente de votre réponse',
  REPONDUE: 'répondue',
  CLOTUREE: 'clôturée',
};

/**
 * Side effects of support conversations and requests. Every write is keyed (conversation id + seq,
 * request id + seq) and every email carries an idempotency key, so a retried activity changes nothing.
 */
export function createSupportActivities({
  db,
  mailer,
  assistant = createAssistant({ db }),
}: SupportActivityDeps) {
  return {
    /** Answers a question and keeps the exchange. */
    async answerQuestion(q: {
      conversationId: string;
      seq: number;
      question: string;
      userId?: string;
      at: string;
    }): Promise<Answer> {
      const answer = await assistant.answer({ question: q.question, userId: q.userId });
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
      return answer;
    },

    async rateAnswer({
      conversationId,
      seq,
      useful,
    }: {
      conversationId: string;
      seq: number;
      useful: boolean;
    }) {
      await db('support_exchanges').where({ conversation_id: conversationId, seq }).update({ useful });
    },

    /** Writes the conversation's current state (the advisors' queue reads it). */
    async saveConversation({
      state,
      startedAt,
      at,
    }: {
      state: ConversationState;
      startedAt: string;
      at: string;
    }) {
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
    },

    async saveChatMessage({ conversationId, message }: { conversationId: string; message: ChatMessage }) {
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
    },

    /** How many advisors (operators) said they are available for the live chat. */
    async advisorsAvailable(): Promise<number> {
      const [{ n }] = await db('support_advisors')
        .join('users', 'users.id', 'support_advisors.user_id')
        .where({ 'support_advisors.available': true, 'users.operator': true })
        .count({ n: '*' });
      return Number(n);
    },

    async recordRequest({ request }: { request: SupportRequestInput }) {
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
    },

    /**
     * Who handles the request: operators for platform support; for a buyer's service, the members of
     * that structure attached to the whole structure or to that service.
     */
    async requestAdvisors({ request }: { request: SupportRequestInput }): Promise<Advisor[]> {
      if (request.routing === 'PLATEFORME' || !request.structureId)
        return db('users')
          .where({ operator: true })
          .orderBy('id')
          .select({ userId: 'id', email: 'contact_email' });
      const rows = await db('structure_members')
        .join('users', 'users.id', 'structure_members.user_id')
        .where('structure_members.structure_id', request.structureId)
        .orderBy('structure_members.user_id')
        .select({
          userId: 'structure_members.user_id',
          email: 'users.contact_email',
          services: 'structure_members.services',
        });
      return rows
        .filter((r) => {
          const services: string[] = JSON.parse(r.services);
          return services.length === 0 || !request.serviceCode || services.includes(request.serviceCode);
        })
        .map(({ userId, email }) => ({ userId, email }));
    },

    async emailAdvisors({ request, advisors }: { request: SupportRequestInput; advisors: Advisor[] }) {
      for (const a of advisors)
        await mailer.send({
          to: a.email,
          subject: `Nouvelle sollicitation : ${request.subject}`,
          text: `${request.contactEmail} a fait une sollicitation (${request.category} / ${request.subcategory}) :\n\n${request.text}`,
          idempotencyKey: `${request.id}/advisors/${a.userId}`,
        });
    },

    async saveRequestStatus({
      id,
      status,
      advisorId,
      at,
    }: {
      id: string;
      status: RequestStatus;
      advisorId?: string;
      at: string;
    }) {
      await db('support_requests')
        .where({ id })
        .update({ status, advisor_id: advisorId ?? null, updated_at: at });
    },

    async saveRequestMessage({ requestId, message }: { requestId: string; message: RequestMessage }) {
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
    },

    /** Emails the requester an answer (with the request's new status) or the closing of the request. */
    async emailRequester({
      request,
      message,
      status,
    }: {
      request: SupportRequestInput;
      message?: RequestMessage;
      status: RequestStatus;
    }) {
      const follow = request.userId
        ? 'Suivez-la depuis votre espace.'
        : 'Pour poursuivre, faites une nouvelle sollicitation.';
      await mailer.send({
        to: request.contactEmail,
        subject: message
          ? `Réponse à votre sollicitation : ${request.subject}`
          : `Sollicitation clôturée : ${request.subject}`,
        text: message
          ? `${message.text}\n\nVotre sollicitation est ${STATUS_LABELS[status]}. ${follow}`
          : `Votre sollicitation « ${request.subject} » est clôturée.`,
        idempotencyKey: `${request.id}/${message ? `answer/${message.seq}` : 'closed'}`,
      });
    },
  };
}

export type SupportActivities = ReturnType<typeof createSupportActivities>;
