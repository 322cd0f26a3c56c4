"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDraft = createDraft;
exports.createDraftFromPdf = createDraftFromPdf;
exports.saveDraftInvoice = saveDraftInvoice;
exports.validateDraft = validateDraft;
exports.sendDraft = sendDraft;
exports.draftsOfCaller = draftsOfCaller;
const domain_error_1 = require("../../platform/domain-error");
const access_1 = require("../../structures/access");
const structures_1 = require("../../structures/structures");
const bank_accounts_1 = require("../../structures/bank-accounts");
const directory_1 = require("../../structures/directory");
const invoice_1 = require("../../invoice");
const deposit_1 = require("../deposit");
const lifecycle_1 = require("../store/lifecycle");
const structures_2 = require("../../structures");
const drafts_1 = require("../store/drafts");
const attachments_1 = require("./attachments");
const access_2 = require("./access");
const draft_invoice_1 = require("./draft-invoice");
const pdf_text_1 = require("./pdf-text");
const pdf_prefill_1 = require("./pdf-prefill");
const today = () => new Date().toISOString().slice(0, 10);
/** A new draft of the structure, pre-filled from it and from the recipient the input names. */
async function createDraft(db, caller, structureId, input) {
    await (0, access_1.authorize)(db, caller, structureId, 'member');
    const invoice = await prefilled(db, structureId, input, input.invoice ?? (0, draft_invoice_1.blankInvoice)(today()), {
        recipientRequired: true,
    });
    return (0, drafts_1.insertDraft)(db, {
        structureId,
        createdBy: caller.userId,
        invoice,
        cadreDeFacturation: input.cadreDeFacturation ?? 'A1_FACTURE_FOURNISSEUR',
        modeDepot: input.modeDepot ?? 'SAISIE_API',
    });
}
/**
 * A new draft pre-filled from a plain PDF invoice's text, the PDF kept with it as its main attachment
 * (pièce jointe principale); answers the facts read too, for the supplier to check.
 */
async function createDraftFromPdf(deps, caller, structureId, pdf) {
    const { db } = deps;
    await (0, access_1.authorize)(db, caller, structureId, 'member');
    const bytes = pdf.bytes;
    if (!bytes || bytes.length === 0)
        throw new domain_error_1.DomainError('PDF_MISSING', 'Send the PDF as an application/pdf body or a multipart field named "file".', {
            field: 'file',
        });
    let pages;
    try {
        pages = await (0, pdf_text_1.readPdfLayout)(bytes);
    }
    catch (err) {
        if (err instanceof pdf_text_1.PdfTextError)
            throw new domain_error_1.DomainError(err.code, err.message, { field: 'file' });
        throw err;
    }
    const facts = (0, pdf_prefill_1.readInvoiceFacts)(pages);
    const base = await prefilled(db, structureId, { recipientId: facts.buyerSiret }, (0, draft_invoice_1.blankInvoice)(today()), {
        // A buyer the PDF names but the platform does not know is for the supplier to correct in the form.
        recipientRequired: false,
    });
    const invoice = (0, draft_invoice_1.withPdfFacts)(base, facts);
    const draft = await (0, drafts_1.insertDraft)(db, {
        structureId,
        createdBy: caller.userId,
        invoice,
        cadreDeFacturation: 'A1_FACTURE_FOURNISSEUR',
        modeDepot: 'SAISIE_PORTAIL',
        prefilled: (0, draft_invoice_1.pdfPrefilledFields)(facts, invoice),
    });
    const name = attachmentName(pdf.filename ?? `${facts.number ?? 'facture'}.pdf`);
    await (0, attachments_1.keepAttachment)(deps, draft.id, name, bytes, { main: true });
    return { ...draft, facts };
}
/** Enregistrer: the invoice as entered, and the cadre and deposit mode when given. */
async function saveDraftInvoice(db, caller, draftId, input) {
    const draft = await (0, access_2.editableDraft)(db, caller, draftId);
    return (0, drafts_1.saveDraft)(db, draft.id, {
        invoice: input.invoice,
        cadreDeFacturation: input.cadreDeFacturation ?? draft.cadreDeFacturation,
        modeDepot: input.modeDepot ?? draft.modeDepot,
    });
}
/** Valider: every finding on the UBL written from the draft, nothing deposited. */
async function validateDraft(db, caller, draftId) {
    const draft = await (0, access_2.readableDraft)(db, caller, draftId);
    const invoice = { ...draft.invoice, cadreDeFacturation: draft.cadreDeFacturation };
    const result = await (0, invoice_1.checkInvoiceFile)(Buffer.from((0, invoice_1.toUbl)(invoice)), {
        rules: 'all',
        platform: {
            recipients: (0, directory_1.dbRecipientDirectory)(db),
            duplicates: { exists: (supplierId, year, number) => (0, lifecycle_1.numberTaken)(db, { supplierId, year, number }) },
        },
    });
    return { valid: result.valid, findings: result.findings };
}
/**
 * Envoyer: deposits the UBL written from the draft, with its pièces jointes (the main one first).
 * Sending again answers the invoice it became: a retried click files nothing twice.
 */
async function sendDraft(deps, caller, draftId) {
    const draft = await (0, access_2.readableDraft)(deps.db, caller, draftId);
    if (draft.status === 'ENVOYEE')
        return { draftId: draft.id, invoiceId: draft.invoiceId, created: false };
    const deposit = await (0, deposit_1.prepareDeposit)(deps, Buffer.from((0, invoice_1.toUbl)(draft.invoice)), {
        filename: `${draft.invoice.number || 'facture'}.xml`,
        depositMode: draft.modeDepot,
        caller,
        cadre: draft.cadreDeFacturation,
    });
    const attachments = (await (0, drafts_1.draftAttachments)(deps.db, draft.id, 'filing')).map((a) => ({
        sha256: a.sha256,
        size: a.size,
        mediaType: a.mediaType,
        filename: a.name,
    }));
    const result = await (0, deposit_1.startInvoiceWorkflow)(deps, { ...deposit, attachments });
    await (0, drafts_1.markDraftSent)(deps.db, draft.id, result.invoiceId);
    return { draftId: draft.id, invoiceId: result.invoiceId, created: result.created };
}
/** "Brouillons": the drafts being edited in the caller's structures, last changed first. */
async function draftsOfCaller(db, caller, limit = 200) {
    const structures = new Map((await (0, structures_1.listStructuresOf)(db, caller.userId)).map((s) => [s.id, s.name]));
    const drafts = await (0, drafts_1.draftsInProgress)(db, [...structures.keys()], limit);
    return drafts.map((d) => ({
        id: d.id,
        structureId: d.structureId,
        structureName: structures.get(d.structureId),
        number: d.invoice.number || undefined,
        recipientName: d.invoice.buyer?.name,
        modeDepot: d.modeDepot,
        updatedAt: d.updatedAt,
    }));
}
/** An attachment name the limits accept, from a deposited file's name (at most 50 characters). */
function attachmentName(original) {
    const clean = original.replace(/[\\/\u0000-\u001f]/g, '_');
    return clean.length <= 50 ? clean : `${clean.slice(0, 46)}.pdf`;
}
/** The supplier's identity, address and bank account, and the recipient's from the directory. */
async function prefilled(db, structureId, input, invoice, { recipientRequired }) {
    const supplier = (await (0, structures_1.getStructure)(db, structureId));
    const account = (await (0, bank_accounts_1.listBankAccounts)(db, structureId)).find((a) => !input.bankAccountId || a.id === input.bankAccountId);
    if (input.bankAccountId && !account)
        throw new domain_error_1.DomainError('BANK_ACCOUNT_NOT_FOUND', `No bank account ${input.bankAccountId} in this structure.`, {
            field: 'body.bankAccountId',
        });
    let filled = (0, draft_invoice_1.withSeller)(invoice, facts(supplier), account && { iban: account.iban, bic: account.bic });
    if (input.recipientId) {
        const found = await (0, structures_2.recipientStructureByIdentifier)(db, input.recipientId);
        const recipient = found && (await (0, structures_1.getStructure)(db, found.id));
        if (recipient)
            filled = (0, draft_invoice_1.withBuyer)(filled, facts(recipient));
        else if (recipientRequired)
            throw new domain_error_1.DomainError('RECIPIENT_NOT_FOUND', `No recipient structure ${input.recipientId} on the platform.`, {
                field: 'body.recipientId',
            });
    }
    return filled;
}
function facts(s) {
    return {
        identifierType: s.identifierType,
        identifier: s.identifier,
        name: s.name ?? undefined,
        vatNumber: s.vatNumber,
        street: s.address.street,
        postalCode: s.address.postalCode,
        city: s.address.city,
        countryCode: s.address.countryCode ?? undefined,
    };
}
//# sourceMappingURL=drafts.js.map