import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DocumentTooComplexError, InvoiceFormatError, type InvoiceFormatErrorCode } from '../invoice/errors';
import type { CheckOptions } from '../invoice/check';
import type { InvoiceIdentity } from '../invoice/identify';
import type { PlatformContext } from '../invoice/platform-rules';
import { XmlError, type XmlErrorCode, type XmlLimits } from '../invoice/xml';
import type {
  CheckReply,
  DocumentReply,
  DocumentTask,
  LookupReply,
  LookupRequest,
  RenderTask,
  ThreadError,
} from './document-worker';

/** What one document may cost, and how many are read at once. */
export interface DocumentPoolOptions {
  /** Worker threads (documents read at the same time). */
  size: number;
  /** Time one document may take once a thread has it; past it the thread is stopped. */
  timeoutMs: number;
  /**
   * Time a full check (XSD and every rule, many times the reading) may take; default four times
   * `timeoutMs`, so the largest accepted invoice (9,999 lines) passes on a loaded machine.
   */
  checkTimeoutMs?: number;
  /** Heap of one thread; a document that needs more stops the thread. */
  maxMemoryMb: number;
  /** The XML limits the threads apply (depth, elements, lines…); the invoice core's otherwise. */
  limits?: XmlLimits;
  /**
   * Threads kept loaded while nothing is read (`start` loads them); the others, up to `size`, are
   * started when documents wait and stop after `idleMs` without one. A loaded thread holds the invoice
   * core and, once it has checked a file, a libxml2 worker with its compiled schemas: 30 to 70 MB each.
   */
  keepWarm: number;
  /**
   * How long a thread beyond `keepWarm` waits for a document before it stops. Starting one costs one to
   * three seconds of CPU (the invoice core, fontkit, libxml2 and its schemas loaded again): under a
   * load that comes in bursts, threads stopped after 30 s were started again soon after, and in a
   * profile of the cluster test that churn took about 15 % of the workers' CPU; five minutes keep a
   * busy period's thread for the next burst. The cluster test's 1,000 invoices went from 1.51 to 2.91
   * invoices/s with it (one run each, nothing else changed in the platform).
   */
  idleMs: number;
}

export const DEFAULT_DOCUMENT_POOL: DocumentPoolOptions = {
  size: 2,
  timeoutMs: 30_000,
  maxMemoryMb: 512,
  keepWarm: 1,
  idleMs: 300_000,
};

export type { CheckReply } from './document-worker';

interface Job {
  task: DocumentTask;
  /** Buffers moved to the thread with the task rather than copied (the caller gave them up). */
  transfer?: ArrayBuffer[];
  /** The lookups a check asks for, answered here where the database is. */
  platform?: PlatformContext;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded the invoice core: time counted from now on is the document's. */
  ready: boolean;
  loaded: Promise<void>;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Stops an idle thread beyond the warm ones. */
  idle?: NodeJS.Timeout;
}

/**
 * A small pool of worker threads reading untrusted documents, so that no document blocks the event
 * loop of the process that received it (the API answers /health while a large invoice is read), and
 * none takes more than its budget: a thread over its time or memory is stopped, replaced, and the
 * document refused with DOCUMENT_TOO_COMPLEX. Written out rather than taken from a library (piscina):
 * it needs a few task kinds, per-task termination and typed errors, in a hundred lines.
 */
export class DocumentPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  readonly options: DocumentPoolOptions;

  constructor(options: Partial<DocumentPoolOptions> = {}) {
    this.options = { ...DEFAULT_DOCUMENT_POOL, ...options };
  }

  /** The identity of UBL or CII bytes; throws XmlError, InvoiceFormatError or DocumentTooComplexError. */
  identify(bytes: Uint8Array): Promise<InvoiceIdentity> {
    return this.run({
      id: this.nextId++,
      kind: 'identify',
      bytes,
      limits: this.options.limits,
    }) as Promise<InvoiceIdentity>;
  }

  /**
   * Judges a file as `checkInvoiceFile` does (envelope, XSD, rules), in a thread under the budget; the
   * platform rules' lookups (recipient directory, duplicate registry) are answered from this process.
   * Throws DocumentTooComplexError over budget; every other problem is a finding, as in the core.
   * With `handOver`, a caller that no longer needs the bytes gives them to the thread: they are moved,
   * not copied (a 25 MB invoice is then in memory once), and `bytes` is empty once this returns.
   * With `modelUpTo`, a model of more lines comes back as its identity only (`CheckReply`).
   */
  check(
    bytes: Uint8Array,
    options: CheckOptions,
    { handOver = false, modelUpTo }: { handOver?: boolean; modelUpTo?: number } = {},
  ): Promise<CheckReply> {
    const { platform } = options;
    const task: DocumentTask = {
      modelUpTo,
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
    return this.run(task, platform, handOver ? movable(bytes) : undefined) as Promise<CheckReply>;
  }

  /**
   * Produces a document (a PDF, a rendition of an invoice) in a thread under the budget: `entry` is an
   * exported function of `module` (its caller's `__filename`), called there with `args` (copied) and
   * answering bytes or plain data; the bytes it answers are moved back, not copied. The pool stays
   * below the features: they name their own producers. Throws DocumentTooComplexError over budget.
   */
  render<T>(job: Omit<RenderTask, 'id' | 'kind'>): Promise<T> {
    return this.run({ ...job, id: this.nextId++, kind: 'render' }) as Promise<T>;
  }

  /** The threads started (loading, reading or idle). */
  get threads(): number {
    return this.slots.length;
  }

  /** Starts the threads kept warm and resolves once they can read (a process warms its pool at start). */
  async start(): Promise<void> {
    const warm = Math.min(this.options.keepWarm, this.options.size);
    while (this.slots.length < warm) this.spawn();
    await Promise.all(this.slots.map((s) => s.loaded));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private run(task: DocumentTask, platform?: PlatformContext, transfer?: ArrayBuffer[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the document pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, platform, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Gives waiting documents to ready threads, and starts the threads the queue needs, up to the size. */
  private dispatch(): void {
    for (let slot = this.idle(); slot && this.queue.length > 0; slot = this.idle()) {
      this.assign(slot, this.queue.shift()!);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    const wanted = Math.min(this.queue.length - starting, this.options.size - this.slots.length);
    for (let i = 0; i < wanted; i++) this.spawn();
  }

  private idle(): Slot | undefined {
    return this.slots.find((s) => s.ready && !s.job);
  }

  private assign(slot: Slot, job: Job): void {
    clearTimeout(slot.idle);
    slot.job = job;
    const { timeoutMs, checkTimeoutMs = 4 * timeoutMs } = this.options;
    const { task } = job;
    const long = task.kind === 'check' || (task.kind === 'render' && task.budget === 'check');
    const budget = long ? checkTimeoutMs : timeoutMs;
    slot.timer = setTimeout(
      () => this.fail(slot, tooComplex(`more than ${budget} ms of processing`)),
      budget,
    );
    // A thread at work keeps the process alive until its answer; an idle one does not.
    slot.worker.ref();
    slot.worker.postMessage(job.task, job.transfer);
  }

  private spawn(): void {
    const worker = startWorker(this.options.maxMemoryMb);
    let loaded = () => {};
    const slot: Slot = { worker, ready: false, loaded: new Promise((resolve) => (loaded = resolve)) };
    worker.on('message', (reply: DocumentReply | LookupRequest | 'ready') => {
      if (reply !== 'ready' && 'lookup' in reply) return answer(worker, slot.job, reply);
      if (reply === 'ready') {
        slot.ready = true;
        loaded();
        worker.unref();
        this.dispatch();
        return this.rest(slot);
      }
      const job = slot.job;
      if (!job || job.task.id !== reply.id) return;
      this.release(slot);
      if ('error' in reply) job.reject(rebuild(reply.error));
      else job.resolve(reply.result);
      this.dispatch();
      this.rest(slot);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const budget = Math.max(this.options.maxMemoryMb, MIN_MEMORY_MB);
      this.fail(slot, memory ? tooComplex(`more than ${budget} MB of memory`) : err);
    });
    worker.on('exit', () => this.fail(slot, new Error('the document thread stopped')));
    this.slots.push(slot);
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.worker.unref();
    slot.job = undefined;
  }

  /** A thread with nothing to read stops after `idleMs` while more than the warm ones are loaded. */
  private rest(slot: Slot): void {
    if (slot.job || this.slots.length <= this.options.keepWarm) return;
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      const index = this.slots.indexOf(slot);
      if (slot.job || index < 0 || this.slots.length <= this.options.keepWarm) return;
      this.slots.splice(index, 1);
      void slot.worker.terminate();
    }, this.options.idleMs);
    slot.idle.unref();
  }

  /** The slot's document is refused and its thread replaced: a stopped thread holds nothing of it. */
  private fail(slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    this.release(slot);
    clearTimeout(slot.idle);
    void slot.worker.terminate();
    job?.reject(err);
    if (!this.closed) this.dispatch();
  }
}

/**
 * The buffer of bytes that own it whole, to be moved; none for a view into a larger or shared buffer
 * (Node's small-buffer pool cannot be moved), which is copied as usual.
 */
function movable(bytes: Uint8Array): ArrayBuffer[] | undefined {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer)) return undefined;
  return bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : undefined;
}

/** Answers a thread's lookup with the job's platform context; a lookup of a finished job gets nothing. */
function answer(worker: Worker, job: Job | undefined, request: LookupRequest): void {
  if (!job || job.task.id !== request.task) return;
  const post = (reply: LookupReply) => worker.postMessage(reply);
  const lookup = async (): Promise<unknown> => {
    const { recipients, duplicates } = job.platform ?? {};
    if (request.target === 'recipients' && recipients)
      return recipients.find(...(request.args as Parameters<typeof recipients.find>));
    if (request.target === 'duplicates' && duplicates)
      return duplicates.exists(...(request.args as Parameters<typeof duplicates.exists>));
    throw new Error(`no ${request.target} to look up`);
  };
  lookup().then(
    (result) => post({ lookup: request.lookup, result }),
    (err: Error) => post({ lookup: request.lookup, error: err.message }),
  );
}

function tooComplex(budget: string): DocumentTooComplexError {
  return new DocumentTooComplexError(
    `The document needs more than one invoice is given (budget: ${budget}).`,
  );
}

/** The same typed error the invoice core threw in the thread, so callers tell them apart as before. */
function rebuild(e: ThreadError): Error {
  if (e.name === 'XmlError') return new XmlError(e.code as XmlErrorCode, e.message, e.line, e.limit);
  if (e.name === 'InvoiceFormatError')
    return new InvoiceFormatError(e.code as InvoiceFormatErrorCode, e.message);
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
function startWorker(maxMemoryMb: number): Worker {
  const resourceLimits = {
    maxOldGenerationSizeMb: Math.max(maxMemoryMb, MIN_MEMORY_MB),
    // The young generation is committed memory on top of the heap: an invoice's tree outlives it
    // anyway, and 32 MB rather than 64 took 10 to 50 MB off the peak of a 9,999-line check; 8 rather
    // than 32 took about 20 MB more in one bench:memory run.
    maxYoungGenerationSizeMb: 8,
  };
  const compiled = path.join(__dirname, 'document-worker.js');
  if (__filename.endsWith('.js')) return new Worker(compiled, { resourceLimits });
  const source = path.join(__dirname, 'document-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, {
    eval: true,
    resourceLimits,
  });
}

let shared: DocumentPool | undefined;

/** The process's pool, started on first use; `configureDocumentPool` sets its budgets at start. */
export function documentPool(): DocumentPool {
  return (shared ??= new DocumentPool());
}

export function configureDocumentPool(options: Partial<DocumentPoolOptions>): DocumentPool {
  void shared?.close();
  return (shared = new DocumentPool(options));
}
