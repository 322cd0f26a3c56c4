"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachmentOperations = void 0;
const attachments_1 = require("../../invoicing/attachments");
const attachment_types_1 = require("../../platform/attachment-types");
const domain_error_1 = require("../../platform/domain-error");
const structures_1 = require("../../structures");
const identifiers_1 = require("../../service-mode/identifiers");
const uploads_1 = require("../../service-mode/uploads");
const factures_read_1 = require("./factures-read");
const paging_1 = require("./paging");
const schema_1 = require("./schema");
const wire_1 = require("./wire");
const zip_1 = require("./zip");
/** A structure of the technical account's own, else the platform's refusal naming the field. */
async function ownStructure(deps, ctx, wire, field) {
    const id = await (0, identifiers_1.internalId)(deps.db, 'structure', wire);
    const structure = id ? await (0, structures_1.getStructure)(deps.db, id) : undefined;
    if (!structure)
        throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_FOUND, `Aucune structure ${String(wire)}.`, field);
    if (structure.id !== ctx.account.structureId &&
        !(await (0, structures_1.membershipOf)(deps.db, structure.id, ctx.caller.userId)))
        throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_ALLOWED, 'Pièces jointes des structures du compte technique seulement.', field);
    return structure;
}
/**
 * The name to keep the file under once its content is checked as the native API checks it (kind by
 * magic bytes, no web page or program, a complete PDF running nothing); the refusal names the file's field.
 * An oversized file is refused by its size first.
 */
function checkedName(name, bytes) {
    if (bytes.byteLength > attachments_1.ATTACHMENT_MAX_BYTES)
        return name;
    try {
        return (0, attachment_types_1.checkedAttachmentName)(name, bytes);
    }
    catch (err) {
        if (err instanceof domain_error_1.DomainError)
            throw new domain_error_1.DomainError(err.code, err.message, { ...err.details, field: 'pieceJointeFichier' });
        throw err;
    }
}
/** ajouter/fichier: a file for later operations (completer, soumettre), named by its pieceJointeId. */
const ajouterFichier = {
    path: '/ajouter/fichier',
    summary: 'Upload an attachment (≤ 10 MB) → pieceJointeId',
    request: (0, schema_1.request)({
        pieceJointeFichier: { type: 'string', minLength: 1 },
        pieceJointeNom: { type: 'string', minLength: 1, maxLength: 50 },
        pieceJointeTypeMime: { type: 'string', maxLength: 255 },
        pieceJointeExtension: { type: 'string', maxLength: 10 },
    }, ['pieceJointeFichier', 'pieceJointeNom']),
    answer: (0, schema_1.answer)({ pieceJointeId: schema_1.integer }),
    run: async ({ db, blobs }, b, ctx) => {
        const bytes = Buffer.from(String(b.pieceJointeFichier).replace(/\s/g, ''), 'base64');
        if (bytes.length === 0)
            throw new wire_1.CproError(wire_1.CODES.FILE_INVALID, 'pieceJointeFichier : fichier vide ou pas en base64.', 'pieceJointeFichier');
        const stored = await (0, attachments_1.storeUploadedFile)(db, blobs, checkedName(String(b.pieceJointeNom), bytes), bytes);
        await (0, uploads_1.recordUpload)(db, {
            sha256: stored.sha256,
            userId: ctx.caller.userId,
            structureId: ctx.account.structureId,
            name: stored.name,
        });
        return { pieceJointeId: await (0, identifiers_1.wireId)(db, 'fichier', stored.sha256) };
    },
};
/** recuperer/coordbanc/valides: bank details are the structure's own: only its technical account sees them. */
const coordbancValides = {
    path: '/recuperer/coordbanc/valides',
    summary: 'The structure’s bank accounts (ids for codeCoordonneesBancairesFournisseur)',
    request: (0, schema_1.request)({ idStructure: schema_1.wireId }, ['idStructure']),
    answer: (0, schema_1.answer)({
        listeCoordonneeBancaire: (0, schema_1.list)((0, schema_1.object)({
            idCoordonneeBancaire: schema_1.integer,
            nomCoordonneeBancaire: schema_1.string,
            iban: schema_1.string,
            bic: (0, schema_1.nullable)(schema_1.string),
            estAffacturage: schema_1.boolean,
        })),
    }),
    run: async ({ db }, b, ctx) => {
        const structureId = await (0, identifiers_1.internalId)(db, 'structure', b.idStructure);
        if (!structureId || structureId !== ctx.account.structureId)
            throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_ALLOWED, 'Coordonnées bancaires de la structure du compte technique seulement.', 'idStructure');
        const listeCoordonneeBancaire = [];
        for (const a of await (0, structures_1.listBankAccounts)(db, structureId))
            listeCoordonneeBancaire.push({
                idCoordonneeBancaire: await (0, identifiers_1.wireId)(db, 'coordbanc', a.id),
                nomCoordonneeBancaire: a.label ?? `Compte ${a.iban.slice(-4)}`,
                // Masked as in every message of the platform; the client picks an account by its id.
                iban: `${a.iban.slice(0, 4)}${'*'.repeat(Math.max(0, a.iban.length - 8))}${a.iban.slice(-4)}`,
                bic: a.bic ?? null,
                estAffacturage: a.factor,
            });
        return { listeCoordonneeBancaire };
    },
};
const extensionOf = (name) => (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase();
/** The items of rechercher/pj/*: uploads as the platform lists attachments, filtered by designation. */
async function pieceJointeItems(db, uploads, designation) {
    const wanted = typeof designation === 'string' ? designation.toLowerCase() : undefined;
    const kept = uploads.filter((u) => !wanted || u.name.toLowerCase().includes(wanted));
    const files = await (0, identifiers_1.wireIds)(db, 'fichier', kept.map((u) => u.sha256));
    const users = await (0, identifiers_1.wireIds)(db, 'utilisateur', kept.map((u) => u.userId));
    return kept.map((u) => ({
        upload: u,
        item: {
            pieceJointeDesignation: u.name,
            pieceJointeExtension: extensionOf(u.name),
            pieceJointeId: files.get(u.sha256),
            pieceJointeObjetId: files.get(u.sha256),
            pieceJointeTypeCode: 'AUTRE',
            pieceJointeTypeLibelle: 'Autre document',
            pieceJointeUtilisateurId: users.get(u.userId),
        },
    }));
}
const pieceJointeFields = {
    pieceJointeDesignation: schema_1.string,
    pieceJointeExtension: schema_1.string,
    pieceJointeId: schema_1.integer,
    pieceJointeObjetId: schema_1.integer,
    pieceJointeTypeCode: schema_1.string,
    pieceJointeTypeLibelle: schema_1.string,
    pieceJointeUtilisateurId: schema_1.integer,
};
const searchRequest = {
    codeLangue: schema_1.string,
    pieceJointeDesignation: schema_1.string,
    pieceJointeTypeId: schema_1.integer,
    parametresRecherche: paging_1.pageRequestSchema,
};
const pjMonCompte = {
    path: '/rechercher/pj/moncompte',
    summary: 'Files the technical account uploaded → listePiecesJointes, parametresRetour',
    request: (0, schema_1.request)(searchRequest),
    answer: (0, schema_1.answer)({ listePiecesJointes: (0, schema_1.list)((0, schema_1.object)(pieceJointeFields)), parametresRetour: paging_1.pageAnswerSchema }),
    run: async ({ db }, b, ctx) => {
        const items = await pieceJointeItems(db, await (0, uploads_1.uploadsOf)(db, { userId: ctx.caller.userId }), b.pieceJointeDesignation);
        const page = (0, paging_1.pageOf)(items, b.parametresRecherche);
        return { listePiecesJointes: page.items.map((i) => i.item), parametresRetour: page.parametresRetour };
    },
};
const pjStructure = {
    path: '/rechercher/pj/structure',
    summary: 'Files uploaded for one of the technical account’s structures → listePiecesJointes',
    request: (0, schema_1.request)({ ...searchRequest, idStructureCPP: schema_1.wireId }, ['idStructureCPP']),
    answer: (0, schema_1.answer)({
        listePiecesJointes: (0, schema_1.list)((0, schema_1.object)({
            ...pieceJointeFields,
            pieceJointeStructureCode: schema_1.string,
            pieceJointeStructureId: schema_1.integer,
            pieceJointeStructureRaisonSociale: schema_1.string,
        })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async (deps, b, ctx) => {
        const s = await ownStructure(deps, ctx, b.idStructureCPP, 'idStructureCPP');
        const idStructure = await (0, identifiers_1.wireId)(deps.db, 'structure', s.id);
        const items = await pieceJointeItems(deps.db, await (0, uploads_1.uploadsOf)(deps.db, { structureId: s.id }), b.pieceJointeDesignation);
        const page = (0, paging_1.pageOf)(items, b.parametresRecherche);
        return {
            listePiecesJointes: page.items.map((i) => ({
                ...i.item,
                pieceJointeStructureCode: s.identifier,
                pieceJointeStructureId: idStructure,
                pieceJointeStructureRaisonSociale: s.name,
            })),
            parametresRetour: page.parametresRetour,
        };
    },
};
const OBJETS = ['DEMANDE_PAIEMENT', 'STRUCTURE_PIECEJOINTE', 'UTILISATEUR'];
async function zipOfUploads(deps, uploads) {
    const files = [];
    for (const u of uploads)
        files.push({ name: u.name, bytes: await deps.blobs.get(u.sha256) });
    return Buffer.from((0, zip_1.zipOf)(files)).toString('base64');
}
/**
 * telecharger/pieceJointe: invoices of a payment request (as telecharger/groupe), or the files uploaded
 * for a structure or by the account, as a base64 zip. Engagements and support requests have no files
 * here: refused naming objetPieceJointe.
 */
const telechargerPieceJointe = {
    path: '/telecharger/pieceJointe',
    summary: 'Download attachments of a payment request, a structure or the account → pieceJointe (base64 zip)',
    request: (0, schema_1.request)({
        objetPieceJointe: schema_1.string,
        demandePaiement: (0, schema_1.request)({
            avecPiecesJointesComplementaires: { type: 'string', enum: ['OUI', 'NON'] },
            format: { type: 'string', enum: ['PDF', 'PIVOT'] },
            listeFacture: (0, schema_1.list)((0, schema_1.request)({ idFacture: schema_1.wireId }, ['idFacture'])),
        }, ['listeFacture']),
        structure: (0, schema_1.request)({
            idStructure: schema_1.wireId,
            identifiantStructure: schema_1.string,
            typeIdentifiantStructure: schema_1.string,
        }),
    }, ['objetPieceJointe']),
    answer: (0, schema_1.answer)({ pieceJointe: schema_1.base64 }),
    run: async (deps, b, ctx) => {
        const objet = b.objetPieceJointe;
        if (objet === 'DEMANDE_PAIEMENT') {
            const dp = b.demandePaiement;
            if (!dp?.listeFacture?.length)
                throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, 'demandePaiement.listeFacture est requis.', 'demandePaiement.listeFacture');
            const zip = await (0, factures_read_1.telechargerGroupe)(deps, {
                format: dp.format === 'PIVOT' ? 'XML' : 'PDF',
                listeFacture: dp.listeFacture.map((f) => ({ identifiantFactureCPP: f.idFacture })),
            }, ctx);
            return { pieceJointe: zip.fichierResultat };
        }
        if (objet === 'STRUCTURE_PIECEJOINTE') {
            const asked = (b.structure ?? {});
            const s = await ownStructure(deps, ctx, asked.idStructure, 'structure.idStructure');
            return { pieceJointe: await zipOfUploads(deps, await (0, uploads_1.uploadsOf)(deps.db, { structureId: s.id })) };
        }
        if (objet === 'UTILISATEUR')
            return {
                pieceJointe: await zipOfUploads(deps, await (0, uploads_1.uploadsOf)(deps.db, { userId: ctx.caller.userId })),
            };
        throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, `objetPieceJointe ${objet} : seuls ${OBJETS.join(', ')} ont des fichiers sur cette plateforme.`, 'objetPieceJointe');
    },
};
exports.attachmentOperations = [
    ajouterFichier,
    coordbancValides,
    pjMonCompte,
    pjStructure,
    telechargerPieceJointe,
];
//# sourceMappingURL=transverses-attachments.js.map