"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordProblems = recordProblems;
exports.problemRecord = problemRecord;
exports.retryRecord = retryRecord;
const domain_error_1 = require("../platform/domain-error");
const messages_1 = require("../invoice/messages");
const read_model_1 = require("../invoicing/read-model");
const connections_1 = require("./connections");
const sync_1 = require("./sync");
const store_1 = require("./store");
const iso = (v) => new Date(v).toISOString();
/** The connection's records that could not be filed, and those filed but rejected; most recent first. */
async function recordProblems(db, connectionId) {
    const failed = (await (0, store_1.recordErrorsOf)(db, connectionId)).map((e) => ({
        externalId: e.external_id,
        kind: 'IMPORT',
        code: e.code,
        message: (0, messages_1.refusalMessage)(e.code, e.message, 'fr'),
        at: iso(e.failed_at),
    }));
    const links = await (0, store_1.linksOf)(db, connectionId);
    const rejected = await (0, read_model_1.invoicesInStatus)(db, links.map((l) => l.invoice_id), ['REJETEE']);
    const reasons = rejected.length
        ? await (0, read_model_1.rejectionFindings)(db, rejected.map((r) => r.id))
        : new Map();
    const externalOf = new Map(links.map((l) => [l.invoice_id, l.external_id]));
    const refused = rejected.map((r) => {
        const findings = (0, messages_1.localizeFindings)(JSON.parse(reasons.get(r.id) ?? '[]').filter((f) => f.severity === 'fatal'), 'fr');
        return {
            externalId: externalOf.get(r.id),
            kind: 'REJETEE',
            code: findings[0]?.rule ?? 'REJETEE',
            message: findings.map((f) => f.message).join(' ') || 'Facture rejetée par la plateforme.',
            at: iso(r.statusAt),
            invoiceId: r.id,
            number: r.number,
        };
    });
    return [...failed, ...refused].sort((a, b) => b.at.localeCompare(a.at));
}
/** The record among the connection's problems, or CONNECTION_RECORD_NOT_FOUND: only those are retried. */
async function problemRecord(db, connectionId, externalId) {
    const found = (await recordProblems(db, connectionId)).find((p) => p.externalId === externalId);
    if (!found)
        throw new domain_error_1.DomainError('CONNECTION_RECORD_NOT_FOUND', `Connection ${connectionId} has no failed or rejected record ${externalId}.`, { field: 'params.externalId' });
    return found;
}
/**
 * Reads one record from the ERP again and files it: a record that failed to import, or one whose
 * invoice the platform rejected (its number is free again, so the corrected invoice is filed under it).
 * A record whose invoice is on its way is left alone, and the very same file again is the same
 * invoice: a retry never files an invoice twice. Answers whether the record is now filed.
 */
async function retryRecord(deps, connectionId, externalId) {
    const { db } = deps;
    const linked = await (0, store_1.linkedInvoiceId)(db, connectionId, externalId);
    if (linked && (await (0, read_model_1.invoicesInStatus)(db, [linked], ['REJETEE'])).length === 0)
        return { filed: true };
    const { session, row } = await (0, connections_1.openSession)(db, deps.runtime, connectionId);
    const outcome = await (0, sync_1.fileRecord)(deps, row, session, externalId);
    return { filed: !outcome.failure, created: !!outcome.created, failure: outcome.failure };
}
//# sourceMappingURL=records.js.map