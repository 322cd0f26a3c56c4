"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionsOpenApi = void 0;
exports.sessionsRouter = sessionsRouter;
const express_1 = require("express");
const account_schemas_1 = require("../account-schemas");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const sessions_1 = require("../../accounts/sessions");
const users_1 = require("../../accounts/users");
function sessionsRouter({ db, publicUrl }) {
    const router = (0, express_1.Router)();
    const cookieOptions = {
        httpOnly: true,
        sameSite: 'lax',
        secure: publicUrl.startsWith('https:'),
        path: '/',
    };
    router.post('/sessions', async (req, res) => {
        const { email, password } = (0, schemas_1.check)(account_schemas_1.checkCredentials, req.body, 'body');
        const s = await (0, sessions_1.signIn)(db, email, password);
        res
            .cookie(auth_1.SESSION_COOKIE, s.cookieToken, { ...cookieOptions, maxAge: sessions_1.SESSION_HOURS * 3_600_000 })
            .status(201)
            .json({
            token: s.bearerToken,
            csrfToken: (0, auth_1.csrfTokenFor)(s.cookieToken),
            expiresAt: s.expiresAt,
            account: s.account,
        });
    });
    router.get('/sessions/current', async (_req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const session = res.locals.session;
        res.json({
            csrfToken: (0, auth_1.csrfTokenFor)(session.token),
            expiresAt: session.expiresAt,
            account: await (0, users_1.getAccount)(db, caller.userId),
        });
    });
    router.delete('/sessions/current', async (_req, res) => {
        (0, auth_1.requireCaller)(res);
        await (0, sessions_1.endSession)(db, res.locals.session.token);
        res.clearCookie(auth_1.SESSION_COOKIE, cookieOptions).status(204).end();
    });
    return router;
}
exports.sessionsOpenApi = {
    '/api/v1/sessions': {
        post: {
            summary: 'Sign in: sets an httpOnly session cookie and answers a bearer token for API clients',
            description: 'Cookie-authenticated POST/PUT/PATCH/DELETE requests must send the returned csrfToken as X-CSRF-Token; ' +
                'bearer requests need none. Five failed sign-ins lock the account for one hour.',
            requestBody: { required: true, content: { 'application/json': { schema: account_schemas_1.credentials } } },
            responses: {
                '201': { description: 'Signed in', content: { 'application/json': { schema: account_schemas_1.sessionBody } } },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                '401': (0, openapi_1.errorResponse)('INVALID_CREDENTIALS: wrong email or password (never says which)'),
                '423': (0, openapi_1.errorResponse)('ACCOUNT_LOCKED: too many failures; details.lockedUntil'),
            },
        },
    },
    '/api/v1/sessions/current': {
        get: {
            summary: 'The current session: its account and CSRF token',
            responses: {
                '200': { description: 'The session', content: { 'application/json': { schema: account_schemas_1.sessionBody } } },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
        delete: {
            summary: 'Sign out: ends this session and clears the cookie',
            responses: {
                '204': { description: 'Signed out' },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
                '403': (0, openapi_1.errorResponse)('CSRF_TOKEN_INVALID: cookie session without X-CSRF-Token'),
            },
        },
    },
};
//# sourceMappingURL=sessions.js.map