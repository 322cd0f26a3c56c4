"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.referenceListOperations = void 0;
const invoice_1 = require("../../invoice");
const syntax_1 = require("../../flows/syntax");
const transitions_1 = require("../../invoicing/lifecycle/transitions");
const reference_lists_1 = require("./reference-lists");
const schema_1 = require("./schema");
const langue = (0, schema_1.request)({ codeLangue: { type: 'string' } });
/** A list of objects of these string fields. */
const listOf = (name, fields) => (0, schema_1.answer)({ [name]: (0, schema_1.list)((0, schema_1.object)(fields)) });
/** A reference list: a fixed answer, whatever the body. */
const fixed = (path, summary, schema, run) => ({
    path,
    summary,
    request: langue,
    answer: schema,
    run: async () => run(),
});
/** The reference lists of /cpro/transverses, each answered from the list its feature keeps. */
exports.referenceListOperations = [
    fixed('/recuperer/devises', 'Currencies → listeDevises', listOf('listeDevises', { codeDevise: schema_1.string, libelleDevise: schema_1.string }), () => ({ listeDevises: reference_lists_1.DEVISES.map(([codeDevise, libelleDevise]) => ({ codeDevise, libelleDevise })) })),
    fixed('/recuperer/pays', 'Countries → listePays', listOf('listePays', { codePays: schema_1.string, libellePays: schema_1.string }), () => ({ listePays: reference_lists_1.PAYS.map(([codePays, libellePays]) => ({ codePays, libellePays })) })),
    fixed('/recuperer/tauxtva', 'VAT rates → listeTauxTva (codeTauxTva is what soumettre’s ligneTvaTaux names)', listOf('listeTauxTva', { codeTauxTva: schema_1.string, libelleTauxTva: schema_1.string, valeurTauxTva: schema_1.number }), () => ({
        listeTauxTva: reference_lists_1.TAUX_TVA.map((t) => ({
            codeTauxTva: `TVA${t}`,
            libelleTauxTva: `${t.replace('.', ',')} %`,
            valeurTauxTva: Number(t),
        })),
    })),
    fixed('/recuperer/modedepot', 'Deposit modes → listeModeDepot', listOf('listeModeDepot', { modeDepot: schema_1.string }), () => ({ listeModeDepot: reference_lists_1.MODES_DEPOT.map((modeDepot) => ({ modeDepot })) })),
    fixed('/recuperer/modereglements', 'Payment modes → listeModePaiement', listOf('listeModePaiement', { modePaiement: schema_1.string }), () => ({ listeModePaiement: reference_lists_1.MODES_REGLEMENT.map((modePaiement) => ({ modePaiement })) })),
    {
        path: '/recuperer/cadrefacturation',
        summary: 'Billing frameworks → listeCadreFacturation',
        request: (0, schema_1.request)({ typeDemandePaiement: { type: 'string', enum: reference_lists_1.TYPES_DEMANDE_PAIEMENT } }),
        answer: listOf('listeCadreFacturation', { codeCadreFacturation: schema_1.string }),
        run: async () => ({
            listeCadreFacturation: invoice_1.CADRES_DE_FACTURATION.map((codeCadreFacturation) => ({ codeCadreFacturation })),
        }),
    },
    fixed('/recuperer/formatflux', 'Flow syntaxes accepted by deposer/flux → listeFormatFlux', listOf('listeFormatFlux', { formatFlux: schema_1.string }), () => ({ listeFormatFlux: Object.keys(syntax_1.FLOW_SYNTAXES).map((formatFlux) => ({ formatFlux })) })),
    fixed('/recuperer/motifs/exonerationtva', 'Grounds of VAT exemption → listeMotifsExonerationTva', listOf('listeMotifsExonerationTva', {
        codeMotifExonerationTva: schema_1.string,
        libelleMotifExonerationTva: schema_1.string,
    }), () => ({
        listeMotifsExonerationTva: reference_lists_1.MOTIFS_EXONERATION_TVA.map(([code, libelle]) => ({
            codeMotifExonerationTva: code,
            libelleMotifExonerationTva: libelle,
        })),
    })),
    {
        path: '/recuperer/motifs/refus/Facture/AValider',
        summary: 'Why a validator may refuse an invoice to validate → listeMotifRefusFactureAValider',
        request: (0, schema_1.request)({ codeCadreFacturationAValider: { type: 'string', enum: [...invoice_1.CADRES_DE_FACTURATION] } }, [
            'codeCadreFacturationAValider',
        ]),
        answer: listOf('listeMotifRefusFactureAValider', {
            idMotif: schema_1.integer,
            codeMotif: schema_1.string,
            libelleMotif: schema_1.string,
        }),
        run: async () => ({
            listeMotifRefusFactureAValider: reference_lists_1.MOTIFS_REFUS_A_VALIDER.map(([codeMotif, libelleMotif], i) => ({
                idMotif: i + 1,
                codeMotif,
                libelleMotif,
            })),
        }),
    },
    fixed('/recuperer/typedp', 'Kinds of payment request → listeTypeDemandePaiement', listOf('listeTypeDemandePaiement', { typeDemandePaiement: schema_1.string }), () => ({
        listeTypeDemandePaiement: reference_lists_1.TYPES_DEMANDE_PAIEMENT.map((typeDemandePaiement) => ({
            typeDemandePaiement,
        })),
    })),
    {
        path: '/recuperer/etat/typedp',
        summary: 'Statuses a payment request of this kind may take → listeEtatDemandePaiement',
        request: (0, schema_1.request)({ typeDemandePaiement: { type: 'string', enum: reference_lists_1.TYPES_DEMANDE_PAIEMENT } }),
        answer: listOf('listeEtatDemandePaiement', { etatDemandePaiement: schema_1.string }),
        // Every kind goes through the one lifecycle (invoicing/lifecycle/transitions.ts).
        run: async () => ({
            listeEtatDemandePaiement: transitions_1.STATUSES.map((etatDemandePaiement) => ({ etatDemandePaiement })),
        }),
    },
    fixed('/recuperer/typefacturetravaux', 'Works-contract statement types → listeTypeFactureTravaux', listOf('listeTypeFactureTravaux', { typeFactureTravaux: schema_1.string }), () => ({
        listeTypeFactureTravaux: reference_lists_1.TYPES_FACTURE_TRAVAUX.map((typeFactureTravaux) => ({ typeFactureTravaux })),
    })),
    fixed('/recuperer/typeidentifiant/structure', 'Structure identifier types → listeTypeIdentifiant', listOf('listeTypeIdentifiant', { typeIdentifiantStructure: schema_1.string }), () => ({
        listeTypeIdentifiant: reference_lists_1.TYPES_IDENTIFIANT_STRUCTURE.map((typeIdentifiantStructure) => ({
            typeIdentifiantStructure,
        })),
    })),
    {
        path: '/recuperer/typespj',
        summary: 'Attachment types, optionally of one typeObjet → listeTypePieceJointe',
        request: (0, schema_1.request)({ codeLangue: schema_1.string, typeObjet: schema_1.string }),
        answer: listOf('listeTypePieceJointe', {
            idTypePieceJointe: schema_1.integer,
            codeTypePieceJointe: schema_1.string,
            libelleTypePieceJointe: schema_1.string,
            typeObjet: schema_1.string,
        }),
        run: async (_deps, b) => ({
            listeTypePieceJointe: reference_lists_1.TYPES_PIECE_JOINTE.map(([code, libelle, typeObjet], i) => ({
                idTypePieceJointe: i + 1,
                codeTypePieceJointe: code,
                libelleTypePieceJointe: libelle,
                typeObjet,
            })).filter((t) => !b.typeObjet || t.typeObjet === b.typeObjet),
        }),
    },
    {
        path: '/recuperer/etats/traitement',
        summary: 'Statuses the recipient may set next → listeStatutsPossiblesPourTraitement',
        request: (0, schema_1.request)({ statutCourant: { type: 'string', enum: [...transitions_1.STATUSES] } }, ['statutCourant']),
        answer: listOf('listeStatutsPossiblesPourTraitement', { statutPossiblePourTraitement: schema_1.string }),
        run: async (_deps, b) => ({
            listeStatutsPossiblesPourTraitement: (0, transitions_1.allowedNext)(b.statutCourant)
                .filter((t) => t.by === 'recipient')
                .map((t) => ({ statutPossiblePourTraitement: t.to })),
        }),
    },
];
//# sourceMappingURL=transverses-lists.js.map