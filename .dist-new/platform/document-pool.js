"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DocumentPool = exports.DEFAULT_DOCUMENT_POOL = void 0;
exports.documentPool = documentPool;
exports.configureDocumentPool = configureDocumentPool;
const node_path_1 = __importDefault(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
const errors_1 = require("../invoice/errors");
const xml_1 = require("../invoice/xml");
exports.DEFAULT_DOCUMENT_POOL = { size: 2, timeoutMs: 30_000, maxMemoryMb: 512 };
/**
 * A small pool of worker threads reading untrusted documents, so that no document blocks the event
 * loop of the process that received it (the API answers /health while a large invoice is read), and
 * none takes more than its budget: a thread over its time or memory is stopped, replaced, and the
 * document refused with DOCUMENT_TOO_COMPLEX. Written out rather than taken from a library (piscina):
 * it needs one task kind, per-task termination and typed errors, in a hundred lines.
 */
class DocumentPool {
    slots = [];
    queue = [];
    nextId = 1;
    closed = false;
    options;
    constructor(options = {}) {
        this.options = { ...exports.DEFAULT_DOCUMENT_POOL, ...options };
    }
    /** The identity of UBL or CII bytes; throws XmlError, InvoiceFormatError or DocumentTooComplexError. */
    identify(bytes) {
        return this.run({
            id: this.nextId++,
            kind: 'identify',
            bytes,
            limits: this.options.limits,
        });
    }
    /**
     * Judges a file as `checkInvoiceFile` does (envelope, XSD, rules), in a thread under the budget; the
     * platform rules' lookups (recipient directory, duplicate registry) are answered from this process.
     * Throws DocumentTooComplexError over budget; every other problem is a finding, as in the core.
     */
    check(bytes, options) {
        const { platform } = options;
        const task = {
            id: this.nextId++,
            kind: 'check',
            bytes,
            rules: options.rules,
            limits: options.limits ?? this.options.limits,
            platform: {
                recipients: !!platform?.recipients,
                duplicates: !!platform?.duplicates,
                today: platform?.today,
            },
        };
        return this.run(task, platform);
    }
    /** Starts every thread and resolves once all can read (a process warms its pool at start). */
    async start() {
        while (this.slots.length < this.options.size)
            this.spawn();
        await Promise.all(this.slots.map((s) => s.loaded));
    }
    async close() {
        this.closed = true;
        await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
    }
    run(task, platform) {
        if (this.closed)
            return Promise.reject(new Error('the document pool is closed'));
        return new Promise((resolve, reject) => {
            this.queue.push({ task, platform, resolve, reject });
            this.dispatch();
        });
    }
    /** Gives waiting documents to ready threads, and starts the threads the queue needs, up to the size. */
    dispatch() {
        for (let slot = this.idle(); slot && this.queue.length > 0; slot = this.idle()) {
            this.assign(slot, this.queue.shift());
        }
        const starting = this.slots.filter((s) => !s.ready).length;
        const wanted = Math.min(this.queue.length - starting, this.options.size - this.slots.length);
        for (let i = 0; i < wanted; i++)
            this.spawn();
    }
    idle() {
        return this.slots.find((s) => s.ready && !s.job);
    }
    assign(slot, job) {
        slot.job = job;
        slot.timer = setTimeout(() => this.fail(slot, tooComplex(`more than ${this.options.timeoutMs} ms of processing`)), this.options.timeoutMs);
        // A thread at work keeps the process alive until its answer; an idle one does not.
        slot.worker.ref();
        slot.worker.postMessage(job.task);
    }
    spawn() {
        const worker = startWorker(this.options.maxMemoryMb);
        let loaded = () => { };
        const slot = { worker, ready: false, loaded: new Promise((resolve) => (loaded = resolve)) };
        worker.on('message', (reply) => {
            if (reply !== 'ready' && 'lookup' in reply)
                return answer(worker, slot.job, reply);
            if (reply === 'ready') {
                slot.ready = true;
                loaded();
                worker.unref();
                return this.dispatch();
            }
            const job = slot.job;
            if (!job || job.task.id !== reply.id)
                return;
            this.release(slot);
            if ('error' in reply)
                job.reject(rebuild(reply.error));
            else
                job.resolve(reply.result);
            this.dispatch();
        });
        worker.on('error', (err) => {
            const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
            const budget = Math.max(this.options.maxMemoryMb, MIN_MEMORY_MB);
            this.fail(slot, memory ? tooComplex(`more than ${budget} MB of memory`) : err);
        });
        worker.on('exit', () => this.fail(slot, new Error('the document thread stopped')));
        this.slots.push(slot);
    }
    release(slot) {
        clearTimeout(slot.timer);
        slot.worker.unref();
        slot.job = undefined;
    }
    /** The slot's document is refused and its thread replaced: a stopped thread holds nothing of it. */
    fail(slot, err) {
        const index = this.slots.indexOf(slot);
        if (index < 0)
            return;
        this.slots.splice(index, 1);
        const job = slot.job;
        this.release(slot);
        void slot.worker.terminate();
        job?.reject(err);
        if (!this.closed)
            this.dispatch();
    }
}
exports.DocumentPool = DocumentPool;
/** Answers a thread's lookup with the job's platform context; a lookup of a finished job gets nothing. */
function answer(worker, job, request) {
    if (!job || job.task.id !== request.task)
        return;
    const post = (reply) => worker.postMessage(reply);
    const lookup = async () => {
        const { recipients, duplicates } = job.platform ?? {};
        if (request.target === 'recipients' && recipients)
            return recipients.find(...request.args);
        if (request.target === 'duplicates' && duplicates)
            return duplicates.exists(...request.args);
        throw new Error(`no ${request.target} to look up`);
    };
    lookup().then((result) => post({ lookup: request.lookup, result }), (err) => post({ lookup: request.lookup, error: err.message }));
}
function tooComplex(budget) {
    return new errors_1.DocumentTooComplexError(`The document needs more than one invoice is given (budget: ${budget}).`);
}
/** The same typed error the invoice core threw in the thread, so callers tell them apart as before. */
function rebuild(e) {
    if (e.name === 'XmlError')
        return new xml_1.XmlError(e.code, e.message, e.line, e.limit);
    if (e.name === 'InvoiceFormatError')
        return new errors_1.InvoiceFormatError(e.code, e.message);
    const err = new Error(e.message);
    err.name = e.name;
    return err;
}
/**
 * The smallest heap a thread gets: the largest document accepted (50 MB of XML, twice that as a
 * JavaScript string) must fit in one allocation, for V8 aborts the whole process, not the thread,
 * when one allocation alone overflows the heap. Growth past the budget stops the thread cleanly.
 */
const MIN_MEMORY_MB = 192;
/** The worker thread, from the compiled JavaScript when running compiled, from the TypeScript source otherwise. */
function startWorker(maxMemoryMb) {
    const resourceLimits = {
        maxOldGenerationSizeMb: Math.max(maxMemoryMb, MIN_MEMORY_MB),
        maxYoungGenerationSizeMb: 64,
    };
    const compiled = node_path_1.default.join(__dirname, 'document-worker.js');
    if (__filename.endsWith('.js'))
        return new node_worker_threads_1.Worker(compiled, { resourceLimits });
    const source = node_path_1.default.join(__dirname, 'document-worker.ts');
    return new node_worker_threads_1.Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, {
        eval: true,
        resourceLimits,
    });
}
let shared;
/** The process's pool, started on first use; `configureDocumentPool` sets its budgets at start. */
function documentPool() {
    return (shared ??= new DocumentPool());
}
function configureDocumentPool(options) {
    void shared?.close();
    return (shared = new DocumentPool(options));
}
//# sourceMappingURL=document-pool.js.map