import * as wf from '@temporalio/workflow';
import type { ConnectorActivities } from '../activities/connector';
import type { ConnectorSyncInput, ConnectorSyncState, SyncReason, SyncReport } from '../connectors/types';
import { StructureId } from './search-attributes';

export const syncNow = wf.defineSignal<[SyncReason]>('syncNow');
/** The connection was deleted: the workflow ends. */
export const removeConnection = wf.defineSignal('removeConnection');
export const connectorSyncState = wf.defineQuery<ConnectorSyncState>('connectorSyncState');

export const CREDENTIALS_REJECTED = 'CONNECTOR_CREDENTIALS_REJECTED';
export const CONNECTION_REMOVED = 'CONNECTION_REMOVED';

/**
 * One ERP connection's sync, `connector/<connectionId>`, alive as long as the connection: each tick
 * (schedule, webhook, person) pulls the ERP's changes page by page from the stored cursor, deposits
 * what is new, then writes the buyer's statuses back. Refused credentials stop the syncing and mark
 * the connection in error until a person resumes it; ticks arriving meanwhile are dropped.
 */
export async function connectorSync(input: ConnectorSyncInput): Promise<void> {
  const { connectionId } = input;
  const pending: SyncReason[] = [...(input.carried?.pending ?? [])];
  const state: ConnectorSyncState = { inError: input.carried?.inError ?? false, syncing: false, syncs: 0 };
  let removed = false;
  wf.setHandler(syncNow, (reason) => {
    if (state.inError && reason !== 'resume') return;
    if (reason === 'resume') state.inError = false;
    // One waiting tick is enough: a sync reads everything new anyway.
    if (!pending.includes(reason) && pending.length < 2) pending.push(reason);
  });
  wf.setHandler(removeConnection, () => void (removed = true));
  wf.setHandler(connectorSyncState, () => state);

  const retry = {
    initialInterval: input.retry.initialIntervalMs,
    maximumInterval: input.retry.maximumIntervalMs,
    maximumAttempts: input.retry.maximumAttempts,
    backoffCoefficient: 2,
    nonRetryableErrorTypes: [CREDENTIALS_REJECTED, CONNECTION_REMOVED],
  };
  const { syncConnectorPage, pushConnectorStatuses } = wf.proxyActivities<ConnectorActivities>({
    startToCloseTimeout: '15 minutes',
    heartbeatTimeout: input.pageHeartbeatTimeout ?? '1 minute',
    retry,
  });
  const { recordSyncOutcome } = wf.proxyActivities<ConnectorActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });

  // The dev server allows ten keyword attributes and the platform uses them all: operators find a
  // connection's sync by its structure, its workflow id and its summary (which names the connector).
  wf.upsertSearchAttributes([{ key: StructureId, value: input.structureId }]);

  const syncsPerRun = input.syncsPerRun ?? 200;
  for (;;) {
    await wf.condition(() => removed || pending.length > 0);
    if (removed) return;
    pending.shift();
    state.syncing = true;
    const startedAt = new Date().toISOString();
    const report: SyncReport = {
      startedAt,
      finishedAt: startedAt,
      pages: 0,
      imported: 0,
      alreadyKnown: 0,
      failed: [],
      statusesPushed: 0,
    };
    try {
      for (let more = true; more && !removed;) {
        const page = await syncConnectorPage({ connectionId });
        report.pages += 1;
        report.imported += page.imported;
        report.alreadyKnown += page.alreadyKnown;
        report.failed.push(...page.failed);
        more = page.more;
      }
      report.statusesPushed = await pushConnectorStatuses({ connectionId });
      report.finishedAt = new Date().toISOString();
      state.lastReport = report;
      state.error = undefined;
      await recordSyncOutcome({ connectionId, report, status: 'ACTIVE' });
    } catch (err) {
      if (!(err instanceof wf.ActivityFailure)) throw err;
      const cause = err.cause;
      // Deleted while syncing: the removeConnection signal is on its way, nothing is left to do.
      if (cause instanceof wf.ApplicationFailure && cause.type === CONNECTION_REMOVED) return;
      if (cause instanceof wf.ApplicationFailure && cause.type === CREDENTIALS_REJECTED) {
        state.inError = true;
        state.error = `${CREDENTIALS_REJECTED}: ${cause.message}`;
        pending.length = 0;
        await recordSyncOutcome({ connectionId, status: 'ERROR', error: state.error });
      } else {
        // Retries ran out (when the connector bounds them): this sync is reported, the next tick tries again.
        report.finishedAt = new Date().toISOString();
        state.lastReport = report;
        state.error = cause?.message ?? err.message;
        await recordSyncOutcome({ connectionId, report: { ...report, error: state.error } });
      }
    }
    state.syncing = false;
    state.syncs += 1;
    if (state.syncs >= syncsPerRun || wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof connectorSync>({
        ...input,
        carried: { pending: [...pending], inError: state.inError, syncs: 0 },
      });
    }
  }
}
