import type { Invoice } from '../invoice';
import { invoiceOf } from './lifecycle/renditions';

/**
 * The EN 16931 models of deposited files, by the file's SHA-256: checking a deposit parses it, and
 * rendering it for the recipient reuses that parse. Held in the worker's memory only (workflows carry
 * blob references, never models); a miss (another worker, a restart, a long validation) parses again.
 */
export interface ParsedInvoices {
  remember(sha256: string, invoice: Invoice): void;
  get(sha256: string, deposited: Uint8Array): Promise<Invoice>;
}

export function createParsedInvoices(capacity = 64): ParsedInvoices {
  const models = new Map<string, Invoice>();
  const remember = (sha256: string, invoice: Invoice) => {
    models.delete(sha256);
    models.set(sha256, invoice);
    // A Map iterates in insertion order: the first key is the least recently remembered.
    if (models.size > capacity) models.delete(models.keys().next().value!);
  };
  return {
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
