import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import { listOf, memberBody, memberCreate, principalTransfer } from '../structure-schemas';
import type { Role } from '../../structures/types';
import {
  addMember,
  changeMemberRole,
  listMembersWithEmails,
  revokeMember,
  transferPrincipal,
} from '../../structures/members';

const checkCreate = ajv.compile<{ userId: string; role: Exclude<Role, 'PRINCIPAL'>; services?: string[] }>(
  memberCreate,
);
const checkTransfer = ajv.compile<{ userId: string }>(principalTransfer);

/** A member's new role (PRINCIPAL: hand the main-manager role over) and, optionally, services. */
const memberChange = {
  type: 'object',
  properties: {
    role: { type: 'string', enum: ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'] },
    services: memberCreate.properties.services,
  },
  required: ['role'],
  additionalProperties: false,
} as const;
const checkChange = ajv.compile<{ role: Role; services?: string[] }>(memberChange);

/**
 * Members of a structure. Managers add users directly and revoke them; secondary managers are
 * appointed and revoked by the main manager, who alone transfers the role (support when they left).
 */
export function membersRouter(deps: { db: Db; client: Client }): Router {
  const { db } = deps;
  const router = Router();
  const base = '/structures/:structureId/members';

  router.get(base, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.json({ items: await listMembersWithEmails(db, structureId) });
  });

  router.post(base, async (req, res) => {
    const { structureId, membership } = await structureCaller(db, req, res, 'manager');
    const input = body(checkCreate, req);
    const member = await addMember(deps, membership, {
      structureId,
      ...input,
      services: input.services ?? [],
    });
    res.status(201).json(member);
  });

  router.patch(`${base}/:userId`, async (req, res) => {
    const { structureId, membership } = await structureCaller(db, req, res, 'manager');
    const change = body(checkChange, req);
    res.json(await changeMemberRole(deps, membership, structureId, req.params.userId as string, change));
  });

  router.delete(`${base}/:userId`, async (req, res) => {
    const { structureId, membership } = await structureCaller(db, req, res, 'manager');
    await revokeMember(deps, membership, structureId, req.params.userId as string);
    res.status(204).end();
  });

  router.post('/structures/:structureId/principal', async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'principal');
    const { userId } = body(checkTransfer, req);
    res.json({ items: await transferPrincipal(deps, structureId, userId, caller.operator) });
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });

export const membersOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/members': {
    get: {
      summary: 'The structure’s members and their roles (managers)',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'Members', content: json(listOf(memberBody)) },
        ...accessErrors(errorResponse),
      },
    },
    post: {
      summary: 'Attach a user directly (managers; secondary managers are appointed by the main manager)',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(memberCreate) },
      responses: {
        '201': { description: 'Attached', content: json(memberBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '409': errorResponse('The user is the main manager (PRINCIPAL_MANAGER_UNCHANGED)'),
        '422': errorResponse('USER_NOT_FOUND, SERVICE_UNKNOWN'),
      },
    },
  },
  '/api/v1/structures/{structureId}/members/{userId}': {
    patch: {
      summary:
        'Promote or demote a member; role PRINCIPAL hands the main-manager role over (the previous one becomes secondary manager)',
      description:
        'Managers and secondary-manager roles are changed by the main manager (or support); a secondary ' +
        'manager changes the services of plain users. The main manager is never demoted: the structure ' +
        'always keeps exactly one (LAST_MAIN_MANAGER), the role is handed over instead.',
      parameters: [structureIdParam, pathParam('userId', 'The member’s user id.')],
      requestBody: { required: true, content: json(memberChange) },
      responses: {
        '200': { description: 'The member as changed', content: json(memberBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '409': errorResponse('The main manager would be demoted (LAST_MAIN_MANAGER)'),
        '422': errorResponse('SERVICE_UNKNOWN'),
      },
    },
    delete: {
      summary: 'Revoke a member (managers; a secondary manager by the main manager)',
      parameters: [structureIdParam, pathParam('userId', 'The member’s user id.')],
      responses: {
        '204': { description: 'Revoked' },
        ...accessErrors(errorResponse),
        '409': errorResponse(
          'The main manager cannot be revoked before handing the role over (LAST_MAIN_MANAGER)',
        ),
      },
    },
  },
  '/api/v1/structures/{structureId}/principal': {
    post: {
      summary: 'Transfer the main-manager role (the main manager; support appoints one when they left)',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(principalTransfer) },
      responses: {
        '200': { description: 'The members after the transfer', content: json(listOf(memberBody)) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '422': errorResponse('NOT_A_MEMBER, USER_NOT_FOUND'),
      },
    },
  },
};
