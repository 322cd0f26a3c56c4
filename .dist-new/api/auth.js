"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CSRF_HEADER = exports.SESSION_COOKIE = void 0;
exports.csrfTokenFor = csrfTokenFor;
exports.authenticate = authenticate;
exports.requireCaller = requireCaller;
exports.sessionCookie = sessionCookie;
const node_crypto_1 = __importDefault(require("node:crypto"));
const secrets_1 = require("../platform/secrets");
const domain_error_1 = require("../platform/domain-error");
const sessions_1 = require("../accounts/sessions");
exports.SESSION_COOKIE = 'ff_session';
exports.CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * The CSRF token of a cookie session, derived from its (httpOnly) session token: only a page that
 * was given it by the API can send it, and nothing more needs storing. Cross-site pages can make
 * the browser send the cookie, but cannot read a response to learn this value.
 */
function csrfTokenFor(sessionToken) {
    return (0, secrets_1.hashToken)(`csrf:${sessionToken}`);
}
/**
 * Recognises the caller from `Authorization: Bearer <token>` (API clients, no CSRF check) or the
 * session cookie (browsers: unsafe methods must carry the X-CSRF-Token header). Anonymous requests
 * pass through; handlers that need a caller use `requireCaller`.
 */
function authenticate(db) {
    return async (req, res, next) => {
        try {
            const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
            const cookie = sessionCookie(req);
            const token = bearer ?? cookie;
            if (!token)
                return next();
            const session = await (0, sessions_1.findSession)(db, token, bearer ? 'bearer' : 'cookie');
            if (!session) {
                if (bearer)
                    throw new domain_error_1.DomainError('UNAUTHENTICATED', 'This bearer token is unknown or expired.');
                return next();
            }
            if (!bearer && !SAFE_METHODS.has(req.method) && !csrfMatches(req, token)) {
                throw new domain_error_1.DomainError('CSRF_TOKEN_INVALID', 'Requests authenticated by the session cookie must send the X-CSRF-Token header given at sign-in.', { field: `headers.${exports.CSRF_HEADER}` });
            }
            res.locals.caller = {
                userId: session.userId,
                email: session.email,
                operator: session.operator,
            };
            // The session itself, for the sessions resource (sign-out, CSRF token).
            res.locals.session = { token, expiresAt: session.expiresAt };
            next();
        }
        catch (err) {
            next(err);
        }
    };
}
/** The caller, or 401 UNAUTHENTICATED. */
function requireCaller(res) {
    const caller = res.locals.caller;
    if (!caller)
        throw new domain_error_1.DomainError('UNAUTHENTICATED', 'Sign in first (session cookie or bearer token).');
    return caller;
}
function sessionCookie(req) {
    for (const part of (req.headers.cookie ?? '').split(';')) {
        const [name, ...value] = part.trim().split('=');
        if (name !== exports.SESSION_COOKIE)
            continue;
        try {
            return decodeURIComponent(value.join('='));
        }
        catch {
            throw new domain_error_1.DomainError('MALFORMED_HEADER', 'The session cookie is not validly %-encoded.', {
                field: `cookies.${exports.SESSION_COOKIE}`,
            });
        }
    }
    return undefined;
}
function csrfMatches(req, sessionToken) {
    const sent = Buffer.from(String(req.headers[exports.CSRF_HEADER] ?? ''));
    const expected = Buffer.from(csrfTokenFor(sessionToken));
    return sent.length === expected.length && node_crypto_1.default.timingSafeEqual(sent, expected);
}
//# sourceMappingURL=auth.js.map