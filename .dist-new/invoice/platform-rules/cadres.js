"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CADRES_DE_FACTURATION = void 0;
exports.isCadreDeFacturation = isCadreDeFacturation;
/**
 * Chorus Pro cadres de facturation (codeCadreFacturation): document type + who deposits it.
 * A1, A2, A3, A9, A12 and A21 carry the platform's own names. The domain reference only describes the
 * others (A4..A8 works-contract statements by the supplier, A10/A11 subcontractor statements, A13/A14
 * co-contractor statements, A15..A18 project-manager "MOE" statements, A19/A20 client "MOA" statements,
 * A22..A25 tacit final statements); their names below are ours, built the same way, and must be
 * checked against the platform's recuperer/cadrefacturation list when it is available.
 */
exports.CADRES_DE_FACTURATION = [
    'A1_FACTURE_FOURNISSEUR',
    'A2_FACTURE_FOURNISSEUR_DEJA_PAYEE',
    'A3_MEMOIRE_JUSTICE',
    'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR',
    'A5_ETAT_ACOMPTE_FOURNISSEUR',
    'A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR',
    'A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR',
    'A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR',
    'A9_FACTURE_SOUSTRAITANT',
    'A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT',
    'A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT',
    'A12_FACTURE_COTRAITANT',
    'A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT',
    'A14_PROJET_DECOMPTE_FINAL_COTRAITANT',
    'A15_ETAT_ACOMPTE_MOE',
    'A16_ETAT_ACOMPTE_VALIDE_MOE',
    'A17_PROJET_DECOMPTE_FINAL_MOE',
    'A18_DECOMPTE_GENERAL_DEFINITIF_MOE',
    'A19_ETAT_ACOMPTE_VALIDE_MOA',
    'A20_DECOMPTE_GENERAL_DEFINITIF_MOA',
    'A21_DEMANDE_REMBOURSEMENT_TIC',
    'A22_PROJET_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR',
    'A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR',
    'A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE',
    'A25_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOA',
];
function isCadreDeFacturation(code) {
    return exports.CADRES_DE_FACTURATION.includes(code);
}
//# sourceMappingURL=cadres.js.map