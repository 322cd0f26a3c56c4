"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runBackfill = runBackfill;
const node_path_1 = __importDefault(require("node:path"));
const config_1 = require("../bin/config");
const db_1 = require("../platform/db");
const blobs_1 = require("../platform/blobs");
const temporal_1 = require("../platform/temporal");
const runtime_1 = require("../connectors/runtime");
const backfill_1 = require("../connectors/backfill");
const connector_progress_1 = require("./connector-progress");
/** Runs a backfill against the configured platform (same environment as the worker); exit 1 if records were refused. */
async function runBackfill(connectionId, opts) {
    const config = (0, config_1.loadConfig)();
    const db = (0, db_1.createDb)(config.database);
    const address = config.temporal.address ?? `localhost:${config.temporal.devServerPort}`;
    const client = await (0, temporal_1.connectClient)(config.temporal, address);
    try {
        const summary = await (0, backfill_1.backfill)({
            db,
            blobs: new blobs_1.FsBlobStore(node_path_1.default.join(config.dataDir, 'blobs')),
            runtime: (0, runtime_1.createConnectorRuntime)(config.connectors, config.dataDir),
            client,
            taskQueue: config.temporal.taskQueue,
        }, connectionId, opts, (0, connector_progress_1.progressBar)());
        process.stdout.write(`${summary.pages} page(s): ${summary.imported} invoice(s) deposited, ${summary.alreadyKnown} already known, ` +
            `${summary.failed.length} refused, ${summary.statusesPushed} status(es) written back\n`);
        for (const f of summary.failed)
            process.stdout.write(`  ${f.externalId}: ${f.reason}\n`);
        return summary.failed.length > 0 ? 1 : 0;
    }
    finally {
        await client.connection.close();
        await db.destroy();
    }
}
//# sourceMappingURL=connector-run.js.map