import type { Db } from '../../platform/db';
import type { Membership, Role } from '../types';

/** SQL on structure_members: who acts for which structure, with what role and services. */

export function toMembership(row: Record<string, unknown>): Membership {
  return {
    structureId: row.structure_id as string,
    userId: row.user_id as string,
    role: row.role as Role,
    services: JSON.parse(row.services as string),
  };
}

export async function findMembership(
  db: Db,
  structureId: string,
  userId: string,
): Promise<Membership | undefined> {
  const row = await db('structure_members').where({ structure_id: structureId, user_id: userId }).first();
  return row ? toMembership(row) : undefined;
}

/** Every membership of a user, in any structure. */
export async function membershipsOfUser(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db('structure_members').where({ user_id: userId });
  return rows.map(toMembership);
}

/** The members of a structure, main manager first (then by role and user id). */
export async function listMembers(db: Db, structureId: string): Promise<Membership[]> {
  const rows = await db('structure_members')
    .where({ structure_id: structureId })
    .orderBy(['role', 'user_id']);
  return rows.map(toMembership);
}

/** Members of a structure by user id, optionally only those with the given roles. */
export async function membersByUserId(db: Db, structureId: string, roles?: Role[]): Promise<Membership[]> {
  const rows = await db('structure_members')
    .where({ structure_id: structureId })
    .where((q) => {
      if (roles) q.whereIn('role', roles);
    })
    .orderBy('user_id');
  return rows.map(toMembership);
}

/** Whether the user is a member of the structure with this identifier. */
export async function isMemberOfIdentified(db: Db, userId: string, identifier: string): Promise<boolean> {
  const row = await db('structure_members')
    .join('structures', 'structures.id', 'structure_members.structure_id')
    .where({ 'structures.identifier': identifier, 'structure_members.user_id': userId })
    .first('structures.id');
  return !!row;
}

/** The identifiers of the structures a user is a member of. */
export async function structureIdentifiersOfUser(db: Db, userId: string): Promise<string[]> {
  return db('structure_members')
    .join('structures', 'structures.id', 'structure_members.structure_id')
    .where('structure_members.user_id', userId)
    .pluck('structures.identifier');
}

/**
 * Sets a non-principal member's role and services (adding them if new), unless they are the main
 * manager: then nothing changes and false is answered.
 */
export async function saveNonPrincipalMember(
  db: Db,
  m: { structureId: string; userId: string; role: Exclude<Role, 'PRINCIPAL'>; services: string[] },
  at: string,
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const current = await trx('structure_members')
      .where({ structure_id: m.structureId, user_id: m.userId })
      .first('role');
    if (current?.role === 'PRINCIPAL') return false;
    await trx('structure_members')
      .insert({
        structure_id: m.structureId,
        user_id: m.userId,
        role: m.role,
        services: JSON.stringify(m.services),
        created_at: at,
      })
      .onConflict(['structure_id', 'user_id'])
      .merge(['role', 'services']);
    return true;
  });
}

/** Adds a member unless already one (an existing member, a main manager too, keeps their row). */
export async function addMemberIfAbsent(db: Db, m: Membership, at: string): Promise<void> {
  await db('structure_members')
    .insert({
      structure_id: m.structureId,
      user_id: m.userId,
      role: m.role,
      services: JSON.stringify(m.services),
      created_at: at,
    })
    .onConflict(['structure_id', 'user_id'])
    .ignore();
}

/**
 * Adds a plain member of the whole structure. Takes the caller's transaction: a Service-mode technical
 * account and its membership are made together.
 */
export async function addWholeStructureUser(db: Db, structureId: string, userId: string, at: string) {
  await db('structure_members').insert({
    structure_id: structureId,
    user_id: userId,
    role: 'UTILISATEUR',
    services: '[]',
    created_at: at,
  });
}

export async function deleteMember(db: Db, structureId: string, userId: string): Promise<void> {
  await db('structure_members').where({ structure_id: structureId, user_id: userId }).delete();
}

/**
 * Makes the user the main manager, the previous one secondary manager; a user who is not a member is
 * appointed only when `evenNonMember`, otherwise nothing changes and false is answered.
 */
export async function transferPrincipalRole(
  db: Db,
  structureId: string,
  toUserId: string,
  evenNonMember: boolean,
  at: string,
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const target = await trx('structure_members')
      .where({ structure_id: structureId, user_id: toUserId })
      .first('role');
    if (!target && !evenNonMember) return false;
    await trx('structure_members')
      .where({ structure_id: structureId, role: 'PRINCIPAL' })
      .update({ role: 'SECONDAIRE' });
    await trx('structure_members')
      .insert({
        structure_id: structureId,
        user_id: toUserId,
        role: 'PRINCIPAL',
        services: '[]',
        created_at: at,
      })
      .onConflict(['structure_id', 'user_id'])
      .merge(['role', 'services']);
    return true;
  });
}
