import type { Knex } from 'knex';
import type { Db } from '../../platform/db';
import type { ActorMembership } from '../types';

/**
 * A row of the invoices read model (the invoice workflow's activities write it), with its columns as
 * the database names them; the read model and the edges' wire mappings shape it for their callers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InvoiceRow = Record<string, any>;

/** The status history of an invoice, oldest first. */
export async function historyRows(db: Db, invoiceId: string): Promise<InvoiceRow[]> {
  return db('invoice_status_history').where({ invoice_id: invoiceId }).orderBy('seq');
}

/** What a listing may filter on; all given filters apply together. */
export interface InvoiceFilter {
  status?: string;
  /** Any of these statuses. */
  statuses?: string[];
  /** Deposited on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Deposited on or before this day (YYYY-MM-DD). */
  to?: string;
  /** Total with VAT (else amount due) at least / at most, decimal text. */
  minAmount?: string;
  maxAmount?: string;
  /** The other party's identifier, or part of its name. */
  counterpart?: string;
  number?: string;
  cadre?: string;
  engagementNumber?: string;
  /** Any of these cadres de facturation. */
  cadres?: string[];
  /** The invoices of one flow: filed at its deposit instant by the EDI channel. */
  flowDepositedAt?: string | Date;
}

/** Whose invoices a listing shows: the caller's structures as supplier, recipient or A9/A12 validator. */
export type ListingSide = 'supplier' | 'recipient' | 'validator';

export const LISTING_SORTS = [
  'depositedAt',
  '-depositedAt',
  'number',
  '-number',
  'amount',
  '-amount',
  'status',
  '-status',
] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

const SORT_COLUMNS: Record<string, string> = {
  depositedAt: 'deposited_at',
  number: 'number',
  status: 'status',
  amount: 'amount',
};

/**
 * The invoices of the caller's structures on one side, filtered, in `sort` order then by id, with the
 * count of all that match. A recipient member attached to some services sees only those services'.
 */
export async function listInvoiceRows(
  db: Db,
  scope: { memberships: ActorMembership[]; side: ListingSide },
  filter: InvoiceFilter,
  page: { sort: ListingSort; limit: number; offset: number },
): Promise<{ total: number; rows: InvoiceRow[] }> {
  const query = db('invoices').where((w: Knex.QueryBuilder) => ofMemberships(w, scope));
  // Amounts are decimal text (exact on both databases); compared as numbers here.
  const amount = db.raw('CAST(COALESCE(total_with_vat, amount_due) AS DECIMAL)');
  filtered(query, amount, scope.side, filter);
  const [{ n }] = await query.clone().count({ n: '*' });
  const key = SORT_COLUMNS[page.sort.replace(/^-/, '')];
  const rows = await query
    .orderBy([
      {
        column: (key === 'amount' ? amount : key) as string,
        order: page.sort.startsWith('-') ? 'desc' : 'asc',
      },
      { column: 'id', order: 'asc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
    .select();
  return { total: Number(n), rows };
}

function ofMemberships(
  w: Knex.QueryBuilder,
  { memberships, side }: { memberships: ActorMembership[]; side: ListingSide },
) {
  const column = `${side}_structure_id`;
  w.whereRaw('1 = 0');
  for (const m of memberships) {
    const restricted =
      side === 'recipient' && m.services.length > 0 && !['PRINCIPAL', 'SECONDAIRE'].includes(m.role);
    w.orWhere((o: Knex.QueryBuilder) => {
      o.where(column, m.structureId);
      if (restricted) o.whereIn('service_code', m.services);
    });
  }
}

function filtered(query: Knex.QueryBuilder, amount: Knex.Raw, side: ListingSide, q: InvoiceFilter) {
  const [otherId, otherName] =
    side === 'supplier' ? ['recipient_id', 'recipient_name'] : ['supplier_id', 'supplier_name'];
  if (q.status) query.where('status', q.status);
  if (q.from) query.where('deposited_at', '>=', new Date(`${q.from}T00:00:00.000Z`).toISOString());
  if (q.to)
    query.where(
      'deposited_at',
      '<',
      new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000).toISOString(),
    );
  if (q.minAmount) query.where(amount, '>=', Number(q.minAmount));
  if (q.maxAmount) query.where(amount, '<=', Number(q.maxAmount));
  if (q.number) query.where('number', q.number);
  if (q.cadre) query.where('cadre', q.cadre);
  if (q.counterpart) {
    const like = `%${q.counterpart.toLowerCase().replace(/[%_]/g, '')}%`;
    query.where((w: Knex.QueryBuilder) =>
      w.where(otherId, q.counterpart!).orWhereRaw(`LOWER(${otherName}) LIKE ?`, [like]),
    );
  }
  if (q.statuses?.length) query.whereIn('status', q.statuses);
  if (q.cadres?.length) query.whereIn('cadre', q.cadres);
  if (q.engagementNumber) query.where('engagement_number', q.engagementNumber);
  if (q.flowDepositedAt) query.where({ deposited_at: q.flowDepositedAt, deposit_mode: 'EDI' });
}

/** The most recently deposited invoice bearing one of these numbers, issued by one of these suppliers. */
export async function latestInvoiceNumbered(
  db: Db,
  supplierIds: string[],
  numbers: string[],
): Promise<{ id: string; number: string; status: string } | undefined> {
  if (supplierIds.length === 0 || numbers.length === 0) return undefined;
  return db('invoices')
    .whereIn('supplier_id', supplierIds)
    .whereIn('number', numbers)
    .orderBy('deposited_at', 'desc')
    .first('id', 'number', 'status');
}

/** The file an invoice was filed from, once its workflow has written its row. */
export async function invoiceBlobSha256(db: Db, invoiceId: string): Promise<string | undefined> {
  const row = await db('invoices').where({ id: invoiceId }).first('blob_sha256');
  return row?.blob_sha256;
}

/** The current status of each invoice that has a row. */
export async function invoiceStatuses(db: Db, invoiceIds: string[]): Promise<Map<string, string>> {
  const rows = await db('invoices').whereIn('id', invoiceIds).select('id', 'status');
  return new Map(rows.map((r) => [r.id as string, r.status as string]));
}

/** The findings (as stored JSON) of each invoice's REJETEE status. */
export async function rejectionFindings(db: Db, invoiceIds: string[]): Promise<Map<string, string | null>> {
  const rows = await db('invoice_status_history')
    .whereIn('invoice_id', invoiceIds)
    .andWhere({ status: 'REJETEE' })
    .select('invoice_id', 'reasons');
  return new Map(rows.map((r) => [r.invoice_id as string, r.reasons as string | null]));
}

/** What an ERP is told of an invoice's status and payment. */
export interface InvoiceStatusFacts {
  id: string;
  status: string;
  statusAt: string | Date;
  amountDue: string | null;
  totalWithVat: string;
  currency: string | null;
  number: string;
}

/** The invoices among `invoiceIds` whose status is one of `statuses`, with their amounts. */
export async function invoicesInStatus(
  db: Db,
  invoiceIds: string[],
  statuses: string[],
): Promise<InvoiceStatusFacts[]> {
  const found: InvoiceStatusFacts[] = [];
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
