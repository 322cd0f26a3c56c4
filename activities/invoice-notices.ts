import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { FLAT_INDEMNITY, LateCharges } from '../invoicing/lifecycle/payment';
import type { InvoiceStatusCode } from '../invoicing/lifecycle/transitions';

export interface InvoiceNoticeDeps {
  db: Db;
  mailer: Mailer;
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

/**
 * Emails about an invoice's lifecycle. Each carries an idempotency key made of the invoice id and the
 * event, so a retried activity sends nothing twice.
 */
export function createInvoiceNotices({ db, mailer }: InvoiceNoticeDeps) {
  const invoice = (id: string) => db('invoices').where({ id }).first();
  const sendAll = async (to: string[], subject: string, text: string, key: string) => {
    for (const address of to)
      await mailer.send({ to: address, subject, text, idempotencyKey: `${key}/${address}` });
  };

  return {
    /**
     * Tells the other side's subscribers of a new status: the supplier's of the buyer's and the
     * validator's steps, the validator's of A_VALIDER_1, the buyer's of COMPLETEE.
     */
    async notifyStatusChange({ invoiceId, status }: { invoiceId: string; status: InvoiceStatusCode }) {
      const row = await invoice(invoiceId);
      const structureId =
        status === 'A_VALIDER_1'
          ? row.validator_structure_id
          : status === 'COMPLETEE'
            ? row.recipient_structure_id
            : row.supplier_structure_id;
      const history = await db('invoice_status_history')
        .where({ invoice_id: invoiceId, status })
        .orderBy('seq', 'desc')
        .first('seq', 'reason');
      await sendAll(
        await subscriberEmails(db, structureId),
        `Facture ${row.number} : ${status}`,
        `La facture ${row.number} (${invoiceId}) est désormais ${status}.` +
          (history?.reason ? `\nMotif : ${history.reason}` : ''),
        `${invoiceId}/status/${history?.seq ?? status}`,
      );
    },

    /** The payment period ended without MISE_EN_PAIEMENT: the supplier's members learn what they are owed. */
    async notifyLatePayment({
      invoiceId,
      dueDate,
      charges,
    }: {
      invoiceId: string;
      dueDate: string;
      charges: LateCharges;
    }) {
      const row = await invoice(invoiceId);
      await db('invoices')
        .where({ id: invoiceId })
        .update({ late: true, interest_rate: charges.annualRate, flat_indemnity: FLAT_INDEMNITY });
      const members: string[] = row.supplier_structure_id
        ? await db('structure_members')
            .join('users', 'users.id', 'structure_members.user_id')
            .where('structure_members.structure_id', row.supplier_structure_id)
            .orderBy('users.contact_email')
            .pluck('users.contact_email')
        : [];
      await sendAll(
        members,
        `Facture ${row.number} : délai de paiement dépassé`,
        `Le délai de paiement de la facture ${row.number} (${invoiceId}) a expiré le ${dueDate} sans mise en paiement.\n` +
          `Intérêts moratoires : ${charges.annualRate} % l'an, soit ${charges.dailyInterest} ${row.currency ?? 'EUR'} par jour de retard, ` +
          `et une indemnité forfaitaire de 40 EUR pour frais de recouvrement.`,
        `${invoiceId}/late`,
      );
    },
  };
}
