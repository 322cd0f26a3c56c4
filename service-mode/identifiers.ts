import type { Db } from '../platform/db';
import { insertIdentifiers, internalIdOf, readIdentifiers } from './store';
import type { IdentifierKind } from './types';

/**
 * The platform's wire gives invoices, structures, services and files integer identifiers. Ours are
 * strings; each gets a stable integer the first time it is shown, kept in `cpro_identifiers`.
 */

/** The integer shown for an internal id, created on first use (concurrent first uses agree). */
export async function wireId(db: Db, kind: IdentifierKind, internalId: string): Promise<number> {
  return (await wireIds(db, kind, [internalId])).get(internalId)!;
}

/** wireId for many ids at once (a page of a listing): two or three queries, whatever their number. */
export async function wireIds(
  db: Db,
  kind: IdentifierKind,
  internalIds: string[],
): Promise<Map<string, number>> {
  const wanted = [...new Set(internalIds)];
  const ids = await readIdentifiers(db, kind, wanted);
  const missing = wanted.filter((id) => !ids.has(id));
  if (missing.length === 0) return ids;
  await insertIdentifiers(db, kind, missing);
  for (const [id, n] of await readIdentifiers(db, kind, missing)) ids.set(id, n);
  return ids;
}

/** The internal id behind a wire integer, if it names one of this kind. */
export async function internalId(db: Db, kind: IdentifierKind, id: unknown): Promise<string | undefined> {
  const n = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return undefined;
  return internalIdOf(db, kind, n);
}
