import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { signalMembersChanged } from '../../structures/membership-workflows';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import { listOf, memberBody, memberCreate, principalTransfer } from '../structure-schemas';
import { membershipOf, Role } from '../../structures/access';
import { attachMember, listMembers, revokeMember, transferPrincipal } from '../../structures/members';

const checkCreate = ajv.compile<{ userId: string; role: Exclude<Role, 'PRINCIPAL'>; services?: string[] }>(
  memberCreate,
);
const checkTransfer = ajv.compile<{ userId: string }>(principalTransfer);

/**
 * Members of a structure. Managers attach users directly and revoke them; secondary managers are
 * appointed and revoked by the main manager, who alone transfers the role (support when they left).
 * Open attachment requests are told, so a revoked manager can no longer decide.
 */
export function membersRouter({ db, client }: { db: Db; client: Client }): Router {
  const router = Router();
  const base = '/structures/:structureId/members';

  router.get(base, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    const members = await listMembers(db, structureId);
    const emails = new Map<string, string>(
      (
        await db('users')
          .whereIn(
            'id',
            members.map((m) => m.userId),
          )
          .select('id', 'email')
      ).map((u) => [u.id, u.email]),
    );
    res.json({ items: members.map((m) => ({ ...m, email: emails.get(m.userId) })) });
  });

  router.post(base, async (req, res) => {
    const { structureId, membership } = await structureCaller(db, req, res, 'manager');
    const input = body(checkCreate, req);
    if (input.role === 'SECONDAIRE' && membership && membership.role !== 'PRINCIPAL')
      throw new DomainError(
        'PRINCIPAL_MANAGER_REQUIRED',
        'Only the main manager appoints secondary managers.',
        {
          field: 'body.role',
        },
      );
    if (!(await db('users').where({ id: input.userId }).first('id')))
      throw new DomainError('USER_NOT_FOUND', `No user ${input.userId}.`, { field: 'body.userId' });
    const member = await attachMember(db, { structureId, ...input, services: input.services ?? [] });
    await signalMembersChanged(db, client, structureId);
    res.status(201).json(member);
  });

  router.delete(`${base}/:userId`, async (req, res) => {
    const { structureId, membership } = await structureCaller(db, req, res, 'manager');
    const target = await membershipOf(db, structureId, req.params.userId as string);
    if (target?.role === 'SECONDAIRE' && membership && membership.role !== 'PRINCIPAL')
      throw new DomainError(
        'PRINCIPAL_MANAGER_REQUIRED',
        'Only the main manager revokes secondary managers.',
        {
          field: 'params.userId',
        },
      );
    await revokeMember(db, structureId, req.params.userId as string);
    await signalMembersChanged(db, client, structureId);
    res.status(204).end();
  });

  router.post('/structures/:structureId/principal', async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'principal');
    const { userId } = body(checkTransfer, req);
    if (!(await db('users').where({ id: userId }).first('id')))
      throw new DomainError('USER_NOT_FOUND', `No user ${userId}.`, { field: 'body.userId' });
    await transferPrincipal(db, structureId, userId, caller.operator);
    await signalMembersChanged(db, client, structureId);
    res.json({ items: await listMembers(db, structureId) });
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
