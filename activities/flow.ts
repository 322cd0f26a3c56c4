import { whileHeartbeating } from '../platform/heartbeat';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import type { DocumentPool } from '../platform/document-pool';
import { recordFlowState } from '../flows/reports';
import { unpackFlow } from '../flows/unpack';
import { numberFreedByRejection } from '../invoicing/deposit';
import { depositedInvoiceBlob, invoiceOutcomes, prepareFlowInvoice } from '../flows/invoices';
import type { FlowSyntax } from '../flows/syntax';
import type {
  FlowInvoice,
  FlowStateChange,
  InvoiceOutcome,
  PreparedFlowInvoice,
  UnpackedFlow,
} from '../flows/types';

export interface FlowActivityDeps {
  db: Db;
  blobs: BlobStore;
  /** The worker threads that read the flow's files; the process's pool otherwise. */
  documents?: DocumentPool;
}

/**
 * Side effects of the flow workflow, each one call to the flows feature. Blobs are content-addressed
 * and rows keyed by the flow number, so every one of them may run again after a crash with the same result.
 */
export function createFlowActivities({ db, blobs, documents }: FlowActivityDeps) {
  return {
    /** Moves the flow's read-model row to a state; a settled flow also gets its report. */
    async recordFlowState(s: FlowStateChange): Promise<void> {
      await recordFlowState(db, s);
    },

    /**
     * Opens the flow's archive into invoice files, heartbeating as it inflates: a large archive takes a
     * while. A cancelled or timed-out attempt stops inflating at once instead of running on unseen.
     */
    async unpackFlow(f: { syntax: FlowSyntax; blob: BlobRef }): Promise<UnpackedFlow> {
      const ctx = Context.current();
      let kept = 0;
      return unpackFlow(
        { db, blobs },
        f,
        (files) => {
          kept = files;
          ctx.heartbeat(kept);
        },
        { signal: ctx.cancellationSignal, onProgress: () => ctx.heartbeat(kept) },
      );
    },

    async prepareFlowInvoice(f: FlowInvoice): Promise<PreparedFlowInvoice> {
      // It may wait behind the flow's other files for a document thread: heartbeats keep a living
      // worker's wait apart from a dead worker's, which Temporal notices within the heartbeat timeout.
      return whileHeartbeating(() => prepareFlowInvoice({ db, blobs, documents }, f));
    },

    /** Which file an invoice already filed under this id came from (to tell a re-sent file from a duplicate). */
    async depositedInvoiceBlob(invoiceId: string): Promise<string> {
      const sha256 = await depositedInvoiceBlob(db, invoiceId);
      // Its workflow exists but has not written its row yet: worth another try in a moment.
      if (!sha256)
        throw ApplicationFailure.retryable(`invoice ${invoiceId} not registered yet`, 'InvoiceNotRegistered');
      return sha256;
    },

    /**
     * Whether another file may take the number of the invoice filed under this id: the platform's checks
     * rejected it before delivery and its run is over (the rule of a direct deposit).
     */
    async invoiceNumberReusable(invoiceId: string): Promise<boolean> {
      return numberFreedByRejection(Context.current().client, invoiceId);
    },

    /**
     * Returns once the invoice row carries this file: a corrected file takes the row of the rejected one
     * only when its own run registers it, and until then the row still reads REJETEE.
     */
    async awaitInvoiceFile(f: { invoiceId: string; sha256: string }): Promise<void> {
      if ((await depositedInvoiceBlob(db, f.invoiceId)) !== f.sha256)
        throw ApplicationFailure.retryable(
          `invoice ${f.invoiceId} not registered yet`,
          'InvoiceNotRegistered',
        );
    },

    async invoiceOutcomes(invoiceIds: string[]): Promise<InvoiceOutcome[]> {
      return invoiceOutcomes(db, invoiceIds);
    },
  };
}

export type FlowActivities = ReturnType<typeof createFlowActivities>;
