"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUSHED_STATUSES = void 0;
exports.syncPage = syncPage;
exports.fileRecord = fileRecord;
exports.pushStatuses = pushStatuses;
exports.recordSyncOutcome = recordSyncOutcome;
const stored_blobs_1 = require("../platform/stored-blobs");
const write_1 = require("../invoice/ubl/write");
const deposit_1 = require("../invoicing/deposit");
const domain_error_1 = require("../platform/domain-error");
const contract_1 = require("./contract");
const connections_1 = require("./connections");
const store_1 = require("./store");
const read_model_1 = require("../invoicing/read-model");
/** The buyer's decisions written back to the ERP (where it takes them), in lifecycle order. */
exports.PUSHED_STATUSES = [
    'MISE_A_DISPOSITION',
    'SUSPENDUE',
    'A_RECYCLER',
    'REJETEE',
    'SERVICE_FAIT',
    'MANDATEE',
    'MISE_A_DISPOSITION_COMPTABLE',
    'COMPTABILISEE',
    'MISE_EN_PAIEMENT',
];
/**
 * Reads one page of the ERP's invoices from the stored cursor, deposits each one not yet linked, and
 * stores the next cursor only once the page is done. Safe to run again at any point: an ERP invoice
 * already linked is skipped, and one deposited but not yet linked is found again by the deposit's
 * idempotency (same canonical invoice → same file → same workflow), then linked.
 */
async function syncPage(deps, connectionId, opts = {}) {
    const { session, row } = await (0, connections_1.openSession)(deps.db, deps.runtime, connectionId, {
        since: opts.since,
        signal: opts.signal,
    });
    const page = await session.listInvoices(row.cursor ?? undefined);
    const outcome = {
        more: !!page.next,
        seen: page.invoices.length,
        imported: 0,
        alreadyKnown: 0,
        failed: [],
    };
    for (const [i, ref] of page.invoices.entries()) {
        opts.onRecord?.(i, page.invoices.length);
        if (await (0, store_1.linkedInvoiceId)(deps.db, connectionId, ref.externalId)) {
            outcome.alreadyKnown += 1;
            continue;
        }
        const filed = await fileRecord(deps, row, session, ref.externalId);
        if (filed.failure)
            outcome.failed.push({ externalId: ref.externalId, reason: filed.failure });
        else if (filed.created)
            outcome.imported += 1;
        else
            outcome.alreadyKnown += 1;
    }
    opts.onRecord?.(page.invoices.length, page.invoices.length);
    await (0, store_1.setCursor)(deps.db, connectionId, page.next ?? page.resumeFrom, new Date().toISOString());
    return outcome;
}
/**
 * Files one ERP record and remembers the outcome: once filed (created false when that very file was
 * already filed) its earlier failure is forgotten; else the reason is kept for the person. A
 * record the platform cannot take is reported and passed over; anything else (network, 5xx, refused
 * credentials, 429) is thrown, so the page is retried from the same cursor.
 */
async function fileRecord(deps, connection, session, externalId) {
    let created;
    try {
        created = await importRecord(deps, connection, session, externalId);
    }
    catch (err) {
        if (!(0, contract_1.isMalformedRecord)(err) && !(err instanceof domain_error_1.DomainError))
            throw err;
        await (0, store_1.saveRecordError)(deps.db, {
            connectionId: connection.id,
            externalId,
            code: err.code,
            message: err.message,
            at: new Date().toISOString(),
        });
        return { failure: `${err.code}: ${err.message}` };
    }
    await (0, store_1.clearRecordError)(deps.db, connection.id, externalId);
    return { created };
}
/** Deposits one ERP invoice (as UBL, through the one deposit path) and links it; false when it was already filed. */
async function importRecord(deps, connection, session, externalId) {
    const connectionId = connection.id;
    const { invoice, pdf } = await session.getInvoice(externalId);
    const deposit = await (0, deposit_1.prepareDeposit)(deps, Buffer.from((0, write_1.toUbl)(invoice), 'utf8'), {
        filename: `${invoice.number}.xml`,
        depositMode: 'UPLOAD_API',
        sellerStructureId: connection.structure_id,
    });
    const { created } = await (0, deposit_1.startInvoiceWorkflow)(deps, deposit);
    const original = pdf
        ? await (0, stored_blobs_1.storeBlob)(deps.db, deps.blobs, pdf, {
            mediaType: 'application/pdf',
            filename: `${invoice.number}.pdf`,
        })
        : undefined;
    await (0, store_1.linkInvoice)(deps.db, {
        connectionId,
        externalId,
        invoiceId: deposit.invoiceId,
        originalPdfSha256: original?.sha256,
    });
    return created;
}
/**
 * Writes the buyer's new statuses (and the payment, on MISE_EN_PAIEMENT) back to the ERP for every
 * linked invoice whose status moved since the last write, as far as the connector supports it. Each
 * write is remembered at once, so a retry resumes with the invoices not yet written.
 */
async function pushStatuses(deps, connectionId) {
    const { db } = deps;
    const { connector, session } = await (0, connections_1.openSession)(db, deps.runtime, connectionId);
    if (!session.pushStatus && !session.recordPayment)
        return 0;
    const moved = await linksWithNewStatus(db, connectionId);
    let pushed = 0;
    for (const { externalId, invoice: m } of moved) {
        if (session.pushStatus)
            await session.pushStatus(externalId, m.status);
        if (m.status === 'MISE_EN_PAIEMENT' && session.recordPayment) {
            const payment = {
                date: new Date(m.statusAt).toISOString().slice(0, 10),
                amount: m.amountDue ?? m.totalWithVat,
                currency: m.currency ?? 'EUR',
                label: `facturflow ${m.number} (${connector.manifest.name})`,
            };
            await session.recordPayment(externalId, payment);
        }
        await (0, store_1.markStatusPushed)(db, connectionId, externalId, m.status);
        pushed += 1;
    }
    return pushed;
}
/** Keeps a sync's report and the connection's state (ERROR with its reason when a person must act). */
function recordSyncOutcome(db, outcome) {
    return (0, store_1.updateSyncOutcome)(db, outcome);
}
/** The linked invoices whose status (one the ERP is told of) differs from the one last written back. */
async function linksWithNewStatus(db, connectionId) {
    const links = await (0, store_1.linksOf)(db, connectionId);
    const invoices = await (0, read_model_1.invoicesInStatus)(db, links.map((l) => l.invoice_id), exports.PUSHED_STATUSES);
    const byId = new Map(invoices.map((i) => [i.id, i]));
    return links
        .map((l) => ({ externalId: l.external_id, pushed: l.pushed_status, invoice: byId.get(l.invoice_id) }))
        .filter((l) => !!l.invoice && l.invoice.status !== l.pushed);
}
//# sourceMappingURL=sync.js.map