"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accountsOpenApi = void 0;
exports.accountsRouter = accountsRouter;
const express_1 = require("express");
const registration_1 = require("../../accounts/registration");
const account_schemas_1 = require("../account-schemas");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const users_1 = require("../../accounts/users");
// Answered whether or not the email has an account, so the endpoint reveals nothing about who is registered.
const linkSent = {
    status: 'ACCEPTED',
    message: 'If this email has an account waiting for it, a link is on its way.',
};
function accountsRouter(deps) {
    const router = (0, express_1.Router)();
    router.post('/accounts', async (req, res) => {
        const account = await (0, registration_1.registerAccount)(deps, (0, schemas_1.check)(account_schemas_1.checkRegistration, req.body, 'body'));
        res.status(201).json(account);
    });
    router.post('/accounts/activate', async (req, res) => {
        await (0, registration_1.activateAccount)(deps, (0, schemas_1.check)(account_schemas_1.checkLinkUse, req.body, 'body'));
        res.json({ status: 'ACTIVE' });
    });
    router.post('/accounts/resend-activation', async (req, res) => {
        await (0, registration_1.resendActivationLink)(deps, (0, schemas_1.check)(account_schemas_1.checkEmailOnly, req.body, 'body').email);
        res.status(202).json(linkSent);
    });
    router.post('/accounts/password-reset', async (req, res) => {
        await (0, registration_1.requestPasswordReset)(deps, (0, schemas_1.check)(account_schemas_1.checkEmailOnly, req.body, 'body').email);
        res.status(202).json(linkSent);
    });
    router.post('/accounts/password-reset/confirm', async (req, res) => {
        await (0, registration_1.confirmReset)(deps, (0, schemas_1.check)(account_schemas_1.checkLinkUse, req.body, 'body'));
        res.json({ status: 'PASSWORD_CHANGED' });
    });
    router.get('/accounts/me', async (_req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        res.json(await (0, users_1.getAccount)(deps.db, caller.userId));
    });
    return router;
}
const json = (schema) => ({ content: { 'application/json': { schema } } });
const accepted = {
    type: 'object',
    properties: { status: { type: 'string' }, message: { type: 'string' } },
};
exports.accountsOpenApi = {
    '/api/v1/accounts': {
        post: {
            summary: 'Create an account: it waits for activation through the emailed link (valid 60 minutes)',
            requestBody: { required: true, ...json(account_schemas_1.registration) },
            responses: {
                '201': {
                    description: 'Pending account (without its id); the activation email is on its way. An email that already has an account gets the same answer, and its owner an email (activation or password reset link)',
                    ...json(account_schemas_1.accountBody),
                },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT: a field is missing or wrong (email format, terms not accepted)'),
            },
        },
    },
    '/api/v1/accounts/activate': {
        post: {
            summary: 'Activate an account with the token of the emailed link, choosing its password',
            requestBody: { required: true, ...json(account_schemas_1.linkUse) },
            responses: {
                '200': { description: 'The account is active', ...json(accepted) },
                '400': (0, openapi_1.errorResponse)('TOKEN_INVALID (wrong, used or replaced link), PASSWORD_WEAK, INVALID_INPUT'),
                '410': (0, openapi_1.errorResponse)('LINK_EXPIRED: ask for a new link'),
            },
        },
    },
    '/api/v1/accounts/resend-activation': {
        post: {
            summary: 'Send a new activation link to a pending account; the previous link stops working',
            requestBody: { required: true, ...json(account_schemas_1.emailOnly) },
            responses: {
                '202': {
                    description: 'Answered alike whether or not the email has a pending account',
                    ...json(accepted),
                },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
            },
        },
    },
    '/api/v1/accounts/password-reset': {
        post: {
            summary: 'Email a password reset link (valid 60 minutes) to an active account',
            requestBody: { required: true, ...json(account_schemas_1.emailOnly) },
            responses: {
                '202': { description: 'Answered alike whether or not the email has an account', ...json(accepted) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
            },
        },
    },
    '/api/v1/accounts/password-reset/confirm': {
        post: {
            summary: 'Set a new password with the token of the reset link; lifts a lock and ends all sessions',
            requestBody: { required: true, ...json(account_schemas_1.linkUse) },
            responses: {
                '200': { description: 'The password is changed', ...json(accepted) },
                '400': (0, openapi_1.errorResponse)('TOKEN_INVALID, PASSWORD_WEAK, INVALID_INPUT'),
                '410': (0, openapi_1.errorResponse)('LINK_EXPIRED: ask for a new link'),
            },
        },
    },
    '/api/v1/accounts/me': {
        get: {
            summary: 'The signed-in account (session cookie or bearer token)',
            responses: {
                '200': { description: 'The account', ...json(account_schemas_1.accountBody) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
};
//# sourceMappingURL=accounts.js.map