"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_path_1 = __importDefault(require("node:path"));
const app_1 = require("../api/app");
const sirene_1 = require("../structures/sirene");
const db_1 = require("../platform/db");
const blobs_1 = require("../platform/blobs");
const outbox_1 = require("../platform/mail/outbox");
const temporal_1 = require("../platform/temporal");
const runtime_1 = require("../connectors/runtime");
const flow_inbox_1 = require("../inbox/flow-inbox");
const document_pool_1 = require("../platform/document-pool");
const public_host_1 = require("../platform/public-host");
const boot_1 = require("./boot");
const config_1 = require("./config");
/** The API process: serves HTTP until SIGINT/SIGTERM, then finishes the requests in flight. */
async function main() {
    const { config, logger } = (0, boot_1.boot)();
    (0, document_pool_1.configureDocumentPool)((0, config_1.documentPoolOptions)(config.documents));
    (0, public_host_1.allowHosts)(config.connectorAllowedHosts);
    const db = (0, db_1.createDb)(config.database);
    const client = await (0, temporal_1.connectClient)(config.temporal, (0, boot_1.temporalAddress)(config));
    const blobs = new blobs_1.FsBlobStore(node_path_1.default.join(config.dataDir, 'blobs'));
    const app = (0, app_1.createApp)({
        db,
        client,
        blobs,
        logger,
        taskQueue: config.temporal.taskQueue,
        maxUploadBytes: config.maxUploadBytes,
        publicUrl: config.publicUrl,
        companyRegistry: config.sirene && (0, sirene_1.sireneCompanyRegistry)(config.sirene),
        lifecycle: config.lifecycle,
        support: config.support,
        rateLimits: config.rateLimits,
        connectors: (0, runtime_1.createConnectorRuntime)(config.connectors, config.dataDir),
        // The worker writes the outbox; the API shows it (to operators) only when DEV_OUTBOX=true.
        outbox: config.devOutbox ? new outbox_1.Outbox((0, boot_1.outboxDir)(config)) : undefined,
    });
    const server = app.listen(config.port, config.host);
    await new Promise((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', (err) => reject(err.code === 'EADDRINUSE'
            ? new Error(`port ${config.port} is already in use: stop what uses it or set PORT`)
            : err));
    });
    logger.info({ port: config.port, host: config.host }, `API listening on ${config.host}:${config.port}`);
    const stopInbox = config.flowInbox
        ? (0, flow_inbox_1.watchFlowInbox)({ db, blobs, client, taskQueue: config.temporal.taskQueue }, config.flowInbox.dir, config.flowInbox.intervalMs, logger)
        : undefined;
    const stop = () => {
        stopInbox?.();
        server.close(async () => {
            await client.connection.close();
            await db.destroy();
            process.exit(0);
        });
        server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}
main().catch((err) => (0, boot_1.fatal)((0, boot_1.boot)().logger, err));
//# sourceMappingURL=api.js.map