import { Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { StatusRecord } from '../invoicing/types';
import { FINAL_STATUSES } from '../invoicing/lifecycle/transitions';
import { invoiceHistory } from '../invoicing/read-model';

/**
 * The worker's own measures go through the Temporal SDK's metric meter, so they come out of the same
 * Prometheus endpoint as the SDK's worker metrics (WORKER_METRICS_PORT), tagged with the task queue
 * and activity. Without that exporter installed they cost nothing.
 */

/** Times one validation of a deposited file (syntax, EN 16931 and platform rules). */
export async function timedValidation<T>(run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    meter()
      ?.createHistogram(
        'facturflow_validation_seconds',
        'float',
        's',
        'Time to validate a deposited invoice file',
      )
      .record((performance.now() - started) / 1000);
  }
}

/** From deposit to a final status (REJETEE, REFUSEE_1, MISE_EN_PAIEMENT), by that status. */
export async function recordFinalStatusLatency(db: Db, s: StatusRecord): Promise<void> {
  const histogram = meter()?.createHistogram(
    'facturflow_invoice_final_status_seconds',
    'float',
    's',
    'Time from an invoice deposit to its final status',
  );
  if (!histogram || !FINAL_STATUSES.includes(s.entry.status)) return;
  // The history's first entry is the deposit (DEPOSEE).
  const [deposited] = await invoiceHistory(db, s.invoiceId);
  if (!deposited) return;
  const seconds = (Date.parse(s.entry.at) - Date.parse(deposited.at)) / 1000;
  if (seconds >= 0) histogram.record(seconds, { status: s.entry.status });
}

function meter() {
  try {
    return Context.current().metricMeter;
  } catch {
    // Called outside an activity (a direct call in a test): nothing to record to.
    return undefined;
  }
}
