import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { hashToken } from '../platform/secrets';
import {
  applicationOfTokenHash,
  deleteTokensExpiredBefore,
  findApplicationByClientId,
  insertToken,
} from './store';
import type { TokenApplication } from './types';
import { assertNotLocked, recordFailure, recordSuccess } from '../platform/throttle';

/** Lifetime of an access token, as the State platform's OAuth server gives them. */
export const TOKEN_LIFETIME_SECONDS = 3600;
/** Scopes a token may be asked for (PISTE clients ask `openid`); the default is `openid`. */
export const SCOPES = ['openid', 'cpro'];

const DAY = 86_400_000;

/** client_credentials: the application's token, stored hashed, valid an hour. */
export async function issueToken(
  db: Db,
  clientId: string,
  clientSecret: string,
  scope: string,
): Promise<{ token: string } | undefined> {
  // Wrong secrets lock the client id out, with a doubling wait (CREDENTIALS_LOCKED, 429).
  const key = `oauth-client:${clientId}`;
  await assertNotLocked(db, key, new Date(), 'client_secret');
  const app = await findApplicationByClientId(db, clientId);
  const given = Buffer.from(hashToken(clientSecret));
  const expected = Buffer.from(app?.secret_hash ?? hashToken(crypto.randomUUID()));
  if (!app || app.mode === 'REVOKED' || !crypto.timingSafeEqual(given, expected)) {
    await recordFailure(db, key);
    return undefined;
  }
  await recordSuccess(db, key);
  const token = crypto.randomBytes(32).toString('base64url');
  await insertToken(db, {
    token_hash: hashToken(token),
    application_id: app.id,
    scope,
    expires_at: new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
  });
  // Expired tokens are of no use to anyone: cleared as new ones are issued.
  await deleteTokensExpiredBefore(db, new Date(Date.now() - DAY).toISOString());
  return { token };
}

/** The application a bearer token was issued to, while the token is valid. */
export async function applicationOfToken(db: Db, token: string): Promise<TokenApplication | undefined> {
  const row = await applicationOfTokenHash(db, hashToken(token), new Date().toISOString());
  return row && { id: row.id, structureId: row.structure_id, mode: row.mode };
}
