import type { Db } from '../platform/db';
import { hashToken, newToken, verifyPassword } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import * as store from './store';
import type { LiveSession, SessionKind, SignedIn } from './types';
import { findUserByEmail, normalizeEmail, toAccount } from './users';

export const SESSION_HOURS = 12;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 60;

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
    store.recordSignInAttempt(db, normalizeEmail(email), outcome, now.toISOString());

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
  await store.openSessions(db, {
    userId: user.id,
    email: user.email,
    sessions: [
      { kind: 'cookie', tokenHash: hashToken(cookieToken) },
      { kind: 'bearer', tokenHash: hashToken(bearerToken) },
    ],
    at: now.toISOString(),
    expiresAt,
  });
  return { account: toAccount(user), cookieToken, bearerToken, expiresAt };
}

/** Counts a failure; the fifth in a row locks the account. */
async function recordFailure(db: Db, userId: string, now: Date): Promise<void> {
  await store.recordSignInFailure(db, userId, {
    maxFailures: MAX_FAILED_SIGN_INS,
    lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
  });
}

/** The live session a token opens, with its user, or undefined. */
export async function findSession(
  db: Db,
  token: string,
  kind: SessionKind,
  now = new Date(),
): Promise<LiveSession | undefined> {
  return store.findLiveSession(db, hashToken(token), kind, now.toISOString());
}

export async function endSession(db: Db, token: string): Promise<void> {
  await store.deleteSession(db, hashToken(token));
}
