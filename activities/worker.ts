import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { DocumentPool, documentPool } from '../platform/document-pool';
import { flowTaskQueue } from '../platform/temporal';
import { createActivities, ActivityDeps } from './index';

/** How flows run beside single deposits: their own queue, slots and document threads. */
export interface FlowWorkerSettings {
  /** Activities of flows (unpacking, filing, checking their invoices…) at once; default 16. */
  maxConcurrentActivities?: number;
  /** The threads that read flows' files; default one thread with the process pool's budgets. */
  documents?: DocumentPool;
}

export interface WorkerSetup {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt workflow bundle (tests share one per file); otherwise the workflows are bundled here. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  flows?: FlowWorkerSettings;
}

export const DEFAULT_FLOW_MAX_CONCURRENT_ACTIVITIES = 16;

/**
 * A worker running every workflow and activity; stateless, so run as many as the load needs. It polls
 * two queues: the platform's, and the flow queue (see `flowTaskQueue`), where flows and the invoices
 * they file run with bounded concurrency and document threads of their own. The returned worker's
 * `run` and `shutdown` drive both.
 */
export async function createWorker({
  connection,
  namespace,
  taskQueue,
  deps,
  workflowBundle,
  flows = {},
}: WorkerSetup): Promise<Worker> {
  const workflows = { workflowBundle: workflowBundle ?? (await platformWorkflowBundle()) };
  const main = await Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(deps),
    ...workflows,
  });
  const documents =
    flows.documents ??
    new DocumentPool({ ...(deps.documents ?? documentPool()).options, size: 1, keepWarm: 0 });
  const flowWorker = await Worker.create({
    connection,
    namespace,
    taskQueue: flowTaskQueue(taskQueue),
    maxConcurrentActivityTaskExecutions:
      flows.maxConcurrentActivities ?? DEFAULT_FLOW_MAX_CONCURRENT_ACTIVITIES,
    activities: createActivities({ ...deps, documents }),
    ...workflows,
  });
  return alongside(main, flowWorker, () => (flows.documents ? undefined : documents.close()));
}

/** Where the build writes the workflows' bundle, beside the compiled platform (scripts/build.js). */
export const WORKFLOW_BUNDLE_FILE = path.join(__dirname, '..', 'workflow-bundle.js');

/**
 * The workflows' code as both queues' workers load it: the bundle the build wrote when running
 * compiled, otherwise bundled here once for both. Bundling loads webpack into the process, and the
 * memory it takes is not given back: the compiled worker bundled at start, once per queue, and sat at
 * 446–460 MB once started (bench:memory); loading the build's bundle, and with one document thread
 * kept loaded rather than three, 282 MB.
 */
export async function platformWorkflowBundle(): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  if (__filename.endsWith('.js') && fs.existsSync(WORKFLOW_BUNDLE_FILE))
    return { codePath: WORKFLOW_BUNDLE_FILE };
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows') });
}

/** `main`, whose run and shutdown also run and stop `other`; `closed` runs once both have stopped. */
function alongside(main: Worker, other: Worker, closed: () => Promise<void> | undefined): Worker {
  const run = main.run.bind(main);
  const shutdown = main.shutdown.bind(main);
  const stop = (worker: Worker, stopWorker: () => void) => {
    if (worker.getState() === 'RUNNING') stopWorker();
  };
  main.run = async () => {
    const both = [run(), other.run()];
    // One of them failing stops the other: the process then exits and is restarted whole.
    both.forEach((p) =>
      p.catch(() => {
        stop(main, shutdown);
        stop(other, () => other.shutdown());
      }),
    );
    try {
      await Promise.all(both.map((p) => p.catch((err: Error) => err))).then((results) => {
        const failed = results.find((r): r is Error => r instanceof Error);
        if (failed) throw failed;
      });
    } finally {
      await closed();
    }
  };
  main.shutdown = () => {
    stop(other, () => other.shutdown());
    shutdown();
  };
  return main;
}
