import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { STATUS_LABELS, type InvoiceStatusCode } from './lifecycle/transitions';
import { invoiceRow, latestEntryWithStatus, markLate, subscriberEmails } from './store/lifecycle';
import { memberEmails } from '../structures';
import type { LatePayment } from './types';

/**
 * Emails about an invoice's lifecycle. Each carries an idempotency key made of the invoice id and the
 * event, so a retried activity sends nothing twice.
 */
export interface NoticeDeps {
  db: Db;
  mailer: Mailer;
}

async function sendAll(mailer: Mailer, to: string[], subject: string, text: string, key: string) {
  for (const address of to)
    await mailer.send({ to: address, subject, text, idempotencyKey: `${key}/${address}` });
}

/**
 * Tells the other side's subscribers of a new status: the supplier's of the buyer's and the
 * validator's steps, the validator's of A_VALIDER_1, the buyer's of COMPLETEE.
 */
export async function notifyStatusChange(
  { db, mailer }: NoticeDeps,
  invoiceId: string,
  status: InvoiceStatusCode,
): Promise<void> {
  const row = (await invoiceRow(db, invoiceId))!;
  const structureId =
    status === 'A_VALIDER_1'
      ? row.validator_structure_id
      : status === 'COMPLETEE'
        ? row.recipient_structure_id
        : row.supplier_structure_id;
  const entry = await latestEntryWithStatus(db, invoiceId, status);
  await sendAll(
    mailer,
    await subscriberEmails(db, structureId),
    `Facture ${row.number} : ${status}`,
    `La facture ${row.number} (${invoiceId}) est désormais « ${STATUS_LABELS[status]} » (${status}).` +
      (entry?.reason ? `\nMotif : ${entry.reason}` : ''),
    `${invoiceId}/status/${entry?.seq ?? status}`,
  );
}

/** The payment period ended without MISE_EN_PAIEMENT: the supplier's members learn what they are owed. */
export async function notifyLatePayment(
  { db, mailer }: NoticeDeps,
  { invoiceId, dueDate, charges }: LatePayment,
): Promise<void> {
  const row = (await invoiceRow(db, invoiceId))!;
  await markLate(db, invoiceId, charges);
  await sendAll(
    mailer,
    await memberEmails(db, row.supplier_structure_id),
    `Facture ${row.number} : délai de paiement dépassé`,
    `Le délai de paiement de la facture ${row.number} (${invoiceId}) a expiré le ${dueDate} sans mise en paiement.\n` +
      `Intérêts moratoires : ${charges.annualRate} % l'an, soit ${charges.dailyInterest} ${row.currency ?? 'EUR'} par jour de retard, ` +
      `et une indemnité forfaitaire de 40 EUR pour frais de recouvrement.`,
    `${invoiceId}/late`,
  );
}
