import type { Db } from '../platform/db';
import { hashToken, newToken, verifyPassword } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import { Account, findUserByEmail, normalizeEmail, toAccount } from './users';

export const SESSION_HOURS = 12;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 60;

/** A cookie session is only ever read from its httpOnly cookie; a bearer session from the header. */
export type SessionKind = 'cookie' | 'bearer';

export interface SignedIn {
  account: Account;
  cookieToken: string;
  bearerToken: string;
  expiresAt: string;
}

// Compared against when the email is unknown, so an unknown login costs the same time as a known one.
const UNKNOWN_USER_HASH = '$2b$12$rcCjMHub5ptomz4h.sRqJu.4jJd3VQeq.yd5eBzCa8Ip/pqj.Ynzy';

/**
 * Checks credentials and opens two sessions: one for the browser's httpOnly cookie, one whose token
 * is given to API clients, so script-readable tokens never unlock the cookie session. Five failures
 * lock the account for an hour; the answer never says which of email or password was wrong.
 */
export async function signIn(db: Db, email: string, password: string, now = new Date()): Promise<SignedIn> {
  const user = await findUserByEmail(db, email);
  const attempt = (outcome: string) =>
    db('sign_in_attempts').insert({ email: normalizeEmail(email), outcome, at: now.toISOString() });

  if (user?.locked_until && new Date(user.locked_until) > now) {
    await attempt('LOCKED');
    throw new DomainError('ACCOUNT_LOCKED', 'Too many failed sign-ins: this account is locked for an hour.', {
      lockedUntil: new Date(user.locked_until).toISOString(),
    });
  }
  const ok = await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH);
  if (!user || !ok || user.status !== 'ACTIVE') {
    if (user) await recordFailure(db, user.id, now);
    await attempt('INVALID_CREDENTIALS');
    throw new DomainError('INVALID_CREDENTIALS', 'Wrong email or password.');
  }

  const cookieToken = newToken();
  const bearerToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.transaction(async (trx) => {
    await trx('users').where({ id: user.id }).update({ failed_sign_ins: 0, locked_until: null });
    await trx('sessions').insert(
      (
        [
          ['cookie', cookieToken],
          ['bearer', bearerToken],
        ] as const
      ).map(([kind, token]) => ({
        token_hash: hashToken(token),
        user_id: user.id,
        kind,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })),
    );
    await trx('sign_in_attempts').insert({ email: user.email, outcome: 'SIGNED_IN', at: now.toISOString() });
  });
  return { account: toAccount(user), cookieToken, bearerToken, expiresAt };
}

/** Counts a failure in one statement (parallel attempts all count); the fifth locks the account. */
async function recordFailure(db: Db, userId: string, now: Date): Promise<void> {
  await db('users').where({ id: userId }).increment('failed_sign_ins', 1);
  await db('users')
    .where({ id: userId })
    .where('failed_sign_ins', '>=', MAX_FAILED_SIGN_INS)
    .update({
      failed_sign_ins: 0,
      locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
    });
}

/** The live session a token opens, with its user, or undefined. */
export async function findSession(db: Db, token: string, kind: SessionKind, now = new Date()) {
  return db('sessions')
    .join('users', 'users.id', 'sessions.user_id')
    .where({ 'sessions.token_hash': hashToken(token), 'sessions.kind': kind, 'users.status': 'ACTIVE' })
    .where('sessions.expires_at', '>', now.toISOString())
    .first(
      'users.id as userId',
      'users.email as email',
      'users.operator as operator',
      'sessions.expires_at as expiresAt',
    );
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db('sessions')
    .where({ token_hash: hashToken(token) })
    .delete();
}
