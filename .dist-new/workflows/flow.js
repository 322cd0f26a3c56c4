"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.flowState = exports.DEFAULT_FLOW_OPTIONS = void 0;
exports.invoiceFlow = invoiceFlow;
const wf = __importStar(require("@temporalio/workflow"));
const common_1 = require("@temporalio/common");
const status_1 = require("../flows/status");
const invoice_1 = require("./invoice");
exports.DEFAULT_FLOW_OPTIONS = {
    window: 50,
    pollInterval: '1 second',
    maxHistoryEvents: 4000,
};
exports.flowState = wf.defineQuery('flowState');
const retry = {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    backoffCoefficient: 2,
};
// A technical failure that outlives these attempts makes the flow IN_INCIDENTE: the sender resends it.
// Short timeouts for the quick steps, so the work of a crashed worker is retried within seconds.
const { recordFlowState, prepareFlowInvoice, invoiceOutcomes, depositedInvoiceBlob, invoiceNumberReusable, awaitInvoiceFile, } = wf.proxyActivities({
    startToCloseTimeout: '10 seconds',
    retry: { ...retry, maximumAttempts: 20 },
});
// Unpacking a large archive takes a while; it heartbeats per file, so a dead worker is noticed anyway.
const { unpackFlow } = wf.proxyActivities({
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
async function invoiceFlow(input) {
    const { deposit } = input;
    const options = { ...exports.DEFAULT_FLOW_OPTIONS, ...input.options };
    const view = {
        status: input.progress ? 'IN_EN_COURS_TRAITEMENT' : 'IN_RECU',
        integrated: 0,
        rejected: 0,
        inProgress: 0,
    };
    wf.setHandler(exports.flowState, () => view);
    const moveTo = async (status, extra = {}) => {
        view.status = status;
        await recordFlowState({
            numero: deposit.numeroFluxDepot,
            status,
            at: new Date().toISOString(),
            ...extra,
        });
    };
    const settle = async (status, p, total) => {
        const report = {
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
                return await settle('IN_REJETE', { integrated: 0, errors: [{ ...error, libelleErreurDP: unpacked.error }] }, 0);
            }
            progress = { entries: unpacked.entries, next: 0, inProgress: [], integrated: 0, errors: [] };
            await moveTo('IN_EN_COURS_TRAITEMENT', { invoiceCount: unpacked.entries.length });
        }
        const p = progress;
        const total = p.entries.length;
        const refresh = () => Object.assign(view, {
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
                if ('invoiceId' in result)
                    p.inProgress.push(result);
                else
                    p.errors.push(result);
            }
            refresh();
            if (p.inProgress.length > 0) {
                await wf.sleep(options.pollInterval);
                const outcomes = await invoiceOutcomes(p.inProgress.map((i) => i.invoiceId));
                const settled = new Set();
                for (const o of outcomes) {
                    if (o.outcome === 'pending')
                        continue;
                    settled.add(o.invoiceId);
                    if (o.outcome === 'integrated')
                        p.integrated += 1;
                    else if (o.outcome === 'rejected')
                        p.errors.push({
                            ...p.inProgress.find((i) => i.invoiceId === o.invoiceId).error,
                            libelleErreurDP: o.reason,
                        });
                }
                p.inProgress = p.inProgress.filter((i) => !settled.has(i.invoiceId));
                refresh();
            }
            const workLeft = p.next < total || p.inProgress.length > 0;
            if (workLeft && wf.workflowInfo().historyLength > options.maxHistoryEvents) {
                await wf.continueAsNew({ deposit, options: input.options, progress: p });
            }
        }
        return await settle((0, status_1.settledFlowStatus)(total, p.integrated), p, total);
    }
    catch (err) {
        if (!(err instanceof wf.ActivityFailure))
            throw err;
        return settle('IN_INCIDENTE', progress ?? { integrated: 0, errors: [] }, progress?.entries.length ?? 0);
    }
}
/** Files one invoice of the flow: refused at once, or its invoice workflow started (or found, when re-sent). */
async function admit(deposit, entry) {
    const prepared = await prepareFlowInvoice({
        syntax: deposit.syntaxeFlux,
        entry,
        depositedAt: deposit.depositedAt,
        depositedBy: deposit.depositedBy,
    });
    if ('error' in prepared)
        return prepared.error;
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
    const start = (workflowIdReusePolicy) => wf.startChild(invoice_1.invoiceLifecycle, {
        workflowId: d.invoiceId,
        args: [deposit.qualification ? { ...d, qualification: deposit.qualification } : d],
        parentClosePolicy: wf.ParentClosePolicy.ABANDON,
        workflowIdReusePolicy,
        memo: { blobSha256: d.blob.sha256 },
        staticSummary: `Invoice ${d.number} from ${d.supplierName ?? d.supplierId} (flow ${deposit.numeroFluxDepot})`,
    });
    try {
        await start(common_1.WorkflowIdReusePolicy.REJECT_DUPLICATE);
    }
    catch (err) {
        if (!(err instanceof common_1.WorkflowExecutionAlreadyStartedError))
            throw err;
        // Same rule as a direct deposit: the same file again is the same invoice, another file a duplicate
        // unless the platform's checks rejected the first before delivery (flows recorded before this rule
        // replay without it).
        if ((await depositedInvoiceBlob(d.invoiceId)) !== d.blob.sha256) {
            if (!wf.patched(REUSE_REJECTED_NUMBER) || !(await invoiceNumberReusable(d.invoiceId)))
                return duplicate;
            if (!(await startAgain(start)))
                return duplicate;
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
async function startAgain(start) {
    try {
        await start(common_1.WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        return true;
    }
    catch (err) {
        if (err instanceof common_1.WorkflowExecutionAlreadyStartedError)
            return false;
        throw err;
    }
}
//# sourceMappingURL=flow.js.map