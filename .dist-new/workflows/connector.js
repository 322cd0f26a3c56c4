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
exports.RECORD_RETRY_PATCH = exports.CONNECTION_REMOVED = exports.CREDENTIALS_REJECTED = exports.connectorSyncState = exports.removeConnection = exports.retryRecord = exports.syncNow = void 0;
exports.connectorSync = connectorSync;
const wf = __importStar(require("@temporalio/workflow"));
const search_attributes_1 = require("./search-attributes");
exports.syncNow = wf.defineSignal('syncNow');
/** A person asks to file one ERP record again (by its ERP id): one that failed or was rejected. */
exports.retryRecord = wf.defineSignal('retryRecord');
/** The connection was deleted: the workflow ends. */
exports.removeConnection = wf.defineSignal('removeConnection');
exports.connectorSyncState = wf.defineQuery('connectorSyncState');
exports.CREDENTIALS_REJECTED = 'CONNECTOR_CREDENTIALS_REJECTED';
exports.CONNECTION_REMOVED = 'CONNECTION_REMOVED';
/**
 * One ERP connection's sync, `connector/<connectionId>`, alive as long as the connection: each tick
 * (schedule, webhook, person) pulls the ERP's changes page by page from the stored cursor, deposits
 * what is new, then writes the buyer's statuses back. Refused credentials stop the syncing and mark
 * the connection in error until a person resumes it; ticks arriving meanwhile are dropped.
 */
async function connectorSync(input) {
    const { connectionId } = input;
    const pending = [...(input.carried?.pending ?? [])];
    const retries = [...(input.carried?.retries ?? [])];
    const state = { inError: input.carried?.inError ?? false, syncing: false, syncs: 0 };
    let removed = false;
    wf.setHandler(exports.syncNow, (reason) => {
        if (state.inError && reason !== 'resume')
            return;
        if (reason === 'resume')
            state.inError = false;
        // One waiting tick is enough: a sync reads everything new anyway.
        if (!pending.includes(reason) && pending.length < 2)
            pending.push(reason);
    });
    wf.setHandler(exports.retryRecord, (externalId) => {
        if (!state.inError && !retries.includes(externalId))
            retries.push(externalId);
    });
    wf.setHandler(exports.removeConnection, () => void (removed = true));
    wf.setHandler(exports.connectorSyncState, () => state);
    const activities = connectorActivities(input);
    // The dev server allows ten keyword attributes and the platform uses them all: operators find a
    // connection's sync by its structure, its workflow id and its summary (which names the connector).
    wf.upsertSearchAttributes([{ key: search_attributes_1.StructureId, value: input.structureId }]);
    /** Refused credentials: the connection waits in error for a person; ticks and retries are dropped. */
    const stopInError = async (message) => {
        state.inError = true;
        state.error = `${exports.CREDENTIALS_REJECTED}: ${message}`;
        pending.length = 0;
        retries.length = 0;
        await activities.recordSyncOutcome({ connectionId, status: 'ERROR', error: state.error });
    };
    const syncsPerRun = input.syncsPerRun ?? 200;
    for (;;) {
        await wf.condition(() => removed || pending.length > 0 || retries.length > 0);
        if (removed)
            return;
        if (retries.length > 0 && wf.patched(exports.RECORD_RETRY_PATCH)) {
            if ((await retryRecords(activities, connectionId, retries, stopInError)) === 'removed')
                return;
            continue;
        }
        pending.shift();
        state.syncing = true;
        if ((await syncOnce(activities, connectionId, state, () => removed, stopInError)) === 'removed')
            return;
        state.syncing = false;
        state.syncs += 1;
        if (state.syncs >= syncsPerRun || wf.workflowInfo().continueAsNewSuggested) {
            await wf.condition(wf.allHandlersFinished);
            await wf.continueAsNew({
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
exports.RECORD_RETRY_PATCH = 'connector-record-retry';
function connectorActivities(input) {
    const retry = {
        initialInterval: input.retry.initialIntervalMs,
        maximumInterval: input.retry.maximumIntervalMs,
        maximumAttempts: input.retry.maximumAttempts,
        backoffCoefficient: 2,
        nonRetryableErrorTypes: [exports.CREDENTIALS_REJECTED, exports.CONNECTION_REMOVED],
    };
    const { syncConnectorPage, pushConnectorStatuses } = wf.proxyActivities({
        startToCloseTimeout: '15 minutes',
        heartbeatTimeout: input.pageHeartbeatTimeout ?? '1 minute',
        retry,
    });
    const { retryConnectorRecord } = wf.proxyActivities({
        startToCloseTimeout: '5 minutes',
        retry,
    });
    const { recordSyncOutcome } = wf.proxyActivities({
        startToCloseTimeout: '10 seconds',
        retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
    });
    return { syncConnectorPage, pushConnectorStatuses, retryConnectorRecord, recordSyncOutcome };
}
/** The cause's type of an activity failure, when it is an application failure. */
function failureType(err) {
    if (!(err instanceof wf.ActivityFailure))
        throw err;
    return err.cause instanceof wf.ApplicationFailure ? (err.cause.type ?? undefined) : undefined;
}
/** One sync: every page from the stored cursor, then the statuses written back; its report kept. */
async function syncOnce(activities, connectionId, state, isRemoved, stopInError) {
    const startedAt = new Date().toISOString();
    const report = {
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
    }
    catch (err) {
        const type = failureType(err);
        const cause = err.cause;
        // Deleted while syncing: the removeConnection signal is on its way, nothing is left to do.
        if (type === exports.CONNECTION_REMOVED)
            return 'removed';
        if (type === exports.CREDENTIALS_REJECTED) {
            await stopInError(cause.message);
        }
        else {
            // Retries ran out (when the connector bounds them): this sync is reported, the next tick tries again.
            report.finishedAt = new Date().toISOString();
            state.lastReport = report;
            state.error = cause?.message ?? err.message;
            await activities.recordSyncOutcome({ connectionId, report: { ...report, error: state.error } });
        }
    }
    return undefined;
}
/**
 * Files again, one by one, the records a person asked to retry. A record whose retries run out stays
 * among the problems (the person may ask again); refused credentials stop everything.
 */
async function retryRecords(activities, connectionId, retries, stopInError) {
    while (retries.length > 0) {
        try {
            await activities.retryConnectorRecord({ connectionId, externalId: retries[0] });
        }
        catch (err) {
            const type = failureType(err);
            if (type === exports.CONNECTION_REMOVED)
                return 'removed';
            if (type === exports.CREDENTIALS_REJECTED) {
                await stopInError(err.cause.message);
                return undefined;
            }
        }
        retries.shift();
    }
    return undefined;
}
//# sourceMappingURL=connector.js.map