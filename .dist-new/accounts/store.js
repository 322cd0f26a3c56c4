"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findUserByEmail = findUserByEmail;
exports.findUserById = findUserById;
exports.userExists = userExists;
exports.insertUser = insertUser;
exports.deleteUser = deleteUser;
exports.updateOperator = updateOperator;
exports.loginEmailsOf = loginEmailsOf;
exports.contactsOf = contactsOf;
exports.operatorContacts = operatorContacts;
exports.recordSignInAttempt = recordSignInAttempt;
exports.recordSignInFailure = recordSignInFailure;
exports.openSessions = openSessions;
exports.findLiveSession = findLiveSession;
exports.deleteSession = deleteSession;
exports.issuedLinkToken = issuedLinkToken;
exports.saveLinkToken = saveLinkToken;
exports.keepPendingPassword = keepPendingPassword;
exports.activateWithLink = activateWithLink;
exports.resetPasswordWithLink = resetPasswordWithLink;
exports.insertTechnicalUser = insertTechnicalUser;
async function findUserByEmail(db, email) {
    return db('users').where({ email }).first();
}
async function findUserById(db, id) {
    return db('users').where({ id }).first();
}
async function userExists(db, id) {
    return !!(await db('users').where({ id }).first('id'));
}
async function insertUser(db, row) {
    await db('users').insert(row);
}
async function deleteUser(db, id) {
    await db('users').where({ id }).delete();
}
/** Answers whether an account has this (normalized) email. */
async function updateOperator(db, email, operator) {
    return (await db('users').where({ email }).update({ operator })) > 0;
}
/** Login emails by user id. */
async function loginEmailsOf(db, userIds) {
    const rows = await db('users').whereIn('id', userIds).select('id', 'email');
    return new Map(rows.map((u) => [u.id, u.email]));
}
/** Where each user's mail goes (contact email), in the order of `userIds`; unknown users are left out. */
async function contactsOf(db, userIds) {
    if (userIds.length === 0)
        return [];
    const rows = await db('users').whereIn('id', userIds).select('id', 'contact_email');
    const email = new Map(rows.map((u) => [u.id, u.contact_email]));
    return userIds.filter((id) => email.has(id)).map((userId) => ({ userId, email: email.get(userId) }));
}
/** The operators (support staff), by user id. */
async function operatorContacts(db) {
    return db('users').where({ operator: true }).orderBy('id').select({ userId: 'id', email: 'contact_email' });
}
async function recordSignInAttempt(db, email, outcome, at) {
    await db('sign_in_attempts').insert({ email, outcome, at });
}
/** Counts a failure in one statement (parallel attempts all count); reaching `maxFailures` locks until `lockedUntil`. */
async function recordSignInFailure(db, userId, o) {
    await db('users').where({ id: userId }).increment('failed_sign_ins', 1);
    const locked = await db('users')
        .where({ id: userId })
        .where('failed_sign_ins', '>=', o.maxFailures)
        .update({ failed_sign_ins: 0, locked_until: o.lockedUntil });
    // A locked account is signed out everywhere: its cookie sessions and bearer tokens end.
    if (locked > 0)
        await db('sessions').where({ user_id: userId }).delete();
}
/** A successful sign-in: the failure count and lock go, the sessions open, the attempt is recorded. */
async function openSessions(db, s) {
    await db.transaction(async (trx) => {
        await trx('users').where({ id: s.userId }).update({ failed_sign_ins: 0, locked_until: null });
        await trx('sessions').insert(s.sessions.map(({ kind, tokenHash }) => ({
            token_hash: tokenHash,
            user_id: s.userId,
            kind,
            created_at: s.at,
            expires_at: s.expiresAt,
        })));
        await trx('sign_in_attempts').insert({ email: s.email, outcome: 'SIGNED_IN', at: s.at });
    });
}
/** The live session of an active user a token hash opens, or undefined. */
async function findLiveSession(db, tokenHash, kind, now) {
    const row = await db('sessions')
        .join('users', 'users.id', 'sessions.user_id')
        .where({ 'sessions.token_hash': tokenHash, 'sessions.kind': kind, 'users.status': 'ACTIVE' })
        .where('sessions.expires_at', '>', now)
        // Nor while the account is locked (a session opened before the lock).
        .where((q) => q.whereNull('users.locked_until').orWhere('users.locked_until', '<=', now))
        .first('users.id as userId', 'users.email as email', 'users.operator as operator', 'sessions.expires_at as expiresAt');
    // SQLite answers booleans as 0/1; PostgreSQL answers timestamps as dates.
    return row && { ...row, operator: !!row.operator, expiresAt: new Date(row.expiresAt).toISOString() };
}
async function deleteSession(db, tokenHash) {
    await db('sessions').where({ token_hash: tokenHash }).delete();
}
/** The token hash already issued under a link key, if any. */
async function issuedLinkToken(db, linkKeyHash) {
    return (await db('account_tokens').where({ link_key_hash: linkKeyHash }).first('token_hash'))?.token_hash;
}
/** Records (or, under the same link key, replaces) the token of an emailed link. */
async function saveLinkToken(db, t) {
    await db('account_tokens')
        .insert({
        link_key_hash: t.linkKeyHash,
        user_id: t.userId,
        purpose: t.purpose,
        token_hash: t.tokenHash,
        expires_at: t.expiresAt,
        created_at: t.createdAt,
    })
        .onConflict('link_key_hash')
        .merge(['token_hash', 'expires_at']);
}
/**
 * The password hash chosen through a link, kept by the link's token hash until the link is used:
 * workflow history holds the token hash only. Nothing is kept for an unknown or used link.
 */
async function keepPendingPassword(db, tokenHash, passwordHash) {
    await db('account_tokens').where({ token_hash: tokenHash }).whereNull('used_at').update({
        pending_password_hash: passwordHash,
    });
}
/** The hash a use of the link sets: the one it carries (histories from before), else the kept one. */
async function chosenPasswordHash(db, c) {
    if (c.passwordHash)
        return c.passwordHash;
    const row = await db('account_tokens').where({ token_hash: c.tokenHash }).first('pending_password_hash');
    if (!row?.pending_password_hash)
        throw new Error('No password is waiting for this link.');
    return row.pending_password_hash;
}
/** The pending account becomes ACTIVE with its password hash; the link is marked used. */
async function activateWithLink(db, c) {
    await db.transaction(async (trx) => {
        const passwordHash = await chosenPasswordHash(trx, c);
        await trx('users')
            .where({ id: c.userId, status: 'PENDING' })
            .update({ status: 'ACTIVE', password_hash: passwordHash, activated_at: c.at });
        await trx('account_tokens')
            .where({ token_hash: c.tokenHash })
            .whereNull('used_at')
            .update({ used_at: c.at, pending_password_hash: null });
    });
}
/**
 * Sets the new password, lifts any sign-in lock and ends every session, once per link: when the link
 * is already used, nothing changes (sessions opened since then stay).
 */
async function resetPasswordWithLink(db, c) {
    await db.transaction(async (trx) => {
        const unused = await trx('account_tokens')
            .where({ token_hash: c.tokenHash, user_id: c.userId })
            .whereNull('used_at')
            .first('token_hash');
        if (!unused)
            return;
        const passwordHash = await chosenPasswordHash(trx, c);
        await trx('account_tokens')
            .where({ token_hash: c.tokenHash })
            .update({ used_at: c.at, pending_password_hash: null });
        await trx('users')
            .where({ id: c.userId })
            .update({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null });
        await trx('sessions').where({ user_id: c.userId }).delete();
    });
}
/**
 * The user row of a structure's technical account (Service mode): status TECHNICAL, it never signs in
 * to the portal. Takes the caller's transaction, as the account and its membership are made together.
 */
async function insertTechnicalUser(db, u) {
    await db('users').insert({
        id: u.id,
        email: u.login.toLowerCase(),
        first_name: 'Compte',
        last_name: 'technique',
        contact_email: u.login.toLowerCase(),
        status: 'TECHNICAL',
        operator: false,
        terms_accepted_at: u.at,
        created_at: u.at,
        activated_at: u.at,
    });
}
//# sourceMappingURL=store.js.map