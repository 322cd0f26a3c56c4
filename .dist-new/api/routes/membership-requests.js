"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.membershipRequestsOpenApi = void 0;
exports.membershipRequestsRouter = membershipRequestsRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const membership_requests_1 = require("../../structures/membership-requests");
const checkCreate = schemas_1.ajv.compile(structure_schemas_1.membershipRequestCreate);
/** The decision with every role: PRINCIPAL hands the main-manager role over to the requester. */
const decisionWithRoles = {
    ...structure_schemas_1.membershipDecision,
    properties: {
        ...structure_schemas_1.membershipDecision.properties,
        role: {
            type: 'string',
            enum: ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'],
            description: 'Required to approve. SECONDAIRE and PRINCIPAL are granted by the main manager (or support); ' +
                'PRINCIPAL hands the role over, the previous main manager stays secondary manager.',
        },
    },
};
const checkDecision = schemas_1.ajv.compile(decisionWithRoles);
/**
 * Membership requests (rattachement; "attachment-requests" on the wire): a user asks, the structure's
 * managers decide through the request's workflow.
 */
function membershipRequestsRouter(deps) {
    const { db } = deps;
    const router = (0, express_1.Router)();
    const one = '/structures/:structureId/attachment-requests/:userId';
    router.post('/structures/:structureId/attachment-requests', async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const structureId = req.params.structureId;
        const input = (0, structure_routes_1.body)(checkCreate, req);
        const request = await (0, membership_requests_1.requestMembership)(deps, caller, structureId, input.services ?? []);
        res.status(202).json({ ...request, status: 'EN_ATTENTE' });
    });
    router.get('/attachment-requests', async (_req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        res.json({ items: await (0, membership_requests_1.listMembershipRequests)(db, caller) });
    });
    router.post(`${one}/decision`, async (req, res) => {
        const { structureId, caller } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        const answer = (0, structure_routes_1.body)(checkDecision, req);
        res.json(await (0, membership_requests_1.decideMembershipRequest)(deps, caller, structureId, req.params.userId, answer));
    });
    router.post(`${one}/withdrawal`, async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const { structureId, userId } = req.params;
        res.json(await (0, membership_requests_1.withdrawMembershipRequest)(deps, caller, structureId, userId));
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
const userIdParam = (0, structure_routes_1.pathParam)('userId', 'The requester’s user id.');
exports.membershipRequestsOpenApi = {
    '/api/v1/structures/{structureId}/attachment-requests': {
        post: {
            summary: 'Ask to be attached to a structure, optionally to some of its services',
            description: 'Starts the workflow attachment/<structureId>/<userId>; the managers are emailed.',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: false, content: json(structure_schemas_1.membershipRequestCreate) },
            responses: {
                '202': { description: 'Requested', content: json(structure_schemas_1.membershipRequestBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
                '404': (0, openapi_1.errorResponse)('STRUCTURE_NOT_FOUND'),
                '409': (0, openapi_1.errorResponse)('ALREADY_A_MEMBER, ATTACHMENT_ALREADY_REQUESTED'),
                '422': (0, openapi_1.errorResponse)('SERVICE_UNKNOWN'),
            },
        },
    },
    '/api/v1/attachment-requests': {
        get: {
            summary: 'Requests to the structures I manage, my own, and (operators) those escalated to support',
            responses: {
                '200': { description: 'Requests, newest first', content: json((0, structure_schemas_1.listOf)(structure_schemas_1.membershipRequestBody)) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
    '/api/v1/structures/{structureId}/attachment-requests/{userId}/decision': {
        post: {
            summary: 'Approve (with a role and services) or refuse (with a reason) a request (managers; operators once escalated)',
            parameters: [structure_routes_1.structureIdParam, userIdParam],
            requestBody: { required: true, content: json(decisionWithRoles) },
            responses: {
                '200': { description: 'The outcome', content: json(structure_schemas_1.membershipRequestBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '403': (0, openapi_1.errorResponse)('NOT_A_MEMBER, MANAGER_REQUIRED; PRINCIPAL_MANAGER_REQUIRED: a secondary manager approving as a manager'),
                '409': (0, openapi_1.errorResponse)('ATTACHMENT_ALREADY_DECIDED'),
                '422': (0, openapi_1.errorResponse)('SERVICE_UNKNOWN'),
            },
        },
    },
    '/api/v1/structures/{structureId}/attachment-requests/{userId}/withdrawal': {
        post: {
            summary: 'Withdraw my request',
            parameters: [structure_routes_1.structureIdParam, userIdParam],
            responses: {
                '200': { description: 'Withdrawn', content: json(structure_schemas_1.membershipRequestBody) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
                '403': (0, openapi_1.errorResponse)('NOT_THE_REQUESTER'),
                '404': (0, openapi_1.errorResponse)('ATTACHMENT_REQUEST_NOT_FOUND'),
                '409': (0, openapi_1.errorResponse)('ATTACHMENT_ALREADY_DECIDED'),
            },
        },
    },
};
//# sourceMappingURL=membership-requests.js.map