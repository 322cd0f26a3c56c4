import { Router, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { errorResponse, type OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { body, pathParam } from '../structure-routes';
import { listOf } from '../structure-schemas';
import {
  acceptLiveChat,
  advisorQueue,
  askAssistant,
  checkAdvisor,
  conversationFor,
  endLiveChat,
  joinLiveChat,
  rateAnswer,
  sendChatMessage,
  setAvailability,
} from '../../support/conversations';
import type { ConversationActor, SupportSettings } from '../../support/types';
import {
  answerOut,
  askBody,
  availabilityBody,
  conversationOut,
  messageBody,
  rateBody,
} from '../support-schemas';
import type { Caller } from '../../accounts/caller';

const checkAsk = ajv.compile<{ question: string; conversationId?: string }>(askBody);
const checkRate = ajv.compile<{ seq: number; useful: boolean }>(rateBody);
const checkMessage = ajv.compile<{ text: string }>(messageBody);
const checkAvailability = ajv.compile<{ available: boolean }>(availabilityBody);

const actor = (res: Response): ConversationActor => {
  const caller = res.locals.caller as Caller | undefined;
  return { userId: caller?.userId, advisor: caller?.operator ?? false };
};

const requireAdvisor = (res: Response): Caller => checkAdvisor(requireCaller(res));

/** The assistant and the live chat (support/conversations.ts). */
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
  const id = (req: { params: Record<string, string | string[]> }) => req.params.conversationId as string;

  router.post('/support/ask', async (req, res) => {
    const input = body(checkAsk, req);
    const { conversationId, seq, offer, liveChat, answer } = await askAssistant(
      { client, taskQueue, settings: support },
      actor(res),
      input,
    );
    res.json({ conversationId, seq, offer, liveChat, ...answer });
  });

  router.post('/support/conversations/:conversationId/ratings', async (req, res) => {
    const input = body(checkRate, req);
    res.json(await rateAnswer(client, id(req), actor(res), input));
  });

  router.get('/support/conversations/:conversationId', async (req, res) => {
    res.json(await conversationFor(client, id(req), actor(res)));
  });

  router.post('/support/conversations/:conversationId/live-chat', async (req, res) => {
    res.status(202).json(await acceptLiveChat(client, id(req), actor(res)));
  });

  router.post('/support/conversations/:conversationId/messages', async (req, res) => {
    const input = body(checkMessage, req);
    res.status(201).json(await sendChatMessage(client, id(req), actor(res), input.text));
  });

  router.post('/support/conversations/:conversationId/end', async (req, res) => {
    res.json(await endLiveChat(client, id(req), actor(res)));
  });

  router.get('/support/advisor/queue', async (_req, res) => {
    requireAdvisor(res);
    res.json({ items: await advisorQueue(db) });
  });

  router.post('/support/advisor/conversations/:conversationId/assignment', async (req, res) => {
    const caller = requireAdvisor(res);
    res.json(await joinLiveChat(client, id(req), caller));
  });

  router.put('/support/advisor/availability', async (req, res) => {
    const caller = requireAdvisor(res);
    const { available } = body(checkAvailability, req);
    await setAvailability(db, caller, available);
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
