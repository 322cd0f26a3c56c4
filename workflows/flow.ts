import * as wf from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import type { RetryPolicy } from '@temporalio/common';
import type { FlowActivities } from '../activities/flow';
import type {
  FlowDeposit,
  FlowEntry,
  FlowInput,
  FlowInvoiceError,
  FlowOptions,
  FlowProgress,
  FlowReport,
  FlowStatus,
  FlowView,
  InProgress,
} from '../flows/types';
import { settledFlowStatus } from '../flows/status';
import { invoiceLifecycle } from './invoice';

export const DEFAULT_FLOW_OPTIONS: FlowOptions = {
  window: 50,
  pollInterval: '1 second',
  maxHistoryEvents: 4000,
};

export const flowState = wf.defineQuery<FlowView>('flowState');

const retry: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '30 seconds',
  backoffCoefficient: 2,
};
// A technical failure that outlives these attempts makes the flow IN_INCIDENTE: the sender resends it.
// Short timeouts for the quick steps, so the work of a crashed worker is retried within seconds.
const { recordFlowState, invoiceOutcomes, depositedInvoiceBlob, invoiceNumberReusable, awaitInvoiceFile } =
  wf.proxyActivities<FlowActivities>({
    startToCloseTimeout: '10 seconds',
    retry: { ...retry, maximumAttempts: 20 },
  });
// Reading one file may wait for the flow's document threads behind the flow's other files, each up to
// the document time budget: its timeout covers that queue; its heartbeats tell a dead worker in seconds.
const { prepareFlowInvoice } = wf.proxyActivities<FlowActivities>({
  startToCloseTimeout: '3 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { ...retry, maximumAttempts: 5 },
});
// Unpacking a large archive takes a while; it heartbeats per file, so a dead worker is noticed anyway.
const { unpackFlow } = wf.proxyActivities<FlowActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { ...retry, maximumAttempts: 5 },
});

/**
 * One deposited flow (flux/<numeroFluxDepot>): IN_RECU → IN_EN_COURS_TRAITEMENT → IN_INTEGRE |
 * IN_INTEGRE_PARTIEL | IN_REJETE, or IN_INCIDENTE. Each invoice becomes the same invoice workflow a
 * direct deposit starts, under the same business id, so a re-sent flow never files an invoice twice;
 * its children outlive the flow, which only waits for their checks. No search attribute of its own:
 * the dev server's SQLite visibility store holds only 10 keyword attributes, all taken; operators find
 * flows by WorkflowType = 'invoiceFlow' or by the id flux/<numeroFluxDepot>, and read the state by query.
 */
export async function invoiceFlow(input: FlowInput): Promise<FlowReport> {
  const { deposit } = input;
  const options = { ...DEFAULT_FLOW_OPTIONS, ...input.options };
  const view: FlowView = {
    status: input.progress ? 'IN_EN_COURS_TRAITEMENT' : 'IN_RECU',
    integrated: 0,
    rejected: 0,
    inProgress: 0,
  };
  wf.setHandler(flowState, () => view);
  const moveTo = async (status: FlowStatus, extra: { invoiceCount?: number; report?: FlowReport } = {}) => {
    view.status = status;
    await recordFlowState({
      numero: deposit.numeroFluxDepot,
      status,
      at: new Date().toISOString(),
      ...extra,
    });
  };
  const settle = async (
    status: FlowStatus,
    p: Pick<FlowProgress, 'integrated' | 'errors'>,
    total: number,
  ) => {
    const report: FlowReport = {
      numeroFluxDepot: deposit.numeroFluxDepot,
      syntaxeFlux: deposit.syntaxeFlux,
      etatCourantFlux: status,
      nombreFactures: total,
      nombreFacturesIntegrees: p.integrated,
      listeErreurDP: p.errors,
    };
    await moveTo(status, { report });
    return report;
  };

  let progress = input.progress;
  try {
    if (!progress) {
      await moveTo('IN_RECU');
      const unpacked = await unpackFlow({ syntax: deposit.syntaxeFlux, blob: deposit.blob });
      if ('error' in unpacked) {
        const error = {
          numeroDP: '',
          identifiantFournisseur: '',
          identifiantDestinataire: '',
          fichier: deposit.blob.filename ?? '',
        };
        return await settle(
          'IN_REJETE',
          { integrated: 0, errors: [{ ...error, libelleErreurDP: unpacked.error }] },
          0,
        );
      }
      progress = { entries: unpacked.entries, next: 0, inProgress: [], integrated: 0, errors: [] };
      await moveTo('IN_EN_COURS_TRAITEMENT', { invoiceCount: unpacked.entries.length });
    }
    const p = progress;
    const total = p.entries.length;
    const refresh = () =>
      Object.assign(view, {
        total,
        integrated: p.integrated,
        rejected: p.errors.length,
        inProgress: p.inProgress.length,
      });

    refresh();
    while (p.next < total || p.inProgress.length > 0) {
      const admitted = p.entries.slice(p.next, p.next + Math.max(0, options.window - p.inProgress.length));
      p.next += admitted.length;
      for (const result of await Promise.all(admitted.map((entry) => admit(deposit, entry)))) {
        if ('invoiceId' in result) p.inProgress.push(result);
        else p.errors.push(result);
      }
      refresh();
      if (p.inProgress.length > 0) {
        await wf.sleep(options.pollInterval);
        const outcomes = await invoiceOutcomes(p.inProgress.map((i) => i.invoiceId));
        const settled = new Set<string>();
        for (const o of outcomes) {
          if (o.outcome === 'pending') continue;
          settled.add(o.invoiceId);
          if (o.outcome === 'integrated') p.integrated += 1;
          else if (o.outcome === 'rejected')
            p.errors.push({
              ...p.inProgress.find((i) => i.invoiceId === o.invoiceId)!.error,
              libelleErreurDP: o.reason,
            });
        }
        p.inProgress = p.inProgress.filter((i) => !settled.has(i.invoiceId));
        refresh();
      }
      const workLeft = p.next < total || p.inProgress.length > 0;
      if (workLeft && wf.workflowInfo().historyLength > options.maxHistoryEvents) {
        await wf.continueAsNew<typeof invoiceFlow>({ deposit, options: input.options, progress: p });
      }
    }
    return await settle(settledFlowStatus(total, p.integrated), p, total);
  } catch (err) {
    if (!(err instanceof wf.ActivityFailure)) throw err;
    return settle('IN_INCIDENTE', progress ?? { integrated: 0, errors: [] }, progress?.entries.length ?? 0);
  }
}

/** Files one invoice of the flow: refused at once, or its invoice workflow started (or found, when re-sent). */
async function admit(deposit: FlowDeposit, entry: FlowEntry): Promise<InProgress | FlowInvoiceError> {
  const prepared = await prepareFlowInvoice({
    syntax: deposit.syntaxeFlux,
    entry,
    depositedAt: deposit.depositedAt,
    depositedBy: deposit.depositedBy,
  });
  if ('error' in prepared) return prepared.error;
  const d = prepared.deposit;
  const error = {
    numeroDP: d.number,
    identifiantFournisseur: d.supplierId,
    identifiantDestinataire: d.recipientId ?? '',
    fichier: entry.name,
  };
  const duplicate = {
    ...error,
    libelleErreurDP: `DUPLICATE_INVOICE: invoice number ${d.number} of ${d.year} was already deposited by this supplier with different content.`,
  };
  const start = (workflowIdReusePolicy: WorkflowIdReusePolicy) =>
    wf.startChild(invoiceLifecycle, {
      workflowId: d.invoiceId,
      args: [deposit.qualification ? { ...d, qualification: deposit.qualification } : d],
      parentClosePolicy: wf.ParentClosePolicy.ABANDON,
      workflowIdReusePolicy,
      memo: { blobSha256: d.blob.sha256 },
      staticSummary: `Invoice ${d.number} from ${d.supplierName ?? d.supplierId} (flow ${deposit.numeroFluxDepot})`,
    });
  try {
    await start(WorkflowIdReusePolicy.REJECT_DUPLICATE);
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    // Same rule as a direct deposit: the same file again is the same invoice, another file a duplicate
    // unless the platform's checks rejected the first before delivery (flows recorded before this rule
    // replay without it).
    if ((await depositedInvoiceBlob(d.invoiceId)) !== d.blob.sha256) {
      if (!wf.patched(REUSE_REJECTED_NUMBER) || !(await invoiceNumberReusable(d.invoiceId))) return duplicate;
      if (!(await startAgain(start))) return duplicate;
      await awaitInvoiceFile({ invoiceId: d.invoiceId, sha256: d.blob.sha256 });
    }
  }
  return { invoiceId: d.invoiceId, error };
}

/** Marks flows that take again the number of an invoice rejected before delivery. */
const REUSE_REJECTED_NUMBER = 'flow-reuses-rejected-number';

/**
 * A corrected file takes the closed id of the rejected invoice as a new run. ALLOW_DUPLICATE reuses
 * only a closed id: of two corrections racing each other, one is the invoice and the other a duplicate.
 */
async function startAgain(start: (policy: WorkflowIdReusePolicy) => Promise<unknown>): Promise<boolean> {
  try {
    await start(WorkflowIdReusePolicy.ALLOW_DUPLICATE);
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}
