import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { DomainError } from '../platform/domain-error';
import { prepareDeposit } from '../invoicing/deposit';
import type { InvoiceIdentity } from '../invoice/identify';
import { documentPool, type DocumentPool } from '../platform/document-pool';
import { extractFacturX } from '../invoice/facturx';
import { FLOW_SYNTAXES } from './syntax';
import { invoiceBlobSha256, invoiceStatuses, rejectionFindings } from '../invoicing/read-model';
import type { FlowInvoice, FlowInvoiceError, InvoiceOutcome, PreparedFlowInvoice } from './types';

/**
 * Everything a direct deposit checks before its workflow starts (invoicing's prepareDeposit), plus
 * that the file is of the flow's syntax. A refusal names the invoice as the report will.
 */
export async function prepareFlowInvoice(
  { db, blobs, documents = documentPool() }: { db: Db; blobs: BlobStore; documents?: DocumentPool },
  f: FlowInvoice,
): Promise<PreparedFlowInvoice> {
  const bytes = await blobs.get(f.entry.blob.sha256);
  const refuse = async (libelleErreurDP: string) => ({
    error: await describeRefusal(documents, bytes, f.entry.name, libelleErreurDP),
  });
  try {
    const deposit = await prepareDeposit({ db, blobs, documents }, bytes, {
      filename: f.entry.name,
      depositMode: 'EDI',
      now: new Date(f.depositedAt),
      caller: f.depositedBy ? { userId: f.depositedBy, email: '', operator: false } : undefined,
    });
    if (deposit.format !== FLOW_SYNTAXES[f.syntax])
      return refuse(`FORMAT_NOT_OF_FLOW_SYNTAX: a ${deposit.format} invoice in a ${f.syntax} flow.`);
    return { deposit };
  } catch (err) {
    if (err instanceof DomainError) return refuse(`${err.code}: ${err.message}`);
    throw err;
  }
}

/** The report line of a refused file, with whatever identifiers can still be read from it. */
async function describeRefusal(
  documents: DocumentPool,
  bytes: Buffer,
  fichier: string,
  libelleErreurDP: string,
): Promise<FlowInvoiceError> {
  let identity: InvoiceIdentity | undefined;
  try {
    const xml =
      bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? (await extractFacturX(bytes)).xml : bytes;
    identity = await documents.identify(xml);
  } catch {
    // Unreadable: the report names the file instead.
  }
  return {
    numeroDP: identity?.number ?? '',
    identifiantFournisseur: identity?.seller.id ?? '',
    identifiantDestinataire: identity?.buyer.id ?? '',
    libelleErreurDP,
    fichier,
  };
}

/**
 * Which file an invoice already filed under this id came from (to tell a re-sent file from a
 * duplicate); undefined while its workflow has not written its row yet.
 */
export function depositedInvoiceBlob(db: Db, invoiceId: string): Promise<string | undefined> {
  return invoiceBlobSha256(db, invoiceId);
}

/**
 * Where each invoice stands for its flow: rejected (with the reasons of its REJETEE status),
 * integrated once it passed its checks (any later status), or still pending.
 */
export async function invoiceOutcomes(db: Db, invoiceIds: string[]): Promise<InvoiceOutcome[]> {
  const status = await invoiceStatuses(db, invoiceIds);
  const rejected = invoiceIds.filter((id) => status.get(id) === 'REJETEE');
  const findings =
    rejected.length > 0 ? await rejectionFindings(db, rejected) : new Map<string, string | null>();
  return invoiceIds.map((invoiceId): InvoiceOutcome => {
    const s = status.get(invoiceId);
    if (s === 'REJETEE')
      return { invoiceId, outcome: 'rejected', reason: rejectionText(findings.get(invoiceId) ?? null) };
    return { invoiceId, outcome: !s || s === 'DEPOSEE' ? 'pending' : 'integrated' };
  });
}

/** The fatal findings of a rejection, as one line of the report. */
function rejectionText(reasons: string | null): string {
  const findings: { rule: string; severity: string; message: string }[] = reasons ? JSON.parse(reasons) : [];
  const fatal = findings.filter((f) => f.severity === 'fatal');
  const text = fatal.map((f) => `${f.rule}: ${f.message}`).join(' | ');
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text || 'REJETEE';
}
