import type { Db } from '../platform/db';

/**
 * The platform's wire gives invoices, structures, services and files integer identifiers
 * (identifiantFactureCPP, idStructureCPP, idService, pieceJointeId). Ours are strings; each gets a
 * stable integer the first time it is shown, kept in `cpro_identifiers`.
 */
export type IdentifierKind = 'facture' | 'structure' | 'service' | 'fichier' | 'coordbanc';

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
  const ids = new Map<string, number>();
  const read = async (among: string[]) => {
    for (let i = 0; i < among.length; i += 500)
      for (const r of await db('cpro_identifiers')
        .where({ kind })
        .whereIn('internal_id', among.slice(i, i + 500))
        .select('id', 'internal_id'))
        ids.set(r.internal_id, Number(r.id));
  };
  await read(wanted);
  const missing = wanted.filter((id) => !ids.has(id));
  if (missing.length === 0) return ids;
  for (let i = 0; i < missing.length; i += 500)
    await db('cpro_identifiers')
      .insert(missing.slice(i, i + 500).map((internal_id) => ({ kind, internal_id })))
      .onConflict(['kind', 'internal_id'])
      .ignore();
  await read(missing);
  return ids;
}

/** The internal id behind a wire integer, if it names one of this kind. */
export async function internalId(db: Db, kind: IdentifierKind, id: unknown): Promise<string | undefined> {
  const n = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return undefined;
  const row = await db('cpro_identifiers').where({ kind, id: n }).first('internal_id');
  return row?.internal_id;
}
