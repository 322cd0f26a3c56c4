"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deposerFlux = deposerFlux;
exports.deposerPdf = deposerPdf;
exports.soumettre = soumettre;
const deposit_1 = require("../../flows/deposit");
const syntax_1 = require("../../flows/syntax");
const deposit_2 = require("../../invoicing/deposit");
const pdf_text_1 = require("../../invoicing/drafts/pdf-text");
const pdf_prefill_1 = require("../../invoicing/drafts/pdf-prefill");
const invoice_1 = require("../../invoice");
const domain_error_1 = require("../../platform/domain-error");
const platform_rules_1 = require("../../invoice/platform-rules");
const stored_blobs_1 = require("../../platform/stored-blobs");
const identifiers_1 = require("../../service-mode/identifiers");
const structures_1 = require("../../structures");
const attachments_1 = require("../../invoicing/attachments");
const soumettre_1 = require("./soumettre");
const wire_1 = require("./wire");
const facture_access_1 = require("./facture-access");
const invoice_wire_1 = require("./invoice-wire");
/** deposer/flux: an EDI flow of invoices, as the flow channel takes it. */
async function deposerFlux(deps, b, ctx) {
    const syntax = b.syntaxeFlux;
    if (!(0, syntax_1.isFlowSyntax)(syntax))
        throw new wire_1.CproError(wire_1.CODES.FLOW_SYNTAX_INVALID, 'syntaxeFlux inconnue.', 'syntaxeFlux');
    const flow = await (0, deposit_1.depositFlow)(deps, (0, facture_access_1.decode)(b.fichierFlux, 'fichierFlux'), {
        syntax,
        filename: b.nomFichier,
        userId: ctx.caller.userId,
        qualification: (0, facture_access_1.qualificationOf)(ctx),
    });
    return {
        numeroFluxDepot: flow.numeroFluxDepot,
        dateDepot: (0, invoice_wire_1.wireDate)(flow.dateDepot),
        syntaxeFlux: syntax,
    };
}
/**
 * deposer/pdf: keeps the invoice image for soumettre's pieceJointePrincipale (not an attachment) and
 * answers the facts read from it, a suggestion the client checks before soumettre (modeDepot
 * DEPOT_PDF_API), flat as the platform answers them.
 */
async function deposerPdf(deps, b) {
    const bytes = (0, facture_access_1.decode)(b.fichierFacture, 'fichierFacture');
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new wire_1.CproError(wire_1.CODES.FILE_INVALID, 'fichierFacture : ce n’est pas un PDF.', 'fichierFacture');
    const pages = await pdfPages(bytes);
    const stored = await (0, stored_blobs_1.storeBlob)(deps.db, deps.blobs, bytes, {
        mediaType: 'application/pdf',
        filename: b.nomFichier,
    });
    const f = (0, pdf_prefill_1.readInvoiceFacts)(pages);
    const num = (v) => (v === undefined ? null : Number(v));
    return {
        pieceJointeId: await (0, identifiers_1.wireId)(deps.db, 'fichier', stored.sha256),
        numeroFacture: f.number ?? null,
        dateFacture: f.issueDate ?? null,
        dateEcheancePaiement: f.dueDate ?? null,
        codeFournisseur: f.sellerSiret ?? null,
        numeroTvaFournisseur: f.sellerVatId ?? null,
        codeDestinataire: f.buyerSiret ?? null,
        codeServiceExecutant: f.serviceCode ?? null,
        numeroBonCommande: f.engagementNumber ?? null,
        montantHtTotal: num(f.totals.withoutVat),
        montantTVA: num(f.totals.vat),
        montantTtcAvantRemiseGlobalTTC: num(f.totals.withVat),
        montantAPayer: num(f.totals.amountDue ?? f.totals.withVat),
        ligneTva: f.vat.map((v) => ({
            ligneTvaTauxManuel: Number(v.rate),
            ligneTvaMontantBaseHtParTaux: Number(v.taxableAmount),
            ligneTvaMontantTvaParTaux: Number(v.taxAmount),
        })),
    };
}
/**
 * The pages as positioned cells, as the portal's pre-fill reads them: flattened text lines would merge
 * side-by-side blocks (the invoice date beside the seller's address, the buyer's block beside the
 * references) and lose those facts.
 */
async function pdfPages(bytes) {
    try {
        return await (0, pdf_text_1.readPdfLayout)(bytes);
    }
    catch (err) {
        if (err instanceof pdf_text_1.PdfTextError)
            throw new wire_1.CproError(wire_1.CODES.FILE_INVALID, `${err.code}: ${err.message}`, 'fichierFacture', 400, err.code);
        throw err;
    }
}
/** soumettre: an invoice keyed in by the client, deposited as UBL through the one deposit path. */
async function soumettre(deps, body, ctx) {
    const s = {
        ...body,
        pieceJointePrincipale: (0, soumettre_1.principalPieces)(body.pieceJointePrincipale),
    };
    const { supplier, recipient } = await partiesOf(deps, s, ctx);
    const bank = await bankAccountOf(deps, supplier.id, s.fournisseur.codeCoordonneesBancairesFournisseur);
    const facts = (x) => ({ ...x, ...x.address });
    const invoice = (0, soumettre_1.invoiceFromSoumettre)(s, facts(supplier), recipient ? facts(recipient) : undefined, bank);
    await addInvoiceImages(deps, s, invoice);
    const prepared = await (0, deposit_2.prepareDeposit)(deps, Buffer.from((0, invoice_1.toUbl)(invoice)), {
        filename: `${s.numeroFactureSaisi}.xml`,
        depositMode: s.modeDepot ?? (s.pieceJointePrincipale?.length ? 'DEPOT_PDF_API' : 'SAISIE_API'),
        caller: ctx.caller,
        cadre: s.cadreDeFacturation?.codeCadreFacturation,
        validatorId: s.cadreDeFacturation?.codeStructureValideur
            ? (0, platform_rules_1.digitsOnly)(s.cadreDeFacturation.codeStructureValideur)
            : undefined,
    });
    const qualification = (0, facture_access_1.qualificationOf)(ctx);
    const result = await (0, deposit_2.startInvoiceWorkflow)(deps, qualification ? { ...prepared, qualification } : prepared);
    return {
        identifiantFactureCPP: await (0, identifiers_1.wireId)(deps.db, 'facture', result.invoiceId),
        numeroFacture: prepared.number,
        dateDepot: (0, invoice_wire_1.wireDate)(prepared.depositedAt),
        identifiantStructure: prepared.supplierId,
        statutFacture: 'DEPOSEE',
    };
}
/** The supplier must be the technical account's structure; the recipient is looked up by its identifier. */
async function partiesOf(deps, s, ctx) {
    const supplierId = await (0, identifiers_1.internalId)(deps.db, 'structure', s.fournisseur.idFournisseur);
    if (supplierId !== ctx.account.structureId)
        throw new wire_1.CproError(wire_1.CODES.NOT_A_PARTY, 'fournisseur.idFournisseur doit être la structure du compte technique.', 'fournisseur.idFournisseur');
    const supplier = (await (0, structures_1.getStructure)(deps.db, supplierId));
    // A SIRET keyed in as people type it ("412 345 678 00012") is its digits.
    const recipientId = await (0, structures_1.structureIdByIdentifier)(deps.db, (0, platform_rules_1.digitsOnly)(s.destinataire.codeDestinataire));
    const recipient = recipientId ? await (0, structures_1.getStructure)(deps.db, recipientId) : undefined;
    return { supplier, recipient };
}
/**
 * BG-24: the invoice image (pieceJointePrincipale) and the complementary files
 * (pieceJointeComplementaire) travel inside the UBL, as the platform keeps them with the invoice.
 */
async function addInvoiceImages(deps, s, invoice) {
    const pieces = [
        ...(s.pieceJointePrincipale ?? []).map((pj, i) => ({
            id: pj.pieceJointePrincipaleId,
            designation: pj.pieceJointePrincipaleDesignation,
            field: `pieceJointePrincipale.${i}.pieceJointePrincipaleId`,
        })),
        ...(s.pieceJointeComplementaire ?? []).map((pj, i) => ({
            id: pj.pieceJointeComplementaireId,
            designation: pj.pieceJointeComplementaireDesignation,
            field: `pieceJointeComplementaire.${i}.pieceJointeComplementaireId`,
        })),
    ];
    for (const pj of pieces) {
        const sha = await (0, identifiers_1.internalId)(deps.db, 'fichier', pj.id);
        const blob = sha && (await uploadedFile(deps, sha));
        if (!sha || !blob)
            throw new wire_1.CproError(wire_1.CODES.ATTACHMENT_INVALID, `Pièce jointe ${String(pj.id)} inconnue : déposez-la d’abord (ajouter/fichier ou deposer/pdf).`, pj.field);
        invoice.supportingDocuments.push({
            reference: pj.designation ?? blob.filename ?? 'Facture',
            attachment: {
                mimeCode: blob.mediaType,
                filename: blob.filename,
                base64: Buffer.from(await deps.blobs.get(sha)).toString('base64'),
            },
        });
    }
}
/** A file uploaded before (ajouter/fichier, deposer/pdf), or undefined. */
async function uploadedFile(deps, sha256) {
    try {
        return (await (0, attachments_1.attachmentRefs)(deps.db, [sha256]))[0];
    }
    catch (err) {
        if (err instanceof domain_error_1.DomainError && err.code === 'ATTACHMENT_UNKNOWN')
            return undefined;
        throw err;
    }
}
/** codeCoordonneesBancairesFournisseur: the wire integer of one of the supplier's bank accounts. */
async function bankAccountOf(deps, structureId, code) {
    if (code === undefined || code === null || code === '')
        return undefined;
    const id = await (0, identifiers_1.internalId)(deps.db, 'coordbanc', code);
    const account = (await (0, structures_1.listBankAccounts)(deps.db, structureId)).find((a) => a.id === id);
    if (!account)
        throw new wire_1.CproError(wire_1.CODES.INVALID_INPUT, 'Coordonnées bancaires inconnues pour cette structure (voir transverses recuperer/coordbanc/valides).', 'fournisseur.codeCoordonneesBancairesFournisseur');
    return account;
}
//# sourceMappingURL=factures-deposit.js.map