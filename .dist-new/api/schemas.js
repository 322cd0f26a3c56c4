"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.healthBody = exports.invoiceDetail = exports.depositAccepted = exports.errorBody = exports.depositQuery = exports.DEPOSIT_MODES = exports.ajv = void 0;
exports.check = check;
const ajv_1 = __importDefault(require("ajv"));
const ajv_formats_1 = __importDefault(require("ajv-formats"));
const domain_error_1 = require("../platform/domain-error");
/**
 * The JSON Schemas that check every input, and that the OpenAPI document is generated from, so the
 * documentation cannot drift from what the API accepts.
 */
exports.ajv = (0, ajv_formats_1.default)(new ajv_1.default({ allErrors: true, coerceTypes: false, useDefaults: true, strict: true }));
exports.DEPOSIT_MODES = [
    'UPLOAD_API',
    'UPLOAD_PORTAIL',
    'EDI',
    'DEPOT_PDF_API',
    'DEPOT_PDF_PORTAIL',
];
exports.depositQuery = {
    type: 'object',
    properties: {
        modeDepot: {
            type: 'string',
            enum: [...exports.DEPOSIT_MODES],
            default: 'UPLOAD_API',
            description: 'How the invoice was deposited.',
        },
    },
    required: ['modeDepot'],
    additionalProperties: false,
};
exports.errorBody = {
    type: 'object',
    properties: {
        error: {
            type: 'object',
            properties: {
                code: { type: 'string', description: 'Stable machine-readable code, e.g. INVALID_INPUT.' },
                message: { type: 'string' },
                details: {},
                requestId: { type: 'string' },
            },
            required: ['code', 'message'],
        },
    },
    required: ['error'],
};
exports.depositAccepted = {
    type: 'object',
    properties: {
        id: { type: 'string', description: 'invoice/<supplier id>/<year>/<number>, also the workflow id.' },
        created: { type: 'boolean', description: 'false when the same file had already been deposited.' },
        links: { type: 'object', properties: { self: { type: 'string' } } },
    },
    required: ['id', 'created'],
};
const findingSchema = {
    type: 'object',
    properties: {
        rule: { type: 'string' },
        severity: { type: 'string', enum: ['fatal', 'warning'] },
        message: { type: 'string' },
        location: { type: 'string' },
    },
    required: ['rule', 'severity', 'message'],
};
exports.invoiceDetail = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        number: { type: 'string' },
        status: { type: 'string', description: 'statutFacture, e.g. DEPOSEE, MISE_A_DISPOSITION, REJETEE.' },
        statusAt: { type: 'string', format: 'date-time' },
        depositedAt: { type: 'string', format: 'date-time' },
        supplier: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
        recipient: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
        issueDate: { type: 'string' },
        currency: { type: 'string' },
        totals: {
            type: 'object',
            properties: {
                withoutVat: { type: 'string' },
                vat: { type: 'string' },
                withVat: { type: 'string' },
                amountDue: { type: 'string' },
            },
        },
        history: {
            type: 'array',
            items: {
                type: 'object',
                properties: {
                    status: { type: 'string' },
                    at: { type: 'string', format: 'date-time' },
                    actor: { type: 'string' },
                    comment: { type: 'string' },
                    reasons: { type: 'array', items: findingSchema },
                },
                required: ['status', 'at'],
            },
        },
    },
    required: ['id', 'status', 'history'],
};
exports.healthBody = {
    type: 'object',
    properties: {
        status: { type: 'string', enum: ['ok', 'degraded'] },
        checks: {
            type: 'object',
            properties: {
                database: { type: 'string' },
                temporal: { type: 'string' },
            },
        },
    },
    required: ['status', 'checks'],
};
/** Checks input against a compiled schema; a failure names the offending field. */
function check(validate, data, where) {
    if (validate(data))
        return data;
    const errors = (validate.errors ?? []).map((e) => describe(e, where));
    throw new domain_error_1.DomainError('INVALID_INPUT', errors.map((e) => e.message).join('; '), { errors });
}
function describe(e, where) {
    const missing = e.keyword === 'required' ? `/${e.params.missingProperty}` : '';
    const extra = e.keyword === 'additionalProperties'
        ? `/${e.params.additionalProperty}`
        : '';
    const field = `${where}${(e.instancePath + missing + extra).replace(/\//g, '.')}`;
    const allowed = e.keyword === 'enum' ? ` (${e.params.allowedValues.join(', ')})` : '';
    return { field, message: `${field} ${e.message}${allowed}` };
}
//# sourceMappingURL=schemas.js.map