import { parentPort } from 'node:worker_threads';
import { identifyInvoice } from '../invoice/identify';
import type { XmlLimits } from '../invoice/xml';

/** One document to read, as the pool sends it. */
export interface DocumentTask {
  id: number;
  kind: 'identify';
  bytes: Uint8Array;
  limits?: XmlLimits;
}

/** A typed error crossing the thread boundary: enough to rebuild it on the other side. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  line?: number;
  limit?: number;
}

export type DocumentReply = { id: number; result: unknown } | { id: number; error: ThreadError };

/**
 * The invoice core, run in a worker thread of the document pool: a document that takes too long or
 * too much memory is stopped there, and the process's event loop never waits for it.
 */
async function perform(task: DocumentTask): Promise<unknown> {
  return identifyInvoice(task.bytes, task.limits);
}

parentPort?.on('message', (task: DocumentTask) => {
  perform(task).then(
    (result) => parentPort!.postMessage({ id: task.id, result } satisfies DocumentReply),
    (err: Error & Partial<ThreadError>) =>
      parentPort!.postMessage({
        id: task.id,
        error: { name: err.name, message: err.message, code: err.code, line: err.line, limit: err.limit },
      } satisfies DocumentReply),
  );
});
parentPort?.postMessage('ready');
