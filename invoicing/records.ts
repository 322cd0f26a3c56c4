import type { Db } from '../platform/db';
import {
  appendStatus,
  insertDeposit,
  invoiceRow,
  updatePayment,
  updateRejectionAcknowledged,
  updateRouting,
  updateValidator,
} from './store/lifecycle';
import { recipientStructureByIdentifier } from '../structures';
import type {
  DepositParties,
  InvoiceDeposit,
  PaymentRecord,
  RejectionAcknowledgement,
  Routing,
  StatusRecord,
  ValidatorRef,
} from './types';

/**
 * The invoice's story as the read model keeps it, written by its workflow: the deposit, a corrected
 * routing, each status, the payment. Every write is keyed, so a retry changes nothing twice.
 */

/** Files the deposit with its first status, DEPOSEE; answers the parties' structures. */
export async function registerDeposit(db: Db, d: InvoiceDeposit): Promise<DepositParties> {
  const supplierStructureId = (await recipientStructureByIdentifier(db, d.supplierId))?.id;
  const validatorStructureId = (await recipientStructureByIdentifier(db, d.validatorId))?.id;
  await insertDeposit(db, d, { supplierStructureId, validatorStructureId });
  return { supplierStructureId, validatorStructureId };
}

export async function recordRouting(db: Db, invoiceId: string, routing: Routing): Promise<void> {
  // A recycle may name another recipient: its name follows, so listings do not show the old one.
  const before = await invoiceRow(db, invoiceId);
  const moved = routing.recipientId && routing.recipientId !== before?.recipient_id;
  const recipient = moved ? await recipientStructureByIdentifier(db, routing.recipientId) : undefined;
  await updateRouting(db, invoiceId, routing, recipient?.name);
}

/** A corrected validator: its members now see the invoice and hear of it. */
export const recordValidator = (db: Db, invoiceId: string, v: ValidatorRef): Promise<void> =>
  updateValidator(db, invoiceId, v);

export const recordStatus = (db: Db, s: StatusRecord): Promise<void> => appendStatus(db, s);

export const recordPayment = (db: Db, p: PaymentRecord): Promise<void> => updatePayment(db, p);

export const recordRejectionAcknowledged = (db: Db, a: RejectionAcknowledgement): Promise<void> =>
  updateRejectionAcknowledged(db, a);
