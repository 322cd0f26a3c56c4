import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import { listOf, memberBody, memberCreate, principalTransfer } from '../structure-schemas';
import type { Role } from '../../structures/types';
import { addMember, listMembersWithEmails, revokeMember, transferPrincipal } from '../../structures/members';

const checkCreate = ajv.compile<{ userId: string; role: Exclude<Role, 'PRINCIPAL'>; services?: string[] }>(
  memberCreate,
);
const checkTransfer = ajv.compile<{ userId: string }>(principalTransfer);

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
    delete: {
      summary: 'Revoke a member (managers; a secondary manager by the main manager)',
      parameters: [structureIdParam, pathParam('userId', 'The member’s user id.')],
      responses: {
        '204': { description: 'Revoked' },
        ...accessErrors(errorResponse),
        '409': errorResponse('The main manager cannot be revoked (PRINCIPAL_MANAGER_UNCHANGED)'),
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
