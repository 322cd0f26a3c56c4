"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insertFlow = insertFlow;
exports.findFlow = findFlow;
exports.flowsDepositedBy = flowsDepositedBy;
exports.updateFlowState = updateFlowState;
/** Files a new flow as received; a flow already filed under this number is left as it is. */
async function insertFlow(db, f) {
    await db('flows')
        .insert({
        numero: f.numero,
        syntax: f.syntax,
        blob_sha256: f.blobSha256,
        filename: f.filename ?? null,
        deposited_by: f.depositedBy ?? null,
        status: 'IN_RECU',
        deposited_at: f.at,
        updated_at: f.at,
    })
        .onConflict('numero')
        .ignore();
}
async function findFlow(db, numero) {
    return db('flows').where({ numero }).first();
}
/** The flows a user deposited, newest first. */
async function flowsDepositedBy(db, userId, limit) {
    return db('flows').where({ deposited_by: userId }).orderBy('deposited_at', 'desc').limit(limit);
}
/** Moves the flow's row to a state; a settled flow also gets its report. */
async function updateFlowState(db, s) {
    await db('flows')
        .where({ numero: s.numero })
        .update({
        status: s.status,
        updated_at: s.at,
        ...(s.invoiceCount !== undefined && { invoice_count: s.invoiceCount }),
        ...(s.report && {
            integrated_count: s.report.nombreFacturesIntegrees,
            report: JSON.stringify(s.report),
        }),
    });
}
//# sourceMappingURL=store.js.map