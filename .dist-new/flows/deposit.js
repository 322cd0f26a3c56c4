"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.depositFlow = depositFlow;
const node_crypto_1 = __importDefault(require("node:crypto"));
const client_1 = require("@temporalio/client");
const common_1 = require("@temporalio/common");
const stored_blobs_1 = require("../platform/stored-blobs");
const temporal_1 = require("../platform/temporal");
const store_1 = require("./store");
/**
 * Stores a deposited flow, files its row (IN_RECU) and starts its workflow flux/<numeroFluxDepot>.
 * The number is derived from the syntax and the archive's bytes, so a retried upload (or an inbox
 * file picked up again after a crash) answers the same flow instead of filing it twice.
 */
async function depositFlow({ db, blobs, client, taskQueue }, bytes, f) {
    const digest = node_crypto_1.default.createHash('sha256').update(f.syntax).update('\n').update(bytes).digest('hex');
    const numeroFluxDepot = `FX${digest.slice(0, 18).toUpperCase()}`;
    const now = new Date().toISOString();
    const blob = await (0, stored_blobs_1.storeBlob)(db, blobs, bytes, {
        mediaType: 'application/octet-stream',
        filename: f.filename,
    });
    await (0, store_1.insertFlow)(db, {
        numero: numeroFluxDepot,
        syntax: f.syntax,
        blobSha256: blob.sha256,
        filename: f.filename,
        depositedBy: f.userId,
        at: now,
    });
    const dateDepot = new Date((await (0, store_1.findFlow)(db, numeroFluxDepot)).deposited_at).toISOString();
    try {
        await client.workflow.start('invoiceFlow', {
            workflowId: `flux/${numeroFluxDepot}`,
            // Its invoices run on the flow queue with it (a child workflow takes its parent's queue).
            taskQueue: (0, temporal_1.flowTaskQueue)(taskQueue),
            args: [
                {
                    deposit: {
                        numeroFluxDepot,
                        syntaxeFlux: f.syntax,
                        blob,
                        depositedAt: dateDepot,
                        depositedBy: f.userId,
                        ...(f.qualification && { qualification: f.qualification }),
                    },
                },
            ],
            workflowIdReusePolicy: common_1.WorkflowIdReusePolicy.REJECT_DUPLICATE,
            staticSummary: `Flow ${numeroFluxDepot} (${f.syntax}${f.filename ? `, ${f.filename}` : ''})`,
        });
        return { numeroFluxDepot, dateDepot, created: true };
    }
    catch (err) {
        if (!(err instanceof client_1.WorkflowExecutionAlreadyStartedError))
            throw err;
        return { numeroFluxDepot, dateDepot, created: false };
    }
}
//# sourceMappingURL=deposit.js.map