import crypto from 'node:crypto';
import { Router, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import type { Category } from '../../support/categories';
import type { OpeningHours } from '../../support/opening-hours';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, type OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { body, pathParam } from '../structure-routes';
import { listOf } from '../structure-schemas';
import { supportCall } from '../../support/workflow-calls';
import {
  answerOut,
  askBody,
  availabilityBody,
  conversationOut,
  messageBody,
  rateBody,
} from '../support-schemas';
import {
  Actor,
  ask,
  conversation,
  conversationWorkflowId,
  endChat,
  joinChat,
  postMessage,
  rate,
  requestLiveChat,
  supportConversation,
} from '../../workflows/support';
import type { Caller } from '../../accounts/caller';

const checkAsk = ajv.compile<{ question: string; conversationId?: string }>(askBody);
const checkRate = ajv.compile<{ seq: number; useful: boolean }>(rateBody);
const checkMessage = ajv.compile<{ text: string }>(messageBody);
const checkAvailability = ajv.compile<{ available: boolean }>(availabilityBody);

export interface SupportSettings {
  /** Extra closed days of the live chat (French public holidays are built in). */
  openingHours?: OpeningHours;
  /** The request categories (SUPPORT_CATEGORIES_FILE); default: support/categories.json. */
  categories?: Category[];
}

const actor = (res: Response): Actor => {
  const caller = res.locals.caller as Caller | undefined;
  return { userId: caller?.userId, advisor: caller?.operator ?? false };
};

const requireAdvisor = (res: Response): Caller => {
  const caller = requireCaller(res);
  if (!caller.operator)
    throw new DomainError('ADVISOR_REQUIRED', 'Only support advisors (operators) may do this.');
  return caller;
};

/**
 * The assistant and the live chat: each conversation is a workflow support/<conversationId>; signed in
 * or not, whoever holds a conversation id may continue it, and a signed-in user's conversation is theirs.
 */
export function supportRouter({
  db,
  client,
  taskQueue,
  support = {},
}: {
  db: Db;
  client: Client;
  taskQueue: string;
  support?: SupportSettings;
}) {
  const router = Router();
  const handle = (id: string) => client.workflow.getHandle(conversationWorkflowId(id));
  const call = <T>(run: () => Promise<T>) =>
    supportCall('CONVERSATION_NOT_FOUND', 'params.conversationId', run);

  router.post('/support/ask', async (req, res) => {
    const input = body(checkAsk, req);
    const who = actor(res);
    let conversationId = input.conversationId;
    if (!conversationId) {
      conversationId = crypto.randomUUID();
      await client.workflow.start(supportConversation, {
        workflowId: conversationWorkflowId(conversationId),
        taskQueue,
        args: [
          {
            conversationId,
            userId: who.userId,
            startedAt: new Date().toISOString(),
            openingHours: support.openingHours,
          },
        ],
      });
    }
    const id = conversationId;
    const result = await call(() =>
      handle(id).executeUpdate(ask, { args: [{ ...who, question: input.question }] }),
    );
    res.json({ conversationId, seq: result.seq, offer: result.offer, ...result.answer });
  });

  router.post('/support/conversations/:conversationId/ratings', async (req, res) => {
    const input = body(checkRate, req);
    const id = req.params.conversationId as string;
    res.json(await call(() => handle(id).executeUpdate(rate, { args: [{ ...actor(res), ...input }] })));
  });

  router.get('/support/conversations/:conversationId', async (req, res) => {
    const id = req.params.conversationId as string;
    const state = await call(() => handle(id).query(conversation));
    const who = actor(res);
    if (state.userId && state.userId !== who.userId && !who.advisor)
      throw new DomainError('NOT_YOURS', 'This conversation belongs to another user.');
    res.json(state);
  });

  router.post('/support/conversations/:conversationId/live-chat', async (req, res) => {
    const id = req.params.conversationId as string;
    res.status(202).json(await call(() => handle(id).executeUpdate(requestLiveChat, { args: [actor(res)] })));
  });

  router.post('/support/conversations/:conversationId/messages', async (req, res) => {
    const input = body(checkMessage, req);
    const id = req.params.conversationId as string;
    res
      .status(201)
      .json(
        await call(() =>
          handle(id).executeUpdate(postMessage, { args: [{ ...actor(res), text: input.text }] }),
        ),
      );
  });

  router.post('/support/conversations/:conversationId/end', async (req, res) => {
    const id = req.params.conversationId as string;
    res.json(await call(() => handle(id).executeUpdate(endChat, { args: [actor(res)] })));
  });

  router.get('/support/advisor/queue', async (_req, res) => {
    requireAdvisor(res);
    const rows = await db('support_conversations')
      .where({ chat_status: 'EN_ATTENTE' })
      .orderBy('chat_requested_at')
      .select('id', 'user_id', 'chat_requested_at', 'misunderstood', 'negative_ratings');
    res.json({
      items: rows.map((r) => ({
        conversationId: r.id,
        userId: r.user_id ?? undefined,
        waitingSince: new Date(r.chat_requested_at).toISOString(),
        misunderstood: r.misunderstood,
        negativeRatings: r.negative_ratings,
      })),
    });
  });

  router.post('/support/advisor/conversations/:conversationId/assignment', async (req, res) => {
    const caller = requireAdvisor(res);
    const id = req.params.conversationId as string;
    res.json(
      await call(() =>
        handle(id).executeUpdate(joinChat, { args: [{ userId: caller.userId, advisor: true }] }),
      ),
    );
  });

  router.put('/support/advisor/availability', async (req, res) => {
    const caller = requireAdvisor(res);
    const { available } = body(checkAvailability, req);
    const row = { available, updated_at: new Date().toISOString() };
    await db('support_advisors')
      .insert({ user_id: caller.userId, ...row })
      .onConflict('user_id')
      .merge(row);
    res.json({ userId: caller.userId, available });
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });
const conversationIdParam = pathParam(
  'conversationId',
  'The conversation’s id, as /support/ask answered it.',
);
const conversationErrors = {
  '403': errorResponse('NOT_YOURS, ADVISOR_REQUIRED'),
  '404': errorResponse('CONVERSATION_NOT_FOUND'),
  '409': errorResponse('CONVERSATION_ENDED, LIVE_CHAT_NOT_OFFERED, CHAT_NOT_WAITING, CHAT_NOT_ACTIVE'),
};

export const supportOpenApi: OpenApiPaths = {
  '/api/v1/support/ask': {
    post: {
      summary: 'Ask the assistant a question (signed in: answers about my own invoices too)',
      description:
        'Starts the conversation workflow support/<conversationId> when no conversationId is given. After two answers not understood or voted down, offer says what the user may do next.',
      requestBody: { required: true, content: json(askBody) },
      responses: {
        '200': { description: 'The answer', content: json(answerOut) },
        '400': errorResponse('INVALID_INPUT'),
        ...conversationErrors,
      },
    },
  },
  '/api/v1/support/conversations/{conversationId}': {
    get: {
      summary: 'A conversation: counts, offer, live chat and its messages',
      parameters: [conversationIdParam],
      responses: {
        '200': { description: 'The conversation', content: json(conversationOut) },
        ...conversationErrors,
      },
    },
  },
  '/api/v1/support/conversations/{conversationId}/ratings': {
    post: {
      summary: 'Rate an answer (useful or not)',
      parameters: [conversationIdParam],
      requestBody: { required: true, content: json(rateBody) },
      responses: {
        '200': { description: 'Rated; offer as after an answer' },
        '400': errorResponse('INVALID_INPUT'),
        '422': errorResponse('ANSWER_UNKNOWN'),
        ...conversationErrors,
      },
    },
  },
  '/api/v1/support/conversations/{conversationId}/live-chat': {
    post: {
      summary: 'Accept the live chat on offer: the conversation joins the advisors’ queue',
      parameters: [conversationIdParam],
      responses: { '202': { description: 'Queued', content: json(conversationOut) }, ...conversationErrors },
    },
  },
  '/api/v1/support/conversations/{conversationId}/messages': {
    post: {
      summary: 'Send a live-chat message (the user, or the advisor who joined)',
      parameters: [conversationIdParam],
      requestBody: { required: true, content: json(messageBody) },
      responses: {
        '201': { description: 'The message as kept' },
        '400': errorResponse('INVALID_INPUT'),
        ...conversationErrors,
      },
    },
  },
  '/api/v1/support/conversations/{conversationId}/end': {
    post: {
      summary: 'End the live chat (user or advisor)',
      parameters: [conversationIdParam],
      responses: { '200': { description: 'Ended', content: json(conversationOut) }, ...conversationErrors },
    },
  },
  '/api/v1/support/advisor/queue': {
    get: {
      summary: 'Live chats waiting for an advisor, oldest first (operators)',
      responses: {
        '200': { description: 'The queue', content: json(listOf({ type: 'object' })) },
        '401': errorResponse('UNAUTHENTICATED'),
        '403': errorResponse('ADVISOR_REQUIRED'),
      },
    },
  },
  '/api/v1/support/advisor/conversations/{conversationId}/assignment': {
    post: {
      summary: 'Take a waiting live chat (operators)',
      parameters: [conversationIdParam],
      responses: { '200': { description: 'Joined', content: json(conversationOut) }, ...conversationErrors },
    },
  },
  '/api/v1/support/advisor/availability': {
    put: {
      summary: 'Say whether I take live chats now (operators); the chat is offered only when someone does',
      requestBody: { required: true, content: json(availabilityBody) },
      responses: {
        '200': { description: 'Saved' },
        '400': errorResponse('INVALID_INPUT'),
        '401': errorResponse('UNAUTHENTICATED'),
        '403': errorResponse('ADVISOR_REQUIRED'),
      },
    },
  },
};
