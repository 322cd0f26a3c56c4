import type { Db } from '../platform/db';
import { hashToken, verifyPassword } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import { findTechnicalAccountByLogin } from './store';
import { technicalAccountView } from './technical-accounts';
import type { TechnicalCaller } from './types';
import { assertNotLocked, recordFailure, recordSuccess } from '../platform/throttle';

// bcrypt at cost 12 takes a quarter of a second, and clients send the header on every call: a
// verified header is remembered (by its hash) for a while, as long as the password was not set again.
const verified = new Map<string, { login: string; setAt: string; until: number }>();
const VERIFIED_FOR_MS = 5 * 60_000;

const UNKNOWN_HASH = '$2b$12$rcCjMHub5ptomz4h.sRqJu.4jJd3VQeq.yd5eBzCa8Ip/pqj.Ynzy';

/**
 * Checks the `cpro-account` header: base64 of `login:password` of a technical account. A wrong
 * login or password is one refusal; an expired password another, told only to who knows it.
 */
export async function verifyTechnicalAccount(db: Db, header: string | undefined): Promise<TechnicalCaller> {
  const refuse = () =>
    new DomainError('TECHNICAL_ACCOUNT_INVALID', 'Technical account header missing, malformed or wrong.', {
      field: 'cpro-account',
    });
  if (!header || !/^[A-Za-z0-9+/=_-]+$/.test(header.trim())) throw refuse();
  const decoded = Buffer.from(header.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw refuse();
  const login = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const lockKey = `technical-account:${login.toLowerCase()}`;
  await assertNotLocked(db, lockKey, new Date(), 'cpro-account');
  const row = await findTechnicalAccountByLogin(db, login);
  if (!row) {
    // As long as a real check, so a wrong login cannot be told from a wrong password by timing.
    await verifyPassword(password, UNKNOWN_HASH);
    await recordFailure(db, lockKey);
    throw refuse();
  }
  const key = hashToken(`cpro-account:${header.trim()}`);
  const setAt = new Date(row.password_set_at).toISOString();
  const cached = verified.get(key);
  if (!(cached && cached.login === row.login && cached.setAt === setAt && cached.until > Date.now())) {
    if (!(await verifyPassword(password, row.password_hash))) {
      await recordFailure(db, lockKey);
      throw refuse();
    }
    await recordSuccess(db, lockKey);
    verified.set(key, { login: row.login, setAt, until: Date.now() + VERIFIED_FOR_MS });
  }
  if (technicalAccountView(row).expired)
    throw new DomainError(
      'TECHNICAL_ACCOUNT_PASSWORD_EXPIRED',
      'The technical account’s password has expired: the main manager of the structure must reset it.',
      { field: 'cpro-account' },
    );
  return { userId: row.user_id, login: row.login, structureId: row.structure_id };
}
