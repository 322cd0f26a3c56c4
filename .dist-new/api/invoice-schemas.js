"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORMAT_PARAM = exports.listingQuery = exports.SORTS = exports.recyclingBody = exports.completionBody = exports.statusChangeBody = exports.lifecycleDepositQuery = exports.queryAjv = void 0;
const ajv_1 = __importDefault(require("ajv"));
const ajv_formats_1 = __importDefault(require("ajv-formats"));
const transitions_1 = require("../invoicing/lifecycle/transitions");
const renditions_1 = require("../invoicing/lifecycle/renditions");
const cadres_1 = require("../invoice/platform-rules/cadres");
const schemas_1 = require("./schemas");
const read_model_1 = require("../invoicing/read-model");
/** Query strings arrive as text: this instance coerces numbers, unlike the body checker. */
exports.queryAjv = (0, ajv_formats_1.default)(new ajv_1.default({ allErrors: true, coerceTypes: true, useDefaults: true, strict: true }));
exports.lifecycleDepositQuery = {
    type: 'object',
    properties: {
        modeDepot: {
            type: 'string',
            enum: [...schemas_1.DEPOSIT_MODES],
            default: 'UPLOAD_API',
            description: 'How the invoice was deposited.',
        },
        cadreFacturation: {
            type: 'string',
            enum: [...cadres_1.CADRES_DE_FACTURATION],
            nullable: true,
            description: 'Cadre de facturation; A9 and A12 invoices first go to the validator.',
        },
        identifiantValideur: {
            type: 'string',
            minLength: 1,
            maxLength: 80,
            nullable: true,
            description: 'Identifier of the validator structure (main contractor) of an A9 / A12 invoice.',
        },
    },
    required: ['modeDepot'],
    additionalProperties: false,
};
exports.statusChangeBody = {
    type: 'object',
    properties: {
        status: { type: 'string', enum: [...transitions_1.STATUSES], description: 'nouveauStatut' },
        reason: {
            type: 'string',
            maxLength: 1000,
            nullable: true,
            description: 'motif (SUSPENDUE, REJETEE, A_RECYCLER, REFUSEE_1)',
        },
        comment: { type: 'string', maxLength: 2000, nullable: true },
        mandateNumber: {
            type: 'string',
            maxLength: 100,
            nullable: true,
            description: 'numeroDPMandat (MANDATEE)',
        },
    },
    required: ['status'],
    additionalProperties: false,
};
exports.completionBody = {
    type: 'object',
    properties: {
        comment: { type: 'string', maxLength: 2000, nullable: true },
        attachments: {
            type: 'array',
            items: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            maxItems: 100,
            default: [],
            description: 'SHA-256 of files already uploaded to the blob store.',
        },
    },
    required: ['attachments'],
    additionalProperties: false,
};
exports.recyclingBody = {
    type: 'object',
    properties: {
        recipientId: { type: 'string', minLength: 1, maxLength: 80, nullable: true },
        serviceCode: { type: 'string', minLength: 1, maxLength: 100, nullable: true },
        engagementNumber: { type: 'string', minLength: 1, maxLength: 50, nullable: true },
        comment: { type: 'string', maxLength: 2000, nullable: true },
    },
    additionalProperties: false,
};
exports.SORTS = read_model_1.LISTING_SORTS;
const decimal = { type: 'string', pattern: '^-?\\d{1,15}(\\.\\d{1,4})?$', nullable: true };
exports.listingQuery = {
    type: 'object',
    properties: {
        status: { type: 'string', enum: [...transitions_1.STATUSES], nullable: true, description: 'statutFacture' },
        from: {
            type: 'string',
            format: 'date',
            nullable: true,
            description: 'Deposited on or after (YYYY-MM-DD).',
        },
        to: {
            type: 'string',
            format: 'date',
            nullable: true,
            description: 'Deposited on or before (YYYY-MM-DD).',
        },
        minAmount: { ...decimal, description: 'Total with VAT at least.' },
        maxAmount: { ...decimal, description: 'Total with VAT at most.' },
        counterpart: {
            type: 'string',
            maxLength: 200,
            nullable: true,
            description: 'Identifier or part of the name of the other party.',
        },
        number: { type: 'string', maxLength: 100, nullable: true, description: 'Invoice number (exact).' },
        cadre: { type: 'string', enum: [...cadres_1.CADRES_DE_FACTURATION], nullable: true },
        page: { type: 'integer', minimum: 1, default: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
        sort: { type: 'string', enum: [...exports.SORTS], default: '-depositedAt' },
        format: {
            type: 'string',
            enum: ['json', 'csv', 'csv-international'],
            default: 'json',
            description: 'csv: every matching row for a French spreadsheet (`;`, BOM, dd/mm/yyyy, decimal comma); csv-international: `,`, ISO dates, API field names.',
        },
    },
    required: ['page', 'pageSize', 'sort', 'format'],
    additionalProperties: false,
};
exports.FORMAT_PARAM = { type: 'string', enum: [...renditions_1.INVOICE_FORMATS] };
//# sourceMappingURL=invoice-schemas.js.map