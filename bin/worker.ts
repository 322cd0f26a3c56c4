import { Runtime } from '@temporalio/worker';
import { createDb } from '../platform/db';
import { describeBlobStore, openBlobStore } from '../platform/blob-store-config';
import { createMailer } from '../platform/mail/mailer';
import { connectClient, connectWorker } from '../platform/temporal';
import { ensureDigestSchedule } from '../invoicing/digest-schedule';
import { createWorker } from '../activities/worker';
import { createConnectorRuntime } from '../connectors/runtime';
import { configureDocumentPool, DocumentPool } from '../platform/document-pool';
import { allowHosts } from '../platform/public-host';
import { boot, fatal, outboxDir, temporalAddress } from './boot';
import { launchedAsWorker, WORKER_ENV, WORKER_NODE_ARGS } from './launch';
import { documentPoolOptions, type OperationsSettings } from './config';

/** One worker process: polls the task queue until SIGINT/SIGTERM, then drains in-flight work. */
async function main() {
  const { config, logger } = boot();
  if (!launchedAsWorker())
    logger.warn(
      { nodeArgs: WORKER_NODE_ARGS, env: WORKER_ENV },
      'worker started without its memory settings (npm run worker and npm start give them): it may take 100 MB more',
    );
  const documents = configureDocumentPool(documentPoolOptions(config.documents));
  const flowDocuments = new DocumentPool({
    ...documentPoolOptions(config.documents),
    size: config.documents.flowThreads,
    // Started when a flow brings files, stopped when flows stop: idle, the worker holds one thread.
    keepWarm: 0,
  });
  // The deposits' warm thread loaded before the first document (a budget measures the document's work
  // alone, from a thread's first message on, whenever the thread was started).
  await Promise.all([documents.start(), flowDocuments.start()]);
  allowHosts(config.connectorAllowedHosts);
  Runtime.install({ logger: temporalLogger(logger), telemetryOptions: telemetryOf(config.operations) });
  if (config.operations.workerMetricsAddress)
    logger.info({ address: config.operations.workerMetricsAddress }, 'worker metrics on /metrics');
  const db = createDb(config.database);
  const blobs = await openBlobStore(config.blobs);
  logger.info(describeBlobStore(config.blobs), 'blob store ready');
  const address = temporalAddress(config);
  const connection = await connectWorker(config.temporal, address, (err, retryInMs) =>
    logger.warn({ address, retryInMs, err: err.message }, 'Temporal unreachable; waiting for it'),
  );
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: {
      db,
      blobs,
      mailer: createMailer({ db, mail: config.mail, outboxDir: outboxDir(config), logger }).mailer,
      connectors: createConnectorRuntime(config.connectors, config.dataDir),
      publicUrl: config.publicUrl,
    },
    flows: {
      documents: flowDocuments,
      maxConcurrentActivities: config.documents.flowMaxConcurrentActivities,
    },
  });
  const client = await connectClient(config.temporal, address);
  await ensureDigestSchedule(client, {
    hour: config.notificationDigestHour,
    taskQueue: config.temporal.taskQueue,
  });
  await client.connection.close();
  logger.info({ address, taskQueue: config.temporal.taskQueue }, 'worker polling');
  await worker.run();
  await Promise.all([documents.close(), flowDocuments.close()]);
  await connection.close();
  await db.destroy();
  logger.info('worker stopped');
}

/** The SDK's Prometheus exporter, when WORKER_METRICS_PORT is set: its worker metrics and the platform's. */
function telemetryOf({ workerMetricsAddress }: OperationsSettings) {
  if (!workerMetricsAddress) return undefined;
  return {
    metrics: {
      prometheus: {
        bindAddress: workerMetricsAddress,
        countersTotalSuffix: true,
        useSecondsForDurations: true,
      },
    },
  };
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Temporal's own log lines go through the platform's logger, so there is one log stream. */
function temporalLogger(logger: ReturnType<typeof boot>['logger']) {
  const child = logger.child({ component: 'temporal-worker' });
  const at = (level: Level) => (message: string, meta?: Record<string, unknown>) =>
    child[level](meta ?? {}, message);
  const levels: Level[] = ['trace', 'debug', 'info', 'warn', 'error'];
  return {
    log: (level: string, message: string, meta?: Record<string, unknown>) => {
      const l = level.toLowerCase() as Level;
      at(levels.includes(l) ? l : 'info')(message, meta);
    },
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

main().catch((err) => fatal(boot().logger, err));
