"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.utilisateursGroup = void 0;
const structures_1 = require("../../structures");
const identifiers_1 = require("../../service-mode/identifiers");
const paging_1 = require("./paging");
const schema_1 = require("./schema");
const structures_2 = require("./structures");
/** monCompte/recuperer/rattachements: the technical account's structures, and the services it acts for. */
const rattachements = {
    path: '/monCompte/recuperer/rattachements',
    summary: 'The technical account’s structures → listeStructureRattachement, parametresRetour',
    request: (0, schema_1.request)({ parametresRecherche: paging_1.pageRequestSchema }),
    answer: (0, schema_1.answer)({
        listeStructureRattachement: (0, schema_1.list)((0, schema_1.object)({
            idRattachementStructure: schema_1.integer,
            idStructure: schema_1.integer,
            identifiantStructure: schema_1.string,
            typeIdentifiantStructure: schema_1.string,
            designationStructure: schema_1.string,
            roleUtilisateur: schema_1.string,
            statutRattachementStructure: schema_1.string,
            statutUtilisateur: schema_1.string,
            listeServicesRattache: (0, schema_1.list)((0, schema_1.object)({
                idRattachementService: schema_1.integer,
                idService: schema_1.integer,
                codeService: schema_1.string,
                libelleService: schema_1.string,
                estActif: schema_1.boolean,
                statutService: schema_1.string,
                statutRattachementService: schema_1.string,
                dateDbtService: (0, schema_1.nullable)(schema_1.datetime),
                dateFinService: (0, schema_1.nullable)(schema_1.datetime),
            })),
        })),
        parametresRetour: paging_1.pageAnswerSchema,
    }),
    run: async ({ db }, b, ctx) => {
        const page = (0, paging_1.pageOf)(await (0, structures_1.structuresOfUser)(db, ctx.caller.userId, 'identifier'), b.parametresRecherche);
        const listeStructureRattachement = [];
        for (const s of page.items) {
            // A member attached to no service in particular acts for them all.
            const services = (await (0, structures_1.listServices)(db, s.id)).filter((svc) => s.services.length === 0 || s.services.includes(svc.code));
            const listeServicesRattache = [];
            for (const svc of services) {
                const idService = await (0, identifiers_1.wireId)(db, 'service', `${s.id}/${svc.code}`);
                listeServicesRattache.push({
                    idRattachementService: idService,
                    idService,
                    codeService: svc.code,
                    libelleService: svc.name,
                    estActif: svc.active,
                    statutService: svc.active ? 'ACTIF' : 'INACTIF',
                    statutRattachementService: 'ACTIF',
                    dateDbtService: (0, structures_2.platformDateTime)(svc.validFrom),
                    dateFinService: (0, structures_2.platformDateTime)(svc.validTo),
                });
            }
            const idStructure = await (0, identifiers_1.wireId)(db, 'structure', s.id);
            listeStructureRattachement.push({
                idRattachementStructure: idStructure,
                idStructure,
                identifiantStructure: s.identifier,
                typeIdentifiantStructure: s.identifierType,
                designationStructure: s.name,
                roleUtilisateur: s.role,
                statutRattachementStructure: 'ACTIF',
                statutUtilisateur: 'ACTIF',
                listeServicesRattache,
            });
        }
        return { listeStructureRattachement, parametresRetour: page.parametresRetour };
    },
};
/** /cpro/utilisateurs/v1: the technical account's own memberships. */
exports.utilisateursGroup = { name: 'utilisateurs', operations: [rattachements] };
//# sourceMappingURL=utilisateurs.js.map