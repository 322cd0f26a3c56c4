import type { Db } from '../db';
import { DomainError } from '../domain-error';
import * as store from './store';

/**
 * Lockout with backoff for one kind of credential: after `freeFailures` wrong attempts in a row, the
 * credential is locked for `baseLockSeconds`, doubled at each further failure up to `maxLockSeconds`.
 * Counted in the database, so every API process sees the same counts.
 */
export interface LockoutPolicy {
  freeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { freeFailures: 5, baseLockSeconds: 60, maxLockSeconds: 3600 };

/** Refused while the credential is locked: 429 CREDENTIALS_LOCKED with the seconds left (Retry-After). */
export class CredentialsLocked extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    field?: string,
  ) {
    super(
      'CREDENTIALS_LOCKED',
      `Too many failed attempts with these credentials: try again in ${retryAfterSeconds} s.`,
      { field, retryAfterSeconds },
    );
  }
}

/** Throws CredentialsLocked while `key` is locked. */
export async function assertNotLocked(db: Db, key: string, now = new Date(), field?: string): Promise<void> {
  const row = await store.findFailures(db, key);
  const until = row?.locked_until ? new Date(row.locked_until).getTime() : 0;
  if (until > now.getTime()) throw new CredentialsLocked(Math.ceil((until - now.getTime()) / 1000), field);
}

/** Counts a wrong attempt; past the free ones, locks the credential for a doubling time. */
export async function recordFailure(
  db: Db,
  key: string,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
  now = new Date(),
): Promise<void> {
  const failures = await store.addFailure(db, key, now.toISOString());
  if (failures < policy.freeFailures) return;
  const seconds = Math.min(
    policy.maxLockSeconds,
    policy.baseLockSeconds * 2 ** Math.min(20, failures - policy.freeFailures),
  );
  await store.lockUntil(db, key, new Date(now.getTime() + seconds * 1000).toISOString());
}

/** A right attempt: the count starts again. */
export async function recordSuccess(db: Db, key: string): Promise<void> {
  await store.clearFailures(db, key);
}

/** At most `perMinute` requests a minute for one key (an IP, a client). */
export interface RateLimit {
  name: string;
  perMinute: number;
}

/** Refused over a rate limit: 429 RATE_LIMITED, Retry-After the seconds to the next window. */
export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/** Counts one request of `who` against the limit; throws RateLimited once over it. */
export async function countRequest(db: Db, limit: RateLimit, who: string, now = new Date()): Promise<void> {
  const seconds = Math.floor(now.getTime() / 1000);
  const windowStart = seconds - (seconds % 60);
  const hits = await store.hit(db, `${limit.name}:${who}`, windowStart);
  // One request in a hundred clears windows older than ten minutes.
  if (hits % 100 === 1) await store.dropWindowsBefore(db, windowStart - 600);
  if (hits > limit.perMinute) throw new RateLimited(windowStart + 60 - seconds);
}
