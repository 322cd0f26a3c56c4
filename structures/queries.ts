import type { Db } from '../platform/db';
import { contactsOf } from '../accounts';
import * as members from './store/members';
import * as structures from './store/structures';
import { listBankAccounts } from './store/bank-accounts';
import type { BankAccount, Membership, Role } from './types';

/** What other features read of structures and their members; they never touch these tables. */

export type { RecipientStructure, StructureSearch } from './store/structures';
export {
  findStructureByIdentifier,
  recipientStructureByIdentifier,
  preferredFormatOf,
  searchStructures,
  structureExists,
  structureNames,
} from './store/structures';
export { membershipsOfUser, structureIdentifiersOfUser } from './store/members';
export { openOperatorTask, resolveOperatorTask, type OperatorTask } from './store/operator-tasks';

/** The id of the structure with this identifier, if any. */
export async function structureIdByIdentifier(db: Db, identifier: string): Promise<string | undefined> {
  return (await structures.findStructureByIdentifier(db, identifier))?.id;
}

/** Whether the user is a member of the structure with this identifier (e.g. the seller an invoice names). */
export async function isMemberOfStructureIdentified(
  db: Db,
  userId: string,
  identifier: string,
): Promise<boolean> {
  return members.isMemberOfIdentified(db, userId, identifier);
}

/** The structures a user is a member of, with their role and services in each. */
export async function structuresOfUser(db: Db, userId: string, orderBy: 'name' | 'identifier' = 'name') {
  return structures.structuresOfUser(db, userId, orderBy);
}

/**
 * The members of a structure with the contact email their mail goes to, by user id, optionally only
 * those with the given roles (e.g. its managers: PRINCIPAL and SECONDAIRE).
 */
export async function memberContacts(
  db: Db,
  structureId: string,
  roles?: Role[],
): Promise<(Membership & { email: string })[]> {
  const found = await members.membersByUserId(db, structureId, roles);
  const email = new Map(
    (
      await contactsOf(
        db,
        found.map((m) => m.userId),
      )
    ).map((c) => [c.userId, c.email]),
  );
  return found.filter((m) => email.has(m.userId)).map((m) => ({ ...m, email: email.get(m.userId)! }));
}

/** Contact emails of every member of a structure, in alphabetical order. */
export async function memberEmails(db: Db, structureId: string | null | undefined): Promise<string[]> {
  if (!structureId) return [];
  return (await memberContacts(db, structureId)).map((m) => m.email).sort();
}

/** The structure's bank account with this id, or its oldest one when no id is given. */
export async function bankAccountOf(
  db: Db,
  structureId: string,
  id?: string,
): Promise<BankAccount | undefined> {
  const accounts = await listBankAccounts(db, structureId);
  return id ? accounts.find((a) => a.id === id) : accounts[0];
}

/**
 * Makes a Service-mode technical account's user a plain member of the whole structure. Takes the
 * caller's transaction: the account and its membership are made together.
 */
export async function addTechnicalMember(
  db: Db,
  structureId: string,
  userId: string,
  at: string,
): Promise<void> {
  await members.addWholeStructureUser(db, structureId, userId, at);
}
