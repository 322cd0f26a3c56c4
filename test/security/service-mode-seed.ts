import type { Db } from '../../platform/db';
import { hashPassword, hashToken, newToken } from '../../platform/secrets';
import { registerStructure } from '../support/parties';

/**
 * A structure with a technical account, an application in production and one live access token,
 * written straight into the tables: for tests of what /cpro decides before any operation runs.
 */
export async function seedServiceModeClient(
  db: Db,
  id: string,
  identifier: string,
): Promise<{ token: string; account: string; clientId: string; clientSecret: string; login: string }> {
  const structureId = await registerStructure(db, { identifier, name: `Structure ${id}` });
  const now = new Date().toISOString();
  const login = `tech-${id}@cpro.test`;
  const password = `Mot de passe ${id} 2026`;
  await db('users').insert({
    id: `tech-${id}`,
    email: login,
    first_name: 'Compte',
    last_name: 'technique',
    contact_email: login,
    status: 'TECHNICAL',
    operator: false,
    terms_accepted_at: now,
    created_at: now,
    activated_at: now,
  });
  await db('technical_accounts').insert({
    structure_id: structureId,
    user_id: `tech-${id}`,
    login,
    password_hash: await hashPassword(password),
    password_set_at: now,
    password_expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    created_at: now,
  });
  const clientId = `client-${id}`;
  const clientSecret = newToken();
  await db('api_applications').insert({
    id: `app-${id}`,
    structure_id: structureId,
    name: `ERP ${id}`,
    kind: 'API',
    client_id: clientId,
    secret_hash: hashToken(clientSecret),
    mode: 'PRODUCTION',
    required_deposits: 3,
    created_at: now,
    updated_at: now,
  });
  const token = newToken();
  await db('oauth_tokens').insert({
    token_hash: hashToken(token),
    application_id: `app-${id}`,
    scope: 'openid',
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return {
    token,
    account: Buffer.from(`${login}:${password}`).toString('base64'),
    clientId,
    clientSecret,
    login,
  };
}
