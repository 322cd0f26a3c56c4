"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inTransaction = inTransaction;
exports.insertApplication = insertApplication;
exports.findApplication = findApplication;
exports.findApplicationByClientId = findApplicationByClientId;
exports.applicationsOfStructure = applicationsOfStructure;
exports.applicationsByMode = applicationsByMode;
exports.revokeApplicationRow = revokeApplicationRow;
exports.updateOnboarding = updateOnboarding;
exports.insertToken = insertToken;
exports.deleteTokensExpiredBefore = deleteTokensExpiredBefore;
exports.applicationOfTokenHash = applicationOfTokenHash;
exports.findTechnicalAccount = findTechnicalAccount;
exports.findTechnicalAccountByLogin = findTechnicalAccountByLogin;
exports.insertTechnicalAccount = insertTechnicalAccount;
exports.updateTechnicalAccountPassword = updateTechnicalAccountPassword;
exports.readIdentifiers = readIdentifiers;
exports.insertIdentifiers = insertIdentifiers;
exports.internalIdOf = internalIdOf;
exports.insertUpload = insertUpload;
exports.listUploads = listUploads;
/**
 * All SQL on Service mode's tables (api_applications, oauth_tokens, technical_accounts,
 * cpro_identifiers, cpro_sequences); other modules call these functions.
 */
/**
 * Runs writes that stand or fall together, across features' stores: each store function called with
 * the transaction given takes part in it.
 */
async function inTransaction(db, work) {
    return db.transaction((trx) => work(trx));
}
async function insertApplication(db, row) {
    await db('api_applications').insert(row);
}
async function findApplication(db, id) {
    return db('api_applications').where({ id }).first();
}
async function findApplicationByClientId(db, clientId) {
    return db('api_applications').where({ client_id: clientId }).first();
}
async function applicationsOfStructure(db, structureId) {
    return db('api_applications').where({ structure_id: structureId }).orderBy('created_at');
}
/** The most recently changed applications, in one onboarding mode or all. */
async function applicationsByMode(db, mode, limit) {
    return db('api_applications')
        .modify((q) => {
        if (mode)
            q.where({ mode });
    })
        .orderBy('updated_at', 'desc')
        .limit(limit);
}
/** Marks the application revoked and drops its tokens, together. */
async function revokeApplicationRow(db, id, now) {
    await db.transaction(async (trx) => {
        await trx('api_applications').where({ id }).update({ mode: 'REVOKED', updated_at: now });
        await trx('oauth_tokens').where({ application_id: id }).delete();
    });
}
async function updateOnboarding(db, id, changes) {
    await db('api_applications').where({ id }).update(changes);
}
async function insertToken(db, row) {
    await db('oauth_tokens').insert(row);
}
async function deleteTokensExpiredBefore(db, before) {
    await db('oauth_tokens').where('expires_at', '<', before).delete();
}
/** The application a token (by its hash) was issued to, while the token is valid and the application not revoked. */
async function applicationOfTokenHash(db, tokenHash, now) {
    return db('oauth_tokens')
        .join('api_applications', 'api_applications.id', 'oauth_tokens.application_id')
        .where('oauth_tokens.token_hash', tokenHash)
        .andWhere('oauth_tokens.expires_at', '>', now)
        .whereNot('api_applications.mode', 'REVOKED')
        .first('api_applications.*');
}
async function findTechnicalAccount(db, structureId) {
    return db('technical_accounts').where({ structure_id: structureId }).first();
}
/** Logins are compared without case, as clients type them. */
async function findTechnicalAccountByLogin(db, login) {
    return db('technical_accounts').whereRaw('LOWER(login) = ?', [login.toLowerCase()]).first();
}
async function insertTechnicalAccount(db, row) {
    await db('technical_accounts').insert(row);
}
async function updateTechnicalAccountPassword(db, structureId, changes) {
    await db('technical_accounts').where({ structure_id: structureId }).update(changes);
}
const CHUNK = 500;
const chunks = (items) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
/** The wire integers already given to these internal ids. */
async function readIdentifiers(db, kind, internalIds) {
    const ids = new Map();
    for (const chunk of chunks(internalIds))
        for (const r of await db('cpro_identifiers')
            .where({ kind })
            .whereIn('internal_id', chunk)
            .select('number', 'internal_id'))
            ids.set(r.internal_id, Number(r.number));
    return ids;
}
/**
 * Gives wire integers to these internal ids, numbered by kind from `cpro_sequences`; an id given one
 * meanwhile (a concurrent first use) keeps it, and the number drawn for it is left unused.
 */
async function insertIdentifiers(db, kind, internalIds) {
    for (const chunk of chunks(internalIds))
        await db.transaction(async (trx) => {
            await trx('cpro_sequences').insert({ kind, last: 0 }).onConflict('kind').ignore();
            // The row lock taken here orders concurrent allocations of the same kind.
            await trx('cpro_sequences').where({ kind }).increment('last', chunk.length);
            const { last } = await trx('cpro_sequences').where({ kind }).first('last');
            const first = Number(last) - chunk.length + 1;
            await trx('cpro_identifiers')
                .insert(chunk.map((internal_id, i) => ({ kind, internal_id, number: first + i })))
                .onConflict(['kind', 'internal_id'])
                .ignore();
        });
}
async function internalIdOf(db, kind, number) {
    const row = await db('cpro_identifiers').where({ kind, number }).first('internal_id');
    return row?.internal_id;
}
/** Records who uploaded a file (the same user uploading the same bytes again keeps the first record). */
async function insertUpload(db, row) {
    await db('cpro_uploads').insert(row).onConflict(['user_id', 'sha256']).ignore();
}
/** Uploads of a user or of a structure's accounts, oldest first. */
async function listUploads(db, by) {
    const where = 'userId' in by ? { user_id: by.userId } : { structure_id: by.structureId };
    return db('cpro_uploads').where(where).orderBy('created_at').orderBy('sha256');
}
//# sourceMappingURL=store.js.map