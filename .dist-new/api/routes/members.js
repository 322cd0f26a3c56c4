"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.membersOpenApi = void 0;
exports.membersRouter = membersRouter;
const express_1 = require("express");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const members_1 = require("../../structures/members");
const checkCreate = schemas_1.ajv.compile(structure_schemas_1.memberCreate);
const checkTransfer = schemas_1.ajv.compile(structure_schemas_1.principalTransfer);
/** A member's new role (PRINCIPAL: hand the main-manager role over) and, optionally, services. */
const memberChange = {
    type: 'object',
    properties: {
        role: { type: 'string', enum: ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'] },
        services: structure_schemas_1.memberCreate.properties.services,
    },
    required: ['role'],
    additionalProperties: false,
};
const checkChange = schemas_1.ajv.compile(memberChange);
/**
 * Members of a structure. Managers add users directly and revoke them; secondary managers are
 * appointed and revoked by the main manager, who alone transfers the role (support when they left).
 */
function membersRouter(deps) {
    const { db } = deps;
    const router = (0, express_1.Router)();
    const base = '/structures/:structureId/members';
    router.get(base, async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.json({ items: await (0, members_1.listMembersWithEmails)(db, structureId) });
    });
    router.post(base, async (req, res) => {
        const { structureId, membership } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        const input = (0, structure_routes_1.body)(checkCreate, req);
        const member = await (0, members_1.addMember)(deps, membership, {
            structureId,
            ...input,
            services: input.services ?? [],
        });
        res.status(201).json(member);
    });
    router.patch(`${base}/:userId`, async (req, res) => {
        const { structureId, membership } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        const change = (0, structure_routes_1.body)(checkChange, req);
        res.json(await (0, members_1.changeMemberRole)(deps, membership, structureId, req.params.userId, change));
    });
    router.delete(`${base}/:userId`, async (req, res) => {
        const { structureId, membership } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        await (0, members_1.revokeMember)(deps, membership, structureId, req.params.userId);
        res.status(204).end();
    });
    router.post('/structures/:structureId/principal', async (req, res) => {
        const { structureId, caller } = await (0, structure_routes_1.structureCaller)(db, req, res, 'principal');
        const { userId } = (0, structure_routes_1.body)(checkTransfer, req);
        res.json({ items: await (0, members_1.transferPrincipal)(deps, structureId, userId, caller.operator) });
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
exports.membersOpenApi = {
    '/api/v1/structures/{structureId}/members': {
        get: {
            summary: 'The structure’s members and their roles (managers)',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'Members', content: json((0, structure_schemas_1.listOf)(structure_schemas_1.memberBody)) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        post: {
            summary: 'Attach a user directly (managers; secondary managers are appointed by the main manager)',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(structure_schemas_1.memberCreate) },
            responses: {
                '201': { description: 'Attached', content: json(structure_schemas_1.memberBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '409': (0, openapi_1.errorResponse)('The user is the main manager (PRINCIPAL_MANAGER_UNCHANGED)'),
                '422': (0, openapi_1.errorResponse)('USER_NOT_FOUND, SERVICE_UNKNOWN'),
            },
        },
    },
    '/api/v1/structures/{structureId}/members/{userId}': {
        patch: {
            summary: 'Promote or demote a member; role PRINCIPAL hands the main-manager role over (the previous one becomes secondary manager)',
            description: 'Managers and secondary-manager roles are changed by the main manager (or support); a secondary ' +
                'manager changes the services of plain users. The main manager is never demoted: the structure ' +
                'always keeps exactly one (LAST_MAIN_MANAGER), the role is handed over instead.',
            parameters: [structure_routes_1.structureIdParam, (0, structure_routes_1.pathParam)('userId', 'The member’s user id.')],
            requestBody: { required: true, content: json(memberChange) },
            responses: {
                '200': { description: 'The member as changed', content: json(structure_schemas_1.memberBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '409': (0, openapi_1.errorResponse)('The main manager would be demoted (LAST_MAIN_MANAGER)'),
                '422': (0, openapi_1.errorResponse)('SERVICE_UNKNOWN'),
            },
        },
        delete: {
            summary: 'Revoke a member (managers; a secondary manager by the main manager)',
            parameters: [structure_routes_1.structureIdParam, (0, structure_routes_1.pathParam)('userId', 'The member’s user id.')],
            responses: {
                '204': { description: 'Revoked' },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '409': (0, openapi_1.errorResponse)('The main manager cannot be revoked before handing the role over (LAST_MAIN_MANAGER)'),
            },
        },
    },
    '/api/v1/structures/{structureId}/principal': {
        post: {
            summary: 'Transfer the main-manager role (the main manager; support appoints one when they left)',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(structure_schemas_1.principalTransfer) },
            responses: {
                '200': { description: 'The members after the transfer', content: json((0, structure_schemas_1.listOf)(structure_schemas_1.memberBody)) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '422': (0, openapi_1.errorResponse)('NOT_A_MEMBER, USER_NOT_FOUND'),
            },
        },
    },
};
//# sourceMappingURL=members.js.map