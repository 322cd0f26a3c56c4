"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLIC_INVOICES_SERVICE = void 0;
exports.createService = createService;
exports.newServices = newServices;
exports.updateService = updateService;
exports.getService = getService;
exports.listServices = listServices;
exports.unknownServices = unknownServices;
exports.requireKnownServices = requireKnownServices;
const domain_error_1 = require("../platform/domain-error");
const store = __importStar(require("./store/services"));
/** The service reserved for invoices between public structures. */
exports.PUBLIC_INVOICES_SERVICE = 'FACTURES_PUBLIQUES';
async function createService(db, structure, input) {
    if (input.code === exports.PUBLIC_INVOICES_SERVICE && !structure.public)
        throw new domain_error_1.DomainError('SERVICE_CODE_RESERVED', `${exports.PUBLIC_INVOICES_SERVICE} is reserved to public structures.`, {
            field: 'body.code',
        });
    checkDates(input.validFrom, input.validTo);
    if (await store.findService(db, structure.id, input.code))
        throw new domain_error_1.DomainError('SERVICE_EXISTS', `The structure already has a service ${input.code}.`, {
            field: 'body.code',
        });
    await store.insertService(db, structure.id, {
        code: input.code,
        name: input.name,
        active: input.active ?? true,
        validFrom: input.validFrom,
        validTo: input.validTo,
        engagementRequired: !!input.engagementRequired,
    });
    return (await getService(db, structure.id, input.code));
}
/**
 * The services a structure is created with, checked before anything is written: each has a code and a
 * name, no code twice, FACTURES_PUBLIQUES only for a public structure, validity dates in order. The
 * offending row is named (body.services.<n>.<field>).
 */
function newServices(isPublic, inputs) {
    const seen = new Set();
    return inputs.map((input, i) => {
        const field = (name) => ({ field: `body.services.${i}.${name}` });
        const code = input.code.trim();
        const name = input.name.trim();
        if (!name)
            throw new domain_error_1.DomainError('INVALID_INPUT', `body.services.${i}.name is required.`, {
                errors: [{ field: `body.services.${i}.name`, message: `body.services.${i}.name is required` }],
            });
        if (code === exports.PUBLIC_INVOICES_SERVICE && !isPublic)
            throw new domain_error_1.DomainError('SERVICE_CODE_RESERVED', `${exports.PUBLIC_INVOICES_SERVICE} is reserved to public structures.`, field('code'));
        if (seen.has(code))
            throw new domain_error_1.DomainError('SERVICE_CODE_DUPLICATE', `Service code ${code} is given twice.`, field('code'));
        seen.add(code);
        if (input.validFrom && input.validTo && input.validFrom > input.validTo)
            throw new domain_error_1.DomainError('SERVICE_DATES_INVALID', `validFrom ${input.validFrom} is after validTo ${input.validTo}.`, field('validTo'));
        return {
            code,
            name,
            active: input.active ?? true,
            validFrom: input.validFrom,
            validTo: input.validTo,
            engagementRequired: !!input.engagementRequired,
        };
    });
}
async function updateService(db, structureId, code, changes) {
    const current = await getService(db, structureId, code);
    if (!current)
        throw new domain_error_1.DomainError('SERVICE_NOT_FOUND', `No service ${code} in this structure.`, {
            field: 'params.code',
        });
    const next = { ...current, ...changes };
    checkDates(next.validFrom, next.validTo);
    await store.updateServiceRow(db, structureId, { ...next, code });
    return (await getService(db, structureId, code));
}
async function getService(db, structureId, code) {
    return store.findService(db, structureId, code);
}
async function listServices(db, structureId) {
    return store.listServices(db, structureId);
}
/** Codes among `codes` the structure has no service for. */
async function unknownServices(db, structureId, codes) {
    if (codes.length === 0)
        return [];
    const known = await store.knownServiceCodes(db, structureId, codes);
    return codes.filter((c) => !known.includes(c));
}
/** SERVICE_UNKNOWN unless the structure has a service for each code. */
async function requireKnownServices(db, structureId, codes) {
    const unknown = await unknownServices(db, structureId, codes);
    if (unknown.length > 0)
        throw new domain_error_1.DomainError('SERVICE_UNKNOWN', `The structure has no service ${unknown.join(', ')}.`, {
            field: 'body.services',
        });
}
function checkDates(from, to) {
    if (from && to && from > to)
        throw new domain_error_1.DomainError('SERVICE_DATES_INVALID', `validFrom ${from} is after validTo ${to}.`, {
            field: 'body.validTo',
        });
}
//# sourceMappingURL=services.js.map