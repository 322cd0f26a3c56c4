import type { Db } from '../platform/db';
import type { Caller } from '../accounts/caller';
import { allowedNext, InvoiceStatusCode } from './lifecycle/transitions';
import { daysLate, lateCharges } from './lifecycle/payment';
import { actorOf, type ReadableInvoice } from './access';
import type { Actor } from './types';
import { localizeFindings, type Language, type Localisable } from '../invoice/messages';
import {
  historyRows,
  listInvoiceRows,
  type InvoiceFilter,
  type InvoiceRow,
  type ListingSort,
} from './store/invoices';

export {
  LISTING_SORTS,
  invoiceBlobSha256,
  invoiceStatuses,
  invoicesInStatus,
  latestInvoiceNumbered,
  rejectionFindings,
} from './store/invoices';
export type { InvoiceFilter, InvoiceRow, InvoiceStatusFacts, ListingSort } from './store/invoices';

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

/**
 * A history with the findings of each status change (its `reasons`) in `language`: French by default,
 * the official English text on request; rule ids never change.
 */
export function localizedHistory<H extends { reasons?: Localisable[] }>(
  history: H[],
  language: Language = 'fr',
): H[] {
  return history.map((h) => (h.reasons ? { ...h, reasons: localizeFindings(h.reasons, language) } : h));
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
 * An invoice as the API shows it, from the read model, to a caller `readableInvoice` let see. Just
 * after a deposit the workflow may not have written its first row yet: the invoice then exists (its
 * workflow does) and is reported DEPOSEE.
 */
export async function invoiceView(db: Db, readable: ReadableInvoice, opts: { referenceRate?: string } = {}) {
  const { id, row, sides } = readable;
  if (!readable.filed)
    return { id, status: 'DEPOSEE', depositedAt: iso(row.deposited_at), history: [], sides };
  const history = await historyRows(db, id);
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
    // The rule sets the deposit check judged it by; absent until checked (and for older invoices).
    ruleSets: row.rule_sets ? (JSON.parse(row.rule_sets as string) as string[]) : undefined,
    sides,
    // What this caller may do next, from the same table the workflow's validators use.
    allowedActions: allowedNext(status)
      .filter((t) => (sides as string[]).includes(t.by))
      .map((t) => ({ status: t.to, by: t.by, needs: t.needs })),
    history: historyOf(history),
  };
}

/** A page of the caller's invoices on one side, shaped for listings; `all`: every match (an export). */
export async function listInvoices(
  db: Db,
  caller: Caller,
  side: 'supplier' | 'recipient',
  filter: InvoiceFilter,
  page: { page: number; pageSize: number; sort: ListingSort; all?: boolean },
) {
  const { total, rows } = await invoiceRowsOf(db, await actorOf(db, caller), side, filter, {
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
export async function invoiceRowsOf(
  db: Db,
  actor: Actor,
  side: 'supplier' | 'recipient' | 'validator',
  filter: InvoiceFilter,
  page: { sort: ListingSort; limit: number; offset: number },
): Promise<{ total: number; rows: InvoiceRow[] }> {
  return listInvoiceRows(db, { memberships: actor.memberships, side }, filter, page);
}

/** An invoice's status history, as the workflow's query shows it. */
export async function invoiceHistory(db: Db, invoiceId: string) {
  return historyOf(await historyRows(db, invoiceId));
}
