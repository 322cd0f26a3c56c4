"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.supportRequestsOpenApi = void 0;
exports.supportRequestsRouter = supportRequestsRouter;
const express_1 = require("express");
const categories_1 = require("../../support/categories");
const requests_1 = require("../../support/requests");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const support_schemas_1 = require("../support-schemas");
const checkCreate = schemas_1.ajv.compile(support_schemas_1.requestCreate);
const checkAnswer = schemas_1.ajv.compile(support_schemas_1.answerBody);
const checkReply = schemas_1.ajv.compile(support_schemas_1.messageBody);
const who = (res) => {
    const caller = res.locals.caller;
    return { userId: caller?.userId, operator: caller?.operator ?? false };
};
/** Requests (sollicitations): support/requests.ts. */
function supportRequestsRouter({ db, client, taskQueue, support = {}, }) {
    const router = (0, express_1.Router)();
    const categories = support.categories ?? (0, categories_1.loadCategories)();
    const id = (req) => req.params.requestId;
    router.get('/support/categories', (_req, res) => {
        res.json({ items: categories });
    });
    router.post('/support/requests', async (req, res) => {
        const input = (0, structure_routes_1.body)(checkCreate, req);
        const filed = await (0, requests_1.fileRequest)({ db, client, taskQueue }, categories, res.locals.caller, input);
        if (!filed.trackable)
            return void res.status(202).json({
                status: 'NOUVELLE',
                trackable: false,
                message: `Votre sollicitation est enregistrée ; la réponse sera envoyée à ${filed.contactEmail}.`,
            });
        res.status(202).json({ id: filed.id, status: 'NOUVELLE', trackable: true, routing: filed.routing });
    });
    router.get('/support/requests', async (_req, res) => {
        res.json({ items: await (0, requests_1.myRequests)(db, (0, auth_1.requireCaller)(res)) });
    });
    router.get('/support/requests/queue', async (_req, res) => {
        res.json({ items: await (0, requests_1.requestQueue)(db, (0, auth_1.requireCaller)(res)) });
    });
    router.get('/support/requests/:requestId', async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        res.json(await (0, requests_1.requestWithMessages)(db, client, caller, id(req)));
    });
    const one = '/support/requests/:requestId';
    router.post(`${one}/assignment`, async (req, res) => {
        (0, auth_1.requireCaller)(res);
        res.json(await (0, requests_1.takeRequest)(client, id(req), who(res)));
    });
    router.post(`${one}/answers`, async (req, res) => {
        (0, auth_1.requireCaller)(res);
        const input = (0, structure_routes_1.body)(checkAnswer, req);
        res.json(await (0, requests_1.answerRequest)(client, id(req), who(res), input));
    });
    router.post(`${one}/replies`, async (req, res) => {
        (0, auth_1.requireCaller)(res);
        const input = (0, structure_routes_1.body)(checkReply, req);
        res.json(await (0, requests_1.replyToRequest)(client, id(req), who(res), input));
    });
    router.post(`${one}/closure`, async (req, res) => {
        (0, auth_1.requireCaller)(res);
        res.json(await (0, requests_1.closeRequest)(client, id(req), who(res)));
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
const requestIdParam = (0, structure_routes_1.pathParam)('requestId', 'The request’s id.');
const requestErrors = {
    '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
    '403': (0, openapi_1.errorResponse)('ADVISOR_REQUIRED, NOT_THE_REQUESTER'),
    '404': (0, openapi_1.errorResponse)('REQUEST_NOT_FOUND'),
    '409': (0, openapi_1.errorResponse)('REQUEST_CLOSED'),
};
const update = (summaryText, bodySchema) => ({
    post: {
        summary: summaryText,
        parameters: [requestIdParam],
        ...(bodySchema ? { requestBody: { required: true, content: json(bodySchema) } } : {}),
        responses: {
            '200': { description: 'The request’s new status', content: json(support_schemas_1.requestOut) },
            ...requestErrors,
        },
    },
});
exports.supportRequestsOpenApi = {
    '/api/v1/support/categories': {
        get: {
            summary: 'Request categories and sub-categories, and where each is routed',
            responses: { '200': { description: 'Categories', content: json((0, structure_schemas_1.listOf)({ type: 'object' })) } },
        },
    },
    '/api/v1/support/requests': {
        post: {
            summary: 'File a request (sollicitation); signed out: with a contact email, answered by email, not trackable',
            requestBody: { required: true, content: json(support_schemas_1.requestCreate) },
            responses: {
                '202': { description: 'Filed', content: json(support_schemas_1.requestOut) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                '404': (0, openapi_1.errorResponse)('STRUCTURE_NOT_FOUND'),
                '422': (0, openapi_1.errorResponse)('CATEGORY_UNKNOWN, SUBCATEGORY_UNKNOWN, SERVICE_UNKNOWN'),
            },
        },
        get: {
            summary: 'My requests, newest first',
            responses: {
                '200': { description: 'Requests', content: json((0, structure_schemas_1.listOf)(support_schemas_1.requestOut)) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
    '/api/v1/support/requests/queue': {
        get: {
            summary: 'Open requests I handle: operators (platform support) and members of the routed buyer services',
            responses: {
                '200': { description: 'Requests, oldest first', content: json((0, structure_schemas_1.listOf)(support_schemas_1.requestOut)) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
    '/api/v1/support/requests/{requestId}': {
        get: {
            summary: 'A request with its messages (its requester and its advisors)',
            parameters: [requestIdParam],
            responses: { '200': { description: 'The request', content: json(support_schemas_1.requestOut) }, ...requestErrors },
        },
    },
    '/api/v1/support/requests/{requestId}/assignment': update('Take the request (EN_COURS)'),
    '/api/v1/support/requests/{requestId}/answers': update('Answer (REPONDUE, or EN_ATTENTE_UTILISATEUR with needsUser); the requester is emailed', support_schemas_1.answerBody),
    '/api/v1/support/requests/{requestId}/replies': update('Reply as the requester (back to EN_COURS)', support_schemas_1.messageBody),
    '/api/v1/support/requests/{requestId}/closure': update('Close the request (CLOTUREE); the requester is emailed'),
};
//# sourceMappingURL=support-requests.js.map