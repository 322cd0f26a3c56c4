import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One libxml2 diagnostic as the worker reports it (level: 1 warning, 2 error, 3 fatal). */
export interface XsdDiagnostic {
  message: string;
  level: number;
  line: number;
  col: number;
}

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
}

/** A worker's answer; `bytes` are the document's, moved back when they were moved there. */
type WorkerReply =
  | { id: number; details: XsdDiagnostic[]; bytes?: Uint8Array }
  | { id: number; compiled: string[] }
  | { id: number; error: string; bytes?: Uint8Array };

/** The outcome of a validation the bytes were moved to, with the bytes back. */
export type MovedValidation = { bytes: Uint8Array } & ({ details: XsdDiagnostic[] } | { error: Error });

/**
 * A libxml2 worker thread (see worker.mjs) with its compiled schemas. The thread keeps the process alive
 * only while a validation is pending, so an idle engine never delays exit.
 */
export class XsdEngine {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(schemaRoots: string[]) {
    this.worker = new Worker(path.join(__dirname, 'worker.mjs'), {
      workerData: { schemaRoots: schemaRoots.filter((root) => fs.existsSync(root)) },
    });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`XSD worker exited with code ${code}`)));
  }

  /** `encoding` overrides the document's XML declaration (for text that was already decoded). */
  validate(entry: string, bytes: Uint8Array, encoding?: string): Promise<XsdDiagnostic[]> {
    return this.ask({ entry, bytes, encoding }).then((reply) => {
      if ('error' in reply) throw failure(reply.error);
      return (reply as { details: XsdDiagnostic[] }).details;
    });
  }

  /**
   * `validate`, the bytes moved to the thread rather than copied and moved back with the answer, so
   * the document is in memory once while libxml2 reads it. `bytes` must own its whole buffer and is
   * empty once this is called; the answer carries the same memory again, whatever the outcome. Only a
   * thread that dies keeps them (the promise rejects).
   */
  validateMoving(entry: string, bytes: Uint8Array): Promise<MovedValidation> {
    return this.ask({ entry, bytes, giveBack: true }, [bytes.buffer as ArrayBuffer]).then((reply) => {
      const back = (reply as { bytes?: Uint8Array }).bytes ?? new Uint8Array();
      if ('error' in reply) return { bytes: back, error: failure(reply.error) };
      return { bytes: back, details: (reply as { details: XsdDiagnostic[] }).details };
    });
  }

  /** The entry files of the schemas compiled so far (answered after every message sent before). */
  compiled(): Promise<string[]> {
    return this.ask({ list: true }).then((reply) => (reply as { compiled: string[] }).compiled);
  }

  private ask(message: object, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ id, ...message }, transfer);
    });
  }

  /**
   * Compiles a schema ahead of its first document. Fire and forget: the answer is not awaited and does
   * not keep the process alive; a failure shows again when a document is validated against it.
   */
  prepare(entry: string): void {
    const id = this.nextId++;
    const key = `prepare:${entry}`;
    if (this.prepared.has(key)) return;
    this.prepared.add(key);
    this.worker.postMessage({ id, entry, prepare: true });
  }

  private readonly prepared = new Set<string>();

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.forget(reply.id);
    waiting.resolve(reply);
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of this.pending) {
      this.forget(id);
      waiting.reject(error);
    }
    engines.forEach((engine, key) => engine === this && engines.delete(key));
  }

  private forget(id: number): void {
    this.pending.delete(id);
    if (this.pending.size > 0) return;
    this.worker.unref();
    this.whenSettled.splice(0).forEach((resolve) => resolve());
  }

  private readonly whenSettled: (() => void)[] = [];

  /** Resolves once no validation sent to this engine is waiting for its answer. */
  settled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenSettled.push(resolve));
  }
}

function failure(error: string): Error {
  return new Error(`XSD validation failed: ${error}`);
}

/** Engines by schema-root list, so each schema is compiled once per process. */
const engines = new Map<string, XsdEngine>();

export function xsdEngine(schemaRoots: string[]): XsdEngine {
  const key = schemaRoots.join(path.delimiter);
  let engine = engines.get(key);
  if (!engine) {
    engine = new XsdEngine(schemaRoots);
    engines.set(key, engine);
  }
  return engine;
}

/**
 * The shared engine, taken out of service for one document and stopped once `use` settles: libxml2 reads
 * a document into a tree several times its size, in WebAssembly memory that never shrinks, so a large
 * document checked by an engine that stays would keep its peak for the life of the process. The
 * document is validated against the schemas the shared engine has already compiled (an engine of its
 * own would compile them again, and its thread and the shared one's would be in memory together); the
 * next caller gets a new shared engine, which compiles them anew. Validations asked of the shared engine
 * before are answered first (one thread, in order), and the engine stops once none is left waiting.
 */
export async function withRetiredXsdEngine<T>(
  schemaRoots: string[],
  use: (engine: XsdEngine) => Promise<T>,
): Promise<T> {
  const key = schemaRoots.join(path.delimiter);
  const engine = engines.get(key) ?? new XsdEngine(schemaRoots);
  engines.delete(key);
  try {
    return await use(engine);
  } finally {
    await engine.settled();
    await engine.terminate();
  }
}

/** Stops every worker thread (the compiled schemas are dropped; the next validation starts a new one). */
export async function closeXsdEngines(): Promise<void> {
  const running = [...engines.values()];
  engines.clear();
  await Promise.all(running.map((engine) => engine.terminate()));
}
