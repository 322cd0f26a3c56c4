"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.supportOpenApi = void 0;
exports.supportRouter = supportRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const conversations_1 = require("../../support/conversations");
const support_schemas_1 = require("../support-schemas");
const checkAsk = schemas_1.ajv.compile(support_schemas_1.askBody);
const checkRate = schemas_1.ajv.compile(support_schemas_1.rateBody);
const checkMessage = schemas_1.ajv.compile(support_schemas_1.messageBody);
const checkAvailability = schemas_1.ajv.compile(support_schemas_1.availabilityBody);
const actor = (res) => {
    const caller = res.locals.caller;
    return { userId: caller?.userId, advisor: caller?.operator ?? false };
};
const requireAdvisor = (res) => (0, conversations_1.checkAdvisor)((0, auth_1.requireCaller)(res));
/** The assistant and the live chat (support/conversations.ts). */
function supportRouter({ db, client, taskQueue, support = {}, }) {
    const router = (0, express_1.Router)();
    const id = (req) => req.params.conversationId;
    router.post('/support/ask', async (req, res) => {
        const input = (0, structure_routes_1.body)(checkAsk, req);
        const { conversationId, seq, offer, liveChat, answer } = await (0, conversations_1.askAssistant)({ client, taskQueue, settings: support }, actor(res), input);
        res.json({ conversationId, seq, offer, liveChat, ...answer });
    });
    router.post('/support/conversations/:conversationId/ratings', async (req, res) => {
        const input = (0, structure_routes_1.body)(checkRate, req);
        res.json(await (0, conversations_1.rateAnswer)(client, id(req), actor(res), input));
    });
    router.get('/support/conversations/:conversationId', async (req, res) => {
        res.json(await (0, conversations_1.conversationFor)(client, id(req), actor(res)));
    });
    router.post('/support/conversations/:conversationId/live-chat', async (req, res) => {
        res.status(202).json(await (0, conversations_1.acceptLiveChat)(client, id(req), actor(res)));
    });
    router.post('/support/conversations/:conversationId/messages', async (req, res) => {
        const input = (0, structure_routes_1.body)(checkMessage, req);
        res.status(201).json(await (0, conversations_1.sendChatMessage)(client, id(req), actor(res), input.text));
    });
    router.post('/support/conversations/:conversationId/end', async (req, res) => {
        res.json(await (0, conversations_1.endLiveChat)(client, id(req), actor(res)));
    });
    router.get('/support/advisor/queue', async (_req, res) => {
        requireAdvisor(res);
        res.json({ items: await (0, conversations_1.advisorQueue)(db) });
    });
    router.post('/support/advisor/conversations/:conversationId/assignment', async (req, res) => {
        const caller = requireAdvisor(res);
        res.json(await (0, conversations_1.joinLiveChat)(client, id(req), caller));
    });
    router.put('/support/advisor/availability', async (req, res) => {
        const caller = requireAdvisor(res);
        const { available } = (0, structure_routes_1.body)(checkAvailability, req);
        await (0, conversations_1.setAvailability)(db, caller, available);
        res.json({ userId: caller.userId, available });
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
const conversationIdParam = (0, structure_routes_1.pathParam)('conversationId', 'The conversation’s id, as /support/ask answered it.');
const conversationErrors = {
    '403': (0, openapi_1.errorResponse)('NOT_YOURS, ADVISOR_REQUIRED'),
    '404': (0, openapi_1.errorResponse)('CONVERSATION_NOT_FOUND'),
    '409': (0, openapi_1.errorResponse)('CONVERSATION_ENDED, LIVE_CHAT_NOT_OFFERED, CHAT_NOT_WAITING, CHAT_NOT_ACTIVE'),
};
exports.supportOpenApi = {
    '/api/v1/support/ask': {
        post: {
            summary: 'Ask the assistant a question (signed in: answers about my own invoices too)',
            description: 'Starts the conversation workflow support/<conversationId> when no conversationId is given. After two answers not understood or voted down, offer says what the user may do next.',
            requestBody: { required: true, content: json(support_schemas_1.askBody) },
            responses: {
                '200': { description: 'The answer', content: json(support_schemas_1.answerOut) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...conversationErrors,
            },
        },
    },
    '/api/v1/support/conversations/{conversationId}': {
        get: {
            summary: 'A conversation: counts, offer, live chat and its messages',
            parameters: [conversationIdParam],
            responses: {
                '200': { description: 'The conversation', content: json(support_schemas_1.conversationOut) },
                ...conversationErrors,
            },
        },
    },
    '/api/v1/support/conversations/{conversationId}/ratings': {
        post: {
            summary: 'Rate an answer (useful or not)',
            parameters: [conversationIdParam],
            requestBody: { required: true, content: json(support_schemas_1.rateBody) },
            responses: {
                '200': { description: 'Rated; offer as after an answer' },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                '422': (0, openapi_1.errorResponse)('ANSWER_UNKNOWN'),
                ...conversationErrors,
            },
        },
    },
    '/api/v1/support/conversations/{conversationId}/live-chat': {
        post: {
            summary: 'Accept the live chat on offer: the conversation joins the advisors’ queue',
            parameters: [conversationIdParam],
            responses: { '202': { description: 'Queued', content: json(support_schemas_1.conversationOut) }, ...conversationErrors },
        },
    },
    '/api/v1/support/conversations/{conversationId}/messages': {
        post: {
            summary: 'Send a live-chat message (the user, or the advisor who joined)',
            parameters: [conversationIdParam],
            requestBody: { required: true, content: json(support_schemas_1.messageBody) },
            responses: {
                '201': { description: 'The message as kept' },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...conversationErrors,
            },
        },
    },
    '/api/v1/support/conversations/{conversationId}/end': {
        post: {
            summary: 'End the live chat (user or advisor)',
            parameters: [conversationIdParam],
            responses: { '200': { description: 'Ended', content: json(support_schemas_1.conversationOut) }, ...conversationErrors },
        },
    },
    '/api/v1/support/advisor/queue': {
        get: {
            summary: 'Live chats waiting for an advisor, oldest first (operators)',
            responses: {
                '200': { description: 'The queue', content: json((0, structure_schemas_1.listOf)({ type: 'object' })) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
                '403': (0, openapi_1.errorResponse)('ADVISOR_REQUIRED'),
            },
        },
    },
    '/api/v1/support/advisor/conversations/{conversationId}/assignment': {
        post: {
            summary: 'Take a waiting live chat (operators)',
            parameters: [conversationIdParam],
            responses: { '200': { description: 'Joined', content: json(support_schemas_1.conversationOut) }, ...conversationErrors },
        },
    },
    '/api/v1/support/advisor/availability': {
        put: {
            summary: 'Say whether I take live chats now (operators); the chat is offered only when someone does',
            requestBody: { required: true, content: json(support_schemas_1.availabilityBody) },
            responses: {
                '200': { description: 'Saved' },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
                '403': (0, openapi_1.errorResponse)('ADVISOR_REQUIRED'),
            },
        },
    },
};
//# sourceMappingURL=support.js.map