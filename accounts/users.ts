import type { Db } from '../platform/db';
import * as store from './store';
import type { Account } from './types';

/** Logins are compared without case or surrounding spaces, as mail systems do in practice. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string) {
  return store.findUserByEmail(db, normalizeEmail(email));
}

export function toAccount(row: store.UserRow): Account {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone ?? undefined,
    contactEmail: row.contact_email,
    siret: row.siret ?? undefined,
    status: row.status as Account['status'],
    // SQLite answers booleans as 0/1.
    operator: !!row.operator,
  };
}

/** The account of a signed-in user. */
export async function getAccount(db: Db, userId: string): Promise<Account> {
  return toAccount((await store.findUserById(db, userId))!);
}

/** Grants or withdraws the operator role (support staff); answers false when no account has this email. */
export async function setOperator(db: Db, email: string, operator: boolean): Promise<boolean> {
  return store.updateOperator(db, normalizeEmail(email), operator);
}

/** The id of the account with this login email, if any. */
export async function userIdByEmail(db: Db, email: string): Promise<string | undefined> {
  return (await findUserByEmail(db, email))?.id;
}
