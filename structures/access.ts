import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import type { Caller } from '../accounts/caller';
import { findMembership } from './store/members';
import { structureExists } from './store/structures';
import type { Membership, Need } from './types';

export const isManager = (m: Pick<Membership, 'role'>) => m.role === 'PRINCIPAL' || m.role === 'SECONDAIRE';

/** The user's membership of the structure, if they are a member. */
export async function membershipOf(
  db: Db,
  structureId: string,
  userId: string,
): Promise<Membership | undefined> {
  return findMembership(db, structureId, userId);
}

/** STRUCTURE_NOT_FOUND unless the structure exists. */
export async function requireStructure(db: Db, structureId: string, field = 'params.structureId') {
  if (!(await structureExists(db, structureId)))
    throw new DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${structureId}.`, { field });
}

/**
 * Checks that the caller may act on the structure with the given need, and answers their membership
 * (undefined for an operator acting as support). Operators may do everything managers may: support
 * appoints a new main manager when the previous one has left.
 */
export async function authorize(
  db: Db,
  caller: Caller,
  structureId: string,
  need: Need,
): Promise<Membership | undefined> {
  await requireStructure(db, structureId);
  const membership = await membershipOf(db, structureId, caller.userId);
  if (caller.operator) return membership;
  if (!membership)
    throw new DomainError('NOT_A_MEMBER', 'You are not attached to this structure.', {
      field: 'params.structureId',
    });
  if (need === 'manager' && !isManager(membership))
    throw new DomainError('MANAGER_REQUIRED', 'Only a manager of this structure may do this.');
  if (need === 'principal' && membership.role !== 'PRINCIPAL')
    throw new DomainError(
      'PRINCIPAL_MANAGER_REQUIRED',
      'Only the main manager of this structure may do this.',
    );
  return membership;
}

/** Whether a member attached to some services may see this one (managers and whole-structure members see all). */
export function seesService(m: Membership | undefined, code: string): boolean {
  return !m || isManager(m) || m.services.length === 0 || m.services.includes(code);
}
