"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_FLOW_MAX_CONCURRENT_ACTIVITIES = void 0;
exports.createWorker = createWorker;
const worker_1 = require("@temporalio/worker");
const document_pool_1 = require("../platform/document-pool");
const temporal_1 = require("../platform/temporal");
const index_1 = require("./index");
exports.DEFAULT_FLOW_MAX_CONCURRENT_ACTIVITIES = 4;
/**
 * A worker running every workflow and activity; stateless, so run as many as the load needs. It polls
 * two queues: the platform's, and the flow queue (see `flowTaskQueue`), where flows and the invoices
 * they file run with bounded concurrency and document threads of their own. The returned worker's
 * `run` and `shutdown` drive both.
 */
async function createWorker({ connection, namespace, taskQueue, deps, workflowBundle, flows = {}, }) {
    const workflows = workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') };
    const main = await worker_1.Worker.create({
        connection,
        namespace,
        taskQueue,
        activities: (0, index_1.createActivities)(deps),
        ...workflows,
    });
    const documents = flows.documents ?? new document_pool_1.DocumentPool({ ...(deps.documents?.options ?? {}), size: 1 });
    const flowWorker = await worker_1.Worker.create({
        connection,
        namespace,
        taskQueue: (0, temporal_1.flowTaskQueue)(taskQueue),
        maxConcurrentActivityTaskExecutions: flows.maxConcurrentActivities ?? exports.DEFAULT_FLOW_MAX_CONCURRENT_ACTIVITIES,
        activities: (0, index_1.createActivities)({ ...deps, documents }),
        ...workflows,
    });
    return alongside(main, flowWorker, () => (flows.documents ? undefined : documents.close()));
}
/** `main`, whose run and shutdown also run and stop `other`; `closed` runs once both have stopped. */
function alongside(main, other, closed) {
    const run = main.run.bind(main);
    const shutdown = main.shutdown.bind(main);
    const stop = (worker, stopWorker) => {
        if (worker.getState() === 'RUNNING')
            stopWorker();
    };
    main.run = async () => {
        const both = [run(), other.run()];
        // One of them failing stops the other: the process then exits and is restarted whole.
        both.forEach((p) => p.catch(() => {
            stop(main, shutdown);
            stop(other, () => other.shutdown());
        }));
        try {
            await Promise.all(both.map((p) => p.catch((err) => err))).then((results) => {
                const failed = results.find((r) => r instanceof Error);
                if (failed)
                    throw failed;
            });
        }
        finally {
            await closed();
        }
    };
    main.shutdown = () => {
        stop(other, () => other.shutdown());
        shutdown();
    };
    return main;
}
//# sourceMappingURL=worker.js.map