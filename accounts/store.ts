import type { Db } from '../platform/db';
import type { Contact, LinkConsumption, LinkPurpose, LiveSession, SessionKind } from './types';

/** All SQL on users, account_tokens, sessions and sign_in_attempts; other modules call these functions. */

/** A users row as stored: the services read its lock counters and password hash. */
export interface UserRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  contact_email: string;
  siret: string | null;
  status: string;
  operator: boolean | number;
  password_hash?: string | null;
  failed_sign_ins?: number;
  locked_until?: string | Date | null;
  terms_accepted_at: string;
  created_at: string;
  activated_at?: string | null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db('users').where({ email }).first();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db('users').where({ id }).first();
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return !!(await db('users').where({ id }).first('id'));
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db('users').insert(row);
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db('users').where({ id }).delete();
}

/** Answers whether an account has this (normalized) email. */
export async function updateOperator(db: Db, email: string, operator: boolean): Promise<boolean> {
  return (await db('users').where({ email }).update({ operator })) > 0;
}

/** Login emails by user id. */
export async function loginEmailsOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db('users').whereIn('id', userIds).select('id', 'email');
  return new Map(rows.map((u) => [u.id, u.email]));
}

/** Where each user's mail goes (contact email), in the order of `userIds`; unknown users are left out. */
export async function contactsOf(db: Db, userIds: string[]): Promise<Contact[]> {
  if (userIds.length === 0) return [];
  const rows = await db('users').whereIn('id', userIds).select('id', 'contact_email');
  const email = new Map(rows.map((u) => [u.id as string, u.contact_email as string]));
  return userIds.filter((id) => email.has(id)).map((userId) => ({ userId, email: email.get(userId)! }));
}

/** The operators (support staff), by user id. */
export async function operatorContacts(db: Db): Promise<Contact[]> {
  return db('users').where({ operator: true }).orderBy('id').select({ userId: 'id', email: 'contact_email' });
}

export async function recordSignInAttempt(db: Db, email: string, outcome: string, at: string): Promise<void> {
  await db('sign_in_attempts').insert({ email, outcome, at });
}

/** Counts a failure in one statement (parallel attempts all count); reaching `maxFailures` locks until `lockedUntil`. */
export async function recordSignInFailure(
  db: Db,
  userId: string,
  o: { maxFailures: number; lockedUntil: string },
): Promise<void> {
  await db('users').where({ id: userId }).increment('failed_sign_ins', 1);
  const locked = await db('users')
    .where({ id: userId })
    .where('failed_sign_ins', '>=', o.maxFailures)
    .update({ failed_sign_ins: 0, locked_until: o.lockedUntil });
  // A locked account is signed out everywhere: its cookie sessions and bearer tokens end.
  if (locked > 0) await db('sessions').where({ user_id: userId }).delete();
}

/** A successful sign-in: the failure count and lock go, the sessions open, the attempt is recorded. */
export async function openSessions(
  db: Db,
  s: {
    userId: string;
    email: string;
    sessions: { kind: SessionKind; tokenHash: string }[];
    at: string;
    expiresAt: string;
  },
): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('users').where({ id: s.userId }).update({ failed_sign_ins: 0, locked_until: null });
    await trx('sessions').insert(
      s.sessions.map(({ kind, tokenHash }) => ({
        token_hash: tokenHash,
        user_id: s.userId,
        kind,
        created_at: s.at,
        expires_at: s.expiresAt,
      })),
    );
    await trx('sign_in_attempts').insert({ email: s.email, outcome: 'SIGNED_IN', at: s.at });
  });
}

/** The live session of an active user a token hash opens, or undefined. */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  kind: SessionKind,
  now: string,
): Promise<LiveSession | undefined> {
  const row = await db('sessions')
    .join('users', 'users.id', 'sessions.user_id')
    .where({ 'sessions.token_hash': tokenHash, 'sessions.kind': kind, 'users.status': 'ACTIVE' })
    .where('sessions.expires_at', '>', now)
    // Nor while the account is locked (a session opened before the lock).
    .where((q) => q.whereNull('users.locked_until').orWhere('users.locked_until', '<=', now))
    .first(
      'users.id as userId',
      'users.email as email',
      'users.operator as operator',
      'sessions.expires_at as expiresAt',
    );
  // SQLite answers booleans as 0/1; PostgreSQL answers timestamps as dates.
  return row && { ...row, operator: !!row.operator, expiresAt: new Date(row.expiresAt).toISOString() };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db('sessions').where({ token_hash: tokenHash }).delete();
}

/** The token hash already issued under a link key, if any. */
export async function issuedLinkToken(db: Db, linkKeyHash: string): Promise<string | undefined> {
  return (await db('account_tokens').where({ link_key_hash: linkKeyHash }).first('token_hash'))?.token_hash;
}

/** Records (or, under the same link key, replaces) the token of an emailed link. */
export async function saveLinkToken(
  db: Db,
  t: {
    linkKeyHash: string;
    userId: string;
    purpose: LinkPurpose;
    tokenHash: string;
    expiresAt: string;
    createdAt: string;
  },
): Promise<void> {
  await db('account_tokens')
    .insert({
      link_key_hash: t.linkKeyHash,
      user_id: t.userId,
      purpose: t.purpose,
      token_hash: t.tokenHash,
      expires_at: t.expiresAt,
      created_at: t.createdAt,
    })
    .onConflict('link_key_hash')
    .merge(['token_hash', 'expires_at']);
}

/**
 * The password hash chosen through a link, kept by the link's token hash until the link is used:
 * workflow history holds the token hash only. Nothing is kept for an unknown or used link.
 */
export async function keepPendingPassword(db: Db, tokenHash: string, passwordHash: string): Promise<void> {
  await db('account_tokens').where({ token_hash: tokenHash }).whereNull('used_at').update({
    pending_password_hash: passwordHash,
  });
}

/** The hash a use of the link sets: the one it carries (histories from before), else the kept one. */
async function chosenPasswordHash(db: Db, c: LinkConsumption): Promise<string> {
  if (c.passwordHash) return c.passwordHash;
  const row = await db('account_tokens').where({ token_hash: c.tokenHash }).first('pending_password_hash');
  if (!row?.pending_password_hash) throw new Error('No password is waiting for this link.');
  return row.pending_password_hash as string;
}

/** The pending account becomes ACTIVE with its password hash; the link is marked used. */
export async function activateWithLink(db: Db, c: LinkConsumption): Promise<void> {
  await db.transaction(async (trx) => {
    const passwordHash = await chosenPasswordHash(trx, c);
    await trx('users')
      .where({ id: c.userId, status: 'PENDING' })
      .update({ status: 'ACTIVE', password_hash: passwordHash, activated_at: c.at });
    await trx('account_tokens')
      .where({ token_hash: c.tokenHash })
      .whereNull('used_at')
      .update({ used_at: c.at, pending_password_hash: null });
  });
}

/**
 * Sets the new password, lifts any sign-in lock and ends every session, once per link: when the link
 * is already used, nothing changes (sessions opened since then stay).
 */
export async function resetPasswordWithLink(db: Db, c: LinkConsumption): Promise<void> {
  await db.transaction(async (trx) => {
    const unused = await trx('account_tokens')
      .where({ token_hash: c.tokenHash, user_id: c.userId })
      .whereNull('used_at')
      .first('token_hash');
    if (!unused) return;
    const passwordHash = await chosenPasswordHash(trx, c);
    await trx('account_tokens')
      .where({ token_hash: c.tokenHash })
      .update({ used_at: c.at, pending_password_hash: null });
    await trx('users')
      .where({ id: c.userId })
      .update({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null });
    await trx('sessions').where({ user_id: c.userId }).delete();
  });
}

/**
 * The user row of a structure's technical account (Service mode): status TECHNICAL, it never signs in
 * to the portal. Takes the caller's transaction, as the account and its membership are made together.
 */
export async function insertTechnicalUser(
  db: Db,
  u: { id: string; login: string; at: string },
): Promise<void> {
  await db('users').insert({
    id: u.id,
    email: u.login.toLowerCase(),
    first_name: 'Compte',
    last_name: 'technique',
    contact_email: u.login.toLowerCase(),
    status: 'TECHNICAL',
    operator: false,
    terms_accepted_at: u.at,
    created_at: u.at,
    activated_at: u.at,
  });
}
