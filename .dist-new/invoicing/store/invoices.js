"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LISTING_SORTS = void 0;
exports.historyRows = historyRows;
exports.listInvoiceRows = listInvoiceRows;
exports.latestInvoiceNumbered = latestInvoiceNumbered;
exports.invoiceBlobSha256 = invoiceBlobSha256;
exports.invoiceStatuses = invoiceStatuses;
exports.rejectionFindings = rejectionFindings;
exports.invoicesInStatus = invoicesInStatus;
/** The status history of an invoice, oldest first. */
async function historyRows(db, invoiceId) {
    return db('invoice_status_history').where({ invoice_id: invoiceId }).orderBy('seq');
}
exports.LISTING_SORTS = [
    'depositedAt',
    '-depositedAt',
    'number',
    '-number',
    'amount',
    '-amount',
    'status',
    '-status',
];
const SORT_COLUMNS = {
    depositedAt: 'deposited_at',
    number: 'number',
    status: 'status',
    amount: 'amount',
};
/**
 * The invoices of the caller's structures on one side, filtered, in `sort` order then by id, with the
 * count of all that match. A recipient member attached to some services sees only those services'.
 */
async function listInvoiceRows(db, scope, filter, page) {
    const query = db('invoices').where((w) => ofMemberships(w, scope));
    // Amounts are decimal text (exact on both databases); compared as numbers here.
    const amount = db.raw('CAST(COALESCE(total_with_vat, amount_due) AS DECIMAL)');
    filtered(query, amount, scope.side, filter);
    const [{ n }] = await query.clone().count({ n: '*' });
    const key = SORT_COLUMNS[page.sort.replace(/^-/, '')];
    const rows = await query
        .orderBy([
        {
            column: (key === 'amount' ? amount : key),
            order: page.sort.startsWith('-') ? 'desc' : 'asc',
        },
        { column: 'id', order: 'asc' },
    ])
        .limit(page.limit)
        .offset(page.offset)
        .select();
    return { total: Number(n), rows };
}
function ofMemberships(w, { memberships, side }) {
    const column = `${side}_structure_id`;
    w.whereRaw('1 = 0');
    for (const m of memberships) {
        const restricted = side === 'recipient' && m.services.length > 0 && !['PRINCIPAL', 'SECONDAIRE'].includes(m.role);
        w.orWhere((o) => {
            o.where(column, m.structureId);
            if (restricted)
                o.whereIn('service_code', m.services);
        });
    }
}
function filtered(query, amount, side, q) {
    const [otherId, otherName] = side === 'supplier' ? ['recipient_id', 'recipient_name'] : ['supplier_id', 'supplier_name'];
    if (q.status)
        query.where('status', q.status);
    if (q.from)
        query.where('deposited_at', '>=', new Date(`${q.from}T00:00:00.000Z`).toISOString());
    if (q.to)
        query.where('deposited_at', '<', new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000).toISOString());
    if (q.minAmount)
        query.where(amount, '>=', Number(q.minAmount));
    if (q.maxAmount)
        query.where(amount, '<=', Number(q.maxAmount));
    if (q.number)
        query.where('number', q.number);
    if (q.cadre)
        query.where('cadre', q.cadre);
    if (q.counterpart) {
        const like = `%${q.counterpart.toLowerCase().replace(/[%_]/g, '')}%`;
        query.where((w) => w.where(otherId, q.counterpart).orWhereRaw(`LOWER(${otherName}) LIKE ?`, [like]));
    }
    if (q.statuses?.length)
        query.whereIn('status', q.statuses);
    if (q.cadres?.length)
        query.whereIn('cadre', q.cadres);
    if (q.engagementNumber)
        query.where('engagement_number', q.engagementNumber);
    if (q.flowDepositedAt)
        query.where({ deposited_at: q.flowDepositedAt, deposit_mode: 'EDI' });
}
/** The most recently deposited invoice bearing one of these numbers, issued by one of these suppliers. */
async function latestInvoiceNumbered(db, supplierIds, numbers) {
    if (supplierIds.length === 0 || numbers.length === 0)
        return undefined;
    return db('invoices')
        .whereIn('supplier_id', supplierIds)
        .whereIn('number', numbers)
        .orderBy('deposited_at', 'desc')
        .first('id', 'number', 'status');
}
/** The file an invoice was filed from, once its workflow has written its row. */
async function invoiceBlobSha256(db, invoiceId) {
    const row = await db('invoices').where({ id: invoiceId }).first('blob_sha256');
    return row?.blob_sha256;
}
/** The current status of each invoice that has a row. */
async function invoiceStatuses(db, invoiceIds) {
    const rows = await db('invoices').whereIn('id', invoiceIds).select('id', 'status');
    return new Map(rows.map((r) => [r.id, r.status]));
}
/** The findings (as stored JSON) of each invoice's REJETEE status. */
async function rejectionFindings(db, invoiceIds) {
    const rows = await db('invoice_status_history')
        .whereIn('invoice_id', invoiceIds)
        .andWhere({ status: 'REJETEE' })
        .select('invoice_id', 'reasons');
    return new Map(rows.map((r) => [r.invoice_id, r.reasons]));
}
/** The invoices among `invoiceIds` whose status is one of `statuses`, with their amounts. */
async function invoicesInStatus(db, invoiceIds, statuses) {
    const found = [];
    // Chunks keep the IN list under SQLite's bound-parameter limit for connections with many invoices.
    for (let i = 0; i < invoiceIds.length; i += 500) {
        const rows = await db('invoices')
            .whereIn('id', invoiceIds.slice(i, i + 500))
            .whereIn('status', statuses)
            .select('id', 'status', 'status_at', 'amount_due', 'total_with_vat', 'currency', 'number');
        for (const r of rows)
            found.push({
                id: r.id,
                status: r.status,
                statusAt: r.status_at,
                amountDue: r.amount_due,
                totalWithVat: r.total_with_vat,
                currency: r.currency,
                number: r.number,
            });
    }
    return found;
}
//# sourceMappingURL=invoices.js.map