"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TYPES_PIECE_JOINTE = exports.TYPES_IDENTIFIANT_STRUCTURE = exports.TYPES_FACTURE_TRAVAUX = exports.TYPES_DEMANDE_PAIEMENT = exports.MOTIFS_REFUS_A_VALIDER = exports.MOTIFS_EXONERATION_TVA = exports.MODES_REGLEMENT = exports.MODES_DEPOT = exports.TAUX_TVA = exports.PAYS = exports.DEVISES = void 0;
/**
 * The reference lists of /cpro/transverses that no feature owns. Invoice statuses are not here: the
 * wire reads the lifecycle's one list (STATUSES, invoicing/lifecycle/transitions.ts), and cadres the
 * platform rules' (CADRES_DE_FACTURATION). Deposit modes are the platform's own; currencies, countries
 * and VAT rates are the common ones (any ISO 4217 / ISO 3166-1 code is accepted in invoices: the
 * EN 16931 code-list rules judge them).
 */
exports.DEVISES = [
    ['EUR', 'Euro'],
    ['USD', 'Dollar des États-Unis'],
    ['GBP', 'Livre sterling'],
    ['CHF', 'Franc suisse'],
    ['JPY', 'Yen'],
    ['CAD', 'Dollar canadien'],
    ['XPF', 'Franc CFP'],
    ['SEK', 'Couronne suédoise'],
    ['DKK', 'Couronne danoise'],
    ['NOK', 'Couronne norvégienne'],
    ['PLN', 'Zloty'],
    ['CZK', 'Couronne tchèque'],
];
exports.PAYS = [
    ['FR', 'France'],
    ['DE', 'Allemagne'],
    ['AT', 'Autriche'],
    ['BE', 'Belgique'],
    ['BG', 'Bulgarie'],
    ['CY', 'Chypre'],
    ['HR', 'Croatie'],
    ['DK', 'Danemark'],
    ['ES', 'Espagne'],
    ['EE', 'Estonie'],
    ['FI', 'Finlande'],
    ['GR', 'Grèce'],
    ['HU', 'Hongrie'],
    ['IE', 'Irlande'],
    ['IT', 'Italie'],
    ['LV', 'Lettonie'],
    ['LT', 'Lituanie'],
    ['LU', 'Luxembourg'],
    ['MT', 'Malte'],
    ['NL', 'Pays-Bas'],
    ['PL', 'Pologne'],
    ['PT', 'Portugal'],
    ['CZ', 'Tchéquie'],
    ['RO', 'Roumanie'],
    ['SK', 'Slovaquie'],
    ['SI', 'Slovénie'],
    ['SE', 'Suède'],
    ['GB', 'Royaume-Uni'],
    ['CH', 'Suisse'],
    ['MC', 'Monaco'],
    ['US', 'États-Unis'],
    ['NC', 'Nouvelle-Calédonie'],
    ['PF', 'Polynésie française'],
];
/** French VAT rates (metropolitan, Corsica and overseas departments), in percent. */
exports.TAUX_TVA = ['20.00', '10.00', '8.50', '5.50', '2.10', '13.00', '1.75', '1.05', '0.90', '0.00'];
exports.MODES_DEPOT = [
    'SAISIE_PORTAIL',
    'DEPOT_PDF_PORTAIL',
    'UPLOAD_PORTAIL',
    'SAISIE_API',
    'DEPOT_PDF_API',
    'UPLOAD_API',
    'EDI',
];
exports.MODES_REGLEMENT = ['CHEQUE', 'PRELEVEMENT', 'VIREMENT', 'ESPECE', 'AUTRE', 'REPORT'];
/** recuperer/motifs/exonerationtva: the French grounds of VAT exemption, coded as EN 16931 reads them (BT-121, VATEX). */
exports.MOTIFS_EXONERATION_TVA = [
    ['VATEX-FR-FRANCHISE', 'TVA non applicable, article 293 B du CGI (franchise en base)'],
    ['VATEX-FR-AE', 'Autoliquidation, article 283 du CGI'],
    ['VATEX-EU-IC', 'Livraison intracommunautaire exonérée, article 262 ter I du CGI'],
    ['VATEX-EU-G', 'Exportation hors Union européenne, article 262 I du CGI'],
    ['VATEX-FR-CGI261-4', 'Exonération, article 261-4 du CGI (enseignement, santé…)'],
    ['VATEX-FR-CNWVAT', 'Opération hors du champ de la TVA'],
];
/** recuperer/motifs/refus/Facture/AValider: why a validator refuses an A9 / A12 invoice. */
exports.MOTIFS_REFUS_A_VALIDER = [
    ['MONTANT_ERRONE', 'Montant erroné'],
    ['PRESTATION_NON_CONFORME', 'Prestation non conforme ou non réalisée'],
    ['PIECE_JUSTIFICATIVE_MANQUANTE', 'Pièce justificative manquante'],
    ['HORS_MARCHE', 'Facture hors du périmètre du marché'],
    ['DOUBLON', 'Facture déjà reçue'],
    ['AUTRE', 'Autre motif'],
];
/** recuperer/typedp: the kinds of payment request, from the billing frameworks (cadres). */
exports.TYPES_DEMANDE_PAIEMENT = [
    'FACTURE',
    'MEMOIRE_JUSTICE',
    'FACTURE_TRAVAUX',
    'DEMANDE_REMBOURSEMENT_TIC',
];
/** recuperer/typefacturetravaux: the works-contract statements of cadres A4 to A8 (and their A10–A25 kin). */
exports.TYPES_FACTURE_TRAVAUX = [
    'PROJET_DECOMPTE_MENSUEL',
    'ETAT_ACOMPTE',
    'ETAT_ACOMPTE_VALIDE',
    'PROJET_DECOMPTE_FINAL',
    'DECOMPTE_GENERAL_DEFINITIF',
];
exports.TYPES_IDENTIFIANT_STRUCTURE = [
    'SIRET',
    'UE_HORS_FRANCE',
    'HORS_UE',
    'RIDET',
    'TAHITI',
    'PARTICULIER',
    'AUTRE',
];
/** recuperer/typespj: attachment types, by the object they attach to (typeObjet). */
exports.TYPES_PIECE_JOINTE = [
    ['FACTURE', 'Facture', 'FACTURE'],
    ['PJ_COMPLEMENTAIRE', 'Pièce jointe complémentaire', 'FACTURE'],
    ['BON_COMMANDE', 'Bon de commande', 'FACTURE'],
    ['BON_LIVRAISON', 'Bon de livraison', 'FACTURE'],
    ['PV_RECEPTION', 'Procès-verbal de réception', 'FACTURE_TRAVAUX'],
    ['KBIS', 'Extrait Kbis', 'STRUCTURE'],
    ['RIB', 'Relevé d’identité bancaire', 'CB'],
    ['MANDAT', 'Mandat de facturation', 'MANDAT'],
    ['PIECE_IDENTITE', 'Pièce d’identité', 'UTILISATEUR'],
    ['AUTRE', 'Autre document', 'TRANSVERSE'],
];
//# sourceMappingURL=reference-lists.js.map