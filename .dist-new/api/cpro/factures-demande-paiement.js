"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORKS_CADRES = void 0;
exports.rechercherDemandePaiement = rechercherDemandePaiement;
exports.traiterRejet = traiterRejet;
const access_1 = require("../../invoicing/access");
const read_model_1 = require("../../invoicing/read-model");
const invoice_1 = require("../../workflows/invoice");
const wire_1 = require("./wire");
const facture_access_1 = require("./facture-access");
const invoice_wire_1 = require("./invoice-wire");
/**
 * typeFactureTravaux → the cadre a supplier deposits that statement under (A4 to A8). The works
 * statements of the other parties (subcontractors A10/A11, co-contractors A13/A14, project manager
 * A15–A18, client A19/A20, tacit statements A22–A25) go through the project manager's and client's
 * circuit, which the platform does not run.
 */
exports.WORKS_CADRES = {
    PROJET_DECOMPTE_MENSUEL: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR',
    ETAT_ACOMPTE: 'A5_ETAT_ACOMPTE_FOURNISSEUR',
    ETAT_ACOMPTE_VALIDE: 'A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR',
    PROJET_DECOMPTE_FINAL: 'A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR',
    DECOMPTE_GENERAL_DEFINITIF: 'A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR',
};
const TYPE_OF_CADRE = {
    A3_MEMOIRE_JUSTICE: 'MEMOIRE_JUSTICE',
    A21_DEMANDE_REMBOURSEMENT_TIC: 'DEMANDE_REMBOURSEMENT_TIC',
    ...Object.fromEntries(Object.values(exports.WORKS_CADRES).map((c) => [c, 'FACTURE_TRAVAUX'])),
};
const TRAVAUX_OF_CADRE = Object.fromEntries(Object.entries(exports.WORKS_CADRES).map(([t, c]) => [c, t]));
/** The roles of the works circuit (project manager, client) and their search fields: not served. */
const WORKS_FLOW_FIELDS = ['structureMoe', 'structureMoa', 'idServiceMoe', 'idServiceMoa'];
const WORKS_FLOW_ROLES = ['MOE', 'MOA', 'MAITRE_OEUVRE', 'MAITRE_OUVRAGE'];
const unsupportedWorksFlow = (field) => new wire_1.CproError(wire_1.CODES.REFUSED, 'Le circuit des factures de travaux par la maîtrise d’œuvre et la maîtrise d’ouvrage (MOE / MOA) ' +
    'n’est pas pris en charge ; seuls les états déposés par le fournisseur (cadres A4 à A8) sont recherchés.', field, 400, 'WORKS_FLOW_NOT_SUPPORTED');
/** The cadres a search names by typeDemandePaiement and typeFactureTravaux (none: every invoice). */
function cadresOf(b) {
    for (const field of WORKS_FLOW_FIELDS)
        if (b[field] !== undefined)
            throw unsupportedWorksFlow(field);
    if (WORKS_FLOW_ROLES.includes(b.roleUtilisateur))
        throw unsupportedWorksFlow('roleUtilisateur');
    const travaux = b.typeFactureTravaux;
    if (travaux)
        return [exports.WORKS_CADRES[travaux]];
    switch (b.typeDemandePaiement) {
        case 'FACTURE_TRAVAUX':
            return Object.values(exports.WORKS_CADRES);
        case 'MEMOIRE_JUSTICE':
            return ['A3_MEMOIRE_JUSTICE'];
        case 'DEMANDE_REMBOURSEMENT_TIC':
            return ['A21_DEMANDE_REMBOURSEMENT_TIC'];
        default:
            return undefined;
    }
}
/** The sides a search covers: the role asked, else the structure's invoices sent and received. */
function sidesOf(role) {
    if (role === 'FOURNISSEUR')
        return ['supplier'];
    if (role === 'DESTINATAIRE' || role === 'RECIPIENDAIRE')
        return ['recipient'];
    if (role === 'VALIDEUR')
        return ['validator'];
    return ['supplier', 'recipient'];
}
/**
 * rechercher/demandePaiement: the payment requests (invoices, court fee statements, TIC refunds and the
 * supplier's works statements A4–A8) of the technical account's structure, newest first.
 */
async function rechercherDemandePaiement(deps, b, ctx) {
    const cadres = cadresOf(b);
    const p = (0, invoice_wire_1.paging)((b.pagination ?? b.paramRecherche));
    const actor = await (0, access_1.actorOf)(deps.db, ctx.caller);
    const filter = {
        cadres,
        status: b.statutCourant,
        number: b.numeroFacture,
        engagementNumber: b.numeroBonCommande,
        from: b.periodeDateDepotDu?.slice(0, 10),
        to: b.periodeDateDepotAu?.slice(0, 10),
    };
    const window = { sort: '-depositedAt', limit: p.page * p.pageSize, offset: 0 };
    let total = 0;
    const byId = new Map();
    for (const side of sidesOf(b.roleUtilisateur)) {
        const found = await (0, read_model_1.invoiceRowsOf)(deps.db, actor, side, filter, window);
        total += found.total;
        for (const r of found.rows)
            byId.set(r.id, r);
    }
    const rows = [...byId.values()]
        .sort((x, y) => Date.parse(String(y.deposited_at)) - Date.parse(String(x.deposited_at)))
        .slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
    const ids = await (0, invoice_wire_1.wireIdsOf)(deps.db, rows);
    // Published without paging objects: each row carries nombreResultatTotal.
    return { listeDemandePaiement: rows.map((r) => demandePaiementOf(r, ids, total)) };
}
function demandePaiementOf(r, ids, total) {
    const f = (0, invoice_wire_1.factureRowOf)(r, ids);
    const cadre = r.cadre ?? 'A1_FACTURE_FOURNISSEUR';
    return {
        idDemandePaiement: f.id,
        numeroDemandePaiement: f.numeroFacture,
        typeDemandePaiement: TYPE_OF_CADRE[cadre] ?? 'FACTURE',
        typeFacture: f.typeFacture,
        typeFactureTravaux: TRAVAUX_OF_CADRE[cadre] ?? null,
        cadreFacturation: cadre,
        etatCourant: f.statut,
        dateHeureEtatCourant: f.dateHeureEtatCourant,
        dateDepot: f.dateDepot,
        dateFournisseur: f.dateFacture,
        idStructureFournisseur: f.idFournisseur,
        identifiantStructureFournisseur: f.codeFournisseur,
        idStructureDestinataire: f.idDestinataire,
        identifiantStructureDestinataire: f.codeDestinataire,
        codeServiceDestinataire: f.codeServiceExecutant,
        montantHT: f.montantHT,
        montantTTC: f.montantTTC,
        montantAPayer: f.montantAPayer,
        numeroBonCommande: f.numeroBonCommande,
        numeroDpMandat: r.mandate_number ?? null,
        dpOuDpArchive: 'DEMANDE_PAIEMENT',
        nombreResultatTotal: String(total),
    };
}
/**
 * traiterRejet: the supplier states it has handled the rejection of these invoices (REJETEE), which
 * ends their story.
 */
async function traiterRejet(deps, b, ctx) {
    const items = b.listeDemandePaiement;
    for (const [i, item] of items.entries()) {
        const { id, actor } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, item.idDemandePaiement, 'supplier', {
            field: `listeDemandePaiement.${i}.idDemandePaiement`,
        });
        await (0, access_1.invoiceUpdate)(id, () => deps.client.workflow
            .getHandle(id)
            .executeUpdate(invoice_1.acknowledgeRejection, { args: [{ actor }] }));
    }
    return {};
}
//# sourceMappingURL=factures-demande-paiement.js.map