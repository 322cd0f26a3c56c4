"use strict";
/**
 * The invoice lifecycle as one table: which statutFacture may follow which, who sets it, and what it
 * needs. The workflow's update validators and the API's list of allowed actions both read it, so they
 * cannot disagree. The one list of statuses, with their reform codes and French labels, lives here too.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.VALIDATION_STATUSES = exports.VALIDATED_CADRES = exports.FINAL_STATUSES = exports.statusLabel = exports.isInvoiceStatus = exports.STATUS_OPTIONS = exports.STATUS_LABELS = exports.STATUSES = void 0;
exports.reformCode = reformCode;
exports.allowedNext = allowedNext;
exports.findTransition = findTransition;
exports.STATUSES = [
    'DEPOSEE',
    'A_VALIDER_1',
    'VALIDEE_1',
    'REFUSEE_1',
    'ABSENCE_VALIDATION_1_HORS_DELAI',
    'EN_COURS_ACHEMINEMENT',
    'MISE_A_DISPOSITION',
    'SUSPENDUE',
    'COMPLETEE',
    'A_RECYCLER',
    'REJETEE',
    'SERVICE_FAIT',
    'MANDATEE',
    'MISE_A_DISPOSITION_COMPTABLE',
    'COMPTABILISEE',
    'MISE_EN_PAIEMENT',
];
/** statutFacture in the platform's French wording, as the portal shows it. */
exports.STATUS_LABELS = {
    DEPOSEE: 'Déposée',
    A_VALIDER_1: 'À valider',
    VALIDEE_1: 'Validée',
    REFUSEE_1: 'Refusée par le valideur',
    ABSENCE_VALIDATION_1_HORS_DELAI: 'Absence de validation dans les délais',
    EN_COURS_ACHEMINEMENT: 'En cours d’acheminement',
    MISE_A_DISPOSITION: 'Mise à disposition',
    SUSPENDUE: 'Suspendue',
    COMPLETEE: 'Complétée',
    A_RECYCLER: 'À recycler',
    REJETEE: 'Rejetée',
    SERVICE_FAIT: 'Service fait',
    MANDATEE: 'Mandatée',
    MISE_A_DISPOSITION_COMPTABLE: 'Mise à disposition comptable',
    COMPTABILISEE: 'Comptabilisée',
    MISE_EN_PAIEMENT: 'Mise en paiement',
};
/** Every status with its label, in lifecycle order (a filter's options). */
exports.STATUS_OPTIONS = exports.STATUSES.map((s) => [s, exports.STATUS_LABELS[s]]);
const isInvoiceStatus = (s) => exports.STATUSES.includes(s);
exports.isInvoiceStatus = isInvoiceStatus;
/** A status's label; an unknown code (an older read model) shows as is. */
const statusLabel = (s) => ((0, exports.isInvoiceStatus)(s) ? exports.STATUS_LABELS[s] : s);
exports.statusLabel = statusLabel;
/**
 * The 2026 reform's status codes. The two models do not match one to one; our choices:
 * routing (EN_COURS_ACHEMINEMENT) is 201 "Émise par la plateforme"; reaching a space to act in
 * (MISE_A_DISPOSITION, A_VALIDER_1) is 203; the first processing step (SERVICE_FAIT) is 204 "Prise en
 * charge"; the accounting steps and a validator's approval (or its tacit form, out of time) are 205
 * "Approuvée"; A_RECYCLER, a dispute about the routing data, is 207 "En litige"; MISE_EN_PAIEMENT is 211
 * "Paiement transmis". REJETEE is 213 "Rejetée" when the platform's checks refuse the deposit and 210
 * "Refusée" when the buyer refuses it, as is REFUSEE_1 by the validator. 202 (received by the
 * recipient's own platform) and 212 (cashed, a supplier-side fact) have no Chorus Pro counterpart.
 */
const REFORM_CODES = {
    DEPOSEE: 200,
    EN_COURS_ACHEMINEMENT: 201,
    A_VALIDER_1: 203,
    MISE_A_DISPOSITION: 203,
    SERVICE_FAIT: 204,
    VALIDEE_1: 205,
    ABSENCE_VALIDATION_1_HORS_DELAI: 205,
    MANDATEE: 205,
    MISE_A_DISPOSITION_COMPTABLE: 205,
    COMPTABILISEE: 205,
    A_RECYCLER: 207,
    SUSPENDUE: 208,
    COMPLETEE: 209,
    REFUSEE_1: 210,
    REJETEE: 210,
    MISE_EN_PAIEMENT: 211,
};
function reformCode(status, by) {
    return status === 'REJETEE' && by === 'platform' ? 213 : REFORM_CODES[status];
}
const buyer = (to, needs = []) => ({
    to,
    by: 'recipient',
    needs,
});
const payment = [buyer('MISE_EN_PAIEMENT')];
const accounting = [buyer('COMPTABILISEE'), ...payment];
const mandated = [buyer('MISE_A_DISPOSITION_COMPTABLE'), ...accounting];
const returns = [
    buyer('SUSPENDUE', ['reason']),
    buyer('REJETEE', ['reason']),
    buyer('A_RECYCLER', ['reason']),
];
// The buyer may skip the optional steps, e.g. go straight to MISE_EN_PAIEMENT.
const inBuyersSpace = [...returns, buyer('SERVICE_FAIT'), buyer('MANDATEE', ['mandateNumber']), ...mandated];
const TABLE = {
    A_VALIDER_1: [
        { to: 'VALIDEE_1', by: 'validator', needs: [] },
        { to: 'REFUSEE_1', by: 'validator', needs: ['reason'] },
    ],
    MISE_A_DISPOSITION: inBuyersSpace,
    COMPLETEE: inBuyersSpace,
    SERVICE_FAIT: [...returns, buyer('MANDATEE', ['mandateNumber']), ...mandated],
    MANDATEE: mandated,
    MISE_A_DISPOSITION_COMPTABLE: accounting,
    COMPTABILISEE: payment,
    SUSPENDUE: [{ to: 'COMPLETEE', by: 'supplier', needs: [] }],
    // Recycling sends the invoice back through routing, under the same number.
    A_RECYCLER: [{ to: 'EN_COURS_ACHEMINEMENT', by: 'supplier', needs: [] }],
};
/** The statuses a person may set from `from`, with who sets each and what it needs. */
function allowedNext(from) {
    return TABLE[from] ?? [];
}
function findTransition(from, to) {
    return allowedNext(from).find((t) => t.to === to);
}
/** No one may change these any more (REJETEE still waits for the supplier's acknowledgement). */
exports.FINAL_STATUSES = ['REJETEE', 'REFUSEE_1', 'MISE_EN_PAIEMENT'];
/** Cadres whose invoices first go to a validator (the main contractor). */
exports.VALIDATED_CADRES = ['A9_FACTURE_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT'];
/**
 * The statuses an A9 / A12 validator sees an invoice in: waiting for its decision, and the outcomes of
 * the validation step (its own decision, or the deadline passing).
 */
exports.VALIDATION_STATUSES = [
    'A_VALIDER_1',
    ...new Set(TABLE.A_VALIDER_1.map((t) => t.to)),
    'ABSENCE_VALIDATION_1_HORS_DELAI',
];
//# sourceMappingURL=transitions.js.map