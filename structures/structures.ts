import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { FieldProblem, IdentifierType, identifierProblem, vatNumberProblem } from './identifiers';
import type { CompanyRegistry } from './registry';
import type { Caller } from '../accounts/caller';

/** The spaces of the portal a structure may show (personalisation). */
export const SPACES = [
  'FACTURES_EMISES',
  'FACTURES_RECUES',
  'FACTURES_TRAVAUX',
  'MEMOIRES_JUSTICE',
  'ENGAGEMENTS',
  'SOLLICITATIONS',
] as const;

export interface Address {
  street?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
}

/** consulter structure → parametres: what invoices sent to this structure must carry. */
export interface StructureParameters {
  codeServiceDoitEtreRenseigne: boolean;
  numeroEJDoitEtreRenseigne: boolean;
  gestionNumeroEJOuCodeService: boolean;
}

export interface StructureInput {
  identifierType: IdentifierType;
  identifier: string;
  name?: string;
  public?: boolean;
  address?: Address;
  vatNumber?: string;
  rcs?: string;
  email?: string;
  parameters?: Partial<StructureParameters>;
  spaces?: string[];
}

export type StructureChanges = Omit<StructureInput, 'identifierType' | 'identifier' | 'public'>;

export interface Structure {
  id: string;
  identifierType: IdentifierType;
  identifier: string;
  name: string;
  public: boolean;
  address: Address;
  vatNumber?: string;
  rcs?: string;
  email?: string;
  parameters: StructureParameters;
  spaces: string[];
  createdAt: string;
  updatedAt: string;
}

const fail = (p: FieldProblem) => new DomainError(p.code, p.message, { field: p.field });

/**
 * Creates a structure: the identifier is checked (SIRET checksum, then the company registry, which
 * also fills the name and address when not given); its creator becomes gestionnaire principal of a
 * private structure, while public structures are created by operators only.
 */
export async function createStructure(
  db: Db,
  registry: CompanyRegistry,
  caller: Caller,
  input: StructureInput,
): Promise<Structure> {
  if (input.public && !caller.operator)
    throw new DomainError('OPERATOR_REQUIRED', 'Public structures are created by the platform support.', {
      field: 'body.public',
    });
  const idProblem = identifierProblem(input.identifierType, input.identifier);
  if (idProblem) throw fail(idProblem);
  checkVat(input.vatNumber, input.identifierType === 'SIRET' ? input.identifier : undefined);

  let { name, address } = input;
  if (input.identifierType === 'SIRET') {
    const known = await registry.lookup(input.identifier).catch(() => {
      // An outage of the registry must not read as an unknown SIRET.
      throw new DomainError(
        'COMPANY_REGISTRY_UNAVAILABLE',
        'The company registry cannot be reached; try again.',
      );
    });
    if (!known)
      throw new DomainError('SIRET_UNKNOWN', `SIRET ${input.identifier} is not in the company registry.`, {
        field: 'body.identifier',
      });
    name ??= known.name;
    address ??= { ...known.address, countryCode: 'FR' };
  }
  if (!name)
    throw new DomainError('INVALID_INPUT', 'body.name is required for this identifier type.', {
      field: 'body.name',
    });

  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  await db.transaction(async (trx) => {
    const taken = await trx('structures')
      .where({ identifier_type: input.identifierType, identifier: input.identifier })
      .first('id');
    if (taken)
      throw new DomainError(
        'STRUCTURE_EXISTS',
        `A structure ${input.identifier} exists: ask to be attached.`,
        {
          field: 'body.identifier',
          structureId: taken.id,
        },
      );
    await trx('structures').insert({
      id,
      identifier_type: input.identifierType,
      identifier: input.identifier,
      name,
      public: !!input.public,
      ...addressColumns(address),
      vat_number: input.vatNumber ?? null,
      rcs: input.rcs ?? null,
      email: input.email ?? null,
      ...parameterColumns(input.parameters ?? {}),
      spaces: JSON.stringify(input.spaces ?? ['FACTURES_EMISES', 'FACTURES_RECUES']),
      created_by: caller.userId,
      created_at: now,
      updated_at: now,
    });
    if (!input.public) {
      await trx('structure_members').insert({
        structure_id: id,
        user_id: caller.userId,
        role: 'PRINCIPAL',
        services: '[]',
        created_at: now,
      });
    }
  });
  return (await getStructure(db, id))!;
}

export async function getStructure(db: Db, id: string): Promise<Structure | undefined> {
  const row = await db('structures').where({ id }).first();
  return row ? toStructure(row) : undefined;
}

/** Changes the general information, recipient parameters or personalisation; identifiers never change. */
export async function updateStructure(db: Db, id: string, changes: StructureChanges): Promise<Structure> {
  const current = (await getStructure(db, id))!;
  if (changes.vatNumber !== undefined)
    checkVat(changes.vatNumber, current.identifierType === 'SIRET' ? current.identifier : undefined);
  const columns: Record<string, unknown> = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.address && addressColumns({ ...current.address, ...changes.address })),
    ...(changes.vatNumber !== undefined && { vat_number: changes.vatNumber }),
    ...(changes.rcs !== undefined && { rcs: changes.rcs }),
    ...(changes.email !== undefined && { email: changes.email }),
    ...(changes.parameters && parameterColumns({ ...current.parameters, ...changes.parameters })),
    ...(changes.spaces && { spaces: JSON.stringify(changes.spaces) }),
    updated_at: new Date().toISOString(),
  };
  await db('structures').where({ id }).update(columns);
  return (await getStructure(db, id))!;
}

/** The structures the user is attached to, with their role in each. */
export async function listStructuresOf(db: Db, userId: string): Promise<(Structure & { role: string })[]> {
  const rows = await db('structures')
    .join('structure_members', 'structure_members.structure_id', 'structures.id')
    .where('structure_members.user_id', userId)
    .orderBy('structures.name')
    .select('structures.*', 'structure_members.role');
  return rows.map((r) => ({ ...toStructure(r), role: r.role }));
}

function checkVat(vat: string | undefined, siret: string | undefined) {
  const problem = vat === undefined ? undefined : vatNumberProblem(vat, siret);
  if (problem) throw fail(problem);
}

const addressColumns = (a: Address | undefined) => ({
  street: a?.street ?? null,
  postal_code: a?.postalCode ?? null,
  city: a?.city ?? null,
  country_code: a?.countryCode ?? 'FR',
});

const parameterColumns = (p: Partial<StructureParameters>) => ({
  service_code_required: !!p.codeServiceDoitEtreRenseigne,
  engagement_number_required: !!p.numeroEJDoitEtreRenseigne,
  engagement_or_service_required: !!p.gestionNumeroEJOuCodeService,
});

const iso = (v: unknown) => new Date(v as string | Date).toISOString();
const opt = (v: unknown) => (v === null || v === undefined ? undefined : (v as string));

function toStructure(r: Record<string, unknown>): Structure {
  return {
    id: r.id as string,
    identifierType: r.identifier_type as IdentifierType,
    identifier: r.identifier as string,
    name: r.name as string,
    public: !!r.public,
    address: {
      street: opt(r.street),
      postalCode: opt(r.postal_code),
      city: opt(r.city),
      countryCode: r.country_code as string,
    },
    vatNumber: opt(r.vat_number),
    rcs: opt(r.rcs),
    email: opt(r.email),
    parameters: {
      codeServiceDoitEtreRenseigne: !!r.service_code_required,
      numeroEJDoitEtreRenseigne: !!r.engagement_number_required,
      gestionNumeroEJOuCodeService: !!r.engagement_or_service_required,
    },
    spaces: r.spaces ? JSON.parse(r.spaces as string) : [],
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}
