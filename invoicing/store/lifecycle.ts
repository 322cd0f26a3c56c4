import type { Db } from '../../platform/db';
import type { LateCharges } from '../lifecycle/payment';
import { FLAT_INDEMNITY } from '../lifecycle/payment';
import type {
  DepositParties,
  InvoiceDeposit,
  PaymentRecord,
  RejectionAcknowledgement,
  Routing,
  StatusRecord,
} from '../types';

/**
 * The invoice lifecycle's writes to the read model (invoices, invoice_status_history) and the reads its
 * notices need. Every write is keyed (invoice id, history sequence number), so a retried activity
 * changes nothing twice.
 */

/**
 * Files a deposit with its first status, DEPOSEE; a second registration of the same deposit adds nothing.
 * A corrected file deposited under the number of one the platform's checks rejected (REJETEE, never
 * delivered) takes its place: the refused attempt stays in its own workflow history.
 */
export async function insertDeposit(db: Db, d: InvoiceDeposit, parties: DepositParties): Promise<void> {
  const row = depositColumns(d, parties);
  await db.transaction(async (trx) => {
    const previous = await trx('invoices')
      .where({ id: d.invoiceId })
      .first('blob_sha256', 'status', 'delivered_sha256');
    if (previous && previous.blob_sha256 !== d.blob.sha256 && refusedBeforeDelivery(previous)) {
      await trx('invoice_status_history').where({ invoice_id: d.invoiceId }).delete();
      await trx('invoices')
        .where({ id: d.invoiceId })
        .update({ ...row, ...RESET_ON_REDEPOSIT });
    } else await trx('invoices').insert(row).onConflict('id').ignore();
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
}

/** What the refused attempt left on the row that a new deposit does not set. */
const RESET_ON_REDEPOSIT = {
  certificate_sha256: null,
  rejection_acknowledged_at: null,
  mandate_number: null,
  due_date: null,
};

function refusedBeforeDelivery(row: { status: string; delivered_sha256: string | null }): boolean {
  return row.status === 'REJETEE' && !row.delivered_sha256;
}

function depositColumns(d: InvoiceDeposit, parties: DepositParties) {
  return {
    id: d.invoiceId,
    supplier_id: d.supplierId,
    supplier_name: d.supplierName ?? null,
    supplier_structure_id: parties.supplierStructureId ?? null,
    recipient_id: d.recipientId ?? null,
    recipient_name: d.recipientName ?? null,
    validator_id: d.validatorId ?? null,
    validator_structure_id: parties.validatorStructureId ?? null,
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
  };
}

/** The columns of an invoice's row the lifecycle reads. */
export interface LifecycleInvoiceRow {
  id: string;
  number: string;
  supplier_id: string;
  supplier_name: string | null;
  recipient_id: string | null;
  recipient_name: string | null;
  supplier_structure_id: string | null;
  recipient_structure_id: string | null;
  validator_structure_id: string | null;
  currency: string | null;
  deposit_mode: string;
  deposited_at: string | Date;
  blob_sha256: string;
}

export async function invoiceRow(db: Db, invoiceId: string): Promise<LifecycleInvoiceRow | undefined> {
  return db('invoices').where({ id: invoiceId }).first();
}

/**
 * Another invoice of this supplier already carries this number in this year, and uses it up: it reached
 * the buyer or is on its way. One the platform's checks rejected before delivery (REJETEE, never
 * delivered) does not: its number is deposited again once corrected. A SIREN stands for any SIRET of it.
 */
export async function numberTaken(
  db: Db,
  n: { supplierId: string; year: number; number: string; exceptInvoiceId?: string },
): Promise<boolean> {
  const q = db('invoices')
    .where({ year: n.year, number: n.number })
    .where((w) => {
      w.where('supplier_id', n.supplierId);
      if (/^\d{9}$/.test(n.supplierId)) w.orWhere('supplier_id', 'like', `${n.supplierId}_____`);
    })
    .whereNot((w) => w.where('status', 'REJETEE').whereNull('delivered_sha256'));
  if (n.exceptInvoiceId) q.whereNot({ id: n.exceptInvoiceId });
  return !!(await q.first('id'));
}

export async function updateRouting(
  db: Db,
  invoiceId: string,
  routing: Routing,
  recipientName: string | undefined,
): Promise<void> {
  await db('invoices')
    .where({ id: invoiceId })
    .update({
      recipient_id: routing.recipientId ?? null,
      ...(recipientName ? { recipient_name: recipientName } : {}),
      service_code: routing.serviceCode ?? null,
      engagement_number: routing.engagementNumber ?? null,
    });
}

/** The A9 / A12 validator the supplier named in place of the previous one. */
export async function updateValidator(
  db: Db,
  invoiceId: string,
  v: { validatorId: string; validatorStructureId: string },
): Promise<void> {
  await db('invoices')
    .where({ id: invoiceId })
    .update({ validator_id: v.validatorId, validator_structure_id: v.validatorStructureId });
}

/** The rule sets the deposit check judged the invoice by, as a JSON array. */
export async function updateRuleSets(db: Db, invoiceId: string, ruleSets: string[]): Promise<void> {
  await db('invoices')
    .where({ id: invoiceId })
    .update({ rule_sets: JSON.stringify(ruleSets) });
}

/** Appends one status change to the history and, the first time only, moves the current status. */
export async function appendStatus(
  db: Db,
  { invoiceId, entry, findings, dueDate }: StatusRecord,
): Promise<void> {
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
}

/**
 * The latest history entry with this status: its sequence number, who set it, the reason a person gave,
 * and the findings (JSON) the platform's checks gave for it.
 */
export async function latestEntryWithStatus(
  db: Db,
  invoiceId: string,
  status: string,
): Promise<{ seq: number; actor: string; reason: string | null; reasons: string | null } | undefined> {
  return db('invoice_status_history')
    .where({ invoice_id: invoiceId, status })
    .orderBy('seq', 'desc')
    .first('seq', 'actor', 'reason', 'reasons');
}

export async function lastSeq(db: Db, invoiceId: string): Promise<number | undefined> {
  const row = await db('invoice_status_history').where({ invoice_id: invoiceId }).max({ seq: 'seq' }).first();
  return row?.seq ?? undefined;
}

export async function updatePayment(db: Db, { invoiceId, paidAt, charges }: PaymentRecord): Promise<void> {
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
}

/** The payment period ended unpaid: the rate and the flat indemnity the supplier may claim. */
export async function markLate(db: Db, invoiceId: string, charges: LateCharges): Promise<void> {
  await db('invoices')
    .where({ id: invoiceId })
    .update({ late: true, interest_rate: charges.annualRate, flat_indemnity: FLAT_INDEMNITY });
}

export async function updateRejectionAcknowledged(
  db: Db,
  { invoiceId, at }: RejectionAcknowledgement,
): Promise<void> {
  await db('invoices').where({ id: invoiceId }).update({ rejection_acknowledged_at: at });
}

export async function updateCertificate(db: Db, invoiceId: string, sha256: string): Promise<void> {
  await db('invoices').where({ id: invoiceId }).update({ certificate_sha256: sha256 });
}

export async function updateDelivery(
  db: Db,
  invoiceId: string,
  d: { structureId?: string; format: string; sha256: string },
): Promise<void> {
  await db('invoices')
    .where({ id: invoiceId })
    .update({
      recipient_structure_id: d.structureId ?? null,
      delivered_format: d.format,
      delivered_sha256: d.sha256,
    });
}

/** Contact emails of the members of a structure who subscribed to invoice notifications. */
export async function subscriberEmails(db: Db, structureId: string | null | undefined): Promise<string[]> {
  if (!structureId) return [];
  return db('invoice_subscriptions')
    .join('users', 'users.id', 'invoice_subscriptions.user_id')
    .join('structure_members', function () {
      // A member who left the structure hears nothing more about its invoices.
      this.on('structure_members.user_id', '=', 'invoice_subscriptions.user_id').andOn(
        'structure_members.structure_id',
        '=',
        'invoice_subscriptions.structure_id',
      );
    })
    .where('invoice_subscriptions.structure_id', structureId)
    .orderBy('users.contact_email')
    .pluck('users.contact_email');
}
