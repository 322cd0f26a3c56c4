import * as wf from '@temporalio/workflow';
import type { ConnectorActivities } from '../activities/connector';
import type { ConnectorSyncInput, ConnectorSyncState, SyncReason, SyncReport } from '../connectors/types';
import { StructureId } from './search-attributes';

export const syncNow = wf.defineSignal<[SyncReason]>('syncNow');
/** A person asks to file one ERP record again (by its ERP id): one that failed or was rejected. */
export const retryRecord = wf.defineSignal<[string]>('retryRecord');
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
  const retries: string[] = [...(input.carried?.retries ?? [])];
  const state: ConnectorSyncState = { inError: input.carried?.inError ?? false, syncing: false, syncs: 0 };
  let removed = false;
  wf.setHandler(syncNow, (reason) => {
    if (state.inError && reason !== 'resume') return;
    if (reason === 'resume') state.inError = false;
    // One waiting tick is enough: a sync reads everything new anyway.
    if (!pending.includes(reason) && pending.length < 2) pending.push(reason);
  });
  wf.setHandler(retryRecord, (externalId) => {
    if (!state.inError && !retries.includes(externalId)) retries.push(externalId);
  });
  wf.setHandler(removeConnection, () => void (removed = true));
  wf.setHandler(connectorSyncState, () => state);
  const activities = connectorActivities(input);

  // The dev server allows ten keyword attributes and the platform uses them all: operators find a
  // connection's sync by its structure, its workflow id and its summary (which names the connector).
  wf.upsertSearchAttributes([{ key: StructureId, value: input.structureId }]);

  /** Refused credentials: the connection waits in error for a person; ticks and retries are dropped. */
  const stopInError = async (message: string) => {
    state.inError = true;
    state.error = `${CREDENTIALS_REJECTED}: ${message}`;
    pending.length = 0;
    retries.length = 0;
    await activities.recordSyncOutcome({ connectionId, status: 'ERROR', error: state.error });
  };

  const syncsPerRun = input.syncsPerRun ?? 200;
  for (;;) {
    await wf.condition(() => removed || pending.length > 0 || retries.length > 0);
    if (removed) return;
    if (retries.length > 0 && wf.patched(RECORD_RETRY_PATCH)) {
      if ((await retryRecords(activities, connectionId, retries, stopInError)) === 'removed') return;
      continue;
    }
    pending.shift();
    state.syncing = true;
    if ((await syncOnce(activities, connectionId, state, () => removed, stopInError)) === 'removed') return;
    state.syncing = false;
    state.syncs += 1;
    if (state.syncs >= syncsPerRun || wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof connectorSync>({
        ...input,
        carried: {
          pending: [...pending],
          inError: state.inError,
          syncs: 0,
          ...(retries.length > 0 && { retries: [...retries] }),
        },
      });
    }
  }
}

/** Marks the retry of single records (the retryRecord signal), added after syncs were already running. */
export const RECORD_RETRY_PATCH = 'connector-record-retry';

function connectorActivities(input: ConnectorSyncInput) {
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
  const { retryConnectorRecord } = wf.proxyActivities<ConnectorActivities>({
    startToCloseTimeout: '5 minutes',
    retry,
  });
  const { recordSyncOutcome } = wf.proxyActivities<ConnectorActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });
  return { syncConnectorPage, pushConnectorStatuses, retryConnectorRecord, recordSyncOutcome };
}
type Activities = ReturnType<typeof connectorActivities>;

/** The cause's type of an activity failure, when it is an application failure. */
function failureType(err: unknown): string | undefined {
  if (!(err instanceof wf.ActivityFailure)) throw err;
  return err.cause instanceof wf.ApplicationFailure ? (err.cause.type ?? undefined) : undefined;
}

/** One sync: every page from the stored cursor, then the statuses written back; its report kept. */
async function syncOnce(
  activities: Activities,
  connectionId: string,
  state: ConnectorSyncState,
  isRemoved: () => boolean,
  stopInError: (message: string) => Promise<void>,
): Promise<'removed' | undefined> {
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
    for (let more = true; more && !isRemoved();) {
      const page = await activities.syncConnectorPage({ connectionId });
      report.pages += 1;
      report.imported += page.imported;
      report.alreadyKnown += page.alreadyKnown;
      report.failed.push(...page.failed);
      more = page.more;
    }
    report.statusesPushed = await activities.pushConnectorStatuses({ connectionId });
    report.finishedAt = new Date().toISOString();
    state.lastReport = report;
    state.error = undefined;
    await activities.recordSyncOutcome({ connectionId, report, status: 'ACTIVE' });
  } catch (err) {
    const type = failureType(err);
    const cause = (err as wf.ActivityFailure).cause;
    // Deleted while syncing: the removeConnection signal is on its way, nothing is left to do.
    if (type === CONNECTION_REMOVED) return 'removed';
    if (type === CREDENTIALS_REJECTED) {
      await stopInError(cause!.message);
    } else {
      // Retries ran out (when the connector bounds them): this sync is reported, the next tick tries again.
      report.finishedAt = new Date().toISOString();
      state.lastReport = report;
      state.error = cause?.message ?? (err as Error).message;
      await activities.recordSyncOutcome({ connectionId, report: { ...report, error: state.error } });
    }
  }
  return undefined;
}

/**
 * Files again, one by one, the records a person asked to retry. A record whose retries run out stays
 * among the problems (the person may ask again); refused credentials stop everything.
 */
async function retryRecords(
  activities: Activities,
  connectionId: string,
  retries: string[],
  stopInError: (message: string) => Promise<void>,
): Promise<'removed' | undefined> {
  while (retries.length > 0) {
    try {
      await activities.retryConnectorRecord({ connectionId, externalId: retries[0] });
    } catch (err) {
      const type = failureType(err);
      if (type === CONNECTION_REMOVED) return 'removed';
      if (type === CREDENTIALS_REJECTED) {
        await stopInError((err as wf.ActivityFailure).cause!.message);
        return undefined;
      }
    }
    retries.shift();
  }
  return undefined;
}
