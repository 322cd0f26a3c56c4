"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_path_1 = __importDefault(require("node:path"));
const worker_1 = require("@temporalio/worker");
const db_1 = require("../platform/db");
const blobs_1 = require("../platform/blobs");
const mailer_1 = require("../platform/mail/mailer");
const temporal_1 = require("../platform/temporal");
const digest_schedule_1 = require("../invoicing/digest-schedule");
const worker_2 = require("../activities/worker");
const runtime_1 = require("../connectors/runtime");
const document_pool_1 = require("../platform/document-pool");
const public_host_1 = require("../platform/public-host");
const boot_1 = require("./boot");
const config_1 = require("./config");
/** One worker process: polls the task queue until SIGINT/SIGTERM, then drains in-flight work. */
async function main() {
    const { config, logger } = (0, boot_1.boot)();
    const documents = (0, document_pool_1.configureDocumentPool)((0, config_1.documentPoolOptions)(config.documents));
    const flowDocuments = new document_pool_1.DocumentPool({
        ...(0, config_1.documentPoolOptions)(config.documents),
        size: config.documents.flowThreads,
    });
    // Threads loaded before the first document: a budget then measures the document's work alone.
    await Promise.all([documents.start(), flowDocuments.start()]);
    (0, public_host_1.allowHosts)(config.connectorAllowedHosts);
    worker_1.Runtime.install({ logger: temporalLogger(logger) });
    const db = (0, db_1.createDb)(config.database);
    const address = (0, boot_1.temporalAddress)(config);
    const connection = await (0, temporal_1.connectWorker)(config.temporal, address, (err, retryInMs) => logger.warn({ address, retryInMs, err: err.message }, 'Temporal unreachable; waiting for it'));
    const worker = await (0, worker_2.createWorker)({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        deps: {
            db,
            blobs: new blobs_1.FsBlobStore(node_path_1.default.join(config.dataDir, 'blobs')),
            mailer: (0, mailer_1.createMailer)({ db, mail: config.mail, outboxDir: (0, boot_1.outboxDir)(config), logger }).mailer,
            connectors: (0, runtime_1.createConnectorRuntime)(config.connectors, config.dataDir),
            publicUrl: config.publicUrl,
        },
    });
    const client = await (0, temporal_1.connectClient)(config.temporal, address);
    await (0, digest_schedule_1.ensureDigestSchedule)(client, {
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
/** Temporal's own log lines go through the platform's logger, so there is one log stream. */
function temporalLogger(logger) {
    const child = logger.child({ component: 'temporal-worker' });
    const at = (level) => (message, meta) => child[level](meta ?? {}, message);
    const levels = ['trace', 'debug', 'info', 'warn', 'error'];
    return {
        log: (level, message, meta) => {
            const l = level.toLowerCase();
            at(levels.includes(l) ? l : 'info')(message, meta);
        },
        trace: at('trace'),
        debug: at('debug'),
        info: at('info'),
        warn: at('warn'),
        error: at('error'),
    };
}
main().catch((err) => (0, boot_1.fatal)((0, boot_1.boot)().logger, err));
//# sourceMappingURL=worker.js.map