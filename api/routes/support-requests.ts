import { Router, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { loadCategories } from '../../support/categories';
import {
  answerRequest,
  closeRequest,
  fileRequest,
  myRequests,
  replyToRequest,
  requestQueue,
  requestWithMessages,
  takeRequest,
} from '../../support/requests';
import type { Category, RequestActor, RequestFiling, SupportSettings } from '../../support/types';
import { requireCaller } from '../auth';
import { errorResponse, type OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { body, pathParam } from '../structure-routes';
import { listOf } from '../structure-schemas';
import { answerBody, messageBody, requestCreate, requestOut } from '../support-schemas';
import type { Caller } from '../../accounts/caller';

const checkCreate = ajv.compile<RequestFiling>(requestCreate);
const checkAnswer = ajv.compile<{ text: string; needsUser?: boolean }>(answerBody);
const checkReply = ajv.compile<{ text: string }>(messageBody);

const who = (res: Response): RequestActor => {
  const caller = res.locals.caller as Caller | undefined;
  return { userId: caller?.userId, operator: caller?.operator ?? false };
};

/** Requests (sollicitations): support/requests.ts. */
export function supportRequestsRouter({
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
  const categories: Category[] = support.categories ?? loadCategories();
  const id = (req: { params: Record<string, string | string[]> }) => req.params.requestId as string;

  router.get('/support/categories', (_req, res) => {
    res.json({ items: categories });
  });

  router.post('/support/requests', async (req, res) => {
    const input = body(checkCreate, req);
    const filed = await fileRequest({ db, client, taskQueue }, categories, res.locals.caller, input);
    if (!filed.trackable)
      return void res.status(202).json({
        status: 'NOUVELLE',
        trackable: false,
        message: `Votre sollicitation est enregistrée ; la réponse sera envoyée à ${filed.contactEmail}.`,
      });
    res.status(202).json({ id: filed.id, status: 'NOUVELLE', trackable: true, routing: filed.routing });
  });

  router.get('/support/requests', async (_req, res) => {
    res.json({ items: await myRequests(db, requireCaller(res)) });
  });

  router.get('/support/requests/queue', async (_req, res) => {
    res.json({ items: await requestQueue(db, requireCaller(res)) });
  });

  router.get('/support/requests/:requestId', async (req, res) => {
    const caller = requireCaller(res);
    res.json(await requestWithMessages(db, client, caller, id(req)));
  });

  const one = '/support/requests/:requestId';
  router.post(`${one}/assignment`, async (req, res) => {
    requireCaller(res);
    res.json(await takeRequest(client, id(req), who(res)));
  });
  router.post(`${one}/answers`, async (req, res) => {
    requireCaller(res);
    const input = body(checkAnswer, req);
    res.json(await answerRequest(client, id(req), who(res), input));
  });
  router.post(`${one}/replies`, async (req, res) => {
    requireCaller(res);
    const input = body(checkReply, req);
    res.json(await replyToRequest(client, id(req), who(res), input));
  });
  router.post(`${one}/closure`, async (req, res) => {
    requireCaller(res);
    res.json(await closeRequest(client, id(req), who(res)));
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });
const requestIdParam = pathParam('requestId', 'The request’s id.');
const requestErrors = {
  '401': errorResponse('UNAUTHENTICATED'),
  '403': errorResponse('ADVISOR_REQUIRED, NOT_THE_REQUESTER'),
  '404': errorResponse('REQUEST_NOT_FOUND'),
  '409': errorResponse('REQUEST_CLOSED'),
};
const update = (summaryText: string, bodySchema?: object) => ({
  post: {
    summary: summaryText,
    parameters: [requestIdParam],
    ...(bodySchema ? { requestBody: { required: true, content: json(bodySchema) } } : {}),
    responses: {
      '200': { description: 'The request’s new status', content: json(requestOut) },
      ...requestErrors,
    },
  },
});

export const supportRequestsOpenApi: OpenApiPaths = {
  '/api/v1/support/categories': {
    get: {
      summary: 'Request categories and sub-categories, and where each is routed',
      responses: { '200': { description: 'Categories', content: json(listOf({ type: 'object' })) } },
    },
  },
  '/api/v1/support/requests': {
    post: {
      summary:
        'File a request (sollicitation); signed out: with a contact email, answered by email, not trackable',
      requestBody: { required: true, content: json(requestCreate) },
      responses: {
        '202': { description: 'Filed', content: json(requestOut) },
        '400': errorResponse('INVALID_INPUT'),
        '404': errorResponse('STRUCTURE_NOT_FOUND'),
        '422': errorResponse('CATEGORY_UNKNOWN, SUBCATEGORY_UNKNOWN, SERVICE_UNKNOWN'),
      },
    },
    get: {
      summary: 'My requests, newest first',
      responses: {
        '200': { description: 'Requests', content: json(listOf(requestOut)) },
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
  '/api/v1/support/requests/queue': {
    get: {
      summary:
        'Open requests I handle: operators (platform support) and members of the routed buyer services',
      responses: {
        '200': { description: 'Requests, oldest first', content: json(listOf(requestOut)) },
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
  '/api/v1/support/requests/{requestId}': {
    get: {
      summary: 'A request with its messages (its requester and its advisors)',
      parameters: [requestIdParam],
      responses: { '200': { description: 'The request', content: json(requestOut) }, ...requestErrors },
    },
  },
  '/api/v1/support/requests/{requestId}/assignment': update('Take the request (EN_COURS)'),
  '/api/v1/support/requests/{requestId}/answers': update(
    'Answer (REPONDUE, or EN_ATTENTE_UTILISATEUR with needsUser); the requester is emailed',
    answerBody,
  ),
  '/api/v1/support/requests/{requestId}/replies': update(
    'Reply as the requester (back to EN_COURS)',
    messageBody,
  ),
  '/api/v1/support/requests/{requestId}/closure': update(
    'Close the request (CLOTUREE); the requester is emailed',
  ),
};
