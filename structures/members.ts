import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { loginEmailsOf, userExists } from '../accounts';
import { membershipOf } from './access';
import { signalMembersChanged } from './membership-requests';
import { requireKnownServices } from './services';
import * as store from './store/members';
import type { Membership, Role } from './types';

/** What a member-changing action needs: the database, and Temporal to tell open requests. */
export interface MemberDeps {
  db: Db;
  client: Client;
}

/** The members of a structure, main manager first. */
export async function listMembers(db: Db, structureId: string): Promise<Membership[]> {
  return store.listMembers(db, structureId);
}

/** The members of a structure with their login email, for its managers. */
export async function listMembersWithEmails(
  db: Db,
  structureId: string,
): Promise<(Membership & { email?: string })[]> {
  const members = await store.listMembers(db, structureId);
  const emails = await loginEmailsOf(
    db,
    members.map((m) => m.userId),
  );
  return members.map((m) => ({ ...m, email: emails.get(m.userId) }));
}

/**
 * Makes a user a member of the structure as secondary manager or user, directly (by a manager);
 * doing it again changes the role and services. Only the main manager appoints secondary managers
 * (`by` is undefined for support), and the main manager's own row is never changed this way: that
 * is a transfer. Open membership requests are told.
 */
export async function addMember(
  deps: MemberDeps,
  by: Membership | undefined,
  m: { structureId: string; userId: string; role: Exclude<Role, 'PRINCIPAL'>; services: string[] },
): Promise<Membership> {
  if (m.role === 'SECONDAIRE' && by && by.role !== 'PRINCIPAL')
    throw new DomainError(
      'PRINCIPAL_MANAGER_REQUIRED',
      'Only the main manager appoints secondary managers.',
      {
        field: 'body.role',
      },
    );
  // Demoting a secondary manager is the main manager's too.
  if (
    by &&
    by.role !== 'PRINCIPAL' &&
    (await membershipOf(deps.db, m.structureId, m.userId))?.role === 'SECONDAIRE'
  )
    throw new DomainError(
      'PRINCIPAL_MANAGER_REQUIRED',
      'Only the main manager changes a secondary manager.',
      {
        field: 'body.userId',
      },
    );
  await requireUser(deps.db, m.userId);
  await requireKnownServices(deps.db, m.structureId, m.services);
  if (!(await store.saveNonPrincipalMember(deps.db, m, new Date().toISOString())))
    throw new DomainError(
      'PRINCIPAL_MANAGER_UNCHANGED',
      'Transfer the main-manager role before changing it.',
      {
        field: 'body.userId',
      },
    );
  await signalMembersChanged(deps.db, deps.client, m.structureId);
  return { ...m };
}

/**
 * Ends a membership; only the main manager revokes secondary managers, and the main manager cannot
 * be revoked before the role is transferred (LAST_MAIN_MANAGER). Open membership requests are told.
 */
export async function revokeMember(
  deps: MemberDeps,
  by: Membership | undefined,
  structureId: string,
  userId: string,
): Promise<Membership> {
  const target = await membershipOf(deps.db, structureId, userId);
  if (target?.role === 'SECONDAIRE' && by && by.role !== 'PRINCIPAL')
    throw new DomainError('PRINCIPAL_MANAGER_REQUIRED', 'Only the main manager revokes secondary managers.', {
      field: 'params.userId',
    });
  if (!target)
    throw new DomainError('MEMBER_NOT_FOUND', `User ${userId} is not attached to this structure.`, {
      field: 'params.userId',
    });
  if (target.role === 'PRINCIPAL') throw lastMainManager('revoking');
  await store.deleteMember(deps.db, structureId, userId);
  await signalMembersChanged(deps.db, deps.client, structureId);
  return target;
}

/**
 * Makes a member the main manager; the previous one stays as secondary manager. Support (an operator)
 * may appoint a user who is not yet a member, when the main manager has left. Answers the members.
 */
export async function transferPrincipal(
  deps: MemberDeps,
  structureId: string,
  toUserId: string,
  byOperator: boolean,
): Promise<Membership[]> {
  await requireUser(deps.db, toUserId);
  if (
    !(await store.transferPrincipalRole(deps.db, structureId, toUserId, byOperator, new Date().toISOString()))
  )
    throw new DomainError(
      'TARGET_NOT_A_MEMBER',
      `User ${toUserId} must be attached to the structure first.`,
      {
        field: 'body.userId',
      },
    );
  await signalMembersChanged(deps.db, deps.client, structureId);
  return store.listMembers(deps.db, structureId);
}

/** The structure always keeps its one main manager: the role is handed over, never just taken away. */
const lastMainManager = (doing: string) =>
  new DomainError(
    'LAST_MAIN_MANAGER',
    `The structure must keep a main manager: hand the role over to another member before ${doing} this one.`,
    { field: 'params.userId' },
  );

/**
 * Changes a member's role (promote, demote) and, optionally, services. Rules (domain: managers
 * attach users, the main manager appoints secondary managers and transfers the role):
 * - PRINCIPAL hands the main-manager role over (main manager or support): the previous one becomes
 *   secondary manager, so the structure keeps exactly one;
 * - the main manager's own role is never lowered this way (LAST_MAIN_MANAGER);
 * - making or unmaking a secondary manager is the main manager's (or support's);
 * - a secondary manager changes the services of plain users.
 * `by` is undefined for support. Answers the member as changed.
 */
export async function changeMemberRole(
  deps: MemberDeps,
  by: Membership | undefined,
  structureId: string,
  userId: string,
  change: { role: Role; services?: string[] },
): Promise<Membership> {
  const target = await membershipOf(deps.db, structureId, userId);
  if (!target)
    throw new DomainError('MEMBER_NOT_FOUND', `User ${userId} is not attached to this structure.`, {
      field: 'params.userId',
    });
  const principalOnly = change.role !== 'UTILISATEUR' || target.role !== 'UTILISATEUR';
  if (principalOnly && by && by.role !== 'PRINCIPAL')
    throw new DomainError(
      'PRINCIPAL_MANAGER_REQUIRED',
      change.role === 'PRINCIPAL'
        ? 'Only the main manager hands the main-manager role over.'
        : 'Only the main manager appoints or changes secondary managers.',
      { field: 'body.role' },
    );
  if (change.role === 'PRINCIPAL') {
    const members = await transferPrincipal(deps, structureId, userId, false);
    return members.find((m) => m.userId === userId)!;
  }
  if (target.role === 'PRINCIPAL') throw lastMainManager('demoting');
  const services = change.services ?? target.services;
  await requireKnownServices(deps.db, structureId, services);
  const at = new Date().toISOString();
  // Checked again in the write: a hand-over meanwhile may have made the target main manager.
  if (
    !(await store.saveNonPrincipalMember(deps.db, { structureId, userId, role: change.role, services }, at))
  )
    throw lastMainManager('demoting');
  await signalMembersChanged(deps.db, deps.client, structureId);
  return { structureId, userId, role: change.role, services };
}

async function requireUser(db: Db, userId: string) {
  if (!(await userExists(db, userId)))
    throw new DomainError('USER_NOT_FOUND', `No user ${userId}.`, { field: 'body.userId' });
}
