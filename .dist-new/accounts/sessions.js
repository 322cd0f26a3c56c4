"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOCK_MINUTES = exports.MAX_FAILED_SIGN_INS = exports.SESSION_HOURS = void 0;
exports.signIn = signIn;
exports.findSession = findSession;
exports.endSession = endSession;
const secrets_1 = require("../platform/secrets");
const domain_error_1 = require("../platform/domain-error");
const store = __importStar(require("./store"));
const users_1 = require("./users");
exports.SESSION_HOURS = 12;
exports.MAX_FAILED_SIGN_INS = 5;
exports.LOCK_MINUTES = 60;
// Compared against when the email is unknown, so an unknown login costs the same time as a known one.
const UNKNOWN_USER_HASH = '$2b$12$rcCjMHub5ptomz4h.sRqJu.4jJd3VQeq.yd5eBzCa8Ip/pqj.Ynzy';
/**
 * Checks credentials and opens two sessions: one for the browser's httpOnly cookie, one whose token
 * is given to API clients, so script-readable tokens never unlock the cookie session. Five failures
 * lock the account for an hour; the answer never says which of email or password was wrong.
 */
async function signIn(db, email, password, now = new Date()) {
    const user = await (0, users_1.findUserByEmail)(db, email);
    const attempt = (outcome) => store.recordSignInAttempt(db, (0, users_1.normalizeEmail)(email), outcome, now.toISOString());
    if (user?.locked_until && new Date(user.locked_until) > now) {
        await attempt('LOCKED');
        throw new domain_error_1.DomainError('ACCOUNT_LOCKED', 'Too many failed sign-ins: this account is locked for an hour.', {
            lockedUntil: new Date(user.locked_until).toISOString(),
        });
    }
    const ok = await (0, secrets_1.verifyPassword)(password, user?.password_hash ?? UNKNOWN_USER_HASH);
    if (!user || !ok || user.status !== 'ACTIVE') {
        if (user)
            await recordFailure(db, user.id, now);
        await attempt('INVALID_CREDENTIALS');
        throw new domain_error_1.DomainError('INVALID_CREDENTIALS', 'Wrong email or password.');
    }
    const cookieToken = (0, secrets_1.newToken)();
    const bearerToken = (0, secrets_1.newToken)();
    const expiresAt = new Date(now.getTime() + exports.SESSION_HOURS * 3_600_000).toISOString();
    await store.openSessions(db, {
        userId: user.id,
        email: user.email,
        sessions: [
            { kind: 'cookie', tokenHash: (0, secrets_1.hashToken)(cookieToken) },
            { kind: 'bearer', tokenHash: (0, secrets_1.hashToken)(bearerToken) },
        ],
        at: now.toISOString(),
        expiresAt,
    });
    return { account: (0, users_1.toAccount)(user), cookieToken, bearerToken, expiresAt };
}
/** Counts a failure; the fifth in a row locks the account. */
async function recordFailure(db, userId, now) {
    await store.recordSignInFailure(db, userId, {
        maxFailures: exports.MAX_FAILED_SIGN_INS,
        lockedUntil: new Date(now.getTime() + exports.LOCK_MINUTES * 60_000).toISOString(),
    });
}
/** The live session a token opens, with its user, or undefined. */
async function findSession(db, token, kind, now = new Date()) {
    return store.findLiveSession(db, (0, secrets_1.hashToken)(token), kind, now.toISOString());
}
async function endSession(db, token) {
    await store.deleteSession(db, (0, secrets_1.hashToken)(token));
}
//# sourceMappingURL=sessions.js.map