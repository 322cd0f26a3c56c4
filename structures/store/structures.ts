import type { Knex } from 'knex';
import type { Db } from '../../platform/db';
import { identityKey, type IdentifierType } from '../identifiers';
import { searchText } from '../search-text';
import { insertService } from './services';
import type {
  Address,
  MemberStructure,
  Role,
  Service,
  Structure,
  StructureChanges,
  StructureInput,
  StructureParameters,
} from '../types';

/** SQL on the structures table. */

export async function findStructure(db: Db, id: string): Promise<Structure | undefined> {
  const row = await db('structures').where({ id }).first();
  return row ? toStructure(row) : undefined;
}

export async function findStructureByIdentifier(db: Db, identifier: string): Promise<Structure | undefined> {
  const row = await db('structures').where({ identifier }).first();
  return row ? toStructure(row) : undefined;
}

/** A structure as identification names it. */
export interface IdentifiedStructure {
  id: string;
  identifier: string;
  name: string;
  identityKey?: string;
  /** false: its identity is a claim nobody confirmed yet; it neither deposits nor receives as it. */
  identityVerified: boolean;
}

/** The structures whose identifier is one of these, exactly. */
export async function structuresWithIdentifiers(
  db: Db,
  identifiers: string[],
): Promise<IdentifiedStructure[]> {
  if (identifiers.length === 0) return [];
  // Keyed rows by their identity key too, so "123 456 789" names the structure holding 123456789.
  const rows = await db('structures')
    .whereIn('identifier', identifiers)
    .orWhereIn('identity_key', identifiers.map(identityKey))
    .select('id', 'identifier', 'name', 'identity_key', 'identity_verified');
  return rows.map((r) => ({
    id: r.id,
    identifier: r.identifier,
    name: r.name,
    identityKey: r.identity_key ?? undefined,
    identityVerified: r.identity_verified === null || !!r.identity_verified,
  }));
}

/** The structures identified by a SIRET of this SIREN (its registered establishments), by SIRET. */
export async function structuresOfSiren(db: Db, siren: string): Promise<IdentifiedStructure[]> {
  if (!/^\d{9}$/.test(siren)) return [];
  const rows = await db('structures')
    .where({ identifier_type: 'SIRET' })
    .where('identifier', 'like', `${siren}_____`)
    .orderBy('identifier')
    .select('id', 'identifier', 'name', 'identity_verified');
  return rows.map((r) => ({
    id: r.id,
    identifier: r.identifier,
    name: r.name,
    identityVerified: r.identity_verified === null || !!r.identity_verified,
  }));
}

/** An operator, or a registry lookup, confirmed the structure's identity. */
export async function markIdentityVerified(db: Db, id: string, by: string, at: string): Promise<void> {
  await db('structures')
    .where({ id })
    .update({ identity_verified: true, identity_verified_at: at, identity_verified_by: by, updated_at: at });
}

export async function structureExists(db: Db, id: string): Promise<boolean> {
  return !!(await db('structures').where({ id }).first('id'));
}

/** A structure as invoice delivery needs it, found by its identifier (SIRET or other). */
export interface RecipientStructure {
  id: string;
  name: string;
  preferredFormat?: string;
  paymentCategory?: string;
}

export async function recipientStructureByIdentifier(
  db: Db,
  identifier: string | undefined,
): Promise<RecipientStructure | undefined> {
  if (!identifier) return undefined;
  const row = await db('structures').where({ identifier }).first();
  return row
    ? {
        id: row.id,
        name: row.name,
        preferredFormat: row.preferred_format ?? undefined,
        paymentCategory: row.payment_category ?? undefined,
      }
    : undefined;
}

/** The format a recipient structure wants its invoices in ('original' when unknown). */
export async function preferredFormatOf(db: Db, identifier: string): Promise<string | undefined> {
  return (await db('structures').where({ identifier }).first('preferred_format'))?.preferred_format;
}

/** Structure names by id. */
export async function structureNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await db('structures').whereIn('id', ids).select('id', 'name') : [];
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}

/** A structure that already holds an identity: the same key, or its company's. */
export interface IdentityHolder {
  id: string;
  identifier: string;
  name: string;
  identityVerified: boolean;
  /** The claimant is a member of it (a company adding one of its own establishments). */
  claimantIsMember: boolean;
  /** Held as the very identifier claimed, rather than as another establishment of its company. */
  sameIdentifier: boolean;
}

/**
 * Inserts a structure, and its creator as main manager when given, unless its identity is held: a
 * structure with the same identity key (rows written before keys existed: the same identifier), or,
 * for a company number, another structure of that company the creator is not a member of. Then
 * nothing is written and the holder is answered.
 */
export async function insertStructure(
  db: Db,
  s: StructureInput & {
    id: string;
    name: string;
    createdBy: string;
    at: string;
    identityVerified: boolean;
    verifiedBy?: string;
    identityKey: string;
    companyKey?: string;
    /** Services written with the structure, in the same transaction. */
    services?: Service[];
  },
  principal?: string,
): Promise<{ heldBy?: IdentityHolder }> {
  return db.transaction(async (trx) => {
    const heldBy = await identityHolder(trx, s);
    if (heldBy) return { heldBy };
    await trx('structures').insert({
      id: s.id,
      identifier_type: s.identifierType,
      identifier: s.identifier,
      identity_key: s.identityKey,
      company_key: s.companyKey ?? null,
      name: s.name,
      public: !!s.public,
      ...addressColumns(s.address),
      search_name: searchText(s.name),
      search_city: searchText(s.address?.city),
      vat_number: s.vatNumber ?? null,
      rcs: s.rcs ?? null,
      email: s.email ?? null,
      ...parameterColumns(s.parameters ?? {}),
      spaces: JSON.stringify(s.spaces ?? ['FACTURES_EMISES', 'FACTURES_RECUES']),
      identity_verified: s.identityVerified,
      ...(s.identityVerified && {
        identity_verified_at: s.at,
        identity_verified_by: s.verifiedBy ?? 'registry',
      }),
      created_by: s.createdBy,
      created_at: s.at,
      updated_at: s.at,
    });
    if (principal)
      await trx('structure_members').insert({
        structure_id: s.id,
        user_id: principal,
        role: 'PRINCIPAL',
        services: '[]',
        created_at: s.at,
      });
    for (const service of s.services ?? []) await insertService(trx, s.id, service);
    return {};
  });
}

async function identityHolder(
  trx: Knex.Transaction,
  s: { identifier: string; identityKey: string; companyKey?: string; createdBy: string },
): Promise<IdentityHolder | undefined> {
  const same = await trx('structures')
    .where({ identity_key: s.identityKey })
    .orWhere({ identifier: s.identifier })
    .orWhere({ identifier: s.identityKey })
    .first('id', 'identifier', 'name', 'identity_verified');
  const company =
    same ??
    (s.companyKey &&
      (await trx('structures')
        .where({ company_key: s.companyKey })
        .orWhere({ identifier: s.companyKey })
        .orWhere((w) =>
          w.where({ identifier_type: 'SIRET' }).where('identifier', 'like', `${s.companyKey}_____`),
        )
        .orderBy('created_at')
        .select('id', 'identifier', 'name', 'identity_verified')));
  const rows = (Array.isArray(company) ? company : company ? [company] : []) as Record<string, unknown>[];
  if (rows.length === 0) return undefined;
  const memberOf = new Set(
    (
      await trx('structure_members')
        .where({ user_id: s.createdBy })
        .whereIn(
          'structure_id',
          rows.map((r) => r.id as string),
        )
        .select('structure_id')
    ).map((m) => m.structure_id as string),
  );
  // A company's member registers its other establishments; the identifier itself is never shared.
  if (!same && rows.some((r) => memberOf.has(r.id as string))) return undefined;
  const r = rows[0];
  return {
    id: r.id as string,
    identifier: r.identifier as string,
    name: r.name as string,
    identityVerified: r.identity_verified === null || !!r.identity_verified,
    claimantIsMember: memberOf.has(r.id as string),
    sameIdentifier: !!same,
  };
}

/** Writes the given fields; address and parameters are written whole. */
export async function updateStructureRow(
  db: Db,
  id: string,
  changes: StructureChanges & { parameters?: StructureParameters },
  at: string,
): Promise<void> {
  await db('structures')
    .where({ id })
    .update({
      ...(changes.name !== undefined && { name: changes.name, search_name: searchText(changes.name) }),
      ...(changes.address && {
        ...addressColumns(changes.address),
        search_city: searchText(changes.address.city),
      }),
      ...(changes.vatNumber !== undefined && { vat_number: changes.vatNumber }),
      ...(changes.rcs !== undefined && { rcs: changes.rcs }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.parameters && parameterColumns(changes.parameters)),
      ...(changes.spaces && { spaces: JSON.stringify(changes.spaces) }),
      updated_at: at,
    });
}

/** The structures a user is a member of, with their role and services, by name or by identifier. */
export async function structuresOfUser(
  db: Db,
  userId: string,
  orderBy: 'name' | 'identifier' = 'name',
): Promise<MemberStructure[]> {
  const rows = await db('structures')
    .join('structure_members', 'structure_members.structure_id', 'structures.id')
    .where('structure_members.user_id', userId)
    .orderBy(`structures.${orderBy}`)
    .select('structures.*', 'structure_members.role', 'structure_members.services as member_services');
  return rows.map((r) => ({
    ...toStructure(r),
    role: r.role as Role,
    services: JSON.parse(r.member_services as string),
  }));
}

/** What a search of the structures directory may filter on. */
export interface StructureSearch {
  identifier?: string;
  identifierType?: string;
  public?: boolean;
  /** Part of the name, any case. */
  nameContains?: string;
  /** Part of the name or the city, any case, or the start of the postal code. */
  nameCityOrPostalCode?: string;
}

/** One page of the structures matching a search, by identifier, with how many match in all. */
export async function searchStructures(
  db: Db,
  s: StructureSearch,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: Structure[] }> {
  const query = db('structures').where((w: Knex.QueryBuilder) => {
    verifiedIfPublic(w);
    if (s.identifier) w.where('identifier', s.identifier);
    if (s.identifierType) w.where('identifier_type', s.identifierType);
    if (s.public !== undefined) w.where('public', s.public);
    if (s.nameContains)
      w.whereRaw('LOWER(name) LIKE ?', [`%${s.nameContains.toLowerCase().replace(/[%_]/g, '')}%`]);
    if (s.nameCityOrPostalCode) {
      const part = s.nameCityOrPostalCode.toLowerCase().replace(/[%_]/g, '');
      w.where((any: Knex.QueryBuilder) =>
        any
          .whereRaw('LOWER(name) LIKE ?', [`%${part}%`])
          .orWhereRaw('LOWER(city) LIKE ?', [`%${part}%`])
          .orWhere('postal_code', 'like', `${part}%`),
      );
    }
  });
  const [{ n }] = await query.clone().count({ n: '*' });
  const rows = await query.orderBy('identifier').limit(page.limit).offset(page.offset);
  return { total: Number(n), items: rows.map(toStructure) };
}

/** Public buyers appear in the directory once an operator verified them. */
export const verifiedIfPublic = (w: Knex.QueryBuilder) =>
  w.where((v: Knex.QueryBuilder) => v.where('public', false).orWhere('identity_verified', true));

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
    // Rows older than the flag read as verified, as the migration makes them.
    identityVerified:
      r.identity_verified === undefined || r.identity_verified === null || !!r.identity_verified,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}
