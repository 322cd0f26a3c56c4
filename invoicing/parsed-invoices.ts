import type { Invoice } from '../invoice';
import { invoiceOf } from './lifecycle/renditions';

/**
 * The EN 16931 models of deposited files, by the file's SHA-256: checking a deposit parses it, and
 * rendering it for the recipient reuses that parse. Held in the worker's memory only (workflows carry
 * blob references, never models); a miss (another worker, a restart, a long validation, a model too
 * large to keep) parses again.
 */
export interface ParsedInvoices {
  /** The most lines a model kept may have (a check need not bring back a larger one). */
  readonly maxLines: number;
  remember(sha256: string, invoice: Invoice): void;
  get(sha256: string, deposited: Uint8Array): Promise<Invoice>;
}

/**
 * At most `capacity` models, holding at most `maxLines` invoice lines together: a model's memory
 * grows with its lines (a 9,996-line invoice's took about 20 MB of the worker's heap), and counting
 * models alone let 64 of the largest stay. A model of more lines than that is not kept: its rendering
 * (for a recipient wanting another format than the deposited one) reads the file again in a document
 * thread, which a file that large takes anyway.
 */
export function createParsedInvoices(capacity = 64, maxLines = 2_000): ParsedInvoices {
  const models = new Map<string, Invoice>();
  let lines = 0;
  const linesOf = (invoice: Invoice) => invoice.lines.length;
  const forget = (sha256: string) => {
    const known = models.get(sha256);
    if (!known) return;
    models.delete(sha256);
    lines -= linesOf(known);
  };
  const remember = (sha256: string, invoice: Invoice) => {
    forget(sha256);
    if (linesOf(invoice) > maxLines) return;
    models.set(sha256, invoice);
    lines += linesOf(invoice);
    // A Map iterates in insertion order: the first key is the least recently remembered.
    while (models.size > capacity || lines > maxLines) forget(models.keys().next().value!);
  };
  return {
    maxLines,
    remember,
    async get(sha256, deposited) {
      const known = models.get(sha256);
      if (known) return known;
      const invoice = await invoiceOf(deposited);
      remember(sha256, invoice);
      return invoice;
    },
  };
}
