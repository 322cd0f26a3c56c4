"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verifiedIfPublic = void 0;
exports.findStructure = findStructure;
exports.findStructureByIdentifier = findStructureByIdentifier;
exports.structuresWithIdentifiers = structuresWithIdentifiers;
exports.structuresOfSiren = structuresOfSiren;
exports.markIdentityVerified = markIdentityVerified;
exports.structureExists = structureExists;
exports.recipientStructureByIdentifier = recipientStructureByIdentifier;
exports.preferredFormatOf = preferredFormatOf;
exports.structureNames = structureNames;
exports.insertStructure = insertStructure;
exports.updateStructureRow = updateStructureRow;
exports.structuresOfUser = structuresOfUser;
exports.searchStructures = searchStructures;
const identifiers_1 = require("../identifiers");
const search_text_1 = require("../search-text");
const services_1 = require("./services");
/** SQL on the structures table. */
async function findStructure(db, id) {
    const row = await db('structures').where({ id }).first();
    return row ? toStructure(row) : undefined;
}
async function findStructureByIdentifier(db, identifier) {
    const row = await db('structures').where({ identifier }).first();
    return row ? toStructure(row) : undefined;
}
/** The structures whose identifier is one of these, exactly. */
async function structuresWithIdentifiers(db, identifiers) {
    if (identifiers.length === 0)
        return [];
    // Keyed rows by their identity key too, so "123 456 789" names the structure holding 123456789.
    const rows = await db('structures')
        .whereIn('identifier', identifiers)
        .orWhereIn('identity_key', identifiers.map(identifiers_1.identityKey))
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
async function structuresOfSiren(db, siren) {
    if (!/^\d{9}$/.test(siren))
        return [];
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
async function markIdentityVerified(db, id, by, at) {
    await db('structures')
        .where({ id })
        .update({ identity_verified: true, identity_verified_at: at, identity_verified_by: by, updated_at: at });
}
async function structureExists(db, id) {
    return !!(await db('structures').where({ id }).first('id'));
}
async function recipientStructureByIdentifier(db, identifier) {
    if (!identifier)
        return undefined;
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
async function preferredFormatOf(db, identifier) {
    return (await db('structures').where({ identifier }).first('preferred_format'))?.preferred_format;
}
/** Structure names by id. */
async function structureNames(db, ids) {
    const rows = ids.length ? await db('structures').whereIn('id', ids).select('id', 'name') : [];
    return new Map(rows.map((r) => [r.id, r.name]));
}
/**
 * Inserts a structure, and its creator as main manager when given, unless its identity is held: a
 * structure with the same identity key (rows written before keys existed: the same identifier), or,
 * for a company number, another structure of that company the creator is not a member of. Then
 * nothing is written and the holder is answered.
 */
async function insertStructure(db, s, principal) {
    return db.transaction(async (trx) => {
        const heldBy = await identityHolder(trx, s);
        if (heldBy)
            return { heldBy };
        await trx('structures').insert({
            id: s.id,
            identifier_type: s.identifierType,
            identifier: s.identifier,
            identity_key: s.identityKey,
            company_key: s.companyKey ?? null,
            name: s.name,
            public: !!s.public,
            ...addressColumns(s.address),
            search_name: (0, search_text_1.searchText)(s.name),
            search_city: (0, search_text_1.searchText)(s.address?.city),
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
        for (const service of s.services ?? [])
            await (0, services_1.insertService)(trx, s.id, service);
        return {};
    });
}
async function identityHolder(trx, s) {
    const same = await trx('structures')
        .where({ identity_key: s.identityKey })
        .orWhere({ identifier: s.identifier })
        .orWhere({ identifier: s.identityKey })
        .first('id', 'identifier', 'name', 'identity_verified');
    const company = same ??
        (s.companyKey &&
            (await trx('structures')
                .where({ company_key: s.companyKey })
                .orWhere({ identifier: s.companyKey })
                .orWhere((w) => w.where({ identifier_type: 'SIRET' }).where('identifier', 'like', `${s.companyKey}_____`))
                .orderBy('created_at')
                .select('id', 'identifier', 'name', 'identity_verified')));
    const rows = (Array.isArray(company) ? company : company ? [company] : []);
    if (rows.length === 0)
        return undefined;
    const memberOf = new Set((await trx('structure_members')
        .where({ user_id: s.createdBy })
        .whereIn('structure_id', rows.map((r) => r.id))
        .select('structure_id')).map((m) => m.structure_id));
    // A company's member registers its other establishments; the identifier itself is never shared.
    if (!same && rows.some((r) => memberOf.has(r.id)))
        return undefined;
    const r = rows[0];
    return {
        id: r.id,
        identifier: r.identifier,
        name: r.name,
        identityVerified: r.identity_verified === null || !!r.identity_verified,
        claimantIsMember: memberOf.has(r.id),
        sameIdentifier: !!same,
    };
}
/** Writes the given fields; address and parameters are written whole. */
async function updateStructureRow(db, id, changes, at) {
    await db('structures')
        .where({ id })
        .update({
        ...(changes.name !== undefined && { name: changes.name, search_name: (0, search_text_1.searchText)(changes.name) }),
        ...(changes.address && {
            ...addressColumns(changes.address),
            search_city: (0, search_text_1.searchText)(changes.address.city),
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
async function structuresOfUser(db, userId, orderBy = 'name') {
    const rows = await db('structures')
        .join('structure_members', 'structure_members.structure_id', 'structures.id')
        .where('structure_members.user_id', userId)
        .orderBy(`structures.${orderBy}`)
        .select('structures.*', 'structure_members.role', 'structure_members.services as member_services');
    return rows.map((r) => ({
        ...toStructure(r),
        role: r.role,
        services: JSON.parse(r.member_services),
    }));
}
/** One page of the structures matching a search, by identifier, with how many match in all. */
async function searchStructures(db, s, page) {
    const query = db('structures').where((w) => {
        (0, exports.verifiedIfPublic)(w);
        if (s.identifier)
            w.where('identifier', s.identifier);
        if (s.identifierType)
            w.where('identifier_type', s.identifierType);
        if (s.public !== undefined)
            w.where('public', s.public);
        if (s.nameContains)
            w.whereRaw('LOWER(name) LIKE ?', [`%${s.nameContains.toLowerCase().replace(/[%_]/g, '')}%`]);
        if (s.nameCityOrPostalCode) {
            const part = s.nameCityOrPostalCode.toLowerCase().replace(/[%_]/g, '');
            w.where((any) => any
                .whereRaw('LOWER(name) LIKE ?', [`%${part}%`])
                .orWhereRaw('LOWER(city) LIKE ?', [`%${part}%`])
                .orWhere('postal_code', 'like', `${part}%`));
        }
    });
    const [{ n }] = await query.clone().count({ n: '*' });
    const rows = await query.orderBy('identifier').limit(page.limit).offset(page.offset);
    return { total: Number(n), items: rows.map(toStructure) };
}
/** Public buyers appear in the directory once an operator verified them. */
const verifiedIfPublic = (w) => w.where((v) => v.where('public', false).orWhere('identity_verified', true));
exports.verifiedIfPublic = verifiedIfPublic;
const addressColumns = (a) => ({
    street: a?.street ?? null,
    postal_code: a?.postalCode ?? null,
    city: a?.city ?? null,
    country_code: a?.countryCode ?? 'FR',
});
const parameterColumns = (p) => ({
    service_code_required: !!p.codeServiceDoitEtreRenseigne,
    engagement_number_required: !!p.numeroEJDoitEtreRenseigne,
    engagement_or_service_required: !!p.gestionNumeroEJOuCodeService,
});
const iso = (v) => new Date(v).toISOString();
const opt = (v) => (v === null || v === undefined ? undefined : v);
function toStructure(r) {
    return {
        id: r.id,
        identifierType: r.identifier_type,
        identifier: r.identifier,
        name: r.name,
        public: !!r.public,
        address: {
            street: opt(r.street),
            postalCode: opt(r.postal_code),
            city: opt(r.city),
            countryCode: r.country_code,
        },
        vatNumber: opt(r.vat_number),
        rcs: opt(r.rcs),
        email: opt(r.email),
        parameters: {
            codeServiceDoitEtreRenseigne: !!r.service_code_required,
            numeroEJDoitEtreRenseigne: !!r.engagement_number_required,
            gestionNumeroEJOuCodeService: !!r.engagement_or_service_required,
        },
        spaces: r.spaces ? JSON.parse(r.spaces) : [],
        // Rows older than the flag read as verified, as the migration makes them.
        identityVerified: r.identity_verified === undefined || r.identity_verified === null || !!r.identity_verified,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
    };
}
//# sourceMappingURL=structures.js.map