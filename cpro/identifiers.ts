import type { Db } from '../platform/db';

/**
 * The platform's wire gives invoices, structures, services and files integer identifiers
 * (identifiantFactureCPP, idStructureCPP, idService, pieceJointeId). Ours are strings; each gets a
 * stable integer the first time it is shown, kept in `cpro_identifiers`.
 */
export type IdentifierKind = 'facture' | 'structure' | 'service' | 'fichier' | 'coordbanc';

/** The integer shown for an internal id, created on first use (concurrent first uses agree). */
export async function wireId(db: Db, kind: IdentifierKind, internalId: string): Promise<number> {
  const found = await db('cpro_identifiers').where({ kind, internal_id: internalId }).first('id');
  if (found) return Number(found.id);
  await db('cpro_identifiers')
    .insert({ kind, internal_id: internalId })
    .onConflict(['kind', 'internal_id'])
    .ignore();
  const row = await db('cpro_identifiers').where({ kind, internal_id: internalId }).first('id');
  return Number(row.id);
}

/** The internal id behind a wire integer, if it names one of this kind. */
export async function internalId(db: Db, kind: IdentifierKind, id: unknown): Promise<string | undefined> {
  const n = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return undefined;
  const row = await db('cpro_identifiers').where({ kind, id: n }).first('internal_id');
  return row?.internal_id;
}
