"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.directoryOperations = void 0;
const structures_1 = require("../../structures");
const registry_1 = require("../../structures/registry");
const categories_1 = require("../../support/categories");
const identifiers_1 = require("../../service-mode/identifiers");
const paging_1 = require("./paging");
const schema_1 = require("./schema");
const wire_1 = require("./wire");
const structureActive = (0, schema_1.object)({
    idStructureCPP: schema_1.integer,
    identifiant: schema_1.string,
    designationStructure: schema_1.string,
});
/** The technical account's own structures, each space alike: a structure both issues and receives. */
const structuresActives = (path, summary) => ({
    path,
    summary,
    request: (0, schema_1.request)({}),
    answer: (0, schema_1.answer)({ listeStructures: (0, schema_1.list)(structureActive) }),
    run: async ({ db }, _b, ctx) => {
        const mine = await (0, structures_1.structuresOfUser)(db, ctx.caller.userId, 'identifier');
        const ids = await (0, identifiers_1.wireIds)(db, 'structure', mine.map((s) => s.id));
        return {
            listeStructures: mine.map((s) => ({
                idStructureCPP: ids.get(s.id),
                identifiant: s.identifier,
                designationStructure: s.name,
            })),
        };
    },
});
const SIRET_ANSWER = {
    siret: schema_1.string,
    siren: schema_1.string,
    raisonSociale: schema_1.string,
    adresse: (0, schema_1.nullable)(schema_1.string),
    estActif: schema_1.boolean,
    nonDiffusibleInsee: schema_1.boolean,
};
/** consulter/information/siret: what the company registry knows of an establishment. */
const informationSiret = {
    path: '/consulter/information/siret',
    summary: 'An establishment as the company registry knows it (raison sociale, address)',
    request: (0, schema_1.request)({ siretStructure: { type: 'string', pattern: '^\\s*\\d{14}\\s*$' } }, ['siretStructure']),
    answer: (0, schema_1.answer)(SIRET_ANSWER),
    run: async ({ db, companyRegistry }, b) => {
        const siret = String(b.siretStructure).trim();
        const found = await (companyRegistry ?? (0, registry_1.dbCompanyRegistry)(db)).lookup(siret);
        if (!found)
            throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_FOUND, `SIRET ${siret} inconnu du répertoire.`, 'siretStructure');
        const a = found.address;
        const adresse = [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
        return {
            siret,
            siren: siret.slice(0, 9),
            raisonSociale: found.name,
            adresse: adresse || null,
            estActif: true,
            nonDiffusibleInsee: false,
        };
    },
};
/** rechercher/destinataire: public buyers by identifier, or by part of their name, city or postal code. */
const rechercherDestinataire = {
    path: '/rechercher/destinataire',
    summary: 'Search public buyers → listeDestinataires, parametresRetour',
    request: (0, schema_1.request)({
        identifiant: { type: 'string', maxLength: 100 },
        nomVilleCodePostal: { type: 'string', maxLength: 200 },
        typeStructure: { type: 'string', enum: ['PUBLIQUE'] },
        parametresRecherche: paging_1.pageRequestSchema,
    }),
    answer: (0, schema_1.answer)({
        listeDestinataires: (0, schema_1.list)((0, schema_1.object)({
            idStructureCPP: schema_1.integer,
            siret: schema_1.string,
            nomDestinataire: schema_1.string,
            adresseCodePostal: (0, schema_1.nullable)(schema_1.string),
            adresseVille: (0, schema_1.nullable)(schema_1.string),
        })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async ({ db }, b) => {
        const p = (b.parametresRecherche ?? {});
        const size = Math.min(10_000, Math.max(1, p.nbResultatsParPage ?? 100));
        const page = Math.max(1, p.pageResultatDemandee ?? 1);
        const found = await (0, structures_1.searchStructures)(db, {
            identifier: b.identifiant,
            nameCityOrPostalCode: b.nomVilleCodePostal,
            public: true,
        }, { offset: (page - 1) * size, limit: size });
        const ids = await (0, identifiers_1.wireIds)(db, 'structure', found.items.map((s) => s.id));
        return {
            listeDestinataires: found.items.map((s) => ({
                idStructureCPP: ids.get(s.id),
                siret: s.identifier,
                nomDestinataire: s.name,
                adresseCodePostal: s.address.postalCode ?? null,
                adresseVille: s.address.city ?? null,
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
const ANNUAIRE_COLUMNS = [
    'Identifiant',
    'Type identifiant',
    'Raison sociale',
    'Code postal',
    'Ville',
    'Code service doit être renseigné',
    'Numéro EJ doit être renseigné',
    'Numéro EJ ou code service',
    'Code service',
    'Nom service',
    'Service actif',
    'Numéro EJ requis pour le service',
];
const csvCell = (v) => {
    const text = v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'OUI' : 'NON') : String(v);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
/** One line per service of each public buyer (one line for a buyer without services), with what it requires. */
async function annuaireLines(db) {
    const lines = [];
    const buyers = (await (0, structures_1.searchStructures)(db, { public: true }, { offset: 0, limit: 1_000_000 }))
        .items;
    for (const s of buyers) {
        const head = [
            s.identifier,
            s.identifierType,
            s.name,
            s.address.postalCode,
            s.address.city,
            s.parameters.codeServiceDoitEtreRenseigne,
            s.parameters.numeroEJDoitEtreRenseigne,
            s.parameters.gestionNumeroEJOuCodeService,
        ];
        const services = await (0, structures_1.listServices)(db, s.id);
        if (services.length === 0)
            lines.push([...head, '', '', '', '']);
        for (const svc of services)
            lines.push([...head, svc.code, svc.name, svc.active, svc.engagementRequired]);
    }
    return lines;
}
/** telecharger/annuaire/destinataire: the directory of public buyers as a semicolon CSV (UTF-8), in base64. */
const annuaire = {
    path: '/telecharger/annuaire/destinataire',
    summary: 'The directory of public buyers, their services and required fields → fichierResultat (CSV, base64)',
    request: (0, schema_1.request)({}),
    answer: (0, schema_1.answer)({ fichierResultat: schema_1.base64 }),
    run: async ({ db }) => {
        const rows = [ANNUAIRE_COLUMNS, ...(await annuaireLines(db))];
        const csv = `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
        return { fichierResultat: Buffer.from(csv, 'utf8').toString('base64') };
    },
};
const categories = (deps) => deps.support?.categories ?? (0, categories_1.loadCategories)();
const categorieOf = (c, i) => ({
    codeCategorie: c.code,
    libelleCategorie: c.label,
    idTechniqueCategorie: i + 1,
});
const categorieSchema = (0, schema_1.object)({
    codeCategorie: schema_1.string,
    libelleCategorie: schema_1.string,
    idTechniqueCategorie: schema_1.integer,
});
const paginationRequest = { pagination: paging_1.pageRequestSchema };
/** rechercher/categorieSollicitation: the categories of support requests (support/categories.json). */
const categorieSollicitation = {
    path: '/rechercher/categorieSollicitation',
    summary: 'Categories of support requests → listeCategories, parametresRetour',
    request: (0, schema_1.request)({
        codeCategorie: schema_1.string,
        libelleCategorie: schema_1.string,
        estActif: schema_1.boolean,
        ...paginationRequest,
    }),
    answer: (0, schema_1.answer)({ listeCategories: (0, schema_1.list)(categorieSchema), parametresRetour: paging_1.pageAnswerSchema }),
    run: async (deps, b) => {
        const all = categories(deps)
            .map(categorieOf)
            .filter((c) => !b.codeCategorie || c.codeCategorie === b.codeCategorie)
            .filter((c) => !b.libelleCategorie ||
            c.libelleCategorie.toLowerCase().includes(String(b.libelleCategorie).toLowerCase()));
        const page = (0, paging_1.pageOf)(all, b.pagination);
        return { listeCategories: page.items, parametresRetour: page.parametresRetour };
    },
};
const sousCategorieSchema = (0, schema_1.object)({
    code: schema_1.string,
    libelle: schema_1.string,
    estActif: schema_1.boolean,
    idTechniqueCategorie: schema_1.integer,
    dateCreation: (0, schema_1.nullable)(schema_1.timestamp),
    dateDerniereModification: (0, schema_1.nullable)(schema_1.timestamp),
});
/** rechercher/sousCategorieSollicitation: sub-categories, grouped under their category. */
const sousCategorieSollicitation = {
    path: '/rechercher/sousCategorieSollicitation',
    summary: 'Sub-categories of support requests → listeSousCategories, parametresRetour',
    request: (0, schema_1.request)({
        code: schema_1.string,
        libelle: schema_1.string,
        estActif: schema_1.boolean,
        idTechniqueCategorie: schema_1.integer,
        ...paginationRequest,
    }),
    answer: (0, schema_1.answer)({
        listeSousCategories: (0, schema_1.list)((0, schema_1.object)({ categorie: (0, schema_1.list)(categorieSchema), ssCategorie: (0, schema_1.list)(sousCategorieSchema) })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async (deps, b) => {
        const groups = categories(deps)
            .map((c, i) => ({
            categorie: [categorieOf(c, i)],
            ssCategorie: c.subcategories
                .filter((s) => !b.code || s.code === b.code)
                .filter((s) => !b.libelle || s.label.toLowerCase().includes(String(b.libelle).toLowerCase()))
                .map((s) => ({
                code: s.code,
                libelle: s.label,
                estActif: true,
                idTechniqueCategorie: i + 1,
                dateCreation: null,
                dateDerniereModification: null,
            })),
        }))
            .filter((g) => !b.idTechniqueCategorie || g.categorie[0].idTechniqueCategorie === b.idTechniqueCategorie)
            .filter((g) => g.ssCategorie.length > 0);
        const page = (0, paging_1.pageOf)(groups, b.pagination);
        return { listeSousCategories: page.items, parametresRetour: page.parametresRetour };
    },
};
exports.directoryOperations = [
    structuresActives('/recuperer/structures/actives/fournisseur', 'The technical account’s structures, as suppliers → listeStructures'),
    structuresActives('/recuperer/structures/actives/destinataire', 'The technical account’s structures, as recipients → listeStructures'),
    structuresActives('/recuperer/structures/actives/facturetravaux', 'The technical account’s structures, for works invoices → listeStructures'),
    informationSiret,
    rechercherDestinataire,
    annuaire,
    categorieSollicitation,
    sousCategorieSollicitation,
];
//# sourceMappingURL=transverses-directory.js.map