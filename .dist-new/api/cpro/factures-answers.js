"use strict";
/**
 * The published answers of /cpro/factures/v1 as JSON Schema (codeRetour 0): field names, nesting,
 * types and formats. The OpenAPI document and the conformance suite read them from `facturesGroup`.
 * Date-only fields are `YYYY-MM-DD`; `histoStatutDatePassage` is `YYYY-MM-DD HH:mm`, Paris time, as the
 * platform writes it; `dateHeureEtatCourant` is an RFC 3339 instant.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.FACTURES_ANSWERS = exports.factureSchema = exports.answerOf = exports.wireDateSchema = void 0;
const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const int = { type: 'integer' };
const intOrNull = { type: ['integer', 'null'] };
const numOrNull = { type: ['number', 'null'] };
exports.wireDateSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const dateOrNull = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const dateTimeOrNull = { type: ['string', 'null'], format: 'date-time' };
const platformDateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$' };
const base = {
    codeRetour: { type: 'integer', const: 0 },
    libelle: str,
};
/** An answer object: codeRetour, libelle and the given fields, all present. */
const answerOf = (properties) => ({
    type: 'object',
    required: ['codeRetour', 'libelle', ...Object.keys(properties)],
    properties: { ...base, ...properties },
});
exports.answerOf = answerOf;
const object = (properties) => ({
    type: 'object',
    required: Object.keys(properties),
    properties,
});
const parametresRetour = object({
    total: int,
    pageCourante: int,
    pages: int,
    nbResultatsParPage: int,
});
exports.factureSchema = object({
    identifiantFactureCPP: int,
    numeroFacture: str,
    statutFacture: str,
    modeDepot: str,
    fournisseur: object({ idFournisseur: intOrNull, codeFournisseur: str, designationFournisseur: strOrNull }),
    destinataire: object({
        idDestinataire: intOrNull,
        codeDestinataire: strOrNull,
        libelleDestinataire: strOrNull,
        codeServiceExecutant: strOrNull,
    }),
    references: object({
        typeFacture: { type: 'string', enum: ['FACTURE', 'AVOIR'] },
        codeDeviseFacture: strOrNull,
        dateFacture: dateOrNull,
        dateDepot: dateOrNull,
        dateEcheancePaiement: dateOrNull,
        numeroBonCommande: strOrNull,
        numeroDpMandat: strOrNull,
    }),
    montantTotal: object({
        montantHtTotal: numOrNull,
        montantTVA: numOrNull,
        montantTtcTotal: numOrNull,
        montantAPayer: numOrNull,
    }),
    cadreDeFacturation: object({ codeCadreFacturation: str }),
});
const factureRowFacts = {
    numeroFacture: str,
    statut: str,
    dateHeureEtatCourant: dateTimeOrNull,
    dateFacture: dateOrNull,
    dateDepot: dateOrNull,
    typeFacture: str,
    devise: strOrNull,
    montantHT: numOrNull,
    montantTTC: numOrNull,
    montantAPayer: numOrNull,
    idFournisseur: intOrNull,
    codeFournisseur: str,
    designationFournisseur: strOrNull,
    idDestinataire: intOrNull,
    codeDestinataire: strOrNull,
    designationDestinataire: strOrNull,
    codeServiceExecutant: strOrNull,
    numeroBonCommande: strOrNull,
};
/** rechercherFactureParFournisseur's rows name the invoice identifiantFactureCPP… */
const factureFournisseurRow = object({ identifiantFactureCPP: int, ...factureRowFacts });
/** …rechercherFactureParRecipiendaire's idFacture. */
const factureRecipiendaireRow = object({ idFacture: int, ...factureRowFacts });
const factureValideurRow = object({
    idFacture: int,
    numeroFacture: str,
    typeFacture: str,
    statut: str,
    dateFacture: dateOrNull,
    dateDepot: dateOrNull,
    devise: strOrNull,
    montantHT: numOrNull,
    montantTTC: numOrNull,
    montantAPayer: numOrNull,
    idFournisseur: intOrNull,
    identifiantFournisseur: str,
    designationFournisseur: strOrNull,
    idDestinataire: intOrNull,
    identifiantDestinataire: strOrNull,
    designationDestinataire: strOrNull,
    codeServiceExecutant: strOrNull,
    numeroEngagement: strOrNull,
    identifiantValideur: strOrNull,
});
const demandePaiement = object({
    idDemandePaiement: int,
    numeroDemandePaiement: str,
    typeDemandePaiement: str,
    typeFacture: str,
    typeFactureTravaux: strOrNull,
    cadreFacturation: str,
    etatCourant: str,
    dateHeureEtatCourant: dateTimeOrNull,
    dateDepot: dateOrNull,
    dateFournisseur: dateOrNull,
    idStructureFournisseur: intOrNull,
    identifiantStructureFournisseur: str,
    idStructureDestinataire: intOrNull,
    identifiantStructureDestinataire: strOrNull,
    codeServiceDestinataire: strOrNull,
    montantHT: numOrNull,
    montantTTC: numOrNull,
    montantAPayer: numOrNull,
    numeroBonCommande: strOrNull,
    numeroDpMandat: strOrNull,
    dpOuDpArchive: { type: 'string', enum: ['DEMANDE_PAIEMENT', 'DP_ARCHIVE'] },
    nombreResultatTotal: str,
});
const histoStatut = object({
    histoStatutId: int,
    histoStatutCode: str,
    histoStatutCodeReforme: intOrNull,
    histoStatutDatePassage: platformDateTime,
    histoStatutActeur: strOrNull,
    histoStatutCommentaire: strOrNull,
    histoStatutMotif: strOrNull,
    histoStatutNumeroDPMandat: strOrNull,
    histoStatutErreurs: { type: 'array', items: str },
});
exports.FACTURES_ANSWERS = {
    'deposer/flux': (0, exports.answerOf)({ numeroFluxDepot: str, dateDepot: exports.wireDateSchema, syntaxeFlux: str }),
    'deposer/pdf': (0, exports.answerOf)({
        pieceJointeId: int,
        numeroFacture: strOrNull,
        dateFacture: dateOrNull,
        dateEcheancePaiement: dateOrNull,
        codeFournisseur: strOrNull,
        numeroTvaFournisseur: strOrNull,
        codeDestinataire: strOrNull,
        codeServiceExecutant: strOrNull,
        numeroBonCommande: strOrNull,
        montantHtTotal: numOrNull,
        montantTVA: numOrNull,
        montantTtcAvantRemiseGlobalTTC: numOrNull,
        montantAPayer: numOrNull,
        ligneTva: {
            type: 'array',
            items: object({
                ligneTvaTauxManuel: { type: 'number' },
                ligneTvaMontantBaseHtParTaux: { type: 'number' },
                ligneTvaMontantTvaParTaux: { type: 'number' },
            }),
        },
    }),
    soumettre: (0, exports.answerOf)({
        identifiantFactureCPP: int,
        numeroFacture: str,
        dateDepot: exports.wireDateSchema,
        identifiantStructure: str,
        statutFacture: str,
    }),
    completer: (0, exports.answerOf)({
        identifiantFactureCPP: int,
        numeroFacture: str,
        dateTraitement: exports.wireDateSchema,
    }),
    recycler: (0, exports.answerOf)({
        identifiantFactureCPP: int,
        numeroFacture: str,
        dateDepot: exports.wireDateSchema,
        statutFacture: str,
    }),
    consulter: (0, exports.answerOf)({ facture: exports.factureSchema }),
    'consulter/historique': (0, exports.answerOf)({
        idFacture: int,
        numeroFacture: str,
        modeDepot: str,
        statutCourantCode: str,
        historiquesDesStatuts: object({
            totalHistoStatut: int,
            pageCouranteHistoStatut: int,
            pagesHistoStatut: int,
            nbResultatsParPageHistoStatut: int,
            histoStatut: { type: 'array', items: histoStatut },
        }),
    }),
    'rechercher/fournisseur': (0, exports.answerOf)({
        listeFactures: { type: 'array', items: factureFournisseurRow },
        parametresRetour,
    }),
    'rechercher/recipiendaire': (0, exports.answerOf)({
        listeFactures: { type: 'array', items: factureRecipiendaireRow },
        ...parametresRetour.properties,
    }),
    'telecharger/groupe': (0, exports.answerOf)({ fichierResultat: { type: 'string', contentEncoding: 'base64' } }),
    'traiter/recue': (0, exports.answerOf)({
        idFacture: int,
        numeroFacture: str,
        nouveauStatut: str,
        dateTraitement: exports.wireDateSchema,
    }),
    'rechercher/demandePaiement': (0, exports.answerOf)({
        listeDemandePaiement: { type: 'array', items: demandePaiement },
    }),
    'rechercher/valideur': (0, exports.answerOf)({
        listeFactures: { type: 'array', items: factureValideurRow },
        parametresRetour,
    }),
    'traiter/factureAValider': (0, exports.answerOf)({
        idFacture: int,
        numeroFacture: str,
        statutFacture: str,
        dateTraitement: exports.wireDateSchema,
    }),
    'corriger/valideur/facture': (0, exports.answerOf)({ idFacture: int }),
    'recuperer/statutsFactureVisibles/valideur': (0, exports.answerOf)({
        listeStatutFacture: { type: 'array', items: object({ codeStatutFacture: str }) },
    }),
    traiterRejet: (0, exports.answerOf)({}),
};
//# sourceMappingURL=factures-answers.js.map