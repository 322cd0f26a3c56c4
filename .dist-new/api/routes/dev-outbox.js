"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.devOutboxOpenApi = void 0;
exports.devOutboxRouter = devOutboxRouter;
const express_1 = require("express");
const domain_error_1 = require("../../platform/domain-error");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
/**
 * The development outbox, served only when enabled (DEV_OUTBOX=true, no SMTP server): otherwise these
 * routes do not exist. It shows links with tokens, so only operators may read it (401 anonymous, 403
 * OPERATOR_REQUIRED for anyone else).
 */
function devOutboxRouter({ outbox }) {
    const router = (0, express_1.Router)();
    if (!outbox)
        return router;
    router.get('/dev/outbox', async (_req, res) => {
        requireOperator(res);
        res.json({ messages: await outbox.list() });
    });
    router.get('/dev/outbox/:id', async (req, res) => {
        requireOperator(res);
        // As sent (RFC 822) by default; decoded, with its links, for a JSON reader (the portal, curl).
        const decoded = req.accepts(['message/rfc822', 'application/json']) === 'application/json';
        const message = decoded ? await outbox.message(req.params.id) : await outbox.read(req.params.id);
        if (!message)
            throw new domain_error_1.DomainError('EMAIL_NOT_FOUND', `No message ${req.params.id} in the outbox.`, {
                field: 'params.id',
            });
        if (decoded)
            res.json(message);
        else
            res.type('message/rfc822').send(message);
    });
    return router;
}
function requireOperator(res) {
    if (!(0, auth_1.requireCaller)(res).operator)
        throw new domain_error_1.DomainError('OPERATOR_REQUIRED', 'Only operators may read the development outbox.');
}
exports.devOutboxOpenApi = {
    '/api/v1/dev/outbox': {
        get: {
            summary: 'Development only (DEV_OUTBOX=true, no SMTP), operators only: the emails the platform would have sent',
            responses: {
                '200': {
                    description: 'Messages, newest first',
                    content: {
                        'application/json': {
                            schema: {
                                type: 'object',
                                properties: {
                                    messages: {
                                        type: 'array',
                                        items: {
                                            type: 'object',
                                            properties: {
                                                id: { type: 'string' },
                                                to: { type: 'string' },
                                                subject: { type: 'string' },
                                                date: { type: 'string', format: 'date-time' },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                '401': (0, openapi_1.errorResponse)('Not signed in'),
                '403': (0, openapi_1.errorResponse)('OPERATOR_REQUIRED'),
                '404': (0, openapi_1.errorResponse)('The outbox is not enabled (DEV_OUTBOX unset, or SMTP configured)'),
            },
        },
    },
    '/api/v1/dev/outbox/{id}': {
        get: {
            summary: 'Development only: one message as sent (RFC 822), or decoded with its links (Accept: application/json)',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
                '200': {
                    description: 'The message',
                    content: {
                        'message/rfc822': { schema: { type: 'string' } },
                        'application/json': {
                            schema: {
                                type: 'object',
                                properties: {
                                    id: { type: 'string' },
                                    to: { type: 'string' },
                                    subject: { type: 'string' },
                                    date: { type: 'string', format: 'date-time' },
                                    text: { type: 'string' },
                                    links: { type: 'array', items: { type: 'string' } },
                                },
                            },
                        },
                    },
                },
                '401': (0, openapi_1.errorResponse)('Not signed in'),
                '403': (0, openapi_1.errorResponse)('OPERATOR_REQUIRED'),
                '404': (0, openapi_1.errorResponse)('No such message, or the outbox is not enabled'),
            },
        },
    },
};
//# sourceMappingURL=dev-outbox.js.map