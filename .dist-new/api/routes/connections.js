"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.connectionsOpenApi = void 0;
exports.connectionsRouter = connectionsRouter;
const express_1 = require("express");
const domain_error_1 = require("../../platform/domain-error");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const auth_1 = require("../auth");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const connections_1 = require("../../connectors/connections");
const records_1 = require("../../connectors/records");
const manage_1 = require("../../connectors/manage");
const connectionCreate = {
    type: 'object',
    properties: {
        connectorId: { type: 'string', minLength: 1, maxLength: 100 },
        label: { type: 'string', maxLength: 200, nullable: true },
        config: {
            type: 'object',
            nullable: true,
            description: 'Settings, checked against the connector’s configSchema.',
        },
        credentials: {
            type: 'object',
            description: 'Checked against credentialsSchema, tried on the ERP, stored encrypted.',
        },
        syncIntervalMinutes: { type: 'integer', minimum: 1, maximum: 1440, nullable: true },
    },
    required: ['connectorId', 'credentials'],
    additionalProperties: false,
};
const checkCreate = schemas_1.ajv.compile(connectionCreate);
const connectionBody = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        structureId: { type: 'string' },
        connectorId: { type: 'string' },
        label: { type: 'string' },
        config: { type: 'object' },
        status: { type: 'string', enum: ['ACTIVE', 'PAUSED', 'ERROR'] },
        error: { type: 'string' },
        syncIntervalMinutes: { type: 'integer' },
        lastReport: {
            type: 'object',
            description: 'What the last sync did: pages, imported, alreadyKnown, failed[], statusesPushed.',
        },
        createdAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'structureId', 'connectorId', 'status', 'syncIntervalMinutes', 'createdAt'],
};
const recordProblemBody = {
    type: 'object',
    properties: {
        externalId: { type: 'string', description: 'The ERP’s id of the record.' },
        kind: { type: 'string', enum: ['IMPORT', 'REJETEE'] },
        code: { type: 'string', description: 'The refusal code, or the platform rule that rejected it.' },
        message: { type: 'string', description: 'Why, in French.' },
        at: { type: 'string', format: 'date-time' },
        invoiceId: { type: 'string' },
        number: { type: 'string' },
    },
    required: ['externalId', 'kind', 'code', 'message', 'at'],
};
/**
 * A structure's ERP connections (its "Applications"): any member may add and run one; credentials
 * go in and never come out. The webhook endpoint is reached by the ERP, with the connection's token.
 */
function connectionsRouter(deps) {
    const router = (0, express_1.Router)();
    const manage = () => {
        if (!deps.connectors)
            throw new domain_error_1.DomainError('CONNECTORS_NOT_CONFIGURED', 'This API process runs without ERP connectors.');
        return { db: deps.db, client: deps.client, taskQueue: deps.taskQueue, runtime: deps.connectors };
    };
    /** The connection, after checking the caller is a member of its structure. */
    const connectionOf = (req, res) => (0, connections_1.memberConnection)(deps.db, (0, auth_1.requireCaller)(res), req.params.connectionId);
    router.get('/structures/:structureId/connections', async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(deps.db, req, res, 'member');
        res.json({ items: await (0, connections_1.listConnections)(deps.db, structureId) });
    });
    router.post('/structures/:structureId/connections', async (req, res) => {
        const { structureId, caller } = await (0, structure_routes_1.structureCaller)(deps.db, req, res, 'member');
        const { connection, webhookToken } = await (0, manage_1.createConnection)(manage(), structureId, caller.userId, (0, structure_routes_1.body)(checkCreate, req));
        res.status(201).json({
            ...connection,
            // Shown once: the ERP must send it back on each webhook call.
            ...(webhookToken && {
                webhook: { url: `/api/v1/connections/${connection.id}/webhook`, token: webhookToken },
            }),
        });
    });
    router.get('/connections/:connectionId', async (req, res) => {
        res.json(await connectionOf(req, res));
    });
    router.post('/connections/:connectionId/test', async (req, res) => {
        const connection = await connectionOf(req, res);
        res.json({ ok: true, ...(await (0, manage_1.testStoredConnection)(manage(), connection.id)) });
    });
    router.post('/connections/:connectionId/pause', async (req, res) => {
        const connection = await connectionOf(req, res);
        await (0, manage_1.pauseConnection)(manage(), connection.id);
        res.json(await (0, connections_1.findConnection)(deps.db, connection.id));
    });
    router.post('/connections/:connectionId/resume', async (req, res) => {
        const connection = await connectionOf(req, res);
        await (0, manage_1.resumeConnection)(manage(), connection.id);
        res.json(await (0, connections_1.findConnection)(deps.db, connection.id));
    });
    router.post('/connections/:connectionId/sync', async (req, res) => {
        const connection = await connectionOf(req, res);
        await (0, manage_1.requestSync)(manage(), connection.id, 'manual');
        res.status(202).json({ requested: true });
    });
    router.get('/connections/:connectionId/records', async (req, res) => {
        const connection = await connectionOf(req, res);
        res.json({ items: await (0, records_1.recordProblems)(deps.db, connection.id) });
    });
    router.post('/connections/:connectionId/records/:externalId/retry', async (req, res) => {
        const connection = await connectionOf(req, res);
        const record = await (0, records_1.problemRecord)(deps.db, connection.id, req.params.externalId);
        await (0, manage_1.requestRecordRetry)(manage(), connection.id, record.externalId);
        res.status(202).json({ requested: true });
    });
    router.delete('/connections/:connectionId', async (req, res) => {
        const connection = await connectionOf(req, res);
        await (0, manage_1.deleteConnection)(manage(), connection.id);
        res.status(204).end();
    });
    router.post('/connections/:connectionId/webhook', async (req, res) => {
        const accepted = await (0, manage_1.acceptWebhook)(deps, req.params.connectionId, String(req.headers['x-webhook-token'] ?? ''));
        res.status(202).json({ accepted });
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
const connectionIdParam = (0, structure_routes_1.pathParam)('connectionId', 'The connection’s id.');
const one = (summary, extra = {}) => ({
    summary,
    parameters: [connectionIdParam],
    responses: {
        '200': { description: 'The connection', content: json(connectionBody) },
        ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
        ...extra,
    },
});
exports.connectionsOpenApi = {
    '/api/v1/structures/{structureId}/connections': {
        get: {
            summary: 'The structure’s ERP connections (members); never their credentials',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'Connections', content: json((0, structure_schemas_1.listOf)(connectionBody)) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        post: {
            summary: 'Add an ERP connection (members): credentials tried on the ERP before anything is saved',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(connectionCreate) },
            responses: {
                '201': {
                    description: 'Created, its sync workflow and schedule started',
                    content: json(connectionBody),
                },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT (details.field names the setting or credential)'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '422': (0, openapi_1.errorResponse)('CONNECTOR_CREDENTIALS_REJECTED'),
                '502': (0, openapi_1.errorResponse)('CONNECTOR_UNREACHABLE'),
            },
        },
    },
    '/api/v1/connections/{connectionId}': {
        get: one('A connection with its last sync report'),
        delete: {
            summary: 'Delete a connection: schedule and workflow stopped, credentials erased',
            parameters: [connectionIdParam],
            responses: { '204': { description: 'Deleted' }, ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse) },
        },
    },
    '/api/v1/connections/{connectionId}/test': {
        post: {
            summary: 'Try the stored credentials on the ERP',
            parameters: [connectionIdParam],
            responses: {
                '200': {
                    description: 'Accepted by the ERP',
                    content: json({
                        type: 'object',
                        properties: { ok: { type: 'boolean' }, account: { type: 'string' } },
                    }),
                },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '422': (0, openapi_1.errorResponse)('CONNECTOR_CREDENTIALS_REJECTED'),
                '502': (0, openapi_1.errorResponse)('CONNECTOR_UNREACHABLE'),
            },
        },
    },
    '/api/v1/connections/{connectionId}/pause': { post: one('Pause the connection’s schedule') },
    '/api/v1/connections/{connectionId}/resume': {
        post: one('Resume the schedule, clear an error and sync now'),
    },
    '/api/v1/connections/{connectionId}/sync': {
        post: {
            summary: 'Sync now',
            parameters: [connectionIdParam],
            responses: { '202': { description: 'Requested' }, ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse) },
        },
    },
    '/api/v1/connections/{connectionId}/records': {
        get: {
            summary: 'The ERP records that did not reach their buyer: not filed (IMPORT) or rejected by the platform (REJETEE)',
            parameters: [connectionIdParam],
            responses: {
                '200': {
                    description: 'Records in error, most recent first',
                    content: json((0, structure_schemas_1.listOf)(recordProblemBody)),
                },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
    },
    '/api/v1/connections/{connectionId}/records/{externalId}/retry': {
        post: {
            summary: 'File the record again, read afresh from the ERP, within the connection’s sync (never filed twice)',
            parameters: [connectionIdParam, (0, structure_routes_1.pathParam)('externalId', 'The ERP’s id of the record.')],
            responses: {
                '202': { description: 'Requested' },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '404': (0, openapi_1.errorResponse)('CONNECTION_NOT_FOUND, CONNECTION_RECORD_NOT_FOUND'),
            },
        },
    },
    '/api/v1/connections/{connectionId}/webhook': {
        post: {
            summary: 'The ERP’s change notification (header X-Webhook-Token, given once at creation)',
            parameters: [connectionIdParam],
            responses: {
                '202': { description: 'A sync is requested' },
                '404': (0, openapi_1.errorResponse)('CONNECTION_NOT_FOUND'),
            },
        },
    },
};
//# sourceMappingURL=connections.js.map