import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { isMemberOfStructureIdentified, membershipsOfUser, structureIdByIdentifier } from '../structures';
import { invoiceRow } from './store/lifecycle';
import type { InvoiceRow } from './store/invoices';
import type { Actor, RefusalType } from './types';
import type { Caller } from '../accounts/caller';

export type PartySide = 'supplier' | 'recipient' | 'validator';

/** The caller with all their memberships, read now: what the invoice workflow's validators judge. */
export async function actorOf(db: Db, caller: Caller): Promise<Actor> {
  const memberships = await membershipsOfUser(db, caller.userId);
  return {
    userId: caller.userId,
    memberships: memberships.map((m) => ({ structureId: m.structureId, role: m.role, services: m.services })),
  };
}

/** The invoice's parties the caller belongs to; none: not theirs to see (operators see all). */
export function sidesOf(
  actor: Actor,
  row: {
    supplier_structure_id?: string | null;
    recipient_structure_id?: string | null;
    validator_structure_id?: string | null;
  },
): PartySide[] {
  const mine = new Set(actor.memberships.map((m) => m.structureId));
  const sides: PartySide[] = [];
  if (row.supplier_structure_id && mine.has(row.supplier_structure_id)) sides.push('supplier');
  if (row.recipient_structure_id && mine.has(row.recipient_structure_id)) sides.push('recipient');
  if (row.validator_structure_id && mine.has(row.validator_structure_id)) sides.push('validator');
  return sides;
}

/** An invoice a caller may see, with who they are to it. */
export interface ReadableInvoice {
  id: string;
  actor: Actor;
  sides: PartySide[];
  /**
   * Its read-model row; until the workflow files it (just after the deposit), a provisional row from
   * its business key and the workflow's start, DEPOSEE.
   */
  row: InvoiceRow;
  filed: boolean;
}

/**
 * Who may see an invoice, for every channel: a member of one of its parties (of `side` when the
 * operation is a party's), or an operator. Before its workflow has filed its row, only the supplier
 * is known (its identifier is in the invoice id), so only its members see it. INVOICE_NOT_FOUND when
 * there is no such invoice or the caller is no party to it (an id proves nothing, and a refusal must
 * not tell that it exists), NOT_A_MEMBER when a party asks for the other side's operation.
 */
export async function readableInvoice(
  { db, client }: { db: Db; client: Client },
  caller: Caller,
  id: string,
  side?: 'supplier' | 'recipient',
): Promise<ReadableInvoice> {
  const actor = await actorOf(db, caller);
  const filed = await invoiceRow(db, id);
  const row = filed ?? (await provisionalRow(db, client, caller, id));
  const notFound = () =>
    new DomainError('INVOICE_NOT_FOUND', `No invoice with id ${id}.`, { field: 'params.id' });
  if (!row) throw notFound();
  const sides = filed ? sidesOf(actor, row) : row.supplier_structure_id ? (['supplier'] as PartySide[]) : [];
  // Someone else's invoice is answered as a missing one: ids cannot be probed.
  if (sides.length === 0 && !caller.operator) throw notFound();
  if (side && !sides.includes(side))
    throw new DomainError(
      'NOT_A_MEMBER',
      side === 'supplier'
        ? 'Only members of the supplier structure may do this.'
        : 'Only members of the recipient structure may do this.',
      { field: 'params.id' },
    );
  return { id, actor, sides, row, filed: !!filed };
}

/** The invoice as its running workflow knows it before the first row: its key, DEPOSEE since it started. */
async function provisionalRow(
  db: Db,
  client: Client,
  caller: Caller,
  id: string,
): Promise<InvoiceRow | undefined> {
  let startedAt: string;
  try {
    startedAt = (await client.workflow.getHandle(id).describe()).startTime.toISOString();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
  const [, supplierId, year, ...number] = id.split('/');
  const supplierIsMine = await isMemberOfStructureIdentified(db, caller.userId, supplierId);
  return {
    id,
    number: number.join('/'),
    year: Number(year),
    supplier_id: supplierId,
    supplier_structure_id: supplierIsMine ? ((await structureIdByIdentifier(db, supplierId)) ?? null) : null,
    status: 'DEPOSEE',
    reform_code: 200,
    status_at: startedAt,
    deposited_at: startedAt,
  };
}

const REFUSALS: Record<RefusalType, [string, string?]> = {
  TransitionNotAllowed: ['TRANSITION_NOT_ALLOWED', 'body.status'],
  NotAMember: ['NOT_A_MEMBER'],
  ServiceNotAllowed: ['SERVICE_NOT_ALLOWED'],
  ReasonRequired: ['REASON_REQUIRED', 'body.reason'],
  MandateNumberRequired: ['MANDATE_NUMBER_REQUIRED', 'body.mandateNumber'],
  RoutingInvalid: ['ROUTING_INVALID', 'body'],
  Busy: ['INVOICE_BUSY'],
  Closed: ['INVOICE_CLOSED'],
  CompletionEmpty: ['COMPLETION_EMPTY', 'body'],
  ValidatorNotAllowed: ['VALIDATOR_NOT_ALLOWED', 'body.validatorId'],
};

/** Runs an update of an invoice workflow, turning its refusals into domain errors with stable codes. */
export async function invoiceUpdate<T>(id: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError)
      throw new DomainError('INVOICE_CLOSED', `Invoice ${id} has reached the end of its lifecycle.`);
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && cause.type in REFUSALS) {
      const [code, field] = REFUSALS[cause.type as RefusalType];
      throw new DomainError(code, cause.message, field ? { field } : undefined);
    }
    throw err;
  }
}
