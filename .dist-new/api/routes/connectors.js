"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.connectorsOpenApi = void 0;
exports.connectorsRouter = connectorsRouter;
const express_1 = require("express");
const structure_schemas_1 = require("../structure-schemas");
const settings_1 = require("../../connectors/settings");
const settingBody = {
    type: 'object',
    properties: {
        key: { type: 'string', description: 'The property of configSchema or credentialsSchema.' },
        part: { type: 'string', enum: ['config', 'credentials'] },
        label: { type: 'string', description: 'French label.' },
        help: { type: 'string', description: 'French help text.' },
        type: { type: 'string', enum: ['text', 'secret', 'url', 'number'] },
        required: { type: 'boolean' },
        default: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    },
    required: ['key', 'part', 'label', 'type', 'required'],
};
const connectorBody = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        version: { type: 'string' },
        capabilities: { type: 'array', items: { type: 'string' } },
        retry: { type: 'object' },
        rateLimit: { type: 'object' },
        configSchema: { type: 'object', description: 'JSON Schema of the connection settings.' },
        credentialsSchema: { type: 'object', description: 'JSON Schema of the credentials (stored encrypted).' },
        settings: {
            type: 'array',
            items: settingBody,
            description: 'The fields of the form that adds a connection, as the connector declares them.',
        },
    },
    required: ['id', 'name', 'version', 'capabilities', 'configSchema', 'credentialsSchema', 'settings'],
};
/** The connectors this installation offers, with the fields (and schemas) a form needs to add a connection. */
function connectorsRouter({ connectors }) {
    const router = (0, express_1.Router)();
    router.get('/connectors', (_req, res) => {
        res.json({
            items: (connectors?.registry.list() ?? []).map((c) => ({
                ...c.manifest,
                configSchema: c.configSchema,
                credentialsSchema: c.credentialsSchema,
                settings: (0, settings_1.settingsOf)(c),
            })),
        });
    });
    return router;
}
exports.connectorsOpenApi = {
    '/api/v1/connectors': {
        get: {
            summary: 'ERP connectors available (built-in and installed facturflow-connector-* packages)',
            responses: {
                '200': {
                    description: 'Connectors',
                    content: { 'application/json': { schema: (0, structure_schemas_1.listOf)(connectorBody) } },
                },
            },
        },
    },
};
//# sourceMappingURL=connectors.js.map