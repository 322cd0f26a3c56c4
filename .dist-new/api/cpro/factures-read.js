"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rechercher = exports.consulter = void 0;
exports.consulterHistorique = consulterHistorique;
exports.telechargerGroupe = telechargerGroupe;
const reports_1 = require("../../flows/reports");
const access_1 = require("../../invoicing/access");
const read_model_1 = require("../../invoicing/read-model");
const renditions_1 = require("../../invoicing/lifecycle/renditions");
const identifiers_1 = require("../../service-mode/identifiers");
const invoice_wire_1 = require("./invoice-wire");
const wire_1 = require("./wire");
const facture_access_1 = require("./facture-access");
const messages_1 = require("../../invoice/messages");
const zip_1 = require("./zip");
/** consulter/fournisseur and consulter/recipiendaire: one invoice, seen from that side. */
const consulter = (side) => async (deps, b, ctx) => {
    const { row } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, side, {
        field: 'identifiantFactureCPP',
    });
    return { facture: (0, invoice_wire_1.factureOf)(row, await (0, invoice_wire_1.wireIdsOf)(deps.db, [row])) };
};
exports.consulter = consulter;
/** consulter/historique: the invoice's statuses, each with why the platform's checks refused it if they did. */
async function consulterHistorique(deps, b, ctx) {
    const { id, row } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.idFacture ?? b.identifiantFactureCPP, 'any', {
        field: 'idFacture',
    });
    const history = await (0, read_model_1.invoiceHistory)(deps.db, id);
    return {
        idFacture: await (0, identifiers_1.wireId)(deps.db, 'facture', id),
        numeroFacture: row.number,
        modeDepot: row.deposit_mode,
        statutCourantCode: row.status,
        historiquesDesStatuts: {
            totalHistoStatut: history.length,
            pageCouranteHistoStatut: 1,
            pagesHistoStatut: 1,
            nbResultatsParPageHistoStatut: history.length,
            histoStatut: history.map(histoStatutOf),
        },
    };
}
function histoStatutOf(h) {
    return {
        histoStatutId: h.seq,
        histoStatutCode: h.status,
        histoStatutCodeReforme: h.reformCode === undefined ? null : Number(h.reformCode),
        histoStatutDatePassage: (0, invoice_wire_1.wireDateTime)(h.at),
        histoStatutActeur: h.by ?? null,
        histoStatutCommentaire: h.comment ?? null,
        histoStatutMotif: h.reason ?? null,
        histoStatutNumeroDPMandat: h.mandateNumber ?? null,
        // Each fatal finding with its official rule id.
        histoStatutErreurs: (h.reasons ?? [])
            .filter((f) => f.severity === 'fatal')
            .map((f) => `${f.rule}: ${(0, messages_1.localizeFinding)(f, 'fr').message}`),
    };
}
/** rechercher/fournisseur and rechercher/recipiendaire: the structure's invoices on that side, newest first. */
const rechercher = (side) => async (deps, b, ctx) => {
    const p = (0, invoice_wire_1.paging)((b.paramRecherche ??
        b.pagination ??
        b.rechercheFactureParFournisseur ??
        b.rechercheFactureParRecipiendaire));
    const found = await (0, read_model_1.invoiceRowsOf)(deps.db, await (0, access_1.actorOf)(deps.db, ctx.caller), side, {
        status: b.statutFacture,
        statuses: b.statutCourant,
        from: (b.periodeDateDepotDu ?? b.dateDepotDebut)?.slice(0, 10),
        to: (b.periodeDateDepotAu ?? b.dateDepotFin)?.slice(0, 10),
        number: b.numeroFacture,
        engagementNumber: b.numeroBonCommande,
        flowDepositedAt: b.numeroFluxDepot
            ? await flowDepositInstant(deps, ctx, b.numeroFluxDepot)
            : undefined,
    }, { sort: '-depositedAt', limit: p.pageSize, offset: (p.page - 1) * p.pageSize });
    const ids = await (0, invoice_wire_1.wireIdsOf)(deps.db, found.rows);
    const listeFactures = found.rows.map((r) => (0, invoice_wire_1.rowIdOf)(side, (0, invoice_wire_1.factureRowOf)(r, ids)));
    // Paging as each side publishes it: parametresRetour for the supplier's search, at the top level
    // for the recipient's.
    const paged = p.answer(found.total);
    return side === 'supplier' ? { listeFactures, parametresRetour: paged } : { listeFactures, ...paged };
};
exports.rechercher = rechercher;
/** A flow's invoices are filed at the flow's deposit instant. */
async function flowDepositInstant(deps, ctx, numero) {
    const flow = await (0, reports_1.readableFlow)(deps.db, numero, ctx.caller).catch(() => undefined);
    if (!flow)
        throw new wire_1.CproError(wire_1.CODES.FLOW_NOT_FOUND, `Aucun flux ${numero}.`, 'numeroFluxDepot');
    // As the flow's row holds it (a Date on PostgreSQL), so it compares equal to its invoices' column.
    return flow.deposited_at;
}
/** telecharger/groupe: the invoices' files in one zip, as the platform answers a group download. */
async function telechargerGroupe(deps, b, ctx) {
    const format = b.format ?? 'PDF';
    const files = [];
    const items = b.listeFacture;
    for (const [i, item] of items.entries()) {
        const { row } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, item.identifiantFactureCPP ?? item.idFacture, 'any', {
            field: `listeFacture.${i}.identifiantFactureCPP`,
            libelle: 'Facture inconnue pour cette structure.',
        });
        const deposited = await deps.blobs.get(row.blob_sha256);
        const depositedAt = new Date(row.deposited_at);
        const r = format === 'PDF'
            ? await (0, renditions_1.renderAs)(deposited, 'pdf', depositedAt)
            : format === 'XML'
                ? await (0, renditions_1.renderAs)(deposited, 'ubl', depositedAt)
                : await (0, renditions_1.renderAs)(deposited, 'original');
        files.push({ name: `${row.number}.${r.extension}`.replace(/[^\w.-]/g, '_'), bytes: r.bytes });
    }
    // A zip whatever the format asked (its files are in that format), as the platform answers.
    return { fichierResultat: Buffer.from((0, zip_1.zipOf)(files)).toString('base64') };
}
//# sourceMappingURL=factures-read.js.map