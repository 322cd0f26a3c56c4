"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACTIONS_FACTURE = void 0;
exports.consulterValideur = consulterValideur;
exports.rechercherValideur = rechercherValideur;
exports.statutsVisiblesValideur = statutsVisiblesValideur;
exports.traiterFactureAValider = traiterFactureAValider;
exports.corrigerValideur = corrigerValideur;
const access_1 = require("../../invoicing/access");
const read_model_1 = require("../../invoicing/read-model");
const transitions_1 = require("../../invoicing/lifecycle/transitions");
const identifiers_1 = require("../../service-mode/identifiers");
const validator_correction_1 = require("../../invoicing/validator-correction");
const domain_error_1 = require("../../platform/domain-error");
const invoice_1 = require("../../workflows/invoice");
const wire_1 = require("./wire");
const facture_access_1 = require("./facture-access");
const invoice_wire_1 = require("./invoice-wire");
/** traiter/factureAValider `action`: what a validator decides, as the A9 / A12 circuit's status. */
const DECISIONS = { VALIDATION: 'VALIDEE_1', REFUS: 'REFUSEE_1' };
/** The published actions; the others are a recipient's, never a validator's. */
exports.ACTIONS_FACTURE = [
    'VALIDATION',
    'REFUS',
    'MISE_EN_PAIEMENT',
    'MISE_EN_RECYCLAGE',
    'SUSPENSION',
    'REJET',
];
/** consulter/valideur: one invoice the technical account's structure validates (A9 / A12). */
async function consulterValideur(deps, b, ctx) {
    const { row } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, 'validator', {
        field: 'identifiantFactureCPP',
    });
    return { facture: (0, invoice_wire_1.factureOf)(row, await (0, invoice_wire_1.wireIdsOf)(deps.db, [row])) };
}
/** rechercher/valideur: the invoices the structure validates, newest first. */
async function rechercherValideur(deps, b, ctx) {
    const p = (0, invoice_wire_1.paging)((b.pagination ?? b.paramRecherche));
    const statuses = b.statutCourant;
    const found = await (0, read_model_1.invoiceRowsOf)(deps.db, await (0, access_1.actorOf)(deps.db, ctx.caller), 'validator', {
        statuses: statuses?.length ? statuses : undefined,
        number: b.numeroFacture,
        engagementNumber: b.numeroEngagement,
        from: b.periodeDateDepotDu?.slice(0, 10),
        to: b.periodeDateDepotAu?.slice(0, 10),
    }, { sort: '-depositedAt', limit: p.pageSize, offset: (p.page - 1) * p.pageSize });
    const ids = await (0, invoice_wire_1.wireIdsOf)(deps.db, found.rows);
    const listeFactures = found.rows.map((r) => {
        const f = (0, invoice_wire_1.factureRowOf)(r, ids);
        return {
            idFacture: f.id,
            numeroFacture: f.numeroFacture,
            typeFacture: f.typeFacture,
            statut: f.statut,
            dateFacture: f.dateFacture,
            dateDepot: f.dateDepot,
            devise: f.devise,
            montantHT: f.montantHT,
            montantTTC: f.montantTTC,
            montantAPayer: f.montantAPayer,
            idFournisseur: f.idFournisseur,
            identifiantFournisseur: f.codeFournisseur,
            designationFournisseur: f.designationFournisseur,
            idDestinataire: f.idDestinataire,
            identifiantDestinataire: f.codeDestinataire,
            designationDestinataire: f.designationDestinataire,
            codeServiceExecutant: f.codeServiceExecutant,
            numeroEngagement: f.numeroBonCommande,
            identifiantValideur: r.validator_id ?? null,
        };
    });
    return { listeFactures, parametresRetour: p.answer(found.total) };
}
/** recuperer/statutsFactureVisibles/valideur: the statuses a validator finds invoices in. */
async function statutsVisiblesValideur() {
    return { listeStatutFacture: transitions_1.VALIDATION_STATUSES.map((codeStatutFacture) => ({ codeStatutFacture })) };
}
/** traiter/factureAValider: the validator approves (VALIDATION) or refuses (REFUS, with motifRefus). */
async function traiterFactureAValider(deps, b, ctx) {
    const { id, row, actor } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.idFacture, 'validator', {
        field: 'idFacture',
    });
    const status = DECISIONS[b.action];
    if (!status)
        throw new wire_1.CproError(wire_1.CODES.TRANSITION_NOT_ALLOWED, `Action ${String(b.action)} : un valideur valide (VALIDATION) ou refuse (REFUS) une facture à valider.`, 'action');
    const state = await (0, access_1.invoiceUpdate)(id, () => deps.client.workflow.getHandle(id).executeUpdate(invoice_1.changeStatus, {
        args: [
            {
                actor,
                status,
                reason: b.motifRefus ?? b.motif,
                comment: b.complementInfo,
            },
        ],
    }));
    return {
        idFacture: await (0, identifiers_1.wireId)(deps.db, 'facture', id),
        numeroFacture: row.number,
        statutFacture: state.status,
        dateTraitement: (0, invoice_wire_1.wireDate)(state.history.at(-1).at),
    };
}
/**
 * corriger/valideur/facture: the supplier names another validator structure (idStructure, or
 * identifiantStructure with typeIdentifiantStructure) for an invoice its validator refused (REFUSEE_1)
 * or has not decided yet; the invoice waits in A_VALIDER_1 for the new one.
 */
async function corrigerValideur(deps, b, ctx) {
    const { id, actor } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.idFacture, 'supplier', { field: 'idFacture' });
    const byId = b.idStructure !== undefined;
    const structureId = byId ? await (0, identifiers_1.internalId)(deps.db, 'structure', b.idStructure) : undefined;
    if (byId && !structureId)
        throw new wire_1.CproError(wire_1.CODES.STRUCTURE_NOT_FOUND, `Aucune structure ${String(b.idStructure)}.`, 'idStructure');
    const validator = await (0, validator_correction_1.validatorNamed)(deps.db, { structureId, identifier: byId ? undefined : b.identifiantStructure }, byId ? 'idStructure' : 'identifiantStructure');
    await (0, access_1.invoiceUpdate)(id, () => deps.client.workflow
        .getHandle(id)
        .executeUpdate(invoice_1.correctValidator, { args: [{ actor, ...validator }] })).catch((err) => {
        // The workflow names its own field: on this wire the validator is idStructure.
        if (err instanceof domain_error_1.DomainError && err.code === 'VALIDATOR_NOT_ALLOWED')
            throw new domain_error_1.DomainError(err.code, err.message, { field: byId ? 'idStructure' : 'identifiantStructure' });
        throw err;
    });
    return { idFacture: await (0, identifiers_1.wireId)(deps.db, 'facture', id) };
}
//# sourceMappingURL=factures-valideur.js.map