"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validatorNamed = validatorNamed;
const domain_error_1 = require("../platform/domain-error");
const structures_1 = require("../structures");
/**
 * The structure a supplier names as the new validator of an A9 / A12 invoice, by its id or its
 * identifier (SIRET, as codeStructureValideur at deposit): a known structure with someone to decide,
 * i.e. at least one member. STRUCTURE_NOT_FOUND or VALIDATOR_NOT_ALLOWED naming `field` otherwise.
 * Whether it may replace the current validator is the invoice workflow's to judge.
 */
async function validatorNamed(db, named, field) {
    const structure = named.structureId
        ? await (0, structures_1.getStructure)(db, named.structureId)
        : named.identifier
            ? await (0, structures_1.findStructureByIdentifier)(db, named.identifier.replace(/[\s.]/g, ''))
            : undefined;
    if (!structure)
        throw new domain_error_1.DomainError('STRUCTURE_NOT_FOUND', `No structure ${named.structureId ?? named.identifier ?? ''} to validate the invoice.`, { field });
    if ((await (0, structures_1.memberContacts)(db, structure.id)).length === 0)
        throw new domain_error_1.DomainError('VALIDATOR_NOT_ALLOWED', `Structure ${structure.identifier} has no member who could validate the invoice.`, { field });
    return { validatorId: structure.identifier, validatorStructureId: structure.id };
}
//# sourceMappingURL=validator-correction.js.map