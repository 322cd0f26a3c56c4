import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import * as store from './store/services';
import type { Service, ServiceInput } from './types';

/** The service reserved for invoices between public structures. */
export const PUBLIC_INVOICES_SERVICE = 'FACTURES_PUBLIQUES';

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
  if (await store.findService(db, structure.id, input.code))
    throw new DomainError('SERVICE_EXISTS', `The structure already has a service ${input.code}.`, {
      field: 'body.code',
    });
  await store.insertService(db, structure.id, {
    code: input.code,
    name: input.name,
    active: input.active ?? true,
    validFrom: input.validFrom,
    validTo: input.validTo,
    engagementRequired: !!input.engagementRequired,
  });
  return (await getService(db, structure.id, input.code))!;
}

/**
 * The services a structure is created with, checked before anything is written: each has a code and a
 * name, no code twice, FACTURES_PUBLIQUES only for a public structure, validity dates in order. The
 * offending row is named (body.services.<n>.<field>).
 */
export function newServices(isPublic: boolean, inputs: ServiceInput[]): Service[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const field = (name: string) => ({ field: `body.services.${i}.${name}` });
    const code = input.code.trim();
    const name = input.name.trim();
    if (!name)
      throw new DomainError('INVALID_INPUT', `body.services.${i}.name is required.`, {
        errors: [{ field: `body.services.${i}.name`, message: `body.services.${i}.name is required` }],
      });
    if (code === PUBLIC_INVOICES_SERVICE && !isPublic)
      throw new DomainError(
        'SERVICE_CODE_RESERVED',
        `${PUBLIC_INVOICES_SERVICE} is reserved to public structures.`,
        field('code'),
      );
    if (seen.has(code))
      throw new DomainError('SERVICE_CODE_DUPLICATE', `Service code ${code} is given twice.`, field('code'));
    seen.add(code);
    if (input.validFrom && input.validTo && input.validFrom > input.validTo)
      throw new DomainError(
        'SERVICE_DATES_INVALID',
        `validFrom ${input.validFrom} is after validTo ${input.validTo}.`,
        field('validTo'),
      );
    return {
      code,
      name,
      active: input.active ?? true,
      validFrom: input.validFrom,
      validTo: input.validTo,
      engagementRequired: !!input.engagementRequired,
    };
  });
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
  await store.updateServiceRow(db, structureId, { ...next, code });
  return (await getService(db, structureId, code))!;
}

export async function getService(db: Db, structureId: string, code: string): Promise<Service | undefined> {
  return store.findService(db, structureId, code);
}

export async function listServices(db: Db, structureId: string): Promise<Service[]> {
  return store.listServices(db, structureId);
}

/** Codes among `codes` the structure has no service for. */
export async function unknownServices(db: Db, structureId: string, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await store.knownServiceCodes(db, structureId, codes);
  return codes.filter((c) => !known.includes(c));
}

/** SERVICE_UNKNOWN unless the structure has a service for each code. */
export async function requireKnownServices(db: Db, structureId: string, codes: string[]): Promise<void> {
  const unknown = await unknownServices(db, structureId, codes);
  if (unknown.length > 0)
    throw new DomainError('SERVICE_UNKNOWN', `The structure has no service ${unknown.join(', ')}.`, {
      field: 'body.services',
    });
}

function checkDates(from?: string, to?: string) {
  if (from && to && from > to)
    throw new DomainError('SERVICE_DATES_INVALID', `validFrom ${from} is after validTo ${to}.`, {
      field: 'body.validTo',
    });
}
