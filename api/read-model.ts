import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../platform/db';

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : undefined;

/**
 * An invoice as the API shows it, from the read model. Just after a deposit the workflow may not have
 * written its first row yet: the invoice then exists (its workflow does) and is reported DEPOSEE.
 */
export async function readInvoice(db: Db, client: Client, id: string) {
  const row = await db('invoices').where({ id }).first();
  if (!row) {
    try {
      const described = await client.workflow.getHandle(id).describe();
      return { id, status: 'DEPOSEE', depositedAt: described.startTime.toISOString(), history: [] };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }
  const history = await db('invoice_status_history').where({ invoice_id: id }).orderBy('seq');
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    statusAt: iso(row.status_at),
    depositedAt: iso(row.deposited_at),
    format: row.format,
    depositMode: row.deposit_mode,
    supplier: { id: row.supplier_id, name: row.supplier_name ?? undefined },
    recipient: { id: row.recipient_id ?? undefined, name: row.recipient_name ?? undefined },
    issueDate: row.issue_date ?? undefined,
    currency: row.currency ?? undefined,
    totals: {
      withoutVat: row.total_without_vat ?? undefined,
      vat: row.total_vat ?? undefined,
      withVat: row.total_with_vat ?? undefined,
      amountDue: row.amount_due ?? undefined,
    },
    history: history.map((h) => ({
      status: h.status,
      at: iso(h.at),
      actor: h.actor ?? undefined,
      comment: h.comment ?? undefined,
      reasons: h.reasons ? JSON.parse(h.reasons) : undefined,
    })),
  };
}
