import type { Db } from '../platform/db';
import type { IdentifierKind } from './types';

/**
 * All SQL on Service mode's tables (api_applications, oauth_tokens, technical_accounts,
 * cpro_identifiers, cpro_sequences); other modules call these functions.
 */

/**
 * Runs writes that stand or fall together, across features' stores: each store function called with
 * the transaction given takes part in it.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction((trx) => work(trx));
}

/** An api_applications row as stored. */
export interface ApplicationRow {
  id: string;
  structure_id: string;
  name: string;
  kind: string;
  client_id: string;
  secret_hash: string;
  mode: string;
  accepted_deposits: number;
  rejected_deposits: number;
  required_deposits: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  approved_by?: string | null;
  approved_at?: string | null;
}

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db('api_applications').insert(row);
}

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return db('api_applications').where({ id }).first();
}

export async function findApplicationByClientId(
  db: Db,
  clientId: string,
): Promise<ApplicationRow | undefined> {
  return db('api_applications').where({ client_id: clientId }).first();
}

export async function applicationsOfStructure(db: Db, structureId: string): Promise<ApplicationRow[]> {
  return db('api_applications').where({ structure_id: structureId }).orderBy('created_at');
}

/** The most recently changed applications, in one onboarding mode or all. */
export async function applicationsByMode(
  db: Db,
  mode: string | undefined,
  limit: number,
): Promise<ApplicationRow[]> {
  return db('api_applications')
    .modify((q) => {
      if (mode) q.where({ mode });
    })
    .orderBy('updated_at', 'desc')
    .limit(limit);
}

/** Marks the application revoked and drops its tokens, together. */
export async function revokeApplicationRow(db: Db, id: string, now: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('api_applications').where({ id }).update({ mode: 'REVOKED', updated_at: now });
    await trx('oauth_tokens').where({ application_id: id }).delete();
  });
}

export async function updateOnboarding(
  db: Db,
  id: string,
  changes: Partial<
    Pick<
      ApplicationRow,
      'mode' | 'accepted_deposits' | 'rejected_deposits' | 'required_deposits' | 'approved_by' | 'approved_at'
    >
  > & { updated_at: string },
): Promise<void> {
  await db('api_applications').where({ id }).update(changes);
}

export async function insertToken(
  db: Db,
  row: { token_hash: string; application_id: string; scope: string; expires_at: string },
): Promise<void> {
  await db('oauth_tokens').insert(row);
}

export async function deleteTokensExpiredBefore(db: Db, before: string): Promise<void> {
  await db('oauth_tokens').where('expires_at', '<', before).delete();
}

/** The application a token (by its hash) was issued to, while the token is valid and the application not revoked. */
export async function applicationOfTokenHash(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<ApplicationRow | undefined> {
  return db('oauth_tokens')
    .join('api_applications', 'api_applications.id', 'oauth_tokens.application_id')
    .where('oauth_tokens.token_hash', tokenHash)
    .andWhere('oauth_tokens.expires_at', '>', now)
    .whereNot('api_applications.mode', 'REVOKED')
    .first('api_applications.*');
}

/** A technical_accounts row as stored. */
export interface TechnicalAccountRow {
  structure_id: string;
  user_id: string;
  login: string;
  password_hash: string;
  password_set_at: string;
  password_expires_at: string;
  set_by: string;
  created_at: string;
}

export async function findTechnicalAccount(
  db: Db,
  structureId: string,
): Promise<TechnicalAccountRow | undefined> {
  return db('technical_accounts').where({ structure_id: structureId }).first();
}

/** Logins are compared without case, as clients type them. */
export async function findTechnicalAccountByLogin(
  db: Db,
  login: string,
): Promise<TechnicalAccountRow | undefined> {
  return db('technical_accounts').whereRaw('LOWER(login) = ?', [login.toLowerCase()]).first();
}

export async function insertTechnicalAccount(db: Db, row: TechnicalAccountRow): Promise<void> {
  await db('technical_accounts').insert(row);
}

export async function updateTechnicalAccountPassword(
  db: Db,
  structureId: string,
  changes: Pick<TechnicalAccountRow, 'password_hash' | 'password_set_at' | 'password_expires_at' | 'set_by'>,
): Promise<void> {
  await db('technical_accounts').where({ structure_id: structureId }).update(changes);
}

const CHUNK = 500;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** The wire integers already given to these internal ids. */
export async function readIdentifiers(
  db: Db,
  kind: IdentifierKind,
  internalIds: string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(internalIds))
    for (const r of await db('cpro_identifiers')
      .where({ kind })
      .whereIn('internal_id', chunk)
      .select('number', 'internal_id'))
      ids.set(r.internal_id, Number(r.number));
  return ids;
}

/**
 * Gives wire integers to these internal ids, numbered by kind from `cpro_sequences`; an id given one
 * meanwhile (a concurrent first use) keeps it, and the number drawn for it is left unused.
 */
export async function insertIdentifiers(db: Db, kind: IdentifierKind, internalIds: string[]): Promise<void> {
  for (const chunk of chunks(internalIds))
    await db.transaction(async (trx) => {
      await trx('cpro_sequences').insert({ kind, last: 0 }).onConflict('kind').ignore();
      // The row lock taken here orders concurrent allocations of the same kind.
      await trx('cpro_sequences').where({ kind }).increment('last', chunk.length);
      const { last } = await trx('cpro_sequences').where({ kind }).first('last');
      const first = Number(last) - chunk.length + 1;
      await trx('cpro_identifiers')
        .insert(chunk.map((internal_id, i) => ({ kind, internal_id, number: first + i })))
        .onConflict(['kind', 'internal_id'])
        .ignore();
    });
}

export async function internalIdOf(
  db: Db,
  kind: IdentifierKind,
  number: number,
): Promise<string | undefined> {
  const row = await db('cpro_identifiers').where({ kind, number }).first('internal_id');
  return row?.internal_id;
}

export interface UploadRow {
  sha256: string;
  user_id: string;
  structure_id: string;
  name: string;
  created_at: string;
}

/** Records who uploaded a file (the same user uploading the same bytes again keeps the first record). */
export async function insertUpload(db: Db, row: UploadRow): Promise<void> {
  await db('cpro_uploads').insert(row).onConflict(['user_id', 'sha256']).ignore();
}

/** Uploads of a user or of a structure's accounts, oldest first. */
export async function listUploads(
  db: Db,
  by: { userId: string } | { structureId: string },
): Promise<UploadRow[]> {
  const where = 'userId' in by ? { user_id: by.userId } : { structure_id: by.structureId };
  return db('cpro_uploads').where(where).orderBy('created_at').orderBy('sha256');
}
