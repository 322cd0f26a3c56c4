"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.facturesGroup = exports.facturesSchemas = void 0;
const syntax_1 = require("../../flows/syntax");
const transitions_1 = require("../../invoicing/lifecycle/transitions");
const soumettre_1 = require("./soumettre");
const factures_deposit_1 = require("./factures-deposit");
const factures_lifecycle_1 = require("./factures-lifecycle");
const factures_read_1 = require("./factures-read");
const factures_valideur_1 = require("./factures-valideur");
const factures_demande_paiement_1 = require("./factures-demande-paiement");
const factures_answers_1 = require("./factures-answers");
const reference_lists_1 = require("./reference-lists");
const base64 = { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9+/=\\s]+$' };
/** Integer ids, also as the digits of a string (clients that send every number as text). */
const idFacture = { type: ['integer', 'string'], pattern: '^\\d+$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' };
const count = { type: ['integer', 'string'], minimum: 1, pattern: '^[1-9]\\d*$' };
const pagination = {
    type: 'object',
    properties: { pageResultatDemandee: count, nbResultatsParPage: count },
};
const invoiceId = (first) => ({
    type: 'object',
    anyOf: [
        { required: [first] },
        { required: [first === 'idFacture' ? 'identifiantFactureCPP' : 'idFacture'] },
    ],
    properties: { identifiantFactureCPP: idFacture, idFacture },
});
const text = (maxLength) => ({ type: 'string', maxLength });
exports.facturesSchemas = {
    'deposer/flux': {
        type: 'object',
        required: ['fichierFlux', 'syntaxeFlux'],
        properties: {
            fichierFlux: base64,
            nomFichier: text(200),
            syntaxeFlux: { type: 'string', enum: Object.keys(syntax_1.FLOW_SYNTAXES) },
            avecSignature: { type: ['boolean', 'string'] },
        },
    },
    'deposer/pdf': {
        type: 'object',
        required: ['fichierFacture', 'nomFichier'],
        properties: {
            fichierFacture: base64,
            nomFichier: { type: 'string', minLength: 1, maxLength: 200 },
            formatDepot: {
                type: 'string',
                enum: ['PDF_NON_SIGNE', 'PDF_SIGNE_PADES', 'PDF_SIGNE_XADES', 'DEPOT_PDF_API'],
            },
        },
    },
    soumettre: soumettre_1.soumettreSchema,
    completer: {
        ...invoiceId('identifiantFactureCPP'),
        properties: {
            identifiantFactureCPP: idFacture,
            idFacture,
            commentaire: text(1000),
            // Published: the files added, uploaded before with transverses ajouter/fichier.
            pieceJointeComplementaire: {
                type: 'array',
                items: {
                    type: 'object',
                    required: ['pieceJointeComplementaireId'],
                    properties: {
                        pieceJointeComplementaireId: idFacture,
                        pieceJointeComplementaireDesignation: text(200),
                        pieceJointeComplementaireType: text(50),
                    },
                },
            },
            listePiecesJointes: {
                type: 'array',
                items: { type: 'object', required: ['pieceJointeId'], properties: { pieceJointeId: idFacture } },
            },
        },
    },
    recycler: {
        ...invoiceId('identifiantFactureCPP'),
        properties: {
            identifiantFactureCPP: idFacture,
            idFacture,
            // Published: the new routing data, nested.
            destinataire: {
                type: 'object',
                properties: { codeDestinataire: text(100), codeServiceExecutant: text(100) },
            },
            reference: { type: 'object', properties: { numeroBonCommande: text(50) } },
            codeDestinataire: text(100),
            codeServiceExecutant: text(100),
            numeroBonCommande: text(50),
            commentaire: text(1000),
        },
    },
    consulter: invoiceId('identifiantFactureCPP'),
    'consulter/historique': invoiceId('idFacture'),
    rechercher: {
        type: 'object',
        properties: {
            numeroFluxDepot: text(64),
            numeroFacture: text(100),
            numeroBonCommande: text(50),
            statutFacture: { type: 'string', enum: [...transitions_1.STATUSES] },
            statutCourant: { type: 'array', items: { type: 'string', enum: [...transitions_1.STATUSES] } },
            periodeDateDepotDu: date,
            periodeDateDepotAu: date,
            dateDepotDebut: date,
            dateDepotFin: date,
            paramRecherche: pagination,
            pagination,
            rechercheFactureParFournisseur: pagination,
            rechercheFactureParRecipiendaire: pagination,
        },
    },
    'telecharger/groupe': {
        type: 'object',
        required: ['listeFacture'],
        properties: {
            listeFacture: {
                type: 'array',
                minItems: 1,
                maxItems: 100,
                items: { type: 'object', properties: { identifiantFactureCPP: idFacture, idFacture } },
            },
            format: { type: 'string', enum: ['PDF', 'XML', 'ZIP', 'PIVOT'] },
            avecPiecesJointesComplementaires: { type: 'string', enum: ['OUI', 'NON'] },
        },
    },
    'traiter/recue': {
        type: 'object',
        required: ['idFacture', 'nouveauStatut'],
        properties: {
            idFacture,
            nouveauStatut: { type: 'string', enum: [...transitions_1.STATUSES] },
            motif: text(1000),
            numeroDPMandat: text(100),
            commentaire: text(1000),
        },
    },
    'rechercher/demandePaiement': {
        type: 'object',
        properties: {
            typeDemandePaiement: { type: 'string', enum: reference_lists_1.TYPES_DEMANDE_PAIEMENT },
            typeFactureTravaux: { type: 'string', enum: Object.keys(factures_demande_paiement_1.WORKS_CADRES) },
            roleUtilisateur: text(50),
            statutCourant: { type: 'string', enum: [...transitions_1.STATUSES] },
            numeroFacture: text(100),
            numeroBonCommande: text(50),
            periodeDateDepotDu: date,
            periodeDateDepotAu: date,
            pagination,
            paramRecherche: pagination,
        },
    },
    'rechercher/valideur': {
        type: 'object',
        properties: {
            statutCourant: { type: 'array', items: { type: 'string', enum: [...transitions_1.STATUSES] } },
            numeroFacture: text(100),
            numeroEngagement: text(50),
            periodeDateDepotDu: date,
            periodeDateDepotAu: date,
            pagination,
            paramRecherche: pagination,
        },
    },
    'traiter/factureAValider': {
        type: 'object',
        required: ['idFacture', 'action'],
        properties: {
            idFacture,
            action: { type: 'string', enum: [...factures_valideur_1.ACTIONS_FACTURE] },
            motifRefus: text(1000),
            complementInfo: text(1000),
            idPieceJointe: idFacture,
        },
    },
    'corriger/valideur/facture': {
        type: 'object',
        required: ['idFacture'],
        anyOf: [{ required: ['idStructure'] }, { required: ['identifiantStructure'] }],
        properties: {
            idFacture,
            idStructure: idFacture,
            identifiantStructure: text(100),
            typeIdentifiantStructure: text(50),
        },
    },
    'recuperer/statutsFactureVisibles/valideur': { type: 'object' },
    traiterRejet: {
        type: 'object',
        required: ['listeDemandePaiement'],
        properties: {
            listeDemandePaiement: {
                type: 'array',
                minItems: 1,
                maxItems: 100,
                items: {
                    type: 'object',
                    required: ['idDemandePaiement'],
                    properties: { idDemandePaiement: idFacture },
                },
            },
            motifRejet: text(1000),
            cpltInfos: text(1000),
        },
    },
};
/** One operation: its path, the schemas of its request and answer, its adapter over the services. */
const op = (path, summary, request, answer, run) => ({
    path,
    method: 'post',
    summary,
    request: exports.facturesSchemas[request],
    answer: factures_answers_1.FACTURES_ANSWERS[answer],
    run,
});
/** /cpro/factures/v1: the platform's invoice operations over the same deposit and lifecycle services. */
exports.facturesGroup = {
    name: 'factures',
    operations: [
        op('/deposer/flux', 'Dépôt d’un flux de factures (UBL, CII, Factur-X, PES)', 'deposer/flux', 'deposer/flux', factures_deposit_1.deposerFlux),
        op('/deposer/pdf', 'Dépôt d’une facture PDF : les données lues, à vérifier avant soumettre', 'deposer/pdf', 'deposer/pdf', factures_deposit_1.deposerPdf),
        op('/soumettre', 'Facture saisie (modeDepot SAISIE_API ou DEPOT_PDF_API)', 'soumettre', 'soumettre', factures_deposit_1.soumettre),
        op('/completer', 'Compléter une facture SUSPENDUE (commentaire, pièces jointes)', 'completer', 'completer', factures_lifecycle_1.completer),
        op('/recycler', 'Recycler une facture A_RECYCLER vers un autre destinataire, service ou engagement', 'recycler', 'recycler', factures_lifecycle_1.recycler),
        op('/consulter/fournisseur', 'Consulter une facture émise', 'consulter', 'consulter', (0, factures_read_1.consulter)('supplier')),
        op('/consulter/recipiendaire', 'Consulter une facture reçue', 'consulter', 'consulter', (0, factures_read_1.consulter)('recipient')),
        op('/consulter/valideur', 'Consulter une facture à valider (cadres A9, A12)', 'consulter', 'consulter', factures_valideur_1.consulterValideur),
        op('/consulter/historique', 'Historique des statuts d’une facture', 'consulter/historique', 'consulter/historique', factures_read_1.consulterHistorique),
        op('/rechercher/fournisseur', 'Rechercher les factures émises', 'rechercher', 'rechercher/fournisseur', (0, factures_read_1.rechercher)('supplier')),
        op('/rechercher/recipiendaire', 'Rechercher les factures reçues', 'rechercher', 'rechercher/recipiendaire', (0, factures_read_1.rechercher)('recipient')),
        op('/rechercher/valideur', 'Rechercher les factures à valider (cadres A9, A12)', 'rechercher/valideur', 'rechercher/valideur', factures_valideur_1.rechercherValideur),
        op('/rechercher/demandePaiement', 'Rechercher les demandes de paiement (factures, états de travaux A4 à A8)', 'rechercher/demandePaiement', 'rechercher/demandePaiement', factures_demande_paiement_1.rechercherDemandePaiement),
        op('/telecharger/groupe', 'Télécharger des factures (zip)', 'telecharger/groupe', 'telecharger/groupe', factures_read_1.telechargerGroupe),
        op('/traiter/recue', 'Traiter une facture reçue (nouveau statut)', 'traiter/recue', 'traiter/recue', factures_lifecycle_1.traiterRecue),
        op('/traiter/factureAValider', 'Valider ou refuser une facture à valider', 'traiter/factureAValider', 'traiter/factureAValider', factures_valideur_1.traiterFactureAValider),
        op('/corriger/valideur/facture', 'Corriger le valideur d’une facture', 'corriger/valideur/facture', 'corriger/valideur/facture', factures_valideur_1.corrigerValideur),
        op('/recuperer/statutsFactureVisibles/valideur', 'Statuts dans lesquels un valideur trouve une facture', 'recuperer/statutsFactureVisibles/valideur', 'recuperer/statutsFactureVisibles/valideur', factures_valideur_1.statutsVisiblesValideur),
        op('/traiterRejet', 'Le fournisseur a traité le rejet de ces factures', 'traiterRejet', 'traiterRejet', factures_demande_paiement_1.traiterRejet),
    ],
};
//# sourceMappingURL=factures.js.map