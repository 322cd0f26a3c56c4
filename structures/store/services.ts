import type { Db } from '../../platform/db';
import type { Service } from '../types';

/** SQL on structure_services. */

export async function findService(db: Db, structureId: string, code: string): Promise<Service | undefined> {
  const row = await db('structure_services').where({ structure_id: structureId, code }).first();
  return row ? toService(row) : undefined;
}

export async function listServices(db: Db, structureId: string): Promise<Service[]> {
  const rows = await db('structure_services').where({ structure_id: structureId }).orderBy('code');
  return rows.map(toService);
}

/** Those of `codes` the structure has a service for. */
export async function knownServiceCodes(db: Db, structureId: string, codes: string[]): Promise<string[]> {
  return db('structure_services').where({ structure_id: structureId }).whereIn('code', codes).pluck('code');
}

export async function insertService(db: Db, structureId: string, s: Service): Promise<void> {
  await db('structure_services').insert({ structure_id: structureId, ...serviceColumns(s), code: s.code });
}

export async function updateServiceRow(db: Db, structureId: string, s: Service): Promise<void> {
  await db('structure_services').where({ structure_id: structureId, code: s.code }).update(serviceColumns(s));
}

const serviceColumns = (s: Service) => ({
  name: s.name,
  active: s.active,
  valid_from: s.validFrom ?? null,
  valid_to: s.validTo ?? null,
  engagement_required: s.engagementRequired,
});

function toService(r: Record<string, unknown>): Service {
  return {
    code: r.code as string,
    name: r.name as string,
    active: !!r.active,
    validFrom: (r.valid_from as string | null) ?? undefined,
    validTo: (r.valid_to as string | null) ?? undefined,
    engagementRequired: !!r.engagement_required,
  };
}
