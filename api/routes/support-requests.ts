import crypto from 'node:crypto';
import { Router, type Response } from 'express';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import type { SupportSettings } from './support';
import { loadCategories, type Category } from '../../support/categories';
import { unknownServices } from '../../structures/services';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, type OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { body, pathParam } from '../structure-routes';
import { listOf } from '../structure-schemas';
import { supportCall } from '../../support/workflow-calls';
import { answerBody, messageBody, requestCreate, requestOut } from '../support-schemas';
import {
  answerRequest,
  closeRequest,
  replyToRequest,
  requestState,
  requestWorkflowId,
  supportRequest,
  take,
  type RequestActor,
  type SupportRequestInput,
} from '../../workflows/support-request';
import type { Caller } from '../../accounts/caller';

type CreateBody = {
  category: string;
  subcategory: string;
  subject: string;
  text: string;
  contactEmail?: string;
  structureId?: string;
  serviceCode?: string;
};
const checkCreate = ajv.compile<CreateBody>(requestCreate);
const checkAnswer = ajv.compile<{ text: string; needsUser?: boolean }>(answerBody);
const checkReply = ajv.compile<{ text: string }>(messageBody);

const who = (res: Response): RequestActor => {
  const caller = res.locals.caller as Caller | undefined;
  return { userId: caller?.userId, operator: caller?.operator ?? false };
};

/**
 * Requests (sollicitations): filed signed in (followed here) or not (answered by email only, with no
 * id to follow, as on the real platform); each is a workflow sollicitation/<id> routed to platform
 * support or to the business service of the buyer concerned, whose members answer it.
 */
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
  const handle = (id: string) => client.workflow.getHandle(requestWorkflowId(id));
  const call = <T>(run: () => Promise<T>) => supportCall('REQUEST_NOT_FOUND', 'params.requestId', run);

  router.get('/support/categories', (_req, res) => {
    res.json({ items: categories });
  });

  router.post('/support/requests', async (req, res) => {
    const input = body(checkCreate, req);
    const caller = res.locals.caller as Caller | undefined;
    const category = categories.find((c) => c.code === input.category);
    if (!category)
      throw new DomainError('CATEGORY_UNKNOWN', `No category ${input.category}.`, {
        field: 'body.category',
      });
    if (!category.subcategories.some((s) => s.code === input.subcategory))
      throw new DomainError(
        'SUBCATEGORY_UNKNOWN',
        `No sub-category ${input.subcategory} in ${category.code}.`,
        {
          field: 'body.subcategory',
        },
      );
    const contactEmail = input.contactEmail ?? caller?.email;
    if (!contactEmail)
      throw new DomainError('INVALID_INPUT', 'body.contactEmail is required when not signed in.', {
        field: 'body.contactEmail',
      });
    if (category.routing === 'SERVICE_ACHETEUR') await checkBuyer(db, input);
    const id = crypto.randomUUID();
    const request: SupportRequestInput = {
      id,
      userId: caller?.userId,
      contactEmail,
      category: category.code,
      subcategory: input.subcategory,
      routing: category.routing,
      structureId: category.routing === 'SERVICE_ACHETEUR' ? input.structureId : undefined,
      serviceCode: category.routing === 'SERVICE_ACHETEUR' ? input.serviceCode : undefined,
      subject: input.subject,
      text: input.text,
      createdAt: new Date().toISOString(),
    };
    await client.workflow.start(supportRequest, {
      workflowId: requestWorkflowId(id),
      taskQueue,
      args: [request],
    });
    if (!caller)
      return void res.status(202).json({
        status: 'NOUVELLE',
        trackable: false,
        message: `Votre sollicitation est enregistrée ; la réponse sera envoyée à ${contactEmail}.`,
      });
    res.status(202).json({ id, status: 'NOUVELLE', trackable: true, routing: request.routing });
  });

  router.get('/support/requests', async (_req, res) => {
    const caller = requireCaller(res);
    const rows = await db('support_requests').where({ user_id: caller.userId }).orderBy('created_at', 'desc');
    res.json({ items: rows.map(toRequest) });
  });

  router.get('/support/requests/queue', async (_req, res) => {
    const caller = requireCaller(res);
    const memberships = await db('structure_members').where({ user_id: caller.userId });
    const rows = await db('support_requests')
      .whereNot({ status: 'CLOTUREE' })
      .where((q) => {
        if (caller.operator) q.orWhere({ routing: 'PLATEFORME' });
        for (const m of memberships) {
          const services: string[] = JSON.parse(m.services);
          q.orWhere((s) => {
            s.where({ routing: 'SERVICE_ACHETEUR', structure_id: m.structure_id });
            if (services.length)
              s.where((c) => c.whereIn('service_code', services).orWhereNull('service_code'));
          });
        }
        if (!caller.operator && memberships.length === 0) q.whereRaw('1 = 0');
      })
      .orderBy('created_at');
    res.json({ items: rows.map(toRequest) });
  });

  router.get('/support/requests/:requestId', async (req, res) => {
    const caller = requireCaller(res);
    const id = req.params.requestId as string;
    const row = await db('support_requests').where({ id }).first();
    if (!row) throw new DomainError('REQUEST_NOT_FOUND', `No request ${id}.`, { field: 'params.requestId' });
    const messages = await db('support_request_messages').where({ request_id: id }).orderBy('seq');
    let advisors: string[] = [];
    try {
      advisors = (await handle(id).query(requestState)).advisors;
    } catch (err) {
      // A closed request's workflow may be gone: only its requester and operators see it then.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    if (row.user_id !== caller.userId && !caller.operator && !advisors.includes(caller.userId))
      throw new DomainError('NOT_YOURS', 'This request is not yours to see.');
    res.json({
      ...toRequest(row),
      messages: messages.map((m) => ({
        seq: m.seq,
        author: m.author,
        authorId: m.author_id ?? undefined,
        text: m.text,
        at: new Date(m.at).toISOString(),
      })),
    });
  });

  const one = '/support/requests/:requestId';
  router.post(`${one}/assignment`, async (req, res) => {
    requireCaller(res);
    const id = req.params.requestId as string;
    res.json(summary(await call(() => handle(id).executeUpdate(take, { args: [who(res)] }))));
  });
  router.post(`${one}/answers`, async (req, res) => {
    requireCaller(res);
    const input = body(checkAnswer, req);
    const id = req.params.requestId as string;
    res.json(
      summary(
        await call(() => handle(id).executeUpdate(answerRequest, { args: [{ ...who(res), ...input }] })),
      ),
    );
  });
  router.post(`${one}/replies`, async (req, res) => {
    requireCaller(res);
    const input = body(checkReply, req);
    const id = req.params.requestId as string;
    res.json(
      summary(
        await call(() => handle(id).executeUpdate(replyToRequest, { args: [{ ...who(res), ...input }] })),
      ),
    );
  });
  router.post(`${one}/closure`, async (req, res) => {
    requireCaller(res);
    const id = req.params.requestId as string;
    res.json(summary(await call(() => handle(id).executeUpdate(closeRequest, { args: [who(res)] }))));
  });

  return router;
}

/** A request routed to a buyer's service names an existing structure, and a service it has. */
async function checkBuyer(db: Db, input: CreateBody) {
  if (!input.structureId)
    throw new DomainError(
      'INVALID_INPUT',
      'body.structureId is required for this category (the buyer concerned).',
      {
        field: 'body.structureId',
      },
    );
  if (!(await db('structures').where({ id: input.structureId }).first('id')))
    throw new DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${input.structureId}.`, {
      field: 'body.structureId',
    });
  if (input.serviceCode && (await unknownServices(db, input.structureId, [input.serviceCode])).length > 0)
    throw new DomainError('SERVICE_UNKNOWN', `The structure has no service ${input.serviceCode}.`, {
      field: 'body.serviceCode',
    });
}

const summary = (s: { id: string; status: string; advisorId?: string }) => ({
  id: s.id,
  status: s.status,
  advisorId: s.advisorId,
});

function toRequest(r: Record<string, unknown>) {
  return {
    id: r.id,
    status: r.status,
    category: r.category,
    subcategory: r.subcategory,
    routing: r.routing,
    structureId: r.structure_id ?? undefined,
    serviceCode: r.service_code ?? undefined,
    subject: r.subject,
    advisorId: r.advisor_id ?? undefined,
    createdAt: new Date(r.created_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
  };
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
