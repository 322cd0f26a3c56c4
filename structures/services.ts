import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';

/** The service reserved for invoices between public structures. */
export const PUBLIC_INVOICES_SERVICE = 'FACTURES_PUBLIQUES';

export interface ServiceInput {
  code: string;
  name: string;
  active?: boolean;
  validFrom?: string;
  validTo?: string;
  /** numeroEngagement: invoices to this service must carry an engagement number. */
  engagementRequired?: boolean;
}

export type Service = Required<Pick<ServiceInput, 'code' | 'name' | 'active' | 'engagementRequired'>> &
  Pick<ServiceInput, 'validFrom' | 'validTo'>;

export async function createService(
  db: Db,
  structure: { id: string; public: boolean },
  input: ServiceInput,
): Promise<Service> {
  if (input.code === PUBLIC_INVOICES_SERVICE && !structure.public)
    throw new DomainError(
      'SERVICE_CODE_RESERVED',
      `${PUBLIC_INVOICES_SERVICE} is reserved to public structures.`,
      {
        field: 'body.code',
      },
    );
  checkDates(input.validFrom, input.validTo);
  const exists = await db('structure_services')
    .where({ structure_id: structure.id, code: input.code })
    .first('code');
  if (exists)
    throw new DomainError('SERVICE_EXISTS', `The structure already has a service ${input.code}.`, {
      field: 'body.code',
    });
  await db('structure_services').insert({
    structure_id: structure.id,
    code: input.code,
    name: input.name,
    active: input.active ?? true,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    engagement_required: !!input.engagementRequired,
  });
  return (await getService(db, structure.id, input.code))!;
}

export async function updateService(
  db: Db,
  structureId: string,
  code: string,
  changes: Partial<Omit<ServiceInput, 'code'>>,
): Promise<Service> {
  const current = await getService(db, structureId, code);
  if (!current)
    throw new DomainError('SERVICE_NOT_FOUND', `No service ${code} in this structure.`, {
      field: 'params.code',
    });
  const next = { ...current, ...changes };
  checkDates(next.validFrom, next.validTo);
  await db('structure_services')
    .where({ structure_id: structureId, code })
    .update({
      name: next.name,
      active: next.active,
      valid_from: next.validFrom ?? null,
      valid_to: next.validTo ?? null,
      engagement_required: next.engagementRequired,
    });
  return (await getService(db, structureId, code))!;
}

export async function getService(db: Db, structureId: string, code: string): Promise<Service | undefined> {
  const row = await db('structure_services').where({ structure_id: structureId, code }).first();
  return row ? toService(row) : undefined;
}

export async function listServices(db: Db, structureId: string): Promise<Service[]> {
  const rows = await db('structure_services').where({ structure_id: structureId }).orderBy('code');
  return rows.map(toService);
}

/** Codes among `codes` the structure has no service for. */
export async function unknownServices(db: Db, structureId: string, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await db('structure_services')
    .where({ structure_id: structureId })
    .whereIn('code', codes)
    .pluck('code');
  return codes.filter((c) => !known.includes(c));
}

function checkDates(from?: string, to?: string) {
  if (from && to && from > to)
    throw new DomainError('SERVICE_DATES_INVALID', `validFrom ${from} is after validTo ${to}.`, {
      field: 'body.validTo',
    });
}

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
