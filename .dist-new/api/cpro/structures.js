"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.structuresGroup = void 0;
exports.platformDateTime = platformDateTime;
const accounts_1 = require("../../accounts");
const structures_1 = require("../../structures");
const technical_accounts_1 = require("../../service-mode/technical-accounts");
const identifiers_1 = require("../../service-mode/identifiers");
const paging_1 = require("./paging");
const schema_1 = require("./schema");
const wire_1 = require("./wire");
/** The platform's date and time to the minute (`2016-05-24 15:02`), in Paris time as its portal shows it. */
function platformDateTime(value) {
    if (!value)
        return null;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(d.getTime()))
        return null;
    const parts = Object.fromEntries(new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
    })
        .formatToParts(d)
        .map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
async function structureOf(db, wire, field) {
    const id = await (0, identifiers_1.internalId)(db, 'structure', wire);
    const structure = id && (await (0, structures_1.getStructure)(db, id));
    if (!structure)
        throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_FOUND, `Aucune structure ${String(wire)}.`, field);
    return structure;
}
const rechercher = {
    path: '/rechercher',
    summary: 'Search the directory of structures → listeStructures, parametresRetour',
    request: (0, schema_1.request)({
        structure: (0, schema_1.request)({
            identifiantStructure: { type: 'string', maxLength: 100 },
            typeIdentifiantStructure: schema_1.string,
            raisonSocialeStructure: { type: 'string', maxLength: 200 },
            typeStructure: { type: 'string', enum: ['PUBLIQUE', 'PRIVEE'] },
        }),
        restreindreStructuresPrivees: schema_1.boolean,
        parametres: paging_1.pageRequestSchema,
    }),
    answer: (0, schema_1.answer)({
        listeStructures: (0, schema_1.list)((0, schema_1.object)({
            idStructureCPP: schema_1.integer,
            identifiantStructure: schema_1.string,
            typeIdentifiantStructure: schema_1.string,
            designationStructure: schema_1.string,
            statut: schema_1.string,
        })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async ({ db }, b) => {
        const s = (b.structure ?? {});
        const p = (b.parametres ?? {});
        const size = Math.min(10_000, Math.max(1, p.nbResultatsParPage ?? 100));
        const page = Math.max(1, p.pageResultatDemandee ?? 1);
        const found = await (0, structures_1.searchStructures)(db, {
            identifier: s.identifiantStructure,
            identifierType: s.typeIdentifiantStructure,
            public: s.typeStructure ? s.typeStructure === 'PUBLIQUE' : undefined,
            nameContains: s.raisonSocialeStructure,
        }, { offset: (page - 1) * size, limit: size });
        const ids = await (0, identifiers_1.wireIds)(db, 'structure', found.items.map((r) => r.id));
        return {
            listeStructures: found.items.map((r) => ({
                idStructureCPP: ids.get(r.id),
                identifiantStructure: r.identifier,
                typeIdentifiantStructure: r.identifierType,
                designationStructure: r.name,
                statut: 'ACTIF',
            })),
            parametresRetour: {
                total: found.total,
                pageCourante: page,
                pages: Math.max(1, Math.ceil(found.total / size)),
                nbResultatsParPage: size,
            },
        };
    },
};
const adresse = (0, schema_1.object)({
    adresse: (0, schema_1.nullable)(schema_1.string),
    complementAdresse1: (0, schema_1.nullable)(schema_1.string),
    complementAdresse2: (0, schema_1.nullable)(schema_1.string),
    codePostal: (0, schema_1.nullable)(schema_1.string),
    ville: (0, schema_1.nullable)(schema_1.string),
    pays: (0, schema_1.nullable)(schema_1.string),
    telephone: (0, schema_1.nullable)(schema_1.string),
    indicatifTelephone: (0, schema_1.nullable)(schema_1.string),
    fax: (0, schema_1.nullable)(schema_1.string),
    indicatifFax: (0, schema_1.nullable)(schema_1.string),
});
const adresseOf = (a) => ({
    adresse: a.street ?? null,
    complementAdresse1: null,
    complementAdresse2: null,
    codePostal: a.postalCode ?? null,
    ville: a.city ?? null,
    pays: a.countryCode ?? 'FR',
    telephone: null,
    indicatifTelephone: null,
    fax: null,
    indicatifFax: null,
});
const consulterAnswer = (0, schema_1.answer)({
    adressePostaleDuSiege: adresse,
    informationGenerales: (0, schema_1.object)({
        idStructureCPP: schema_1.integer,
        idStructureOrigine: (0, schema_1.nullable)(schema_1.integer),
        identifiantStructure: schema_1.string,
        typeIdentifiantStructure: schema_1.string,
        libelleStructure: schema_1.string,
        raisonSocialeStructure: schema_1.string,
        nomStructure: (0, schema_1.nullable)(schema_1.string),
        prenomStructure: (0, schema_1.nullable)(schema_1.string),
        emailStructure: (0, schema_1.nullable)(schema_1.string),
        numeroTVA: (0, schema_1.nullable)(schema_1.string),
        numeroRcsStructure: (0, schema_1.nullable)(schema_1.string),
        structurePriveePublique: { type: 'string', enum: ['PUBLIQUE', 'PRIVEE'] },
        estValideurDeleguee: schema_1.boolean,
        dateExpirationMotPasseCompteTech: (0, schema_1.nullable)(schema_1.timestamp),
        listeStructureDupliquees: (0, schema_1.list)((0, schema_1.object)({ structureDupliquee: schema_1.integer })),
    }),
    parametres: (0, schema_1.object)({
        codeServiceDoitEtreRenseigne: schema_1.boolean,
        numeroEJDoitEtreRenseigne: schema_1.boolean,
        gestionNumeroEJOuCodeService: schema_1.boolean,
        connexionEDI: schema_1.boolean,
        recevoirDonneesViaEDI: schema_1.boolean,
        estMoaUniquement: schema_1.boolean,
        getaMoa: schema_1.boolean,
        estValideurDelegue: schema_1.boolean,
        nonDiffusibleInsee: schema_1.boolean,
        statutMiseEnPaiementNestPasRemonte: schema_1.boolean,
    }),
});
/** consulter: a structure in the platform's three blocks; the technical account's expiry only for its own. */
const consulter = {
    path: '/consulter',
    summary: 'A structure: informationGenerales, adressePostaleDuSiege, parametres',
    request: (0, schema_1.request)({ idStructureCPP: schema_1.wireId, idStructure: schema_1.wireId, codeLangue: schema_1.string }),
    answer: consulterAnswer,
    run: async ({ db }, b, ctx) => {
        const field = b.idStructureCPP === undefined && b.idStructure !== undefined ? 'idStructure' : 'idStructureCPP';
        if (b[field] === undefined)
            throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, 'Champ idStructureCPP : requis.', 'idStructureCPP');
        const s = await structureOf(db, b[field], field);
        const own = s.id === ctx.account.structureId ? await (0, technical_accounts_1.getTechnicalAccount)(db, s.id) : undefined;
        return {
            adressePostaleDuSiege: adresseOf(s.address),
            informationGenerales: {
                idStructureCPP: await (0, identifiers_1.wireId)(db, 'structure', s.id),
                idStructureOrigine: null,
                identifiantStructure: s.identifier,
                typeIdentifiantStructure: s.identifierType,
                libelleStructure: s.name,
                raisonSocialeStructure: s.name,
                nomStructure: null,
                prenomStructure: null,
                emailStructure: s.email ?? null,
                numeroTVA: s.vatNumber ?? null,
                numeroRcsStructure: s.rcs ?? null,
                structurePriveePublique: s.public ? 'PUBLIQUE' : 'PRIVEE',
                estValideurDeleguee: false,
                dateExpirationMotPasseCompteTech: own?.passwordExpiresAt ?? null,
                listeStructureDupliquees: [],
            },
            parametres: {
                codeServiceDoitEtreRenseigne: s.parameters.codeServiceDoitEtreRenseigne,
                numeroEJDoitEtreRenseigne: s.parameters.numeroEJDoitEtreRenseigne,
                gestionNumeroEJOuCodeService: s.parameters.gestionNumeroEJOuCodeService,
                connexionEDI: false,
                recevoirDonneesViaEDI: false,
                estMoaUniquement: false,
                getaMoa: false,
                estValideurDelegue: false,
                nonDiffusibleInsee: false,
                statutMiseEnPaiementNestPasRemonte: false,
            },
        };
    },
};
const rechercherServices = {
    path: '/rechercher/services',
    summary: 'Services of a structure → listeServices, parametresRetour',
    request: (0, schema_1.request)({
        idStructure: schema_1.wireId,
        idUtilisateurCourant: schema_1.integer,
        parametresRechercherServicesStructure: paging_1.pageRequestSchema,
    }, ['idStructure']),
    answer: (0, schema_1.answer)({
        listeServices: (0, schema_1.list)((0, schema_1.object)({
            idService: schema_1.integer,
            codeService: schema_1.string,
            libelleService: schema_1.string,
            estActif: schema_1.boolean,
            statutService: schema_1.string,
            dateDbtService: (0, schema_1.nullable)(schema_1.datetime),
            dateFinService: (0, schema_1.nullable)(schema_1.datetime),
        })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async ({ db }, b) => {
        const s = await structureOf(db, b.idStructure, 'idStructure');
        const page = (0, paging_1.pageOf)(await (0, structures_1.listServices)(db, s.id), b.parametresRechercherServicesStructure);
        const ids = await (0, identifiers_1.wireIds)(db, 'service', page.items.map((svc) => `${s.id}/${svc.code}`));
        return {
            listeServices: page.items.map((svc) => ({
                idService: ids.get(`${s.id}/${svc.code}`),
                codeService: svc.code,
                libelleService: svc.name,
                estActif: svc.active,
                statutService: svc.active ? 'ACTIF' : 'INACTIF',
                dateDbtService: platformDateTime(svc.validFrom),
                dateFinService: platformDateTime(svc.validTo),
            })),
            parametresRetour: page.parametresRetour,
        };
    },
};
/** consulter/service: a service in the platform's blocks (informationsGenerales, parametres, adressePostale). */
const consulterService = {
    path: '/consulter/service',
    summary: 'One service: informationsGenerales, parametres, adressePostale',
    request: (0, schema_1.request)({ idStructure: schema_1.wireId, idService: schema_1.wireId, codeLangue: schema_1.string }, [
        'idStructure',
        'idService',
    ]),
    answer: (0, schema_1.answer)({
        adressePostale: adresse,
        informationsGenerales: (0, schema_1.object)({
            codeService: schema_1.string,
            nomService: schema_1.string,
            descriptionService: (0, schema_1.nullable)(schema_1.string),
        }),
        parametres: (0, schema_1.object)({
            dateCreation: (0, schema_1.nullable)(schema_1.datetime),
            dateModification: (0, schema_1.nullable)(schema_1.datetime),
            dateDebutValidite: (0, schema_1.nullable)(schema_1.datetime),
            dateFinValidite: (0, schema_1.nullable)(schema_1.datetime),
            miseEnPaiement: schema_1.boolean,
            numeroEngagement: schema_1.boolean,
        }),
    }),
    run: async ({ db }, b) => {
        const s = await structureOf(db, b.idStructure, 'idStructure');
        const key = await (0, identifiers_1.internalId)(db, 'service', b.idService);
        const code = key?.startsWith(`${s.id}/`) ? key.slice(s.id.length + 1) : undefined;
        const svc = code && (await (0, structures_1.getService)(db, s.id, code));
        if (!svc)
            throw new wire_1.CproError(wire_1.CODES.SERVICE_NOT_FOUND, `Aucun service ${String(b.idService)} dans cette structure.`, 'idService');
        return {
            adressePostale: adresseOf(s.address),
            informationsGenerales: { codeService: svc.code, nomService: svc.name, descriptionService: null },
            parametres: {
                dateCreation: null,
                dateModification: null,
                dateDebutValidite: platformDateTime(svc.validFrom),
                dateFinValidite: platformDateTime(svc.validTo),
                miseEnPaiement: true,
                numeroEngagement: svc.engagementRequired,
            },
        };
    },
};
/** The user asked about: by login email, by wire id, or the technical account itself. */
async function userAskedFor(db, b, ctx) {
    if (typeof b.adresseEmailConnexionUtilisateur === 'string') {
        const id = await (0, accounts_1.userIdByEmail)(db, b.adresseEmailConnexionUtilisateur);
        if (!id)
            throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, 'Aucun utilisateur avec cette adresse.', 'adresseEmailConnexionUtilisateur');
        return id;
    }
    if (b.idUtilisateur !== undefined) {
        const id = await (0, identifiers_1.internalId)(db, 'utilisateur', b.idUtilisateur);
        if (!id)
            throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, `Aucun utilisateur ${String(b.idUtilisateur)}.`, 'idUtilisateur');
        return id;
    }
    return ctx.caller.userId;
}
/** lister/rattachementsutilisateur: a user's services in one of the caller's structures. */
const rattachementsUtilisateur = {
    path: '/lister/rattachementsutilisateur',
    summary: 'A user’s attachments to the services of a structure the technical account belongs to',
    request: (0, schema_1.request)({
        idStructure: schema_1.wireId,
        identifiantStructure: schema_1.string,
        typeIdentifiantStructure: schema_1.string,
        idUtilisateur: schema_1.wireId,
        adresseEmailConnexionUtilisateur: schema_1.string,
        parametresListerRattachementsStructureUtilisateur: paging_1.pageRequestSchema,
    }),
    answer: (0, schema_1.answer)({
        idStructure: schema_1.integer,
        identifiantStructure: schema_1.string,
        designationStructure: schema_1.string,
        premierService: schema_1.boolean,
        listeServices: (0, schema_1.list)((0, schema_1.object)({
            idRattachement: schema_1.integer,
            idService: schema_1.integer,
            codeService: schema_1.string,
            nomService: schema_1.string,
            statutRattachement: schema_1.string,
            dateDebut: (0, schema_1.nullable)(schema_1.timestamp),
            dateFin: (0, schema_1.nullable)(schema_1.timestamp),
            commentaire: (0, schema_1.nullable)(schema_1.string),
        })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async ({ db }, b, ctx) => {
        const byIdentifier = b.idStructure === undefined && typeof b.identifiantStructure === 'string'
            ? await (0, structures_1.structureIdByIdentifier)(db, b.identifiantStructure)
            : undefined;
        const s = byIdentifier
            ? await structureOf(db, await (0, identifiers_1.wireId)(db, 'structure', byIdentifier), 'identifiantStructure')
            : b.idStructure === undefined
                ? await structureOf(db, await (0, identifiers_1.wireId)(db, 'structure', ctx.account.structureId), 'idStructure')
                : await structureOf(db, b.idStructure, 'idStructure');
        if (!(await (0, structures_1.membershipOf)(db, s.id, ctx.caller.userId)))
            throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_ALLOWED, 'Structure hors des rattachements du compte technique.', 'idStructure');
        const membership = await (0, structures_1.membershipOf)(db, s.id, await userAskedFor(db, b, ctx));
        const services = membership
            ? (await (0, structures_1.listServices)(db, s.id)).filter((svc) => membership.services.length === 0 || membership.services.includes(svc.code))
            : [];
        const page = (0, paging_1.pageOf)(services, b.parametresListerRattachementsStructureUtilisateur);
        const ids = await (0, identifiers_1.wireIds)(db, 'service', page.items.map((svc) => `${s.id}/${svc.code}`));
        return {
            idStructure: await (0, identifiers_1.wireId)(db, 'structure', s.id),
            identifiantStructure: s.identifier,
            designationStructure: s.name,
            premierService: false,
            listeServices: page.items.map((svc) => ({
                idRattachement: ids.get(`${s.id}/${svc.code}`),
                idService: ids.get(`${s.id}/${svc.code}`),
                codeService: svc.code,
                nomService: svc.name,
                statutRattachement: 'ACTIF',
                dateDebut: null,
                dateFin: null,
                commentaire: null,
            })),
            parametresRetour: page.parametresRetour,
        };
    },
};
/** /cpro/structures/v1: the directory of structures (what a supplier needs to address an invoice). */
exports.structuresGroup = {
    name: 'structures',
    operations: [rechercher, consulter, rechercherServices, consulterService, rattachementsUtilisateur],
};
//# sourceMappingURL=structures.js.map