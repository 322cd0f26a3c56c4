import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Knex } from 'knex';
import type { Db } from '../platform/db';
import { allowedNext, InvoiceStatusCode } from './lifecycle/transitions';
import { daysLate, lateCharges } from './lifecycle/payment';
import type { ListingQuery } from '../api/invoice-schemas';
import { sidesOf } from './access';
import type { Actor } from './types';

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : undefined;
const opt = <T>(v: T | null) => v ?? undefined;

/** The history as the workflow's query shows it: same fields, same values. */
export function historyOf(rows: Record<string, unknown>[]) {
  return rows.map((h) => ({
    seq: Number(h.seq),
    status: h.status as string,
    reformCode: opt(h.reform_code as number | null),
    at: iso(h.at)!,
    by: opt(h.actor as string | null),
    userId: opt(h.user_id as string | null),
    comment: opt(h.comment as string | null),
    reason: opt(h.reason as string | null),
    mandateNumber: opt(h.mandate_number as string | null),
    attachments: h.attachments ? JSON.parse(h.attachments as string) : undefined,
    reasons: h.reasons ? JSON.parse(h.reasons as string) : undefined,
  }));
}

/** Late-payment figures: final once paid, else accrued to `today` while the invoice waits. */
function paymentOf(row: Record<string, unknown>, referenceRate: string, today: string) {
  if (!row.due_date) return undefined;
  const due = row.due_date as string;
  const base = { dueDate: due, late: !!row.late, paidAt: iso(row.paid_at) };
  if (row.late_interest)
    return {
      ...base,
      daysLate: Number(row.late_days),
      annualRate: row.interest_rate,
      interest: row.late_interest,
      indemnity: row.flat_indemnity,
    };
  if (!row.late || row.paid_at) return base;
  const amount = (row.amount_due ?? row.total_with_vat ?? '0') as string;
  const charges = lateCharges(amount, referenceRate, daysLate(due, today));
  return { ...base, ...charges, accruedOn: today };
}

/**
 * An invoice as the API shows it, from the read model, for a caller who is one of its parties. Just
 * after a deposit the workflow may not have written its first row yet: the invoice then exists (its
 * workflow does) and is reported DEPOSEE.
 */
export async function readInvoice(
  db: Db,
  client: Client,
  id: string,
  actor: Actor,
  opts: { operator?: boolean; referenceRate?: string } = {},
) {
  const row = await db('invoices').where({ id }).first();
  if (!row) {
    try {
      const described = await client.workflow.getHandle(id).describe();
      return {
        id,
        status: 'DEPOSEE',
        depositedAt: described.startTime.toISOString(),
        history: [],
        sides: [],
      };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }
  const sides = sidesOf(actor, row);
  if (sides.length === 0 && !opts.operator) return { forbidden: true as const };
  const history = await db('invoice_status_history').where({ invoice_id: id }).orderBy('seq');
  const status = row.status as InvoiceStatusCode;
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
    sides,
    // What this caller may do next, from the same table the workflow's validators use.
    allowedActions: allowedNext(status)
      .filter((t) => (sides as string[]).includes(t.by))
      .map((t) => ({ status: t.to, by: t.by, needs: t.needs })),
    history: historyOf(history),
  };
}

const SORT_COLUMNS: Record<string, string> = {
  depositedAt: 'deposited_at',
  number: 'number',
  status: 'status',
  amount: 'amount',
};

/**
 * "Factures émises" (side supplier) or "Factures reçues" (side recipient) of the caller's structures;
 * a recipient member attached to some services sees only the invoices of those services.
 */
export function listingQueryBuilder(db: Db, actor: Actor, side: 'supplier' | 'recipient', q: ListingQuery) {
  const column = side === 'supplier' ? 'supplier_structure_id' : 'recipient_structure_id';
  const [otherId, otherName] =
    side === 'supplier' ? ['recipient_id', 'recipient_name'] : ['supplier_id', 'supplier_name'];
  const query = db('invoices').where((w: Knex.QueryBuilder) => {
    w.whereRaw('1 = 0');
    for (const m of actor.memberships) {
      const restricted =
        side === 'recipient' && m.services.length > 0 && !['PRINCIPAL', 'SECONDAIRE'].includes(m.role);
      w.orWhere((o: Knex.QueryBuilder) => {
        o.where(column, m.structureId);
        if (restricted) o.whereIn('service_code', m.services);
      });
    }
  });
  // Amounts are decimal text (exact on both databases); compared as numbers here.
  const amount = db.raw('CAST(COALESCE(total_with_vat, amount_due) AS DECIMAL)');
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
  const desc = q.sort.startsWith('-');
  const key = SORT_COLUMNS[q.sort.replace(/^-/, '')];
  return {
    query,
    order: key === 'amount' ? amount : key,
    direction: desc ? ('desc' as const) : ('asc' as const),
  };
}

export async function listInvoices(db: Db, actor: Actor, side: 'supplier' | 'recipient', q: ListingQuery) {
  const { query, order, direction } = listingQueryBuilder(db, actor, side, q);
  const [{ n }] = await query.clone().count({ n: '*' });
  const rows = await query
    .orderBy([
      { column: order as string, order: direction },
      { column: 'id', order: 'asc' },
    ])
    .limit(q.format === 'csv' ? 100_000 : q.pageSize)
    .offset(q.format === 'csv' ? 0 : (q.page - 1) * q.pageSize)
    .select();
  return {
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
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
