"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verifyTechnicalAccount = verifyTechnicalAccount;
const secrets_1 = require("../platform/secrets");
const domain_error_1 = require("../platform/domain-error");
const store_1 = require("./store");
const technical_accounts_1 = require("./technical-accounts");
const throttle_1 = require("../platform/throttle");
// bcrypt at cost 12 takes a quarter of a second, and clients send the header on every call: a
// verified header is remembered (by its hash) for a while, as long as the password was not set again.
const verified = new Map();
const VERIFIED_FOR_MS = 5 * 60_000;
const UNKNOWN_HASH = '$2b$12$rcCjMHub5ptomz4h.sRqJu.4jJd3VQeq.yd5eBzCa8Ip/pqj.Ynzy';
/**
 * Checks the `cpro-account` header: base64 of `login:password` of a technical account. A wrong
 * login or password is one refusal; an expired password another, told only to who knows it.
 */
async function verifyTechnicalAccount(db, header) {
    const refuse = () => new domain_error_1.DomainError('TECHNICAL_ACCOUNT_INVALID', 'Technical account header missing, malformed or wrong.', {
        field: 'cpro-account',
    });
    if (!header || !/^[A-Za-z0-9+/=_-]+$/.test(header.trim()))
        throw refuse();
    const decoded = Buffer.from(header.trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw refuse();
    const login = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const lockKey = `technical-account:${login.toLowerCase()}`;
    await (0, throttle_1.assertNotLocked)(db, lockKey, new Date(), 'cpro-account');
    const row = await (0, store_1.findTechnicalAccountByLogin)(db, login);
    if (!row) {
        // As long as a real check, so a wrong login cannot be told from a wrong password by timing.
        await (0, secrets_1.verifyPassword)(password, UNKNOWN_HASH);
        await (0, throttle_1.recordFailure)(db, lockKey);
        throw refuse();
    }
    const key = (0, secrets_1.hashToken)(`cpro-account:${header.trim()}`);
    const setAt = new Date(row.password_set_at).toISOString();
    const cached = verified.get(key);
    if (!(cached && cached.login === row.login && cached.setAt === setAt && cached.until > Date.now())) {
        if (!(await (0, secrets_1.verifyPassword)(password, row.password_hash))) {
            await (0, throttle_1.recordFailure)(db, lockKey);
            throw refuse();
        }
        await (0, throttle_1.recordSuccess)(db, lockKey);
        verified.set(key, { login: row.login, setAt, until: Date.now() + VERIFIED_FOR_MS });
    }
    if ((0, technical_accounts_1.technicalAccountView)(row).expired)
        throw new domain_error_1.DomainError('TECHNICAL_ACCOUNT_PASSWORD_EXPIRED', 'The technical account’s password has expired: the main manager of the structure must reset it.', { field: 'cpro-account' });
    return { userId: row.user_id, login: row.login, structureId: row.structure_id };
}
//# sourceMappingURL=authentication.js.map