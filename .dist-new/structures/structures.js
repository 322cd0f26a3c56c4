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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createStructure = createStructure;
exports.claimStructure = claimStructure;
exports.verifyIdentity = verifyIdentity;
exports.getStructure = getStructure;
exports.updateStructure = updateStructure;
exports.listStructuresOf = listStructuresOf;
const node_crypto_1 = __importDefault(require("node:crypto"));
const domain_error_1 = require("../platform/domain-error");
const identifiers_1 = require("./identifiers");
const access_1 = require("./access");
const membership_requests_1 = require("./membership-requests");
const services_1 = require("./services");
const operator_tasks_1 = require("./store/operator-tasks");
const french_ids_1 = require("../invoice/platform-rules/french-ids");
const store = __importStar(require("./store/structures"));
const fail = (p) => new domain_error_1.DomainError(p.code, p.message, { field: p.field });
/**
 * Creates a structure: the identifier is checked (SIRET checksum, then the company registry, which
 * also fills the name and address when not given); its creator becomes gestionnaire principal. A
 * public buyer may be declared by its first user (who becomes its main manager) or created by support
 * (who leaves the main manager to be appointed); its services come with it, written together.
 *
 * Identity: a private structure is verified when the registry confirms its SIRET, a public one only by
 * an operator (creating it, or confirming it afterwards);
 * any other claim (a SIRET no registry knows, an identifier of another type) waits, in the operators'
 * queue, for an operator to confirm it, and meanwhile neither deposits nor receives invoices. An
 * identity already held (same identifier under any label, or another establishment of a company held
 * by others) is never created twice: IDENTIFIER_HELD names the holder.
 */
async function createStructure(db, registry, caller, input) {
    input = normalizedInput(input);
    const idProblem = (0, identifiers_1.identifierProblem)(input.identifierType, input.identifier) ??
        (0, identifiers_1.mislabelledFrenchId)(input.identifierType, input.identifier);
    if (idProblem)
        throw fail(idProblem);
    checkVat(input.vatNumber, input.identifierType === 'SIRET' ? input.identifier : undefined);
    const services = (0, services_1.newServices)(!!input.public, input.services ?? []);
    let { name, address } = input;
    let verifiedBy = caller.operator ? caller.userId : undefined;
    // A public buyer declared by a user is verified by an operator, whatever the registry says.
    const registryVerifies = !input.public || caller.operator;
    if (input.identifierType === 'SIRET') {
        const known = await registryRecord(registry, input.identifier);
        if (known && registryVerifies)
            verifiedBy ??= 'registry';
        name ??= known?.name;
        address ??= known && { ...known.address, countryCode: 'FR' };
    }
    if (!name)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'body.name is required for this identifier type.', {
            field: 'body.name',
        });
    const id = node_crypto_1.default.randomUUID();
    const at = new Date().toISOString();
    const key = (0, identifiers_1.identityKey)(input.identifier);
    const { heldBy } = await store.insertStructure(db, {
        ...input,
        id,
        name,
        address,
        identityVerified: !!verifiedBy,
        verifiedBy,
        identityKey: key,
        companyKey: (0, identifiers_1.companyOf)(key),
        createdBy: caller.userId,
        at,
        services,
    }, 
    // Support creating a public structure leaves its main manager to be appointed.
    input.public && caller.operator ? undefined : caller.userId);
    if (heldBy)
        throw identifierHeld(input.identifier, heldBy);
    if (!verifiedBy)
        await (0, operator_tasks_1.openOperatorTask)(db, {
            id: `identity/${id}`,
            kind: 'IDENTITY_VERIFICATION',
            subjectId: id,
            structureId: id,
            summary: `Identité à vérifier : ${input.public ? 'structure publique ' : ''}${input.identifierType} ${input.identifier} (${name}), déclarée par ${caller.email}.`,
            createdAt: at,
        });
    return (await getStructure(db, id));
}
/** The refusal of a second claim on a held identity, with the way forward. */
function identifierHeld(identifier, holder) {
    const how = holder.identityVerified
        ? `demandez votre rattachement à la structure (POST /api/v1/structures/${holder.id}/attachment-requests).`
        : 'son identité n’est pas vérifiée : le support examine les deux déclarations.';
    const what = holder.sameIdentifier ? `L'identifiant ${identifier}` : `L'entreprise de ${identifier}`;
    return new domain_error_1.DomainError('IDENTIFIER_HELD', `${what} est déjà détenu par la structure ${holder.name} (${holder.identifier}) : ${how}`, {
        field: 'body.identifier',
        structureId: holder.id,
        holderVerified: holder.identityVerified,
        membershipRequest: `/api/v1/structures/${holder.id}/attachment-requests`,
    });
}
/**
 * A structure claimed by a user: created when its identity is free; when held, the claim becomes a
 * membership request to the holder (if verified: its managers decide), or a dispute in the operators'
 * queue (if the holder is itself unverified), and IDENTIFIER_HELD says which with the request.
 */
async function claimStructure(deps, caller, input) {
    try {
        return await createStructure(deps.db, deps.registry, caller, input);
    }
    catch (err) {
        if (!(err instanceof domain_error_1.DomainError) || err.code !== 'IDENTIFIER_HELD' || caller.operator)
            throw err;
        const details = err.details;
        if (!details.holderVerified) {
            await (0, operator_tasks_1.openOperatorTask)(deps.db, {
                id: `identity-dispute/${details.structureId}/${caller.userId}`,
                kind: 'IDENTITY_DISPUTE',
                subjectId: details.structureId,
                structureId: details.structureId,
                summary: `${caller.email} revendique l'identifiant ${input.identifier}, détenu par une structure non vérifiée.`,
                createdAt: new Date().toISOString(),
            });
            throw new domain_error_1.DomainError(err.code, err.message, { ...details, dispute: 'OPERATOR_REVIEW' });
        }
        if (!deps.membership || (await (0, access_1.membershipOf)(deps.db, details.structureId, caller.userId)))
            throw err;
        const request = await (0, membership_requests_1.requestMembership)({ db: deps.db, ...deps.membership }, caller, details.structureId, [])
            .then((r) => ({ id: r.id, status: 'EN_ATTENTE' }))
            .catch((e) => {
            if (e instanceof domain_error_1.DomainError && e.code === 'ATTACHMENT_ALREADY_REQUESTED')
                return { status: 'EN_ATTENTE' };
            throw e;
        });
        throw new domain_error_1.DomainError(err.code, err.message, { ...details, membershipRequest: request });
    }
}
/**
 * What the registry knows of a SIRET. Unknown to a registry that proves something: SIRET_UNKNOWN;
 * unknown to an empty one: undefined, and the structure is created "identité non vérifiée".
 */
async function registryRecord(registry, siret) {
    const unavailable = () => {
        // An outage of the registry must not read as an unknown SIRET.
        throw new domain_error_1.DomainError('COMPANY_REGISTRY_UNAVAILABLE', 'The company registry cannot be reached; try again.');
    };
    const known = await registry.lookup(siret).catch(unavailable);
    if (known)
        return known;
    const authoritative = registry.authoritative ? await registry.authoritative().catch(unavailable) : true;
    if (authoritative)
        throw new domain_error_1.DomainError('SIRET_UNKNOWN', `SIRET ${siret} is not in the company registry.`, {
            field: 'body.identifier',
        });
    return undefined;
}
/** Identifiers as people type them ("412 345 678 00012", "FR 40 412.345.678"): stored as digits only. */
function normalizedInput(input) {
    return {
        ...input,
        ...(input.identifier !== undefined &&
            input.identifierType === 'SIRET' && { identifier: (0, french_ids_1.digitsOnly)(input.identifier) }),
        ...(input.vatNumber !== undefined && { vatNumber: input.vatNumber.replace(/[\s.]/g, '').toUpperCase() }),
    };
}
/**
 * Confirms an unverified structure's identity: by an operator, or (private structures) by the registry
 * once it knows the SIRET. IDENTITY_NOT_CONFIRMED when neither can.
 */
async function verifyIdentity(db, registry, structureId, caller) {
    const structure = (await getStructure(db, structureId));
    if (structure.identityVerified)
        return structure;
    const at = new Date().toISOString();
    if (caller.operator)
        await store.markIdentityVerified(db, structureId, caller.userId, at);
    else if (structure.public)
        // A public buyer is verified by an operator: the registry knowing the SIRET does not prove who asks.
        throw new domain_error_1.DomainError('IDENTITY_NOT_CONFIRMED', 'A public structure is verified by an operator of the platform.', { field: 'params.structureId' });
    else if (structure.identifierType === 'SIRET' && (await registry.lookup(structure.identifier)))
        await store.markIdentityVerified(db, structureId, 'registry', at);
    else
        throw new domain_error_1.DomainError('IDENTITY_NOT_CONFIRMED', `The company registry does not know SIRET ${structure.identifier}: an operator can confirm it.`, { field: 'params.structureId' });
    await (0, operator_tasks_1.resolveOperatorTask)(db, `identity/${structureId}`, at);
    return (await getStructure(db, structureId));
}
async function getStructure(db, id) {
    return store.findStructure(db, id);
}
/** Changes the general information, recipient parameters or personalisation; identifiers never change. */
async function updateStructure(db, id, changes) {
    const current = (await getStructure(db, id));
    changes = normalizedInput(changes);
    if (changes.vatNumber !== undefined)
        checkVat(changes.vatNumber, current.identifierType === 'SIRET' ? current.identifier : undefined);
    await store.updateStructureRow(db, id, {
        ...changes,
        address: changes.address && { ...current.address, ...changes.address },
        parameters: changes.parameters && { ...current.parameters, ...changes.parameters },
    }, new Date().toISOString());
    return (await getStructure(db, id));
}
/** The structures the user is a member of, with their role in each. */
async function listStructuresOf(db, userId) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    return (await store.structuresOfUser(db, userId)).map(({ services, ...s }) => s);
}
function checkVat(vat, siret) {
    const problem = vat === undefined ? undefined : (0, identifiers_1.vatNumberProblem)(vat, siret);
    if (problem)
        throw fail(problem);
}
//# sourceMappingURL=structures.js.map