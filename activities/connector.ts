import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { whileHeartbeating } from '../platform/heartbeat';
import { isCredentialsRejected, isRateLimited } from '../connectors/contract';
import { ConnectionRemoved } from '../connectors/connections';
import type { ConnectorRuntime } from '../connectors/runtime';
import { pushStatuses, recordSyncOutcome, syncPage } from '../connectors/sync';
import { retryRecord } from '../connectors/records';
import type { PageOutcome, SyncOutcome } from '../connectors/types';

export interface ConnectorActivityDeps {
  db: Db;
  blobs: BlobStore;
  connectors: ConnectorRuntime;
}

/**
 * The connector sync's side effects. Credentials are decrypted inside each activity from the
 * connection id; the workflow never sees them. Errors become what the retry policy needs: refused
 * credentials are not retryable, a 429 is retried after its Retry-After, the rest with backoff.
 */
export function createConnectorActivities({ db, blobs, connectors }: ConnectorActivityDeps) {
  const deps = () => {
    const ctx = Context.current();
    return { db, blobs, runtime: connectors, client: ctx.client, taskQueue: ctx.info.taskQueue };
  };
  return {
    /** Imports one page of the ERP's invoices from the stored cursor, heartbeating while it runs. */
    async syncConnectorPage({ connectionId }: { connectionId: string }): Promise<PageOutcome> {
      const ctx = Context.current();
      // Heartbeats go on while an ERP call is slow, so only a dead worker (not a slow vendor) makes
      // Temporal hand the page to another one; the details say how far the page got.
      let progress = { done: 0, total: 0 };
      return whileHeartbeating(
        () =>
          asFailure(() =>
            syncPage(deps(), connectionId, {
              signal: ctx.cancellationSignal,
              onRecord: (done, total) => {
                progress = { done, total };
                ctx.heartbeat(progress);
              },
            }),
          ),
        { everyMs: 1000, details: () => progress },
      );
    },

    /** Writes the buyer's statuses and payments back to the ERP; answers how many were written. */
    async pushConnectorStatuses({ connectionId }: { connectionId: string }): Promise<number> {
      return asFailure(() => pushStatuses(deps(), connectionId));
    },

    /**
     * Files one record again (one that failed, or whose invoice the platform rejected), read afresh
     * from the ERP; a record already on its way is left alone. Answers whether it is filed now.
     */
    async retryConnectorRecord({
      connectionId,
      externalId,
    }: {
      connectionId: string;
      externalId: string;
    }): Promise<{ filed: boolean; failure?: string }> {
      return asFailure(() => retryRecord(deps(), connectionId, externalId));
    },

    /** Keeps the last report and the connection's state (ERROR with its reason when a person must act). */
    async recordSyncOutcome(o: SyncOutcome): Promise<void> {
      await recordSyncOutcome(db, o);
    },
  };
}

export type ConnectorActivities = ReturnType<typeof createConnectorActivities>;

async function asFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isCredentialsRejected(err)) {
      throw ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: true });
    }
    if (err instanceof ConnectionRemoved) {
      throw ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: true });
    }
    if (isRateLimited(err)) {
      throw ApplicationFailure.create({
        message: err.message,
        type: err.code,
        nextRetryDelay: `${err.retryAfterSeconds} seconds`,
      });
    }
    throw err;
  }
}
