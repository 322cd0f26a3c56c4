import { Router } from 'express';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureIdParam, structureCaller } from '../structure-routes';
import {
  membershipRequestBody,
  membershipRequestCreate,
  membershipDecision,
  listOf,
} from '../structure-schemas';
import {
  decideMembershipRequest,
  DecisionAnswer,
  listMembershipRequests,
  MembershipRequestDeps,
  requestMembership,
  withdrawMembershipRequest,
} from '../../structures/membership-requests';

const checkCreate = ajv.compile<{ services?: string[] }>(membershipRequestCreate);
/** The decision with every role: PRINCIPAL hands the main-manager role over to the requester. */
const decisionWithRoles = {
  ...membershipDecision,
  properties: {
    ...membershipDecision.properties,
    role: {
      type: 'string',
      enum: ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'],
      description:
        'Required to approve. SECONDAIRE and PRINCIPAL are granted by the main manager (or support); ' +
        'PRINCIPAL hands the role over, the previous main manager stays secondary manager.',
    },
  },
} as const;
const checkDecision = ajv.compile<DecisionAnswer>(decisionWithRoles);

/**
 * Membership requests (rattachement; "attachment-requests" on the wire): a user asks, the structure's
 * managers decide through the request's workflow.
 */
export function membershipRequestsRouter(deps: MembershipRequestDeps) {
  const { db } = deps;
  const router = Router();
  const one = '/structures/:structureId/attachment-requests/:userId';

  router.post('/structures/:structureId/attachment-requests', async (req, res) => {
    const caller = requireCaller(res);
    const structureId = req.params.structureId as string;
    const input = body(checkCreate, req);
    const request = await requestMembership(deps, caller, structureId, input.services ?? []);
    res.status(202).json({ ...request, status: 'EN_ATTENTE' });
  });

  router.get('/attachment-requests', async (_req, res) => {
    const caller = requireCaller(res);
    res.json({ items: await listMembershipRequests(db, caller) });
  });

  router.post(`${one}/decision`, async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'manager');
    const answer = body(checkDecision, req);
    res.json(await decideMembershipRequest(deps, caller, structureId, req.params.userId as string, answer));
  });

  router.post(`${one}/withdrawal`, async (req, res) => {
    const caller = requireCaller(res);
    const { structureId, userId } = req.params as { structureId: string; userId: string };
    res.json(await withdrawMembershipRequest(deps, caller, structureId, userId));
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });
const userIdParam = pathParam('userId', 'The requester’s user id.');

export const membershipRequestsOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/attachment-requests': {
    post: {
      summary: 'Ask to be attached to a structure, optionally to some of its services',
      description: 'Starts the workflow attachment/<structureId>/<userId>; the managers are emailed.',
      parameters: [structureIdParam],
      requestBody: { required: false, content: json(membershipRequestCreate) },
      responses: {
        '202': { description: 'Requested', content: json(membershipRequestBody) },
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
        '200': { description: 'Requests, newest first', content: json(listOf(membershipRequestBody)) },
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
  '/api/v1/structures/{structureId}/attachment-requests/{userId}/decision': {
    post: {
      summary:
        'Approve (with a role and services) or refuse (with a reason) a request (managers; operators once escalated)',
      parameters: [structureIdParam, userIdParam],
      requestBody: { required: true, content: json(decisionWithRoles) },
      responses: {
        '200': { description: 'The outcome', content: json(membershipRequestBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '403': errorResponse(
          'NOT_A_MEMBER, MANAGER_REQUIRED; PRINCIPAL_MANAGER_REQUIRED: a secondary manager approving as a manager',
        ),
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
        '200': { description: 'Withdrawn', content: json(membershipRequestBody) },
        '401': errorResponse('UNAUTHENTICATED'),
        '403': errorResponse('NOT_THE_REQUESTER'),
        '404': errorResponse('ATTACHMENT_REQUEST_NOT_FOUND'),
        '409': errorResponse('ATTACHMENT_ALREADY_DECIDED'),
      },
    },
  },
};
