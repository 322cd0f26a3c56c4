"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cproOpenApiDocument = cproOpenApiDocument;
const wire_1 = require("./wire");
const catalogue_1 = require("./catalogue");
const refusal = {
    type: 'object',
    required: ['codeRetour', 'libelle'],
    properties: {
        codeRetour: { type: 'integer', enum: Object.values(wire_1.CODES).filter((c) => c !== 0) },
        libelle: { type: 'string' },
        erreur: {
            type: 'object',
            properties: {
                champ: { type: 'string', description: 'The offending field' },
                code: { type: 'string', description: 'The native API error code, when a shared service refused' },
                requestId: { type: 'string' },
            },
        },
    },
};
const refused = { 'application/json': { schema: { $ref: '#/components/schemas/Refus' } } };
const refusals = {
    '400': { description: 'Refused: non-zero codeRetour', content: refused },
    '401': { description: 'Bearer token (10) or cpro-account (11, 12 expired) refused', content: refused },
    '403': { description: 'The technical account’s structure is not the application’s (13)', content: refused },
};
/** `consulter/historique` in group `factures` → `factures_consulter_historique`. */
const operationId = (group, path) => `${group}${path}`.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, '');
/** One operation of the catalogue as OpenAPI describes it: the schemas the router checks and answers. */
function pathItem(group, op) {
    return {
        [op.method ?? 'post']: {
            operationId: operationId(group.name, op.path),
            tags: [group.name],
            summary: op.summary,
            security: [{ oauth2: [], cproAccount: [] }],
            ...(op.request && {
                requestBody: { required: true, content: { 'application/json': { schema: op.request } } },
            }),
            responses: {
                '200': {
                    description: op.bare ? 'The service answers' : 'Success (codeRetour 0)',
                    content: { 'application/json': { schema: op.answer } },
                },
                ...refusals,
            },
        },
    };
}
/** The OpenAPI document of the /cpro surface (separate from /api/openapi.json). */
function cproOpenApiDocument() {
    return {
        openapi: '3.1.0',
        info: {
            title: 'facturflow — Service mode (API of the State platform)',
            version: '1.0.0',
            description: DESCRIPTION,
        },
        components: COMPONENTS,
        paths: {
            '/api/oauth/token': OAUTH_TOKEN,
            ...Object.fromEntries((0, catalogue_1.cproCatalogue)().flatMap((group) => group.operations.map((op) => [`/cpro/${group.name}/v1${op.path}`, pathItem(group, op)]))),
        },
    };
}
const DESCRIPTION = 'Wire-compatible with the State platform’s API: every call carries an OAuth2 bearer token (POST /api/oauth/token, ' +
    'client_credentials) and the header cpro-account: base64(login:password) of a technical account of a structure the ' +
    'application belongs to. Every answer has codeRetour (0 = success) and libelle. Codes: ' +
    Object.entries(wire_1.CODES)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') +
    '. An application in qualification has its deposits checked and reported, never delivered.';
const COMPONENTS = {
    schemas: { Refus: refusal },
    securitySchemes: {
        oauth2: {
            type: 'oauth2',
            flows: { clientCredentials: { tokenUrl: '/api/oauth/token', scopes: { openid: 'API access' } } },
        },
        cproAccount: {
            type: 'apiKey',
            in: 'header',
            name: 'cpro-account',
            description: 'base64(login:password) of a technical account',
        },
    },
};
const OAUTH_TOKEN = {
    post: {
        summary: 'OAuth2 client credentials: {access_token, token_type: Bearer, expires_in: 3600, scope}',
        requestBody: {
            required: true,
            content: {
                'application/x-www-form-urlencoded': {
                    schema: {
                        type: 'object',
                        required: ['grant_type'],
                        properties: {
                            grant_type: { type: 'string', enum: ['client_credentials'] },
                            client_id: { type: 'string' },
                            client_secret: { type: 'string' },
                            scope: { type: 'string' },
                        },
                    },
                },
            },
        },
        responses: {
            '200': { description: 'The access token' },
            '400': { description: 'invalid_request, unsupported_grant_type, invalid_scope' },
            '401': { description: 'invalid_client' },
        },
    },
};
//# sourceMappingURL=openapi.js.map