import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { Membership, Role, toMembership } from './access';
import { unknownServices } from './services';

/** The members of a structure, main manager first. */
export async function listMembers(db: Db, structureId: string): Promise<Membership[]> {
  const rows = await db('structure_members')
    .where({ structure_id: structureId })
    .orderBy(['role', 'user_id']);
  return rows.map(toMembership);
}

/**
 * Attaches a user to the structure as secondary manager or user (a direct attachment by a manager, or
 * an approved request); attaching again changes the role and services. The main manager's own row is
 * never changed this way: that is a transfer.
 */
export async function attachMember(
  db: Db,
  m: { structureId: string; userId: string; role: Exclude<Role, 'PRINCIPAL'>; services: string[] },
): Promise<Membership> {
  const unknown = await unknownServices(db, m.structureId, m.services);
  if (unknown.length > 0)
    throw new DomainError('SERVICE_UNKNOWN', `The structure has no service ${unknown.join(', ')}.`, {
      field: 'body.services',
    });
  await db.transaction(async (trx) => {
    const current = await trx('structure_members')
      .where({ structure_id: m.structureId, user_id: m.userId })
      .first();
    if (current?.role === 'PRINCIPAL')
      throw new DomainError(
        'PRINCIPAL_MANAGER_UNCHANGED',
        'Transfer the main-manager role before changing it.',
        {
          field: 'body.userId',
        },
      );
    await trx('structure_members')
      .insert({
        structure_id: m.structureId,
        user_id: m.userId,
        role: m.role,
        services: JSON.stringify(m.services),
        created_at: new Date().toISOString(),
      })
      .onConflict(['structure_id', 'user_id'])
      .merge(['role', 'services']);
  });
  return { ...m };
}

/** Detaches a member; the main manager cannot be detached before the role is transferred. */
export async function revokeMember(db: Db, structureId: string, userId: string): Promise<Membership> {
  const row = await db('structure_members').where({ structure_id: structureId, user_id: userId }).first();
  if (!row)
    throw new DomainError('MEMBER_NOT_FOUND', `User ${userId} is not attached to this structure.`, {
      field: 'params.userId',
    });
  if (row.role === 'PRINCIPAL')
    throw new DomainError(
      'PRINCIPAL_MANAGER_UNCHANGED',
      'Transfer the main-manager role before revoking it.',
      {
        field: 'params.userId',
      },
    );
  await db('structure_members').where({ structure_id: structureId, user_id: userId }).delete();
  return toMembership(row);
}

/**
 * Makes a member the main manager; the previous one stays as secondary manager. Support (an operator)
 * may appoint a user who is not yet a member, when the main manager has left.
 */
export async function transferPrincipal(
  db: Db,
  structureId: string,
  toUserId: string,
  byOperator: boolean,
): Promise<void> {
  await db.transaction(async (trx) => {
    const target = await trx('structure_members')
      .where({ structure_id: structureId, user_id: toUserId })
      .first();
    if (!target && !byOperator)
      throw new DomainError(
        'TARGET_NOT_A_MEMBER',
        `User ${toUserId} must be attached to the structure first.`,
        {
          field: 'body.userId',
        },
      );
    await trx('structure_members')
      .where({ structure_id: structureId, role: 'PRINCIPAL' })
      .update({ role: 'SECONDAIRE' });
    await trx('structure_members')
      .insert({
        structure_id: structureId,
        user_id: toUserId,
        role: 'PRINCIPAL',
        services: '[]',
        created_at: new Date().toISOString(),
      })
      .onConflict(['structure_id', 'user_id'])
      .merge(['role', 'services']);
  });
}
