"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.servicesOpenApi = void 0;
exports.servicesRouter = servicesRouter;
const express_1 = require("express");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const access_1 = require("../../structures/access");
const services_1 = require("../../structures/services");
const structures_1 = require("../../structures/structures");
const checkCreate = schemas_1.ajv.compile(structure_schemas_1.serviceCreate);
const checkUpdate = schemas_1.ajv.compile(structure_schemas_1.serviceUpdate);
/**
 * A structure's services: members see those they act for, managers change them. Non-members read the
 * active ones from the directory (structure-directory), which shows no more than code and name.
 */
function servicesRouter({ db }) {
    const router = (0, express_1.Router)();
    const base = '/structures/:structureId/services';
    router.get(base, async (req, res) => {
        const { structureId, membership, caller } = await (0, structure_routes_1.structureCaller)(db, req, res, 'member');
        const services = await (0, services_1.listServices)(db, structureId);
        res.json({ items: services.filter((s) => caller.operator || (0, access_1.seesService)(membership, s.code)) });
    });
    router.post(base, async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        const structure = (await (0, structures_1.getStructure)(db, structureId));
        res.status(201).json(await (0, services_1.createService)(db, structure, (0, structure_routes_1.body)(checkCreate, req)));
    });
    router.patch(`${base}/:code`, async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.json(await (0, services_1.updateService)(db, structureId, req.params.code, (0, structure_routes_1.body)(checkUpdate, req)));
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
exports.servicesOpenApi = {
    '/api/v1/structures/{structureId}/services': {
        get: {
            summary: 'The structure’s services (members: those they are attached to). Anyone else, e.g. a supplier ' +
                'choosing a code service, finds the active ones in GET /api/v1/structure-directory',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'Services', content: json((0, structure_schemas_1.listOf)(structure_schemas_1.serviceBody)) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        post: {
            summary: 'Add a service (managers)',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(structure_schemas_1.serviceCreate) },
            responses: {
                '201': { description: 'Added', content: json(structure_schemas_1.serviceBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '409': (0, openapi_1.errorResponse)('SERVICE_EXISTS'),
                '422': (0, openapi_1.errorResponse)('SERVICE_CODE_RESERVED, SERVICE_DATES_INVALID'),
            },
        },
    },
    '/api/v1/structures/{structureId}/services/{code}': {
        patch: {
            summary: 'Change a service: name, active, validity dates, engagement number required (managers)',
            parameters: [structure_routes_1.structureIdParam, (0, structure_routes_1.pathParam)('code', 'The service code.')],
            requestBody: { required: true, content: json(structure_schemas_1.serviceUpdate) },
            responses: {
                '200': { description: 'The service as changed', content: json(structure_schemas_1.serviceBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '422': (0, openapi_1.errorResponse)('SERVICE_DATES_INVALID'),
            },
        },
    },
};
//# sourceMappingURL=services.js.map