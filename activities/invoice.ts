import { Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { checkDeposit } from '../invoice/deposit-checks';
import type { Finding, InvoiceDeposit, InvoiceStatusCode } from '../workflows/invoice';

export interface InvoiceActivityDeps {
  db: Db;
  blobs: BlobStore;
}

/**
 * Side effects of the invoice workflow. Each one is safe to retry: writes are keyed
 * (invoice id, history sequence number), so a retry or a worker crash never duplicates anything.
 */
export function createInvoiceActivities({ db, blobs }: InvoiceActivityDeps) {
  return {
    /** Files the deposit in the read model with its first status, DEPOSEE. */
    async registerDeposit(d: InvoiceDeposit): Promise<void> {
      await db.transaction(async (trx) => {
        await trx('invoices')
          .insert({
            id: d.invoiceId,
            supplier_id: d.supplierId,
            supplier_name: d.supplierName ?? null,
            recipient_id: d.recipientId ?? null,
            recipient_name: d.recipientName ?? null,
            number: d.number,
            year: d.year,
            issue_date: d.issueDate ?? null,
            type_code: d.typeCode ?? null,
            currency: d.currency ?? null,
            total_without_vat: d.totals.withoutVat ?? null,
            total_vat: d.totals.vat ?? null,
            total_with_vat: d.totals.withVat ?? null,
            amount_due: d.totals.amountDue ?? null,
            format: d.format,
            deposit_mode: d.depositMode,
            blob_sha256: d.blob.sha256,
            status: 'DEPOSEE',
            status_at: d.depositedAt,
            deposited_at: d.depositedAt,
          })
          .onConflict('id')
          .ignore();
        await trx('invoice_status_history')
          .insert({
            invoice_id: d.invoiceId,
            seq: 1,
            status: 'DEPOSEE',
            at: d.depositedAt,
            actor: 'supplier',
          })
          .onConflict(['invoice_id', 'seq'])
          .ignore();
      });
    },

    /** Reads the deposited file and judges it; every problem comes back as a finding. */
    async checkInvoice({ blob }: { blob: { sha256: string } }): Promise<Finding[]> {
      return whileHeartbeating(async () => checkDeposit(await blobs.get(blob.sha256)));
    },

    /** Appends one status change to the history and moves the read model's current status. */
    async recordStatus(s: {
      invoiceId: string;
      seq: number;
      status: InvoiceStatusCode;
      at: string;
      findings: Finding[];
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const inserted = await trx('invoice_status_history')
          .insert({
            invoice_id: s.invoiceId,
            seq: s.seq,
            status: s.status,
            at: s.at,
            reasons: s.findings.length > 0 ? JSON.stringify(s.findings) : null,
            actor: 'platform',
          })
          .onConflict(['invoice_id', 'seq'])
          .ignore()
          .returning('id');
        if (inserted.length > 0) {
          await trx('invoices').where({ id: s.invoiceId }).update({ status: s.status, status_at: s.at });
        }
      });
    },

    /** Makes the invoice visible in the recipient's space (its structure, when registered). */
    async deliverToRecipient({
      invoiceId,
      recipientId,
    }: {
      invoiceId: string;
      recipientId: string;
    }): Promise<void> {
      const structure = await db('structures').where({ identifier: recipientId }).first('id');
      await db('invoices')
        .where({ id: invoiceId })
        .update({ recipient_structure_id: structure?.id ?? null });
    },
  };
}

/** Heartbeats every 2 s while work runs, so Temporal notices a dead worker within the heartbeat timeout. */
async function whileHeartbeating<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), 2000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export type InvoiceActivities = ReturnType<typeof createInvoiceActivities>;
