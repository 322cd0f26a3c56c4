"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findConnectionRow = findConnectionRow;
exports.connectionRowsOf = connectionRowsOf;
exports.insertConnection = insertConnection;
exports.removeConnectionRow = removeConnectionRow;
exports.setConnectionStatus = setConnectionStatus;
exports.markConnectionDeleted = markConnectionDeleted;
exports.resealCredentials = resealCredentials;
exports.setCursor = setCursor;
exports.updateSyncOutcome = updateSyncOutcome;
exports.linkedInvoiceId = linkedInvoiceId;
exports.linkInvoice = linkInvoice;
exports.markStatusPushed = markStatusPushed;
exports.linksOf = linksOf;
exports.saveRecordError = saveRecordError;
exports.clearRecordError = clearRecordError;
exports.recordErrorsOf = recordErrorsOf;
/** A connection not deleted. */
async function findConnectionRow(db, id) {
    return db('connections').where({ id }).whereNot({ status: 'DELETED' }).first();
}
/** A structure's connections not deleted, oldest first. */
async function connectionRowsOf(db, structureId) {
    return db('connections')
        .where({ structure_id: structureId })
        .whereNot({ status: 'DELETED' })
        .orderBy('created_at');
}
async function insertConnection(db, row) {
    await db('connections').insert(row);
}
/** Removes a connection whose creation failed half-way. */
async function removeConnectionRow(db, id) {
    await db('connections').where({ id }).delete();
}
async function setConnectionStatus(db, id, status, opts = {}) {
    await db('connections')
        .where({ id })
        .update({ status, ...(opts.clearError && { error: null }), updated_at: new Date().toISOString() });
}
/** Marks a connection deleted and forgets its credentials and webhook token; its row stays as history. */
async function markConnectionDeleted(db, id) {
    await db('connections').where({ id }).update({
        status: 'DELETED',
        credentials_sealed: null,
        webhook_token_hash: null,
        updated_at: new Date().toISOString(),
    });
}
/** Replaces sealed credentials, unless another process already did. */
async function resealCredentials(db, id, sealed, resealed) {
    await db('connections').where({ id, credentials_sealed: sealed }).update({ credentials_sealed: resealed });
}
/** Where the next sync of the connection starts reading the ERP (null: from its beginning). */
async function setCursor(db, id, cursor, at) {
    await db('connections')
        .where({ id })
        .update({ cursor, ...(at && { updated_at: at }) });
}
/** Keeps the last report and the connection's state; a paused connection stays paused, its state is the person's choice. */
async function updateSyncOutcome(db, o) {
    await db('connections')
        .where({ id: o.connectionId })
        .whereNot({ status: 'DELETED' })
        .update({
        ...(o.report && { last_report: JSON.stringify(o.report) }),
        ...(o.status && {
            status: db.raw('case when status = ? then status else ? end', ['PAUSED', o.status]),
        }),
        ...(o.status && { error: o.error ?? null }),
        updated_at: new Date().toISOString(),
    });
}
/** The invoice an ERP record was deposited as, when it was. */
async function linkedInvoiceId(db, connectionId, externalId) {
    const link = await db('connector_invoices')
        .where({ connection_id: connectionId, external_id: externalId })
        .first('invoice_id');
    return link?.invoice_id;
}
/** Links an ERP record to the invoice it was deposited as; a link already made stays. */
async function linkInvoice(db, l) {
    await db('connector_invoices')
        .insert({
        connection_id: l.connectionId,
        external_id: l.externalId,
        invoice_id: l.invoiceId,
        original_pdf_sha256: l.originalPdfSha256 ?? null,
        imported_at: new Date().toISOString(),
    })
        .onConflict(['connection_id', 'external_id'])
        .ignore();
}
/** Remembers the status last written back to the ERP for a record. */
async function markStatusPushed(db, connectionId, externalId, status) {
    await db('connector_invoices')
        .where({ connection_id: connectionId, external_id: externalId })
        .update({ pushed_status: status });
}
/** Every invoice a connection linked, with the status last written back to its ERP. */
async function linksOf(db, connectionId) {
    return db('connector_invoices')
        .where({ connection_id: connectionId })
        .select('external_id', 'invoice_id', 'pushed_status');
}
/** Keeps why a record could not be filed, replacing what an earlier attempt said. */
async function saveRecordError(db, e) {
    await db('connector_record_errors')
        .insert({
        connection_id: e.connectionId,
        external_id: e.externalId,
        code: e.code,
        message: e.message,
        failed_at: e.at,
    })
        .onConflict(['connection_id', 'external_id'])
        .merge(['code', 'message', 'failed_at']);
}
/** The record is filed: its earlier failure is forgotten. */
async function clearRecordError(db, connectionId, externalId) {
    await db('connector_record_errors')
        .where({ connection_id: connectionId, external_id: externalId })
        .delete();
}
/** The records of a connection that could not be filed, most recent failure first. */
async function recordErrorsOf(db, connectionId) {
    return db('connector_record_errors').where({ connection_id: connectionId }).orderBy('failed_at', 'desc');
}
//# sourceMappingURL=store.js.map