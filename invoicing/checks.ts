import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { checkInvoiceFile } from '../invoice/check';
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
}

/**
 * Reads the deposited file and judges it, against the recipient directory and the duplicate registry
 * too; every problem comes back as a finding, and the rule sets that judged it go to the read model. The
 * model read stays with the worker for the rendering.
 */
export async function checkDepositedInvoice(
  { db, blobs, parsed }: CheckDeps,
  c: InvoiceCheck,
): Promise<Finding[]> {
  const platform: PlatformContext = {
    recipients: dbRecipientDirectory(db),
    duplicates: {
      exists: (supplierId, year, number) =>
        numberTaken(db, { supplierId, year, number, exceptInvoiceId: c.invoiceId }),
    },
  };
  const result = await checkInvoiceFile(await blobs.get(c.blob.sha256), { rules: 'all', platform });
  // Recorded here rather than returned: the workflow's check result stays the findings it always was.
  if (c.invoiceId) await updateRuleSets(db, c.invoiceId, result.ruleSets ?? []);
  if (!result.invoice) return result.findings;
  parsed.remember(c.blob.sha256, result.invoice);
  const syntax = result.format.startsWith('ubl') ? 'ubl' : 'cii';
  return [...result.findings, ...filingFindings(identityOf(result.invoice, syntax))];
}

/** The routing rules on corrected routing data (a recycle). */
export function checkRecycledRouting(db: Db, routing: Routing): Promise<Finding[]> {
  return routingProblems(dbRecipientDirectory(db), routing);
}
