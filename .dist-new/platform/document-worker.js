"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_worker_threads_1 = require("node:worker_threads");
const check_1 = require("../invoice/check");
const identify_1 = require("../invoice/identify");
const pending = new Map();
let nextLookup = 1;
function ask(task, target, args) {
    const lookup = nextLookup++;
    return new Promise((resolve, reject) => {
        pending.set(lookup, { resolve: resolve, reject });
        node_worker_threads_1.parentPort.postMessage({ lookup, task, target, args });
    });
}
/** The platform context of a check, its lookups answered by the process that holds the database. */
function platformOf(task) {
    const { recipients, duplicates, today } = task.platform;
    return {
        today,
        recipients: recipients ? { find: (...args) => ask(task.id, 'recipients', args) } : undefined,
        duplicates: duplicates ? { exists: (...args) => ask(task.id, 'duplicates', args) } : undefined,
    };
}
/**
 * The invoice core, run in a worker thread of the document pool: a document that takes too long or
 * too much memory is stopped there, and the process's event loop never waits for it.
 */
async function perform(task) {
    if (task.kind === 'identify')
        return (0, identify_1.identifyInvoice)(task.bytes, task.limits);
    const result = await (0, check_1.checkInvoiceFile)(task.bytes, {
        rules: task.rules,
        limits: task.limits,
        platform: platformOf(task),
    });
    return result;
}
node_worker_threads_1.parentPort?.on('message', (message) => {
    if ('lookup' in message) {
        const waiting = pending.get(message.lookup);
        pending.delete(message.lookup);
        if ('error' in message)
            waiting?.reject(new Error(message.error));
        else
            waiting?.resolve(message.result);
        return;
    }
    const task = message;
    perform(task).then((result) => node_worker_threads_1.parentPort.postMessage({ id: task.id, result }), (err) => node_worker_threads_1.parentPort.postMessage({
        id: task.id,
        error: { name: err.name, message: err.message, code: err.code, line: err.line, limit: err.limit },
    }));
});
node_worker_threads_1.parentPort?.postMessage('ready');
//# sourceMappingURL=document-worker.js.map