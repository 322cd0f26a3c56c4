import type { Db } from '../platform/db';

/** A users row as the API shows it: no password hash, no lock counters. */
export interface Account {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
  contactEmail: string;
  siret?: string;
  status: 'PENDING' | 'ACTIVE';
  operator: boolean;
}

/** Logins are compared without case or surrounding spaces, as mail systems do in practice. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Db, email: string) {
  return db('users')
    .where({ email: normalizeEmail(email) })
    .first();
}

export function toAccount(row: Record<string, unknown>): Account {
  return {
    id: row.id as string,
    email: row.email as string,
    firstName: row.first_name as string,
    lastName: row.last_name as string,
    phone: (row.phone as string | null) ?? undefined,
    contactEmail: row.contact_email as string,
    siret: (row.siret as string | null) ?? undefined,
    status: row.status as Account['status'],
    // SQLite answers booleans as 0/1.
    operator: !!row.operator,
  };
}

/** Grants or withdraws the operator role (support staff); answers false when no account has this email. */
export async function setOperator(db: Db, email: string, operator: boolean): Promise<boolean> {
  return (
    (await db('users')
      .where({ email: normalizeEmail(email) })
      .update({ operator })) > 0
  );
}
