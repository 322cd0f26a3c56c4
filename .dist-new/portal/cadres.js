"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cadreLabel = cadreLabel;
/**
 * The cadres de facturation as the platform names them to people ("A2 — Facture de fournisseur déjà
 * payée"): who deposits which document, with its accents. A code this list does not know yet is shown
 * from its own words.
 */
const CADRE_LABELS = {
    A1: 'Facture de fournisseur',
    A2: 'Facture de fournisseur déjà payée',
    A3: 'Mémoire de frais de justice',
    A4: 'Projet de décompte mensuel (fournisseur)',
    A5: 'État d’acompte (fournisseur)',
    A6: 'État d’acompte validé (fournisseur)',
    A7: 'Projet de décompte final (fournisseur)',
    A8: 'Décompte général et définitif (fournisseur)',
    A9: 'Facture de sous-traitant',
    A10: 'Projet de décompte mensuel (sous-traitant)',
    A11: 'Projet de décompte final (sous-traitant)',
    A12: 'Facture de cotraitant',
    A13: 'Projet de décompte mensuel (cotraitant)',
    A14: 'Projet de décompte final (cotraitant)',
    A15: 'État d’acompte (maîtrise d’œuvre)',
    A16: 'État d’acompte validé (maîtrise d’œuvre)',
    A17: 'Projet de décompte final (maîtrise d’œuvre)',
    A18: 'Décompte général et définitif (maîtrise d’œuvre)',
    A19: 'État d’acompte validé (maîtrise d’ouvrage)',
    A20: 'Décompte général et définitif (maîtrise d’ouvrage)',
    A21: 'Demande de remboursement de la TIC',
    A22: 'Projet de décompte général et définitif tacite (fournisseur)',
    A23: 'Décompte général et définitif tacite (fournisseur)',
    A24: 'Décompte général et définitif tacite (maîtrise d’œuvre)',
    A25: 'Décompte général et définitif tacite (maîtrise d’ouvrage)',
};
/** "A2_FACTURE_FOURNISSEUR_DEJA_PAYEE" → "A2 — Facture de fournisseur déjà payée". */
function cadreLabel(code) {
    const [id, ...words] = code.split('_');
    const known = CADRE_LABELS[id];
    if (known)
        return `${id} — ${known}`;
    const text = words.join(' ').toLowerCase();
    return `${id} — ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
//# sourceMappingURL=cadres.js.map