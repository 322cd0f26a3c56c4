"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applicationsOpenApi = void 0;
exports.applicationsRouter = applicationsRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const applications_1 = require("../../service-mode/applications");
const onboarding_1 = require("../../service-mode/onboarding");
const technical_accounts_1 = require("../../service-mode/technical-accounts");
const technicalAccountBody = {
    type: 'object',
    properties: {
        password: {
            type: 'string',
            minLength: 12,
            maxLength: 200,
            description: 'The password to set; omitted: one is generated and answered once.',
        },
    },
    additionalProperties: false,
};
const applicationBody = {
    type: 'object',
    required: ['name'],
    properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        kind: { type: 'string', enum: ['API', 'EDI'], default: 'API', description: 'The connection requested.' },
    },
    additionalProperties: false,
};
const scenarioBody = {
    type: 'object',
    required: ['requiredDeposits'],
    properties: {
        requiredDeposits: {
            type: 'integer',
            minimum: 1,
            maximum: 1000,
            description: 'Accepted qualification deposits needed before production may be approved.',
        },
    },
    additionalProperties: false,
};
const checkScenario = schemas_1.ajv.compile(scenarioBody);
const checkTechnicalAccount = schemas_1.ajv.compile(technicalAccountBody);
const checkApplication = schemas_1.ajv.compile(applicationBody);
/**
 * Service mode, managed from the native API: a structure's technical account (main manager) and its
 * API applications with their connection onboarding (managers; operators approve production).
 */
function applicationsRouter(deps) {
    const { db } = deps;
    const router = (0, express_1.Router)();
    router.get('/structures/:structureId/technical-account', async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.json(await (0, technical_accounts_1.getTechnicalAccount)(db, structureId));
    });
    router.put('/structures/:structureId/technical-account', async (req, res) => {
        const { structureId, caller } = await (0, structure_routes_1.structureCaller)(db, req, res, 'principal');
        const { password } = (0, structure_routes_1.body)(checkTechnicalAccount, req);
        res.json(await (0, technical_accounts_1.setTechnicalAccount)(deps, structureId, caller.userId, password));
    });
    router.get('/structures/:structureId/api-applications', async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.json({ items: await (0, applications_1.listApplications)(db, structureId) });
    });
    router.post('/structures/:structureId/api-applications', async (req, res) => {
        const { structureId, caller } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res
            .status(201)
            .json(await (0, applications_1.registerApplication)(deps, structureId, caller.userId, (0, structure_routes_1.body)(checkApplication, req)));
    });
    router.get('/api-applications/:applicationId', async (req, res) => {
        const app = await (0, applications_1.applicationFor)(db, (0, auth_1.requireCaller)(res), req.params.applicationId);
        res.json(await (0, onboarding_1.withOnboarding)(deps, app));
    });
    router.delete('/api-applications/:applicationId', async (req, res) => {
        const app = await (0, applications_1.applicationFor)(db, (0, auth_1.requireCaller)(res), req.params.applicationId);
        await (0, applications_1.revokeApplication)(deps, app.id);
        res.status(204).end();
    });
    router.post('/api-applications/:applicationId/approval', async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const app = await (0, applications_1.applicationFor)(db, caller, req.params.applicationId);
        const state = await (0, onboarding_1.approveApplication)(deps, caller, app);
        res.json({ ...app, mode: state.status, raccordement: state });
    });
    router.put('/api-applications/:applicationId/qualification', async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const app = await (0, applications_1.applicationFor)(db, caller, req.params.applicationId);
        (0, onboarding_1.requireScenarioOperator)(caller);
        const { requiredDeposits } = (0, structure_routes_1.body)(checkScenario, req);
        await (0, onboarding_1.setQualificationScenario)(deps, caller, app, requiredDeposits);
        res.json(await (0, onboarding_1.withOnboarding)(deps, app));
    });
    router.get('/raccordements', async (req, res) => {
        const mode = typeof req.query.mode === 'string' ? req.query.mode : undefined;
        res.json({ items: await (0, applications_1.listOnboardings)(db, (0, auth_1.requireCaller)(res), mode) });
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
const applicationSchema = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        structureId: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string', enum: ['API', 'EDI'] },
        clientId: { type: 'string' },
        clientSecret: { type: 'string', description: 'Only in the answer to the registration.' },
        mode: { type: 'string', enum: ['QUALIFICATION', 'QUALIFIEE', 'PRODUCTION', 'REVOKED'] },
        acceptedDeposits: { type: 'integer' },
        rejectedDeposits: { type: 'integer' },
        requiredDeposits: { type: 'integer' },
    },
};
const technicalAccountSchema = {
    type: 'object',
    properties: {
        login: { type: 'string', description: 'TECH_1_<random>@<domain>' },
        password: { type: 'string', description: 'Only when generated, in this answer only.' },
        passwordSetAt: { type: 'string', format: 'date-time' },
        passwordExpiresAt: { type: 'string', format: 'date-time', description: '424 days after setting it' },
        expired: { type: 'boolean' },
    },
};
const applicationIdParam = (0, structure_routes_1.pathParam)('applicationId', 'The application’s id.');
exports.applicationsOpenApi = {
    '/api/v1/structures/{structureId}/technical-account': {
        get: {
            summary: 'The structure’s technical account for the Service API (managers): login and password expiry',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'The account', content: json(technicalAccountSchema) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        put: {
            summary: 'Create the technical account or reset its password (main manager); valid 424 days, reminders 15 and 1 days before',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: false, content: json(technicalAccountBody) },
            responses: {
                '200': {
                    description: 'The account (with the generated password, once)',
                    content: json(technicalAccountSchema),
                },
                '400': (0, openapi_1.errorResponse)('Password too weak (PASSWORD_WEAK)'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
    },
    '/api/v1/structures/{structureId}/api-applications': {
        get: {
            summary: 'The structure’s API applications and their connection state (managers)',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'items', content: json({ type: 'object' }) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        post: {
            summary: 'Register an application (client_id, client_secret shown once) and request its connection: it starts in qualification',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(applicationBody) },
            responses: {
                '201': { description: 'Registered', content: json(applicationSchema) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
    },
    '/api/v1/api-applications/{applicationId}': {
        get: {
            summary: 'An application with its onboarding (raccordement) state, for its managers and operators',
            parameters: [applicationIdParam],
            responses: {
                '200': { description: 'The application', content: json(applicationSchema) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        delete: {
            summary: 'Revoke the application (managers): its tokens stop working at once',
            parameters: [applicationIdParam],
            responses: { '204': { description: 'Revoked' }, ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse) },
        },
    },
    '/api/v1/api-applications/{applicationId}/approval': {
        post: {
            summary: 'An operator moves a qualified application to production',
            parameters: [applicationIdParam],
            responses: {
                '200': { description: 'In production', content: json(applicationSchema) },
                '403': (0, openapi_1.errorResponse)('Not an operator (OPERATOR_REQUIRED)'),
                '409': (0, openapi_1.errorResponse)('Qualification scenario not passed (NOT_QUALIFIED)'),
            },
        },
    },
    '/api/v1/api-applications/{applicationId}/qualification': {
        put: {
            summary: 'Operators: how many accepted deposits the application’s qualification scenario needs',
            parameters: [applicationIdParam],
            requestBody: { required: true, content: json(scenarioBody) },
            responses: {
                '200': { description: 'The application and its onboarding', content: json(applicationSchema) },
                '403': (0, openapi_1.errorResponse)('Not an operator (OPERATOR_REQUIRED)'),
                '409': (0, openapi_1.errorResponse)('Not in qualification any more (NOT_IN_QUALIFICATION)'),
            },
        },
    },
    '/api/v1/raccordements': {
        get: {
            summary: 'Operators: every application by onboarding state (?mode=QUALIFIEE for those awaiting approval)',
            parameters: [{ name: 'mode', in: 'query', required: false, schema: applicationSchema.properties.mode }],
            responses: {
                '200': { description: 'items', content: json({ type: 'object' }) },
                '403': (0, openapi_1.errorResponse)('Not an operator'),
            },
        },
    },
};
//# sourceMappingURL=service-mode.js.map