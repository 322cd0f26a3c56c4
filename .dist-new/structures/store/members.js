"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toMembership = toMembership;
exports.findMembership = findMembership;
exports.membershipsOfUser = membershipsOfUser;
exports.listMembers = listMembers;
exports.membersByUserId = membersByUserId;
exports.isMemberOfIdentified = isMemberOfIdentified;
exports.structureIdentifiersOfUser = structureIdentifiersOfUser;
exports.saveNonPrincipalMember = saveNonPrincipalMember;
exports.addMemberIfAbsent = addMemberIfAbsent;
exports.addWholeStructureUser = addWholeStructureUser;
exports.deleteMember = deleteMember;
exports.transferPrincipalRole = transferPrincipalRole;
/** SQL on structure_members: who acts for which structure, with what role and services. */
function toMembership(row) {
    return {
        structureId: row.structure_id,
        userId: row.user_id,
        role: row.role,
        services: JSON.parse(row.services),
    };
}
async function findMembership(db, structureId, userId) {
    const row = await db('structure_members').where({ structure_id: structureId, user_id: userId }).first();
    return row ? toMembership(row) : undefined;
}
/** Every membership of a user, in any structure. */
async function membershipsOfUser(db, userId) {
    const rows = await db('structure_members').where({ user_id: userId });
    return rows.map(toMembership);
}
/** The members of a structure, main manager first (then by role and user id). */
async function listMembers(db, structureId) {
    const rows = await db('structure_members')
        .where({ structure_id: structureId })
        .orderBy(['role', 'user_id']);
    return rows.map(toMembership);
}
/** Members of a structure by user id, optionally only those with the given roles. */
async function membersByUserId(db, structureId, roles) {
    const rows = await db('structure_members')
        .where({ structure_id: structureId })
        .where((q) => {
        if (roles)
            q.whereIn('role', roles);
    })
        .orderBy('user_id');
    return rows.map(toMembership);
}
/** Whether the user is a member of the structure with this identifier. */
async function isMemberOfIdentified(db, userId, identifier) {
    const row = await db('structure_members')
        .join('structures', 'structures.id', 'structure_members.structure_id')
        .where({ 'structures.identifier': identifier, 'structure_members.user_id': userId })
        .first('structures.id');
    return !!row;
}
/** The identifiers of the structures a user is a member of. */
async function structureIdentifiersOfUser(db, userId) {
    return db('structure_members')
        .join('structures', 'structures.id', 'structure_members.structure_id')
        .where('structure_members.user_id', userId)
        .pluck('structures.identifier');
}
/**
 * Sets a non-principal member's role and services (adding them if new), unless they are the main
 * manager: then nothing changes and false is answered.
 */
async function saveNonPrincipalMember(db, m, at) {
    return db.transaction(async (trx) => {
        const current = await trx('structure_members')
            .where({ structure_id: m.structureId, user_id: m.userId })
            .first('role');
        if (current?.role === 'PRINCIPAL')
            return false;
        await trx('structure_members')
            .insert({
            structure_id: m.structureId,
            user_id: m.userId,
            role: m.role,
            services: JSON.stringify(m.services),
            created_at: at,
        })
            .onConflict(['structure_id', 'user_id'])
            .merge(['role', 'services']);
        return true;
    });
}
/** Adds a member unless already one (an existing member, a main manager too, keeps their row). */
async function addMemberIfAbsent(db, m, at) {
    await db('structure_members')
        .insert({
        structure_id: m.structureId,
        user_id: m.userId,
        role: m.role,
        services: JSON.stringify(m.services),
        created_at: at,
    })
        .onConflict(['structure_id', 'user_id'])
        .ignore();
}
/**
 * Adds a plain member of the whole structure. Takes the caller's transaction: a Service-mode technical
 * account and its membership are made together.
 */
async function addWholeStructureUser(db, structureId, userId, at) {
    await db('structure_members').insert({
        structure_id: structureId,
        user_id: userId,
        role: 'UTILISATEUR',
        services: '[]',
        created_at: at,
    });
}
async function deleteMember(db, structureId, userId) {
    await db('structure_members').where({ structure_id: structureId, user_id: userId }).delete();
}
/**
 * Makes the user the main manager, the previous one secondary manager; a user who is not a member is
 * appointed only when `evenNonMember`, otherwise nothing changes and false is answered.
 */
async function transferPrincipalRole(db, structureId, toUserId, evenNonMember, at) {
    return db.transaction(async (trx) => {
        const target = await trx('structure_members')
            .where({ structure_id: structureId, user_id: toUserId })
            .first('role');
        if (!target && !evenNonMember)
            return false;
        await trx('structure_members')
            .where({ structure_id: structureId, role: 'PRINCIPAL' })
            .update({ role: 'SECONDAIRE' });
        await trx('structure_members')
            .insert({
            structure_id: structureId,
            user_id: toUserId,
            role: 'PRINCIPAL',
            services: '[]',
            created_at: at,
        })
            .onConflict(['structure_id', 'user_id'])
            .merge(['role', 'services']);
        return true;
    });
}
//# sourceMappingURL=members.js.map