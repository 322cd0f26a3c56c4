import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';

/** A fresh random token for links and sessions (256 bits, URL-safe). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * How tokens are stored and compared: their sha-256. Tokens are long random values, so a fast hash
 * suffices (unlike passwords), and a leaked table or workflow history gives nothing usable.
 */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export const PASSWORD_MIN_LENGTH = 12;

/** Why a password is too weak, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (new Set(password).size < 4) return 'The password must not repeat the same few characters.';
  return undefined;
}

// bcrypt reads only the first 72 bytes: the password is pre-hashed (base64 of its sha-256, no NUL
// bytes) so every character counts.
const prehash = (password: string) => crypto.createHash('sha256').update(password).digest('base64');

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(prehash(password), 12);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash);
}
