"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rejectionFindings = exports.latestInvoiceNumbered = exports.invoicesInStatus = exports.invoiceStatuses = exports.invoiceBlobSha256 = exports.LISTING_SORTS = void 0;
exports.historyOf = historyOf;
exports.localizedHistory = localizedHistory;
exports.invoiceView = invoiceView;
exports.listInvoices = listInvoices;
exports.invoiceRowsOf = invoiceRowsOf;
exports.invoiceHistory = invoiceHistory;
const transitions_1 = require("./lifecycle/transitions");
const payment_1 = require("./lifecycle/payment");
const access_1 = require("./access");
const messages_1 = require("../invoice/messages");
const invoices_1 = require("./store/invoices");
var invoices_2 = require("./store/invoices");
Object.defineProperty(exports, "LISTING_SORTS", { enumerable: true, get: function () { return invoices_2.LISTING_SORTS; } });
Object.defineProperty(exports, "invoiceBlobSha256", { enumerable: true, get: function () { return invoices_2.invoiceBlobSha256; } });
Object.defineProperty(exports, "invoiceStatuses", { enumerable: true, get: function () { return invoices_2.invoiceStatuses; } });
Object.defineProperty(exports, "invoicesInStatus", { enumerable: true, get: function () { return invoices_2.invoicesInStatus; } });
Object.defineProperty(exports, "latestInvoiceNumbered", { enumerable: true, get: function () { return invoices_2.latestInvoiceNumbered; } });
Object.defineProperty(exports, "rejectionFindings", { enumerable: true, get: function () { return invoices_2.rejectionFindings; } });
const iso = (v) => v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : undefined;
const opt = (v) => v ?? undefined;
/** The history as the workflow's query shows it: same fields, same values. */
function historyOf(rows) {
    return rows.map((h) => ({
        seq: Number(h.seq),
        status: h.status,
        reformCode: opt(h.reform_code),
        at: iso(h.at),
        by: opt(h.actor),
        userId: opt(h.user_id),
        comment: opt(h.comment),
        reason: opt(h.reason),
        mandateNumber: opt(h.mandate_number),
        attachments: h.attachments ? JSON.parse(h.attachments) : undefined,
        reasons: h.reasons ? JSON.parse(h.reasons) : undefined,
    }));
}
/**
 * A history with the findings of each status change (its `reasons`) in `language`: French by default,
 * the official English text on request; rule ids never change.
 */
function localizedHistory(history, language = 'fr') {
    return history.map((h) => (h.reasons ? { ...h, reasons: (0, messages_1.localizeFindings)(h.reasons, language) } : h));
}
/** Late-payment figures: final once paid, else accrued to `today` while the invoice waits. */
function paymentOf(row, referenceRate, today) {
    if (!row.due_date)
        return undefined;
    const due = row.due_date;
    const base = { dueDate: due, late: !!row.late, paidAt: iso(row.paid_at) };
    if (row.late_interest)
        return {
            ...base,
            daysLate: Number(row.late_days),
            annualRate: row.interest_rate,
            interest: row.late_interest,
            indemnity: row.flat_indemnity,
        };
    if (!row.late || row.paid_at)
        return base;
    const amount = (row.amount_due ?? row.total_with_vat ?? '0');
    const charges = (0, payment_1.lateCharges)(amount, referenceRate, (0, payment_1.daysLate)(due, today));
    return { ...base, ...charges, accruedOn: today };
}
/**
 * An invoice as the API shows it, from the read model, to a caller `readableInvoice` let see. Just
 * after a deposit the workflow may not have written its first row yet: the invoice then exists (its
 * workflow does) and is reported DEPOSEE.
 */
async function invoiceView(db, readable, opts = {}) {
    const { id, row, sides } = readable;
    if (!readable.filed)
        return { id, status: 'DEPOSEE', depositedAt: iso(row.deposited_at), history: [], sides };
    const history = await (0, invoices_1.historyRows)(db, id);
    const status = row.status;
    return {
        id: row.id,
        number: row.number,
        status,
        reformCode: opt(row.reform_code),
        statusAt: iso(row.status_at),
        depositedAt: iso(row.deposited_at),
        format: row.format,
        depositMode: row.deposit_mode,
        cadre: opt(row.cadre),
        supplier: {
            id: row.supplier_id,
            name: opt(row.supplier_name),
            structureId: opt(row.supplier_structure_id),
        },
        recipient: {
            id: opt(row.recipient_id),
            name: opt(row.recipient_name),
            structureId: opt(row.recipient_structure_id),
            serviceCode: opt(row.service_code),
            engagementNumber: opt(row.engagement_number),
        },
        validator: row.validator_id
            ? { id: row.validator_id, structureId: opt(row.validator_structure_id) }
            : undefined,
        issueDate: opt(row.issue_date),
        currency: opt(row.currency),
        totals: {
            withoutVat: opt(row.total_without_vat),
            vat: opt(row.total_vat),
            withVat: opt(row.total_with_vat),
            amountDue: opt(row.amount_due),
        },
        mandateNumber: opt(row.mandate_number),
        delivered: row.delivered_format
            ? { format: row.delivered_format, sha256: row.delivered_sha256 }
            : undefined,
        certificate: row.certificate_sha256 ? { sha256: row.certificate_sha256 } : undefined,
        payment: paymentOf(row, opts.referenceRate ?? '0', new Date().toISOString().slice(0, 10)),
        rejectionAcknowledgedAt: iso(row.rejection_acknowledged_at),
        // The rule sets the deposit check judged it by; absent until checked (and for older invoices).
        ruleSets: row.rule_sets ? JSON.parse(row.rule_sets) : undefined,
        sides,
        // What this caller may do next, from the same table the workflow's validators use.
        allowedActions: (0, transitions_1.allowedNext)(status)
            .filter((t) => sides.includes(t.by))
            .map((t) => ({ status: t.to, by: t.by, needs: t.needs })),
        history: historyOf(history),
    };
}
/** A page of the caller's invoices on one side, shaped for listings; `all`: every match (an export). */
async function listInvoices(db, caller, side, filter, page) {
    const { total, rows } = await invoiceRowsOf(db, await (0, access_1.actorOf)(db, caller), side, filter, {
        sort: page.sort,
        limit: page.all ? 100_000 : page.pageSize,
        offset: page.all ? 0 : (page.page - 1) * page.pageSize,
    });
    return {
        total,
        page: page.page,
        pageSize: page.pageSize,
        items: rows.map((r) => ({
            id: r.id,
            number: r.number,
            status: r.status,
            reformCode: opt(r.reform_code),
            depositedAt: iso(r.deposited_at),
            issueDate: opt(r.issue_date),
            cadre: opt(r.cadre),
            supplier: { id: r.supplier_id, name: opt(r.supplier_name) },
            recipient: { id: opt(r.recipient_id), name: opt(r.recipient_name), serviceCode: opt(r.service_code) },
            currency: opt(r.currency),
            totalWithVat: opt(r.total_with_vat),
            amountDue: opt(r.amount_due),
        })),
    };
}
/**
 * "Factures émises" (side supplier) or "Factures reçues" (side recipient) of the caller's structures,
 * as read-model rows; a recipient member attached to some services sees only those services' invoices.
 */
async function invoiceRowsOf(db, actor, side, filter, page) {
    return (0, invoices_1.listInvoiceRows)(db, { memberships: actor.memberships, side }, filter, page);
}
/** An invoice's status history, as the workflow's query shows it. */
async function invoiceHistory(db, invoiceId) {
    return historyOf(await (0, invoices_1.historyRows)(db, invoiceId));
}
//# sourceMappingURL=read-model.js.map