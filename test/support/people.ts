import type { Db } from '../../platform/db';
import { hashToken, newToken } from '../../platform/secrets';

/**
 * An active user with an open bearer session, written straight into the accounts tables: for tests
 * about what people may do, where going through registration and activation for each would only
 * add time (the journey test goes through them).
 */
export async function seedUser(db: Db, id: string, opts: { operator?: boolean } = {}): Promise<string> {
  const now = new Date().toISOString();
  const email = `${id}@example.org`;
  await db('users').insert({
    id,
    email,
    first_name: id,
    last_name: 'Test',
    contact_email: email,
    status: 'ACTIVE',
    operator: !!opts.operator,
    terms_accepted_at: now,
    created_at: now,
    activated_at: now,
  });
  const token = newToken();
  await db('sessions').insert({
    token_hash: hashToken(token),
    user_id: id,
    kind: 'bearer',
    created_at: now,
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return token;
}

/** A valid French IBAN for a bank account number: ISO 7064 mod 97-10 check digits computed. */
export function frenchIban(bban: string): string {
  const digits = (bban + 'FR00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return `FR${String(98 - remainder).padStart(2, '0')}${bban}`;
}
