"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.structuresOpenApi = void 0;
exports.structuresRouter = structuresRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const registry_1 = require("../../structures/registry");
const structures_1 = require("../../structures/structures");
/** A structure with the services it starts with (a public buyer onboarding sets them up at once). */
const structureOnboarding = {
    ...structure_schemas_1.structureCreate,
    properties: {
        ...structure_schemas_1.structureCreate.properties,
        public: {
            type: 'boolean',
            description: 'A public buyer: created by its first user (its main manager), it waits for an operator to verify ' +
                'it; created by an operator, it is verified at once and its main manager is appointed later.',
        },
        services: {
            type: 'array',
            maxItems: 100,
            items: structure_schemas_1.serviceCreate,
            description: 'Services created with the structure, in the same transaction.',
        },
    },
};
const checkCreate = schemas_1.ajv.compile(structureOnboarding);
const checkUpdate = schemas_1.ajv.compile(structure_schemas_1.structureUpdate);
/** The fiche structure: create (the creator becomes main manager; public ones wait for an operator), read, update, list mine. */
function structuresRouter(deps) {
    const { db } = deps;
    const registry = deps.companyRegistry ?? (0, registry_1.dbCompanyRegistry)(db);
    const router = (0, express_1.Router)();
    router.post('/structures', async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const { client, taskQueue } = deps;
        const membership = client && taskQueue ? { client, taskQueue } : undefined;
        const structure = await (0, structures_1.claimStructure)({ db, registry, membership }, caller, (0, structure_routes_1.body)(checkCreate, req));
        res.status(201).location(`/api/v1/structures/${structure.id}`).json(structure);
    });
    router.get('/structures', async (_req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        res.json({ items: await (0, structures_1.listStructuresOf)(db, caller.userId) });
    });
    router.get('/structures/:structureId', async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'member');
        res.json(await (0, structures_1.getStructure)(db, structureId));
    });
    // "identité non vérifiée": an operator confirms it; a member asks the registry again.
    router.post('/structures/:structureId/identity-verification', async (req, res) => {
        const { structureId, caller } = await (0, structure_routes_1.structureCaller)(db, req, res, 'member');
        res.json(await (0, structures_1.verifyIdentity)(db, registry, structureId, caller));
    });
    router.patch('/structures/:structureId', async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.json(await (0, structures_1.updateStructure)(db, structureId, (0, structure_routes_1.body)(checkUpdate, req)));
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
exports.structuresOpenApi = {
    '/api/v1/structures': {
        post: {
            summary: 'Create a structure (with its services); its creator becomes its main manager',
            description: 'A SIRET (spaces and dots allowed, stored as digits) is checked (Luhn, La Poste exception) then looked ' +
                'up in the company registry, which fills the name and address when not given. With no registry ' +
                '(no Sirene key, nothing imported) a SIRET with a valid key is taken and the structure answers ' +
                'identityVerified: false. Any structure not confirmed by the registry or created by an operator waits ' +
                'for an operator (identityVerified: false): it neither deposits nor receives invoices until then. ' +
                'A public structure (a public buyer) declared by a user waits for an operator whatever the registry ' +
                'says; its creator is its main manager. Services given in `services` are created with it; a bad one ' +
                'is refused with its row (body.services.<n>.<field>) and nothing is written.',
            requestBody: { required: true, content: json(structureOnboarding) },
            responses: {
                '201': { description: 'Created', content: json(structure_schemas_1.structureBody) },
                '400': (0, openapi_1.errorResponse)('Input does not match the schema (INVALID_INPUT)'),
                '401': (0, openapi_1.errorResponse)('Not signed in (UNAUTHENTICATED)'),
                '409': (0, openapi_1.errorResponse)('IDENTIFIER_HELD: the identifier (any type label) or its company is held; the claim became a ' +
                    'membership request to the holder (details.membershipRequest), or, the holder being unverified, a case for the support'),
                '422': (0, openapi_1.errorResponse)('SIRET_INVALID, SIRET_UNKNOWN, IDENTIFIER_INVALID, VAT_NUMBER_INVALID, SERVICE_CODE_DUPLICATE, ' +
                    'SERVICE_CODE_RESERVED, SERVICE_DATES_INVALID'),
            },
        },
        get: {
            summary: 'The structures the caller is attached to, with their role',
            responses: {
                '200': { description: 'My structures', content: json((0, structure_schemas_1.listOf)(structure_schemas_1.structureBody)) },
                '401': (0, openapi_1.errorResponse)('Not signed in (UNAUTHENTICATED)'),
            },
        },
    },
    '/api/v1/structures/{structureId}/identity-verification': {
        post: {
            summary: 'Confirm an unverified identity: an operator confirms it, a member asks the registry again',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'The structure, identityVerified: true', content: json(structure_schemas_1.structureBody) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '422': (0, openapi_1.errorResponse)('IDENTITY_NOT_CONFIRMED: the registry does not know the SIRET'),
            },
        },
    },
    '/api/v1/structures/{structureId}': {
        get: {
            summary: 'A structure (members and operators)',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'The structure', content: json(structure_schemas_1.structureBody) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        patch: {
            summary: 'Change general information, recipient parameters or personalisation (managers)',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(structure_schemas_1.structureUpdate) },
            responses: {
                '200': { description: 'The structure as changed', content: json(structure_schemas_1.structureBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '422': (0, openapi_1.errorResponse)('VAT_NUMBER_INVALID'),
            },
        },
    },
};
//# sourceMappingURL=structures.js.map