"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.xsdEngine = xsdEngine;
exports.closeXsdEngines = closeXsdEngines;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
/**
 * A libxml2 worker thread (see worker.mjs) with its compiled schemas. The thread keeps the process alive
 * only while a validation is pending, so an idle engine never delays exit.
 */
class XsdEngine {
    worker;
    pending = new Map();
    nextId = 1;
    constructor(schemaRoots) {
        this.worker = new node_worker_threads_1.Worker(node_path_1.default.join(__dirname, 'worker.mjs'), {
            workerData: { schemaRoots: schemaRoots.filter((root) => node_fs_1.default.existsSync(root)) },
        });
        this.worker.unref();
        this.worker.on('message', (reply) => this.settle(reply));
        this.worker.on('error', (error) => this.failAll(error));
        this.worker.on('exit', (code) => this.failAll(new Error(`XSD worker exited with code ${code}`)));
    }
    /** `encoding` overrides the document's XML declaration (for text that was already decoded). */
    validate(entry, bytes, encoding) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            if (this.pending.size === 1)
                this.worker.ref();
            this.worker.postMessage({ id, entry, bytes, encoding });
        });
    }
    /**
     * Compiles a schema ahead of its first document. Fire and forget: the answer is not awaited and does
     * not keep the process alive; a failure shows again when a document is validated against it.
     */
    prepare(entry) {
        const id = this.nextId++;
        const key = `prepare:${entry}`;
        if (this.prepared.has(key))
            return;
        this.prepared.add(key);
        this.worker.postMessage({ id, entry, prepare: true });
    }
    prepared = new Set();
    terminate() {
        return this.worker.terminate();
    }
    settle(reply) {
        const waiting = this.pending.get(reply.id);
        if (!waiting)
            return;
        this.forget(reply.id);
        if ('error' in reply)
            waiting.reject(new Error(`XSD validation failed: ${reply.error}`));
        else
            waiting.resolve(reply.details);
    }
    failAll(error) {
        for (const [id, waiting] of this.pending) {
            this.forget(id);
            waiting.reject(error);
        }
        engines.forEach((engine, key) => engine === this && engines.delete(key));
    }
    forget(id) {
        this.pending.delete(id);
        if (this.pending.size === 0)
            this.worker.unref();
    }
}
/** Engines by schema-root list, so each schema is compiled once per process. */
const engines = new Map();
function xsdEngine(schemaRoots) {
    const key = schemaRoots.join(node_path_1.default.delimiter);
    let engine = engines.get(key);
    if (!engine) {
        engine = new XsdEngine(schemaRoots);
        engines.set(key, engine);
    }
    return engine;
}
/** Stops every worker thread (the compiled schemas are dropped; the next validation starts a new one). */
async function closeXsdEngines() {
    const running = [...engines.values()];
    engines.clear();
    await Promise.all(running.map((engine) => engine.terminate()));
}
//# sourceMappingURL=engine.js.map