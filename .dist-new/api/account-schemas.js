"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkCredentials = exports.checkEmailOnly = exports.checkLinkUse = exports.checkRegistration = exports.sessionBody = exports.accountBody = exports.credentials = exports.emailOnly = exports.linkUse = exports.registration = void 0;
const schemas_1 = require("./schemas");
/** JSON Schemas of the account and session endpoints: they check input and document it. */
const email = { type: 'string', format: 'email', maxLength: 254 };
const password = {
    type: 'string',
    maxLength: 256,
    description: 'At least 12 characters (checked apart, answering PASSWORD_WEAK).',
};
const token = {
    type: 'string',
    minLength: 1,
    maxLength: 200,
    description: 'The token of the emailed link.',
};
exports.registration = {
    type: 'object',
    properties: {
        email: { ...email, description: 'The login.' },
        firstName: { type: 'string', minLength: 1, maxLength: 100 },
        lastName: { type: 'string', minLength: 1, maxLength: 100 },
        phone: { type: 'string', pattern: '^\\+?[0-9 .()-]{6,25}$' },
        contactEmail: { ...email, description: 'Where emails go; defaults to the login.' },
        acceptTerms: { const: true, description: 'The terms of use must be accepted.' },
        siret: {
            type: 'string',
            // As people type it: "412 345 678 00012" or "412.345.678.00012"; stored as its 14 digits.
            pattern: '^\\s*([0-9][ .\u00a0\u202f]*){14}$',
            description: 'SIRET of the company (optional); spaces and dots are accepted and dropped.',
        },
    },
    required: ['email', 'firstName', 'lastName', 'acceptTerms'],
    additionalProperties: false,
};
exports.linkUse = {
    type: 'object',
    properties: { email, token, password },
    required: ['email', 'token', 'password'],
    additionalProperties: false,
};
exports.emailOnly = {
    type: 'object',
    properties: { email },
    required: ['email'],
    additionalProperties: false,
};
exports.credentials = {
    type: 'object',
    properties: { email, password: { type: 'string', maxLength: 256 } },
    required: ['email', 'password'],
    additionalProperties: false,
};
exports.accountBody = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        email: { type: 'string' },
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        phone: { type: 'string' },
        contactEmail: { type: 'string' },
        siret: { type: 'string' },
        status: { type: 'string', enum: ['PENDING', 'ACTIVE'] },
        operator: { type: 'boolean' },
    },
    required: ['id', 'email', 'status', 'operator'],
};
exports.sessionBody = {
    type: 'object',
    properties: {
        token: { type: 'string', description: 'Bearer token for API clients (Authorization: Bearer ...).' },
        csrfToken: {
            type: 'string',
            description: 'Send as X-CSRF-Token with unsafe requests authenticated by the session cookie.',
        },
        expiresAt: { type: 'string', format: 'date-time' },
        account: exports.accountBody,
    },
    required: ['expiresAt', 'account'],
};
exports.checkRegistration = schemas_1.ajv.compile(exports.registration);
exports.checkLinkUse = schemas_1.ajv.compile(exports.linkUse);
exports.checkEmailOnly = schemas_1.ajv.compile(exports.emailOnly);
exports.checkCredentials = schemas_1.ajv.compile(exports.credentials);
//# sourceMappingURL=account-schemas.js.map