import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import type { CheckResult } from '../invoice/check';
import { CHECK_RULES } from '../invoice/check/findings';
import { DocumentTooComplexError } from '../invoice/errors';
import { documentPool, type CheckReply, type DocumentPool } from '../platform/document-pool';
import { identityOf } from '../invoice/identify';
import { filingFindings } from '../invoice/platform-rules';
import type { PlatformContext } from '../invoice/platform-rules';
import { dbRecipientDirectory } from '../structures/directory';
import { routingProblems } from './lifecycle/routing';
import type { ParsedInvoices } from './parsed-invoices';
import { numberTaken, updateRuleSets } from './store/lifecycle';
import type { Finding, InvoiceCheck, Routing } from './types';

export interface CheckDeps {
  db: Db;
  blobs: BlobStore;
  parsed: ParsedInvoices;
  /** The worker threads that read the file under a time and memory budget; the process's pool otherwise. */
  documents?: DocumentPool;
}

/**
 * Reads the deposited file and judges it, against the recipient directory and the duplicate registry
 * too; every problem comes back as a finding, and the rule sets that judged it go to the read model. The
 * model read stays with the worker for the rendering. The reading and the rules run in a worker thread
 * of the document pool: a file over its time or memory budget is one fatal finding, DOCUMENT_TOO_COMPLEX,
 * and the worker's event loop (heartbeats, other activities) never waits for it.
 */
export async function checkDepositedInvoice(
  { db, blobs, parsed, documents = documentPool() }: CheckDeps,
  c: InvoiceCheck,
): Promise<Finding[]> {
  const platform: PlatformContext = {
    recipients: dbRecipientDirectory(db),
    duplicates: {
      exists: (supplierId, year, number) =>
        numberTaken(db, { supplierId, year, number, exceptInvoiceId: c.invoiceId }),
    },
  };
  // The bytes are moved to the thread, not copied: nothing here reads them again.
  const bytes = await blobs.get(c.blob.sha256);
  const result: CheckReply = await documents
    .check(bytes, { rules: 'all', platform }, { handOver: true, modelUpTo: parsed.maxLines })
    .catch((err: Error) => {
      if (!(err instanceof DocumentTooComplexError)) throw err;
      return tooComplex(err);
    });
  // Recorded here rather than returned: the workflow's check result stays the findings it always was.
  if (c.invoiceId) await updateRuleSets(db, c.invoiceId, result.ruleSets ?? []);
  const syntax = result.format.startsWith('ubl') ? 'ubl' : 'cii';
  const identity = result.invoice ? identityOf(result.invoice, syntax) : result.identity;
  if (!identity) return result.findings;
  if (result.invoice) parsed.remember(c.blob.sha256, result.invoice);
  return [...result.findings, ...filingFindings(identity)];
}

/** The verdict on a file over budget: unreadable within what one invoice is given, never retried. */
function tooComplex(err: DocumentTooComplexError): CheckResult {
  const finding: Finding = {
    rule: CHECK_RULES.unreadable,
    severity: 'fatal',
    message: `${err.code}: ${err.message}`,
  };
  return { format: 'unknown', valid: false, findings: [finding], ruleSets: [] };
}

/** The routing rules on corrected routing data (a recycle). */
export function checkRecycledRouting(db: Db, routing: Routing): Promise<Finding[]> {
  return routingProblems(dbRecipientDirectory(db), routing);
}
