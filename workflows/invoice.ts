import * as wf from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { InvoiceActivities } from '../activities/invoice';
import { InvoiceNumber, InvoiceStatus, RecipientSiret, SupplierSiret } from './search-attributes';

/** statutFacture values this workflow sets (the platform's wire names). */
export type InvoiceStatusCode = 'DEPOSEE' | 'EN_COURS_ACHEMINEMENT' | 'MISE_A_DISPOSITION' | 'REJETEE';

export interface Finding {
  rule: string;
  severity: 'fatal' | 'warning';
  message: string;
  location?: string;
}

/** What the API hands over when a supplier deposits an invoice file. */
export interface InvoiceDeposit {
  /** invoice/<supplier id>/<year>/<number> — also the workflow id. */
  invoiceId: string;
  supplierId: string;
  supplierName?: string;
  recipientId?: string;
  recipientName?: string;
  number: string;
  year: number;
  issueDate?: string;
  typeCode?: string;
  currency?: string;
  totals: { withoutVat?: string; vat?: string; withVat?: string; amountDue?: string };
  /** The deposited file in the blob store (never its bytes: histories keep payloads forever). */
  blob: { sha256: string; size: number; mediaType: string; filename?: string };
  format: string;
  depositMode: string;
  /** ISO timestamp of the deposit: it starts the legal payment period. */
  depositedAt: string;
}

export interface InvoiceState {
  status: InvoiceStatusCode;
  findings: Finding[];
}

export const invoiceState = wf.defineQuery<InvoiceState>('invoiceState');

// Timeouts bound how long work held by a crashed worker waits before another worker retries it:
// database writes are quick, reading and judging a large file is not.
const retry: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
  backoffCoefficient: 2,
};
const { registerDeposit, recordStatus, deliverToRecipient } = wf.proxyActivities<InvoiceActivities>({
  startToCloseTimeout: '10 seconds',
  retry,
});
// Judging a large file takes a while, so a dead worker is noticed by its missing heartbeats instead.
const { checkInvoice } = wf.proxyActivities<InvoiceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry,
});

/**
 * One invoice from deposit to the recipient's space: DEPOSEE → checks → EN_COURS_ACHEMINEMENT →
 * MISE_A_DISPOSITION, or REJETEE with the findings that caused it.
 */
export async function invoiceLifecycle(deposit: InvoiceDeposit): Promise<InvoiceState> {
  const state: InvoiceState = { status: 'DEPOSEE', findings: [] };
  let seq = 1;
  wf.setHandler(invoiceState, () => state);

  wf.upsertSearchAttributes([
    { key: SupplierSiret, value: deposit.supplierId },
    { key: InvoiceNumber, value: deposit.number },
    { key: InvoiceStatus, value: state.status },
    ...(deposit.recipientId ? [{ key: RecipientSiret, value: deposit.recipientId }] : []),
  ]);
  await registerDeposit(deposit);

  const moveTo = async (status: InvoiceStatusCode, findings: Finding[] = []) => {
    seq += 1;
    // Workflow time is deterministic, so a retried write carries the same timestamp.
    await recordStatus({ invoiceId: deposit.invoiceId, seq, status, at: new Date().toISOString(), findings });
    state.status = status;
    wf.upsertSearchAttributes([{ key: InvoiceStatus, value: status }]);
  };

  state.findings = await checkInvoice({ blob: deposit.blob });
  if (state.findings.some((f) => f.severity === 'fatal')) {
    await moveTo('REJETEE', state.findings);
    return state;
  }
  await moveTo('EN_COURS_ACHEMINEMENT');
  await deliverToRecipient({ invoiceId: deposit.invoiceId, recipientId: deposit.recipientId! });
  await moveTo('MISE_A_DISPOSITION');
  return state;
}
