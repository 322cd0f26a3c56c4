import { Router } from 'express';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { attachmentUpdate } from '../../structures/membership-workflows';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureIdParam, structureCaller } from '../structure-routes';
import { attachmentBody, attachmentCreate, attachmentDecision, listOf } from '../structure-schemas';
import { membershipOf } from '../../structures/access';
import { unknownServices } from '../../structures/services';
import {
  AttachmentRequest,
  attachmentWorkflowId,
  decide,
  Decision,
  structureAttachment,
  withdraw,
} from '../../workflows/membership';

type DecisionBody = {
  approve: boolean;
  role?: 'SECONDAIRE' | 'UTILISATEUR';
  services?: string[];
  reason?: string;
};
const checkCreate = ajv.compile<{ services?: string[] }>(attachmentCreate);
const checkDecision = ajv.compile<DecisionBody>(attachmentDecision);

/**
 * Attachment requests (rattachement): a user asks, the structure's managers decide through the
 * request's workflow, whose validator has the last word on who may decide.
 */
export function attachmentRequestsRouter({
  db,
  client,
  taskQueue,
}: {
  db: Db;
  client: Client;
  taskQueue: string;
}) {
  const router = Router();
  const one = '/structures/:structureId/attachment-requests/:userId';

  router.post('/structures/:structureId/attachment-requests', async (req, res) => {
    const caller = requireCaller(res);
    const structureId = req.params.structureId as string;
    const input = body(checkCreate, req);
    if (!(await db('structures').where({ id: structureId }).first('id')))
      throw new DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${structureId}.`, {
        field: 'params.structureId',
      });
    if (await membershipOf(db, structureId, caller.userId))
      throw new DomainError('ALREADY_A_MEMBER', 'You are already attached to this structure.');
    await checkServices(db, structureId, input.services ?? []);
    const request: AttachmentRequest = {
      structureId,
      userId: caller.userId,
      requesterEmail: caller.email,
      services: input.services ?? [],
      requestedAt: new Date().toISOString(),
    };
    const id = attachmentWorkflowId(structureId, caller.userId);
    try {
      await client.workflow.start(structureAttachment, { workflowId: id, taskQueue, args: [request] });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError)
        throw new DomainError(
          'ATTACHMENT_ALREADY_REQUESTED',
          'Your request to this structure awaits an answer.',
        );
      throw err;
    }
    res.status(202).json({ id, ...request, status: 'EN_ATTENTE' });
  });

  router.get('/attachment-requests', async (_req, res) => {
    const caller = requireCaller(res);
    const managed = db('structure_members')
      .where({ user_id: caller.userId })
      .whereIn('role', ['PRINCIPAL', 'SECONDAIRE'])
      .select('structure_id');
    const rows = await db('attachment_requests')
      .where((q) => {
        q.whereIn('structure_id', managed).orWhere({ user_id: caller.userId });
        if (caller.operator) q.orWhere({ status: 'ESCALADEE' });
      })
      .orderBy('requested_at', 'desc');
    res.json({ items: rows.map(toAttachment) });
  });

  router.post(`${one}/decision`, async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'manager');
    const input = body(checkDecision, req);
    // Which of role and reason is required depends on approve; said here rather than with if/then in
    // the schema, which ajv's strict mode and OpenAPI readers handle poorly.
    const missing = input.approve ? (input.role ? undefined : 'role') : input.reason ? undefined : 'reason';
    if (missing)
      throw new DomainError(
        'INVALID_INPUT',
        `body.${missing} is required to ${input.approve ? 'approve' : 'refuse'}.`,
        {
          errors: [{ field: `body.${missing}`, message: `body.${missing} is required` }],
        },
      );
    await checkServices(db, structureId, input.services ?? []);
    const id = attachmentWorkflowId(structureId, req.params.userId as string);
    const decision: Decision = input.approve
      ? {
          deciderId: caller.userId,
          operator: caller.operator,
          approve: true,
          role: input.role!,
          services: input.services,
        }
      : { deciderId: caller.userId, operator: caller.operator, approve: false, reason: input.reason! };
    const outcome = await attachmentUpdate(id, () =>
      client.workflow.getHandle(id).executeUpdate(decide, { args: [decision] }),
    );
    res.json({ id, ...outcome });
  });

  router.post(`${one}/withdrawal`, async (req, res) => {
    const caller = requireCaller(res);
    const userId = req.params.userId as string;
    if (userId !== caller.userId)
      throw new DomainError('NOT_THE_REQUESTER', 'Only the requester may withdraw the request.', {
        field: 'params.userId',
      });
    const id = attachmentWorkflowId(req.params.structureId as string, userId);
    const outcome = await attachmentUpdate(id, () =>
      client.workflow.getHandle(id).executeUpdate(withdraw, { args: [{ userId }] }),
    );
    res.json({ id, ...outcome });
  });

  return router;
}

async function checkServices(db: Db, structureId: string, services: string[]) {
  const unknown = await unknownServices(db, structureId, services);
  if (unknown.length > 0)
    throw new DomainError('SERVICE_UNKNOWN', `The structure has no service ${unknown.join(', ')}.`, {
      field: 'body.services',
    });
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : undefined);

function toAttachment(r: Record<string, unknown>) {
  return {
    id: r.id,
    structureId: r.structure_id,
    userId: r.user_id,
    requesterEmail: r.requester_email,
    services: JSON.parse(r.services as string),
    status: r.status,
    requestedAt: iso(r.requested_at),
    decidedAt: iso(r.decided_at),
    decidedBy: r.decided_by ?? undefined,
    role: r.role ?? undefined,
    reason: r.reason ?? undefined,
  };
}

const json = (schema: object) => ({ 'application/json': { schema } });
const userIdParam = pathParam('userId', 'The requester’s user id.');

export const attachmentRequestsOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/attachment-requests': {
    post: {
      summary: 'Ask to be attached to a structure, optionally to some of its services',
      description: 'Starts the workflow attachment/<structureId>/<userId>; the managers are emailed.',
      parameters: [structureIdParam],
      requestBody: { required: false, content: json(attachmentCreate) },
      responses: {
        '202': { description: 'Requested', content: json(attachmentBody) },
        '400': errorResponse('INVALID_INPUT'),
        '401': errorResponse('UNAUTHENTICATED'),
        '404': errorResponse('STRUCTURE_NOT_FOUND'),
        '409': errorResponse('ALREADY_A_MEMBER, ATTACHMENT_ALREADY_REQUESTED'),
        '422': errorResponse('SERVICE_UNKNOWN'),
      },
    },
  },
  '/api/v1/attachment-requests': {
    get: {
      summary: 'Requests to the structures I manage, my own, and (operators) those escalated to support',
      responses: {
        '200': { description: 'Requests, newest first', content: json(listOf(attachmentBody)) },
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
  '/api/v1/structures/{structureId}/attachment-requests/{userId}/decision': {
    post: {
      summary:
        'Approve (with a role and services) or refuse (with a reason) a request (managers; operators once escalated)',
      parameters: [structureIdParam, userIdParam],
      requestBody: { required: true, content: json(attachmentDecision) },
      responses: {
        '200': { description: 'The outcome', content: json(attachmentBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '409': errorResponse('ATTACHMENT_ALREADY_DECIDED'),
        '422': errorResponse('SERVICE_UNKNOWN'),
      },
    },
  },
  '/api/v1/structures/{structureId}/attachment-requests/{userId}/withdrawal': {
    post: {
      summary: 'Withdraw my request',
      parameters: [structureIdParam, userIdParam],
      responses: {
        '200': { description: 'Withdrawn', content: json(attachmentBody) },
        '401': errorResponse('UNAUTHENTICATED'),
        '403': errorResponse('NOT_THE_REQUESTER'),
        '404': errorResponse('ATTACHMENT_REQUEST_NOT_FOUND'),
        '409': errorResponse('ATTACHMENT_ALREADY_DECIDED'),
      },
    },
  },
};
