import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { checkInvoiceFile, type CheckResult } from '../invoice/check';
import { SCHEMAS_APART_BYTES } from '../invoice/check/xsd';
import { identifyInvoice, identityOf, type InvoiceIdentity } from '../invoice/identify';
import type { PlatformContext } from '../invoice/platform-rules';
import type { RuleSet } from '../invoice/check';
import type { XmlLimits } from '../invoice/xml';

/** One document to read, as the pool sends it. */
export type DocumentTask =
  | { id: number; kind: 'identify'; bytes: Uint8Array; limits?: XmlLimits }
  | {
      id: number;
      kind: 'check';
      bytes: Uint8Array;
      rules: RuleSet;
      limits?: XmlLimits;
      /** Which platform lookups the process that sent the document answers (the database stays there). */
      platform: { recipients: boolean; duplicates: boolean; today?: string };
      /** The model comes back up to this many invoice lines; past it, its identity alone (see `CheckReply`). */
      modelUpTo?: number;
    }
  | RenderTask;

/**
 * A document to produce (a PDF, a rendition): the exported function `entry` of `module`, a file of
 * this project, called with `args`. `budget: 'check'` gives it a full check's time (a rendition judges
 * the file it converts), otherwise it has one document's reading time.
 */
export interface RenderTask {
  id: number;
  kind: 'render';
  module: string;
  entry: string;
  args: unknown[];
  budget?: 'document' | 'check';
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

/** A platform lookup the thread asks of its process: the recipient directory or the duplicate registry. */
export interface LookupRequest {
  lookup: number;
  task: number;
  target: 'recipients' | 'duplicates';
  args: unknown[];
}

/** The process's answer to a lookup. */
export type LookupReply = { lookup: number; result: unknown } | { lookup: number; error: string };

const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextLookup = 1;

function ask(task: number, target: LookupRequest['target'], args: unknown[]): Promise<never> {
  const lookup = nextLookup++;
  return new Promise((resolve, reject) => {
    pending.set(lookup, { resolve: resolve as (v: unknown) => void, reject });
    parentPort!.postMessage({ lookup, task, target, args } satisfies LookupRequest);
  });
}

/** The platform context of a check, its lookups answered by the process that holds the database. */
function platformOf(task: Extract<DocumentTask, { kind: 'check' }>): PlatformContext {
  const { recipients, duplicates, today } = task.platform;
  return {
    today,
    recipients: recipients ? { find: (...args) => ask(task.id, 'recipients', args) } : undefined,
    duplicates: duplicates ? { exists: (...args) => ask(task.id, 'duplicates', args) } : undefined,
  };
}

/**
 * A check's answer: the core's result, where a model of more lines than the task's `modelUpTo` is
 * replaced by its identity (what the process files the invoice by). Copying a 9,996-line model to the
 * process took 9 MB of messages and about 20 MB of its heap, for a model it does not keep.
 */
export type CheckReply = CheckResult & { identity?: InvoiceIdentity };

/**
 * The invoice core, run in a worker thread of the document pool: a document that takes too long or
 * too much memory is stopped there, and the process's event loop never waits for it.
 */
async function perform(task: DocumentTask): Promise<unknown> {
  if (task.kind === 'identify') return identifyInvoice(task.bytes, task.limits);
  if (task.kind === 'render') return produce(task);
  const result: CheckReply = await checkInvoiceFile(task.bytes, {
    rules: task.rules,
    limits: task.limits,
    platform: platformOf(task),
    // The thread's own copy (or the process's bytes, handed over): nothing reads it after the check.
    handOver: true,
    collect: large(task.bytes.byteLength) ? collectGarbage : undefined,
  });
  const { invoice } = result;
  if (!invoice || task.modelUpTo === undefined || invoice.lines.length <= task.modelUpTo) return result;
  const syntax = result.format.startsWith('ubl') ? 'ubl' : 'cii';
  return { ...result, invoice: undefined, identity: identityOf(invoice, syntax) };
}

/** A document from the size whose schemas are checked apart: worth a full collection or two. */
const large = (bytes: number) => bytes >= SCHEMAS_APART_BYTES;

/** Runs a render task's producer, loaded on first use (the thread's loader compiles TypeScript sources). */
async function produce(task: RenderTask): Promise<unknown> {
  if (!path.isAbsolute(task.module)) throw new Error(`not a module of this project: ${task.module}`);
  const producer = (require(task.module) as Record<string, unknown>)[task.entry];
  if (typeof producer !== 'function') throw new Error(`${task.module} exports no ${task.entry}`);
  return (producer as (...args: unknown[]) => unknown)(...task.args);
}

/**
 * The buffers of a result to move to the process rather than copy: bytes answered alone or as a
 * `bytes` field, when they own their whole buffer (a slice of a shared pool is copied).
 */
function transferables(result: unknown): ArrayBuffer[] {
  const bytes = result instanceof Uint8Array ? result : (result as { bytes?: unknown } | undefined)?.bytes;
  if (!(bytes instanceof Uint8Array) || !(bytes.buffer instanceof ArrayBuffer)) return [];
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && !Buffer.isBuffer(bytes) ? [bytes.buffer] : [];
}

parentPort?.on('message', (message: DocumentTask | LookupReply) => {
  if ('lookup' in message) {
    const waiting = pending.get(message.lookup);
    pending.delete(message.lookup);
    if ('error' in message) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result);
    return;
  }
  const task = message;
  const size = 'bytes' in task ? task.bytes.byteLength : 0;
  perform(task).then(
    (result) => {
      if (large(size)) collectGarbage();
      parentPort!.postMessage({ id: task.id, result } satisfies DocumentReply, transferables(result));
    },
    (err: Error & Partial<ThreadError>) =>
      parentPort!.postMessage({
        id: task.id,
        error: { name: err.name, message: err.message, code: err.code, line: err.line, limit: err.limit },
      } satisfies DocumentReply),
  );
});
parentPort?.postMessage('ready');

/**
 * After a large document (the size from which its schemas are checked apart), the thread collects its
 * garbage before answering. The document's tree is garbage once the check returns (a 9,999-line
 * invoice: 165 MB of heap in use, 43 MB after a collection), and V8 would otherwise still hold it while
 * it copies the result to the process: six runs of that check through the pool peaked at 396–499 MB
 * without the collection, 384–415 MB with it (bench:linear). A full collection takes tens of
 * milliseconds, nothing next to the seconds such a document takes; small documents skip it. It also
 * collects once the document is read, before the rules (`CheckOptions.collect`): the text of the
 * document and what reading it left were otherwise still there when the rules' own garbage came.
 */
let gc: (() => void) | undefined;

/** A full garbage collection of this thread's heap (V8's `gc`, exposed for this purpose only). */
function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
