"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.completer = completer;
exports.recycler = recycler;
exports.traiterRecue = traiterRecue;
const access_1 = require("../../invoicing/access");
const identifiers_1 = require("../../service-mode/identifiers");
const invoice_1 = require("../../workflows/invoice");
const attachments_1 = require("../../invoicing/attachments");
const platform_rules_1 = require("../../invoice/platform-rules");
const wire_1 = require("./wire");
const facture_access_1 = require("./facture-access");
const invoice_wire_1 = require("./invoice-wire");
const lifecycleOf = (deps, id) => deps.client.workflow.getHandle(id);
/** The processing day of a state: its last status change, Paris day. */
const processedOn = (state) => (0, invoice_wire_1.wireDate)(state.history.at(-1).at);
/**
 * The files a supplier adds, uploaded before with transverses ajouter/fichier: the published
 * `pieceJointeComplementaire[{pieceJointeComplementaireId, …}]`, or the older `listePiecesJointes`.
 */
async function addedFiles(deps, b) {
    const published = b.pieceJointeComplementaire ?? [];
    const older = b.listePiecesJointes ?? [];
    const named = [
        ...published.map((p, i) => ({
            id: p.pieceJointeComplementaireId,
            field: `pieceJointeComplementaire.${i}.pieceJointeComplementaireId`,
        })),
        ...older.map((p, i) => ({ id: p.pieceJointeId, field: `listePiecesJointes.${i}.pieceJointeId` })),
    ];
    const hashes = [];
    for (const { id, field } of named) {
        const sha = await (0, identifiers_1.internalId)(deps.db, 'fichier', id);
        if (!sha)
            throw new wire_1.CproError(wire_1.CODES.ATTACHMENT_INVALID, `Pièce jointe ${String(id)} inconnue : déposez-la d’abord (transverses ajouter/fichier).`, field);
        hashes.push(sha);
    }
    return (0, attachments_1.attachmentRefs)(deps.db, hashes);
}
/** completer: the supplier completes a suspended invoice with a comment and files uploaded before. */
async function completer(deps, b, ctx) {
    const { id, row, actor } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, 'supplier', { field: 'identifiantFactureCPP' });
    const attachments = await addedFiles(deps, b);
    const state = await (0, access_1.invoiceUpdate)(id, () => lifecycleOf(deps, id).executeUpdate(invoice_1.complete, {
        args: [{ actor, comment: b.commentaire, attachments }],
    }));
    return {
        identifiantFactureCPP: await (0, identifiers_1.wireId)(deps.db, 'facture', id),
        numeroFacture: row.number,
        dateTraitement: processedOn(state),
    };
}
/**
 * recycler: the supplier sends an A_RECYCLER invoice to another recipient, service or engagement, as
 * published (`destinataire{codeDestinataire, codeServiceExecutant}`, `reference{numeroBonCommande}`);
 * the older top-level fields are read too.
 */
async function recycler(deps, b, ctx) {
    const { id, row, actor } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.identifiantFactureCPP ?? b.idFacture, 'supplier', { field: 'identifiantFactureCPP' });
    const destinataire = (b.destinataire ?? {});
    const reference = (b.reference ?? b.references ?? {});
    const recipient = destinataire.codeDestinataire ?? b.codeDestinataire;
    const state = await (0, access_1.invoiceUpdate)(id, () => lifecycleOf(deps, id).executeUpdate(invoice_1.recycle, {
        args: [
            {
                actor,
                // A SIRET keyed in as people type it is its digits.
                recipientId: recipient !== undefined && /^[\d\s.]+$/.test(recipient) ? (0, platform_rules_1.digitsOnly)(recipient) : recipient,
                serviceCode: destinataire.codeServiceExecutant ?? b.codeServiceExecutant,
                engagementNumber: reference.numeroBonCommande ?? b.numeroBonCommande,
                comment: b.commentaire,
            },
        ],
    }));
    return {
        identifiantFactureCPP: await (0, identifiers_1.wireId)(deps.db, 'facture', id),
        numeroFacture: row.number,
        dateDepot: (0, invoice_wire_1.wireDate)(row.deposited_at),
        statutFacture: state.status,
    };
}
/** traiter/recue: the recipient moves a received invoice to its next status. */
async function traiterRecue(deps, b, ctx) {
    const { id, row, actor } = await (0, facture_access_1.invoiceOfParty)(deps, ctx, b.idFacture, 'recipient', {
        field: 'idFacture',
    });
    const state = await (0, access_1.invoiceUpdate)(id, () => lifecycleOf(deps, id).executeUpdate(invoice_1.changeStatus, {
        args: [
            {
                actor,
                status: b.nouveauStatut,
                reason: b.motif,
                mandateNumber: b.numeroDPMandat,
                comment: b.commentaire,
            },
        ],
    }));
    return {
        idFacture: await (0, identifiers_1.wireId)(deps.db, 'facture', id),
        numeroFacture: row.number,
        nouveauStatut: state.status,
        dateTraitement: processedOn(state),
    };
}
//# sourceMappingURL=factures-lifecycle.js.map