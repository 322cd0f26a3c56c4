import { Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import type { Mailer } from '../platform/mailer';
import { checkDeposit } from '../invoice/deposit-checks';
import type { DuplicateRegistry } from '../invoice/platform-rules/context';
import { dbRecipientDirectory } from '../structures/directory';
import { routingProblems } from '../invoicing/lifecycle/routing';
import type { LateCharges } from '../invoicing/lifecycle/payment';
import { createInvoiceDelivery } from './invoice-delivery';
import { createInvoiceNotices } from './invoice-notices';
import type { Finding, HistoryEntry, InvoiceDeposit, Routing } from '../invoicing/types';

export interface InvoiceActivityDeps {
  db: Db;
  blobs: BlobStore;
  mailer: Mailer;
}

const structureIdOf = async (db: Db, identifier: string | undefined): Promise<string | undefined> =>
  identifier ? (await db('structures').where({ identifier }).first('id'))?.id : undefined;

/**
 * Side effects of the invoice workflow. Each one is safe to retry: writes are keyed (invoice id,
 * history sequence number, blob hash) and emails carry idempotency keys, so a retry or a worker crash
 * never duplicates anything.
 */
export function createInvoiceActivities({ db, blobs, mailer }: InvoiceActivityDeps) {
  const directory = dbRecipientDirectory(db);
  return {
    ...createInvoiceDelivery({ db, blobs, mailer }),
    ...createInvoiceNotices({ db, mailer }),

    /** Files the deposit in the read model with its first status, DEPOSEE; answers the parties' structures. */
    async registerDeposit(
      d: InvoiceDeposit,
    ): Promise<{ supplierStructureId?: string; validatorStructureId?: string }> {
      const supplierStructureId = await structureIdOf(db, d.supplierId);
      const validatorStructureId = await structureIdOf(db, d.validatorId);
      await db.transaction(async (trx) => {
        await trx('invoices')
          .insert({
            id: d.invoiceId,
            supplier_id: d.supplierId,
            supplier_name: d.supplierName ?? null,
            supplier_structure_id: supplierStructureId ?? null,
            recipient_id: d.recipientId ?? null,
            recipient_name: d.recipientName ?? null,
            validator_id: d.validatorId ?? null,
            validator_structure_id: validatorStructureId ?? null,
            cadre: d.cadre ?? null,
            service_code: d.serviceCode ?? null,
            engagement_number: d.engagementNumber ?? null,
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
            reform_code: 200,
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
            reform_code: 200,
            at: d.depositedAt,
            actor: 'supplier',
            user_id: d.depositedBy ?? null,
            attachments: d.attachments?.length ? JSON.stringify(d.attachments) : null,
          })
          .onConflict(['invoice_id', 'seq'])
          .ignore();
      });
      return { supplierStructureId, validatorStructureId };
    },

    /**
     * Reads the deposited file and judges it, against the recipient directory and the duplicate
     * registry too; every problem comes back as a finding.
     */
    async checkInvoice({
      invoiceId,
      blob,
    }: {
      invoiceId?: string;
      blob: { sha256: string };
    }): Promise<Finding[]> {
      // The invoice's own row is not a duplicate of itself.
      const duplicates: DuplicateRegistry = {
        async exists(supplierId, year, number) {
          const q = db('invoices').where({ supplier_id: supplierId, year, number });
          if (invoiceId) q.whereNot({ id: invoiceId });
          return !!(await q.first('id'));
        },
      };
      return whileHeartbeating(async () =>
        checkDeposit(await blobs.get(blob.sha256), 'all', { recipients: directory, duplicates }),
      );
    },

    /** The routing rules on corrected routing data (a recycle). */
    async checkRouting(routing: Routing): Promise<Finding[]> {
      return routingProblems(directory, routing);
    },

    async recordRouting({ invoiceId, routing }: { invoiceId: string; routing: Routing }): Promise<void> {
      // A recycle may name another recipient: its name follows, so listings do not show the old one.
      const before = await db('invoices').where({ id: invoiceId }).first('recipient_id');
      const moved = routing.recipientId && routing.recipientId !== before?.recipient_id;
      const recipient = moved
        ? await db('structures').where({ identifier: routing.recipientId }).first('name')
        : undefined;
      await db('invoices')
        .where({ id: invoiceId })
        .update({
          recipient_id: routing.recipientId ?? null,
          ...(recipient ? { recipient_name: recipient.name } : {}),
          service_code: routing.serviceCode ?? null,
          engagement_number: routing.engagementNumber ?? null,
        });
    },

    /** Appends one status change to the history and moves the read model's current status. */
    async recordStatus({
      invoiceId,
      entry,
      findings,
      dueDate,
    }: {
      invoiceId: string;
      entry: HistoryEntry;
      findings: Finding[];
      /** The end of the legal payment period, known once the invoice reaches the recipient. */
      dueDate?: string;
    }): Promise<void> {
      await db.transaction(async (trx) => {
        const inserted = await trx('invoice_status_history')
          .insert({
            invoice_id: invoiceId,
            seq: entry.seq,
            status: entry.status,
            reform_code: entry.reformCode,
            at: entry.at,
            actor: entry.by,
            user_id: entry.userId ?? null,
            comment: entry.comment ?? null,
            reason: entry.reason ?? null,
            mandate_number: entry.mandateNumber ?? null,
            attachments: entry.attachments ? JSON.stringify(entry.attachments) : null,
            reasons: findings.length > 0 ? JSON.stringify(findings) : null,
          })
          .onConflict(['invoice_id', 'seq'])
          .ignore()
          .returning('id');
        if (inserted.length > 0) {
          await trx('invoices')
            .where({ id: invoiceId })
            .update({
              status: entry.status,
              reform_code: entry.reformCode,
              status_at: entry.at,
              ...(entry.mandateNumber ? { mandate_number: entry.mandateNumber } : {}),
              ...(dueDate ? { due_date: dueDate } : {}),
            });
        }
      });
    },

    /** MISE_EN_PAIEMENT: the payment date, and the late-payment figures when it came late. */
    async recordPayment({
      invoiceId,
      paidAt,
      charges,
    }: {
      invoiceId: string;
      paidAt: string;
      charges?: LateCharges;
    }): Promise<void> {
      await db('invoices')
        .where({ id: invoiceId })
        .update({
          paid_at: paidAt,
          ...(charges
            ? {
                late: true,
                late_days: charges.daysLate,
                interest_rate: charges.annualRate,
                late_interest: charges.interest,
                flat_indemnity: charges.indemnity,
              }
            : {}),
        });
    },

    async recordRejectionAcknowledged({ invoiceId, at }: { invoiceId: string; userId: string; at: string }) {
      await db('invoices').where({ id: invoiceId }).update({ rejection_acknowledged_at: at });
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
