import type { Request, Response } from 'express';
import type { ValidateFunction } from 'ajv';
import { requireCaller } from './auth';
import { check } from './schemas';
import type { Db } from '../platform/db';
import { authorize } from '../structures/access';
import type { Membership, Need } from '../structures/types';
import { Caller } from '../accounts/caller';

/**
 * What the structure routers share: the authenticated caller, their membership checked against what
 * the action needs, and the checked body.
 */
export async function structureCaller(
  db: Db,
  req: Request,
  res: Response,
  need: Need,
): Promise<{ caller: Caller; structureId: string; membership?: Membership }> {
  const caller = requireCaller(res);
  const structureId = req.params.structureId as string;
  const membership = await authorize(db, caller, structureId, need);
  return { caller, structureId, membership };
}

export const body = <T>(validate: ValidateFunction<T>, req: Request): T =>
  check(validate, req.body ?? {}, 'body');

export const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

export const structureIdParam = pathParam('structureId', 'The structure’s id.');

/** The responses every structure endpoint may give besides its own. */
export const accessErrors = (errorResponse: (d: string) => object) => ({
  '401': errorResponse('Not signed in (UNAUTHENTICATED)'),
  '403': errorResponse('Not a member, or a role the action needs (NOT_A_MEMBER, MANAGER_REQUIRED, ...)'),
  '404': errorResponse('No such structure (STRUCTURE_NOT_FOUND) or item'),
});
