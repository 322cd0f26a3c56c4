import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import type { Actor, RefusalType } from './types';
import type { Caller } from '../accounts/caller';

/** The caller with all their memberships, read now: what the invoice workflow's validators judge. */
export async function actorOf(db: Db, caller: Caller): Promise<Actor> {
  const rows = await db('structure_members').where({ user_id: caller.userId });
  return {
    userId: caller.userId,
    memberships: rows.map((r) => ({
      structureId: r.structure_id,
      role: r.role,
      services: JSON.parse(r.services),
    })),
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
): ('supplier' | 'recipient' | 'validator')[] {
  const mine = new Set(actor.memberships.map((m) => m.structureId));
  const sides: ('supplier' | 'recipient' | 'validator')[] = [];
  if (row.supplier_structure_id && mine.has(row.supplier_structure_id)) sides.push('supplier');
  if (row.recipient_structure_id && mine.has(row.recipient_structure_id)) sides.push('recipient');
  if (row.validator_structure_id && mine.has(row.validator_structure_id)) sides.push('validator');
  return sides;
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
};

/** Runs an update of an invoice workflow, turning its refusals into API errors with stable codes. */
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
