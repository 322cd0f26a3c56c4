"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listOf = exports.membershipRequestBody = exports.membershipDecision = exports.membershipRequestCreate = exports.principalTransfer = exports.memberBody = exports.memberCreate = exports.serviceBody = exports.serviceUpdate = exports.serviceCreate = exports.bankAccountBody = exports.bankAccountCreate = exports.structureBody = exports.structureUpdate = exports.structureCreate = void 0;
const identifiers_1 = require("../structures/identifiers");
const types_1 = require("../structures/types");
/**
 * JSON Schemas of the structures and membership-request ("attachment-requests" on the wire)
 * resources: they check input (ajv) and are the OpenAPI document's schemas, so documentation and
 * checks cannot drift apart.
 */
const address = {
    type: 'object',
    properties: {
        street: { type: 'string', maxLength: 200 },
        postalCode: { type: 'string', maxLength: 20 },
        city: { type: 'string', maxLength: 100 },
        countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
    },
    additionalProperties: false,
};
const parameters = {
    type: 'object',
    description: 'consulter structure → parametres: what invoices sent to this structure must carry.',
    properties: {
        codeServiceDoitEtreRenseigne: { type: 'boolean' },
        numeroEJDoitEtreRenseigne: { type: 'boolean' },
        gestionNumeroEJOuCodeService: { type: 'boolean' },
    },
    additionalProperties: false,
};
const generalInformation = {
    name: { type: 'string', minLength: 1, maxLength: 200, description: 'Raison sociale.' },
    address,
    vatNumber: { type: 'string', maxLength: 20, description: 'Intra-EU VAT number (FR: key checked).' },
    rcs: { type: 'string', maxLength: 100 },
    email: { type: 'string', format: 'email', maxLength: 254 },
    parameters,
    spaces: {
        type: 'array',
        items: { type: 'string', enum: [...types_1.SPACES] },
        uniqueItems: true,
        description: 'Personalisation: the spaces of the portal the structure uses.',
    },
};
exports.structureCreate = {
    type: 'object',
    properties: {
        identifierType: { type: 'string', enum: [...identifiers_1.IDENTIFIER_TYPES] },
        identifier: { type: 'string', minLength: 1, maxLength: 80 },
        public: { type: 'boolean', description: 'A public buyer; created by operators only.' },
        ...generalInformation,
    },
    required: ['identifierType', 'identifier'],
    additionalProperties: false,
};
exports.structureUpdate = {
    type: 'object',
    properties: generalInformation,
    additionalProperties: false,
    minProperties: 1,
};
exports.structureBody = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        identifierType: { type: 'string', enum: [...identifiers_1.IDENTIFIER_TYPES] },
        identifier: { type: 'string' },
        public: { type: 'boolean' },
        ...generalInformation,
        identityVerified: {
            type: 'boolean',
            description: 'false: "identité non vérifiée", the SIRET passed its key check but no company registry confirmed it.',
        },
        role: { type: 'string', description: 'In listings: the caller’s role in the structure.' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'identifierType', 'identifier', 'name', 'public', 'parameters'],
};
exports.bankAccountCreate = {
    type: 'object',
    properties: {
        iban: { type: 'string', minLength: 5, maxLength: 42 },
        bic: { type: 'string', minLength: 8, maxLength: 11 },
        label: { type: 'string', maxLength: 100 },
        factor: { type: 'boolean', description: 'The account of a factor the receivables were assigned to.' },
    },
    required: ['iban', 'bic'],
    additionalProperties: false,
};
exports.bankAccountBody = {
    type: 'object',
    properties: {
        id: { type: 'string' },
        ...exports.bankAccountCreate.properties,
        createdAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'iban', 'bic', 'factor'],
};
const date = { type: 'string', format: 'date' };
const serviceFields = {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    active: { type: 'boolean' },
    validFrom: date,
    validTo: date,
    engagementRequired: {
        type: 'boolean',
        description: 'numeroEngagement: invoices to this service must carry an engagement number.',
    },
};
exports.serviceCreate = {
    type: 'object',
    properties: { code: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,100}$' }, ...serviceFields },
    required: ['code', 'name'],
    additionalProperties: false,
};
exports.serviceUpdate = {
    type: 'object',
    properties: serviceFields,
    additionalProperties: false,
    minProperties: 1,
};
exports.serviceBody = {
    type: 'object',
    properties: exports.serviceCreate.properties,
    required: ['code', 'name'],
};
const services = {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 100 },
    uniqueItems: true,
    description: 'Service codes; empty: the whole structure.',
};
exports.memberCreate = {
    type: 'object',
    properties: {
        userId: { type: 'string', minLength: 1, maxLength: 64 },
        role: { type: 'string', enum: ['SECONDAIRE', 'UTILISATEUR'] },
        services,
    },
    required: ['userId', 'role'],
    additionalProperties: false,
};
exports.memberBody = {
    type: 'object',
    properties: {
        userId: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string', enum: ['PRINCIPAL', 'SECONDAIRE', 'UTILISATEUR'] },
        services,
    },
    required: ['userId', 'role', 'services'],
};
exports.principalTransfer = {
    type: 'object',
    properties: { userId: { type: 'string', minLength: 1, maxLength: 64 } },
    required: ['userId'],
    additionalProperties: false,
};
exports.membershipRequestCreate = {
    type: 'object',
    properties: { services },
    additionalProperties: false,
};
exports.membershipDecision = {
    type: 'object',
    properties: {
        approve: { type: 'boolean' },
        role: { type: 'string', enum: ['SECONDAIRE', 'UTILISATEUR'], description: 'Required to approve.' },
        services,
        reason: { type: 'string', minLength: 1, maxLength: 1000, description: 'Required to refuse.' },
    },
    required: ['approve'],
    additionalProperties: false,
};
exports.membershipRequestBody = {
    type: 'object',
    properties: {
        id: { type: 'string', description: 'attachment/<structureId>/<userId>, also the workflow id.' },
        structureId: { type: 'string' },
        userId: { type: 'string' },
        requesterEmail: { type: 'string' },
        services,
        status: {
            type: 'string',
            enum: ['EN_ATTENTE', 'ESCALADEE', 'APPROUVEE', 'REFUSEE', 'RETIREE', 'RATTACHEE_DIRECTEMENT'],
        },
        requestedAt: { type: 'string', format: 'date-time' },
        decidedAt: { type: 'string', format: 'date-time' },
        decidedBy: { type: 'string' },
        role: { type: 'string' },
        reason: { type: 'string' },
    },
    required: ['id', 'structureId', 'userId', 'status'],
};
const listOf = (items) => ({
    type: 'object',
    properties: { items: { type: 'array', items } },
    required: ['items'],
});
exports.listOf = listOf;
//# sourceMappingURL=structure-schemas.js.map