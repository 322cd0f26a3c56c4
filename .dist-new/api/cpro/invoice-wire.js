"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.typeFacture = void 0;
exports.wireDate = wireDate;
exports.wireDateTime = wireDateTime;
exports.wireIdsOf = wireIdsOf;
exports.factureOf = factureOf;
exports.factureRowOf = factureRowOf;
exports.rowIdOf = rowIdOf;
exports.paging = paging;
const identifiers_1 = require("../../service-mode/identifiers");
/** Amounts are decimal text in the read model; the wire gives numbers. */
const amount = (v) => (v === null || v === undefined || v === '' ? null : Number(v));
const iso = (v) => (v ? new Date(v).toISOString() : null);
/** The platform's clock: dates and times on its wire are Paris time. */
const PARIS = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
});
function parisParts(v) {
    const parts = Object.fromEntries(PARIS.formatToParts(v instanceof Date ? v : new Date(String(v))).map((p) => [p.type, p.value]));
    return parts;
}
/** A date-only field (`dateDepot`, `dateTraitement`): the Paris day of an instant, `YYYY-MM-DD`. */
function wireDate(v) {
    if (v === null || v === undefined || v === '')
        return null;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
        return v;
    const p = parisParts(v);
    return `${p.year}-${p.month}-${p.day}`;
}
/** A date and time as the platform writes them (`histoStatutDatePassage`): `YYYY-MM-DD HH:mm`, Paris time. */
function wireDateTime(v) {
    if (v === null || v === undefined || v === '')
        return null;
    const p = parisParts(v);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
const day = wireDate;
/** typeFacture from the EN 16931 type code (BT-3): credit notes are AVOIR. */
const typeFacture = (typeCode) => (String(typeCode) === '381' ? 'AVOIR' : 'FACTURE');
exports.typeFacture = typeFacture;
/**
 * An invoice of the read model as the platform's `facture` object names its facts (the shape the
 * Go SDK decodes: fournisseur, destinataire, references, montantTotal, cadreDeFacturation).
 */
/** The wire integers of a page of invoices and of the structures they name, read in a few queries. */
async function wireIdsOf(db, rows) {
    const structures = rows
        .flatMap((r) => [r.supplier_structure_id, r.recipient_structure_id])
        .filter((id) => typeof id === 'string');
    return {
        facture: await (0, identifiers_1.wireIds)(db, 'facture', rows.map((r) => r.id)),
        structure: await (0, identifiers_1.wireIds)(db, 'structure', structures),
    };
}
function factureOf(row, ids) {
    const structure = (id) => (typeof id === 'string' ? (ids.structure.get(id) ?? null) : null);
    return {
        identifiantFactureCPP: ids.facture.get(row.id),
        numeroFacture: row.number,
        statutFacture: row.status,
        modeDepot: row.deposit_mode,
        fournisseur: {
            idFournisseur: structure(row.supplier_structure_id),
            codeFournisseur: row.supplier_id,
            designationFournisseur: row.supplier_name ?? null,
        },
        destinataire: {
            idDestinataire: structure(row.recipient_structure_id),
            codeDestinataire: row.recipient_id ?? null,
            libelleDestinataire: row.recipient_name ?? null,
            codeServiceExecutant: row.service_code ?? null,
        },
        references: {
            typeFacture: (0, exports.typeFacture)(row.type_code),
            codeDeviseFacture: row.currency ?? null,
            dateFacture: row.issue_date ?? null,
            dateDepot: day(row.deposited_at),
            dateEcheancePaiement: row.due_date ?? null,
            numeroBonCommande: row.engagement_number ?? null,
            numeroDpMandat: row.mandate_number ?? null,
        },
        montantTotal: {
            montantHtTotal: amount(row.total_without_vat),
            montantTVA: amount(row.total_vat),
            montantTtcTotal: amount(row.total_with_vat),
            montantAPayer: amount(row.amount_due ?? row.total_with_vat),
        },
        cadreDeFacturation: { codeCadreFacturation: row.cadre ?? 'A1_FACTURE_FOURNISSEUR' },
    };
}
/**
 * The facts of a row of rechercher/fournisseur, rechercher/recipiendaire and the other searches, with
 * `statut` as published; each search names the invoice's integer as its side publishes it
 * (`rowIdOf`).
 */
function factureRowOf(row, ids) {
    const f = factureOf(row, ids);
    return {
        id: f.identifiantFactureCPP,
        numeroFacture: f.numeroFacture,
        statut: f.statutFacture,
        dateHeureEtatCourant: iso(row.status_at),
        dateFacture: f.references.dateFacture,
        dateDepot: f.references.dateDepot,
        typeFacture: f.references.typeFacture,
        devise: f.references.codeDeviseFacture,
        montantHT: f.montantTotal.montantHtTotal,
        montantTTC: f.montantTotal.montantTtcTotal,
        montantAPayer: f.montantTotal.montantAPayer,
        idFournisseur: f.fournisseur.idFournisseur,
        codeFournisseur: f.fournisseur.codeFournisseur,
        designationFournisseur: f.fournisseur.designationFournisseur,
        idDestinataire: f.destinataire.idDestinataire,
        codeDestinataire: f.destinataire.codeDestinataire,
        designationDestinataire: f.destinataire.libelleDestinataire,
        codeServiceExecutant: f.destinataire.codeServiceExecutant,
        numeroBonCommande: f.references.numeroBonCommande,
    };
}
/**
 * A search row as its side publishes it: `identifiantFactureCPP` in rechercher/fournisseur's rows,
 * `idFacture` in rechercher/recipiendaire's (rechercherFactureParFournisseur / ParRecipiendaire).
 */
function rowIdOf(side, row) {
    const { id, ...rest } = row;
    return side === 'supplier' ? { identifiantFactureCPP: id, ...rest } : { idFacture: id, ...rest };
}
/** The platform's paging objects: asked as {pageResultatDemandee, nbResultatsParPage}, answered as parametresRetour. */
function paging(p) {
    const page = Math.max(1, Math.trunc(p?.pageResultatDemandee ?? 1));
    // Clients ask for up to 10,000 at once (Odoo's list of services).
    const pageSize = Math.min(10_000, Math.max(1, Math.trunc(p?.nbResultatsParPage ?? 100)));
    return {
        page,
        pageSize,
        answer: (total) => ({
            total,
            pageCourante: page,
            pages: Math.max(1, Math.ceil(total / pageSize)),
            nbResultatsParPage: pageSize,
        }),
    };
}
//# sourceMappingURL=invoice-wire.js.map