"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareFlowInvoice = prepareFlowInvoice;
exports.depositedInvoiceBlob = depositedInvoiceBlob;
exports.invoiceOutcomes = invoiceOutcomes;
const domain_error_1 = require("../platform/domain-error");
const deposit_1 = require("../invoicing/deposit");
const document_pool_1 = require("../platform/document-pool");
const facturx_1 = require("../invoice/facturx");
const syntax_1 = require("./syntax");
const read_model_1 = require("../invoicing/read-model");
/**
 * Everything a direct deposit checks before its workflow starts (invoicing's prepareDeposit), plus
 * that the file is of the flow's syntax. A refusal names the invoice as the report will.
 */
async function prepareFlowInvoice({ db, blobs, documents = (0, document_pool_1.documentPool)() }, f) {
    const bytes = await blobs.get(f.entry.blob.sha256);
    const refuse = async (libelleErreurDP) => ({
        error: await describeRefusal(documents, bytes, f.entry.name, libelleErreurDP),
    });
    try {
        const deposit = await (0, deposit_1.prepareDeposit)({ db, blobs, documents }, bytes, {
            filename: f.entry.name,
            depositMode: 'EDI',
            now: new Date(f.depositedAt),
            caller: f.depositedBy ? { userId: f.depositedBy, email: '', operator: false } : undefined,
        });
        if (deposit.format !== syntax_1.FLOW_SYNTAXES[f.syntax])
            return refuse(`FORMAT_NOT_OF_FLOW_SYNTAX: a ${deposit.format} invoice in a ${f.syntax} flow.`);
        return { deposit };
    }
    catch (err) {
        if (err instanceof domain_error_1.DomainError)
            return refuse(`${err.code}: ${err.message}`);
        throw err;
    }
}
/** The report line of a refused file, with whatever identifiers can still be read from it. */
async function describeRefusal(documents, bytes, fichier, libelleErreurDP) {
    let identity;
    try {
        const xml = bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? (await (0, facturx_1.extractFacturX)(bytes)).xml : bytes;
        identity = await documents.identify(xml);
    }
    catch {
        // Unreadable: the report names the file instead.
    }
    return {
        numeroDP: identity?.number ?? '',
        identifiantFournisseur: identity?.seller.id ?? '',
        identifiantDestinataire: identity?.buyer.id ?? '',
        libelleErreurDP,
        fichier,
    };
}
/**
 * Which file an invoice already filed under this id came from (to tell a re-sent file from a
 * duplicate); undefined while its workflow has not written its row yet.
 */
function depositedInvoiceBlob(db, invoiceId) {
    return (0, read_model_1.invoiceBlobSha256)(db, invoiceId);
}
/**
 * Where each invoice stands for its flow: rejected (with the reasons of its REJETEE status),
 * integrated once it passed its checks (any later status), or still pending.
 */
async function invoiceOutcomes(db, invoiceIds) {
    const status = await (0, read_model_1.invoiceStatuses)(db, invoiceIds);
    const rejected = invoiceIds.filter((id) => status.get(id) === 'REJETEE');
    const findings = rejected.length > 0 ? await (0, read_model_1.rejectionFindings)(db, rejected) : new Map();
    return invoiceIds.map((invoiceId) => {
        const s = status.get(invoiceId);
        if (s === 'REJETEE')
            return { invoiceId, outcome: 'rejected', reason: rejectionText(findings.get(invoiceId) ?? null) };
        return { invoiceId, outcome: !s || s === 'DEPOSEE' ? 'pending' : 'integrated' };
    });
}
/** The fatal findings of a rejection, as one line of the report. */
function rejectionText(reasons) {
    const findings = reasons ? JSON.parse(reasons) : [];
    const fatal = findings.filter((f) => f.severity === 'fatal');
    const text = fatal.map((f) => `${f.rule}: ${f.message}`).join(' | ');
    return text.length > 1000 ? `${text.slice(0, 997)}...` : text || 'REJETEE';
}
//# sourceMappingURL=invoices.js.map