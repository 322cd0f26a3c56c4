import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { Caller } from '../accounts/caller';

export const ROLES = ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'] as const;
/** gestionnaire principal, gestionnaire secondaire, plain user of the structure. */
export type Role = (typeof ROLES)[number];

export interface Membership {
  structureId: string;
  userId: string;
  role: Role;
  /** Service codes the member acts for; empty: the whole structure. */
  services: string[];
}

/** What an action needs: any member, a manager (principal or secondary), or the main manager. */
export type Need = 'member' | 'manager' | 'principal';

export const isManager = (m: Pick<Membership, 'role'>) => m.role === 'PRINCIPAL' || m.role === 'SECONDAIRE';

export async function membershipOf(
  db: Db,
  structureId: string,
  userId: string,
): Promise<Membership | undefined> {
  const row = await db('structure_members').where({ structure_id: structureId, user_id: userId }).first();
  return row ? toMembership(row) : undefined;
}

export function toMembership(row: Record<string, unknown>): Membership {
  return {
    structureId: row.structure_id as string,
    userId: row.user_id as string,
    role: row.role as Role,
    services: JSON.parse(row.services as string),
  };
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
  const structure = await db('structures').where({ id: structureId }).first('id');
  if (!structure)
    throw new DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${structureId}.`, {
      field: 'params.structureId',
    });
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
