"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createConnectorActivities = createConnectorActivities;
const activity_1 = require("@temporalio/activity");
const common_1 = require("@temporalio/common");
const heartbeat_1 = require("../platform/heartbeat");
const contract_1 = require("../connectors/contract");
const connections_1 = require("../connectors/connections");
const sync_1 = require("../connectors/sync");
const records_1 = require("../connectors/records");
/**
 * The connector sync's side effects. Credentials are decrypted inside each activity from the
 * connection id; the workflow never sees them. Errors become what the retry policy needs: refused
 * credentials are not retryable, a 429 is retried after its Retry-After, the rest with backoff.
 */
function createConnectorActivities({ db, blobs, connectors }) {
    const deps = () => {
        const ctx = activity_1.Context.current();
        return { db, blobs, runtime: connectors, client: ctx.client, taskQueue: ctx.info.taskQueue };
    };
    return {
        /** Imports one page of the ERP's invoices from the stored cursor, heartbeating while it runs. */
        async syncConnectorPage({ connectionId }) {
            const ctx = activity_1.Context.current();
            // Heartbeats go on while an ERP call is slow, so only a dead worker (not a slow vendor) makes
            // Temporal hand the page to another one; the details say how far the page got.
            let progress = { done: 0, total: 0 };
            return (0, heartbeat_1.whileHeartbeating)(() => asFailure(() => (0, sync_1.syncPage)(deps(), connectionId, {
                signal: ctx.cancellationSignal,
                onRecord: (done, total) => {
                    progress = { done, total };
                    ctx.heartbeat(progress);
                },
            })), { everyMs: 1000, details: () => progress });
        },
        /** Writes the buyer's statuses and payments back to the ERP; answers how many were written. */
        async pushConnectorStatuses({ connectionId }) {
            return asFailure(() => (0, sync_1.pushStatuses)(deps(), connectionId));
        },
        /**
         * Files one record again (one that failed, or whose invoice the platform rejected), read afresh
         * from the ERP; a record already on its way is left alone. Answers whether it is filed now.
         */
        async retryConnectorRecord({ connectionId, externalId, }) {
            return asFailure(() => (0, records_1.retryRecord)(deps(), connectionId, externalId));
        },
        /** Keeps the last report and the connection's state (ERROR with its reason when a person must act). */
        async recordSyncOutcome(o) {
            await (0, sync_1.recordSyncOutcome)(db, o);
        },
    };
}
async function asFailure(work) {
    try {
        return await work();
    }
    catch (err) {
        if ((0, contract_1.isCredentialsRejected)(err)) {
            throw common_1.ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: true });
        }
        if (err instanceof connections_1.ConnectionRemoved) {
            throw common_1.ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: true });
        }
        if ((0, contract_1.isRateLimited)(err)) {
            throw common_1.ApplicationFailure.create({
                message: err.message,
                type: err.code,
                nextRetryDelay: `${err.retryAfterSeconds} seconds`,
            });
        }
        throw err;
    }
}
//# sourceMappingURL=connector.js.map