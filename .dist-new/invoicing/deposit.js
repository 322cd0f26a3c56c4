"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.depositInvoice = depositInvoice;
exports.prepareDeposit = prepareDeposit;
exports.startInvoiceWorkflow = startInvoiceWorkflow;
exports.numberFreedByRejection = numberFreedByRejection;
const stored_blobs_1 = require("../platform/stored-blobs");
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const platform_rules_1 = require("../invoice/platform-rules");
const errors_1 = require("../invoice/errors");
const document_pool_1 = require("../platform/document-pool");
const xml_1 = require("../invoice/xml");
const facturx_1 = require("../invoice/facturx");
const invoice_1 = require("../workflows/invoice");
const domain_error_1 = require("../platform/domain-error");
const structures_1 = require("../structures");
const identification_1 = require("./identification");
const PDF_MAGIC = '%PDF-';
/** What INVOICE_UNIDENTIFIABLE names as missing when a business-key rule fails. */
const MISSING = {
    'FF-ROUTE-01': 'BT-1 invoice number',
    'FF-ROUTE-02': 'BT-2 issue date (YYYY-MM-DD)',
    'FF-ROUTE-03': 'seller identifier (BT-30, BT-29, BT-31 or BT-34)',
};
/**
 * Takes a deposited invoice file (UBL 2.1, CII D16B, or a Factur-X / ZUGFeRD PDF): reads the
 * identifiers that name it, stores the bytes, and starts its workflow under the business key
 * invoice/<supplier id>/<year>/<number>, the supplier being the structure identification resolved.
 * Depositing the same file again answers the same id; another
 * file under a number already used is a duplicate.
 */
async function depositInvoice(deps, bytes, meta) {
    return startInvoiceWorkflow(deps, await prepareDeposit(deps, bytes, meta));
}
/**
 * Everything before the workflow starts: identify the file, refuse what cannot be filed, store the
 * bytes, and build the workflow input. Flows and other channels call it for each of their invoices.
 */
async function prepareDeposit({ db, blobs, lifecycle, documents = (0, document_pool_1.documentPool)(), }, bytes, meta) {
    if (bytes.byteLength === 0)
        throw new domain_error_1.DomainError('EMPTY_INVOICE', 'The invoice file is empty.');
    const pdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === PDF_MAGIC;
    // A Factur-X PDF is filed under the facts of the invoice XML it carries.
    const identity = await identifyOrReject(documents, pdf ? await embeddedInvoice(bytes) : bytes);
    const missing = (0, platform_rules_1.filingFindings)(identity, platform_rules_1.BUSINESS_KEY_RULES).map((f) => MISSING[f.rule]);
    if (missing.length > 0) {
        throw new domain_error_1.DomainError('INVOICE_UNIDENTIFIABLE', `The invoice cannot be filed: missing ${missing.join(', ')}.`, {
            missing,
        });
    }
    // A person must be a member of the structure the seller resolves to; a channel without a caller
    // (a flow, a connector) files an unknown seller under the identifier the invoice gives.
    const supplier = await (0, identification_1.identifyParty)(db, 'seller', identity.seller, !!meta.caller);
    if (meta.caller)
        await checkDepositor(db, meta.caller, supplier);
    if (meta.sellerStructureId && supplier?.id !== meta.sellerStructureId)
        throw notTheChannelsSeller(identity);
    if (supplier && !supplier.identityVerified)
        throw unverifiedSeller(supplier);
    const recipient = await (0, identification_1.identifyParty)(db, 'buyer', identity.buyer, false);
    const supplierId = supplier?.identifier ?? identity.seller.id;
    const year = Number(identity.issueDate.slice(0, 4));
    const blob = await (0, stored_blobs_1.storeBlob)(db, blobs, bytes, { mediaType: pdf ? 'application/pdf' : 'application/xml', filename: meta.filename }, meta.now);
    return {
        invoiceId: `invoice/${supplierId}/${year}/${identity.number}`,
        supplierId,
        supplierName: identity.seller.name,
        recipientId: recipient?.identifier ?? identity.buyer.id,
        recipientName: identity.buyer.name,
        number: identity.number,
        year,
        issueDate: identity.issueDate,
        typeCode: identity.typeCode,
        currency: identity.currency,
        totals: identity.totals,
        serviceCode: identity.buyerReference,
        engagementNumber: identity.purchaseOrderReference,
        cadre: meta.cadre,
        validatorId: meta.validatorId,
        depositedBy: meta.caller?.userId,
        ...(lifecycle && {
            paymentDelays: lifecycle.paymentDelays,
            referenceRate: lifecycle.referenceRate,
            validationDelayDays: lifecycle.validationDelayDays,
        }),
        blob,
        format: pdf ? 'facturx' : identity.syntax,
        depositMode: meta.depositMode,
        depositedAt: (meta.now ?? new Date()).toISOString(),
    };
}
/**
 * Starts the invoice workflow; the same file again is the same invoice, another file under its number a
 * duplicate, unless the platform's checks rejected the first before delivery.
 */
async function startInvoiceWorkflow({ client, taskQueue }, deposit) {
    const { invoiceId, blob } = deposit;
    try {
        await client.workflow.start(invoice_1.invoiceLifecycle, {
            ...workflowOptions(deposit, taskQueue),
            workflowIdReusePolicy: common_1.WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
        return { invoiceId, created: true };
    }
    catch (err) {
        if (!(err instanceof client_1.WorkflowExecutionAlreadyStartedError))
            throw err;
        const existing = await client.workflow.getHandle(invoiceId).describe();
        if (existing.memo?.blobSha256 === blob.sha256)
            return { invoiceId, created: false };
        if (await numberFreedByRejection(client, invoiceId))
            return startAgain({ client, taskQueue }, deposit);
        throw duplicate(deposit);
    }
}
/**
 * Whether the number filed under this invoice id may be taken again by another file: its run is over
 * and the platform's checks rejected it before delivery. Deposits and flows decide reuse this one way.
 */
async function numberFreedByRejection(client, invoiceId) {
    const handle = client.workflow.getHandle(invoiceId);
    const run = await handle.describe();
    return run.status.name === 'COMPLETED' && refusedBeforeDelivery(await handle.result());
}
/**
 * The number of an invoice the platform's checks rejected is not used up: the corrected file starts a
 * new run under the same workflow id. ALLOW_DUPLICATE only reuses a closed id, so two corrections
 * racing each other still make one invoice and one duplicate.
 */
async function startAgain({ client, taskQueue }, deposit) {
    try {
        await client.workflow.start(invoice_1.invoiceLifecycle, {
            ...workflowOptions(deposit, taskQueue),
            workflowIdReusePolicy: common_1.WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        });
        return { invoiceId: deposit.invoiceId, created: true };
    }
    catch (err) {
        if (err instanceof client_1.WorkflowExecutionAlreadyStartedError)
            throw duplicate(deposit);
        throw err;
    }
}
/** Rejected by the platform before it reached the buyer: never on its way, never made available. */
function refusedBeforeDelivery(state) {
    return (state.status === 'REJETEE' &&
        !state.history.some((h) => h.status === 'EN_COURS_ACHEMINEMENT' || h.status === 'MISE_A_DISPOSITION'));
}
function workflowOptions(deposit, taskQueue) {
    return {
        workflowId: deposit.invoiceId,
        taskQueue,
        args: [deposit],
        memo: { blobSha256: deposit.blob.sha256 },
        staticSummary: `Invoice ${deposit.number} from ${deposit.supplierName ?? deposit.supplierId}`,
    };
}
function duplicate(deposit) {
    return new domain_error_1.DomainError('DUPLICATE_INVOICE', `Invoice number ${deposit.number} of ${deposit.year} was already deposited by this supplier with different content.`, { invoiceId: deposit.invoiceId });
}
/** A person deposits only for a structure they belong to: the one the invoice's seller resolves to. */
async function checkDepositor(db, caller, supplier) {
    if (!(await (0, structures_1.membershipOf)(db, supplier.id, caller.userId)))
        throw new domain_error_1.DomainError('NOT_A_MEMBER', `Vous n'êtes pas rattaché à la structure ${supplier.name} (${supplier.identifier}), qui émet cette facture ` +
            '(vendeur identifié par BT-29, BT-30, BT-31 ou BT-34).', { field: 'body.seller', supplierId: supplier.identifier, structureId: supplier.id });
}
function notTheChannelsSeller(identity) {
    return new domain_error_1.DomainError('SELLER_NOT_CONNECTION_STRUCTURE', `Le vendeur de cette facture (${identity.seller.id ?? 'non identifié'}) n'est pas la structure de la ` +
        'connexion qui la dépose : une connexion ne dépose que les factures de sa propre structure.', { field: 'BT-29', supplierId: identity.seller.id });
}
/** Nobody deposits as a structure whose identity is only claimed: it might be someone else's. */
function unverifiedSeller(supplier) {
    return new domain_error_1.DomainError('SUPPLIER_IDENTITY_UNVERIFIED', `L'identité de la structure ${supplier.name} (${supplier.identifier}), qui émet cette facture, n'est pas ` +
        'encore vérifiée : elle ne dépose pas de factures tant que le répertoire des entreprises ou un ' +
        'opérateur du support ne l’a pas confirmée (vérification d’identité, sur la page de la structure).', { field: 'BT-29', supplierId: supplier.identifier, structureId: supplier.id });
}
async function embeddedInvoice(bytes) {
    try {
        return (await (0, facturx_1.extractFacturX)(bytes)).xml;
    }
    catch (err) {
        if (err instanceof facturx_1.PdfError) {
            throw new domain_error_1.DomainError(err.code, err.message);
        }
        throw err;
    }
}
/** Read in the document pool's threads: a large or hostile file never holds up this process. */
async function identifyOrReject(documents, bytes) {
    try {
        return await documents.identify(bytes);
    }
    catch (err) {
        if (err instanceof errors_1.DocumentTooComplexError)
            throw new domain_error_1.DomainError(err.code, err.message);
        if (err instanceof xml_1.XmlError) {
            throw new domain_error_1.DomainError((0, errors_1.xmlRefusalCode)(err), err.message, {
                code: err.code,
                line: err.line,
                limit: err.limit,
            });
        }
        if (err instanceof errors_1.InvoiceFormatError)
            throw new domain_error_1.DomainError('NOT_AN_INVOICE', err.message, { code: err.code });
        throw err;
    }
}
//# sourceMappingURL=deposit.js.map