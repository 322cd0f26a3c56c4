import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { identifyInvoice, NotAnInvoiceError } from '../invoice/identify';
import { XmlError } from '../invoice/xml';
import { invoiceLifecycle, InvoiceDeposit } from '../workflows/invoice';
import { ApiError } from './errors';

export interface DepositDeps {
  client: Client;
  db: Db;
  blobs: BlobStore;
  taskQueue: string;
}

export interface DepositResult {
  invoiceId: string;
  /** false when the very same file had already been deposited: nothing new was created. */
  created: boolean;
}

const PDF_MAGIC = '%PDF-';

/**
 * Takes a deposited invoice file: reads the identifiers that name it, stores the bytes, and starts
 * its workflow under the business key invoice/<supplier id>/<year>/<number>. Depositing the same
 * file again answers the same id; another file under a number already used is a duplicate.
 */
export async function depositInvoice(
  { client, db, blobs, taskQueue }: DepositDeps,
  bytes: Uint8Array,
  meta: { filename?: string; depositMode: string; now?: Date },
): Promise<DepositResult> {
  if (bytes.byteLength === 0) throw new ApiError(400, 'EMPTY_INVOICE', 'The invoice file is empty.');
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === PDF_MAGIC) {
    throw new ApiError(
      415,
      'UNSUPPORTED_FORMAT',
      'PDF deposits are not accepted on this endpoint yet: send UBL 2.1 or CII D16B XML.',
    );
  }
  const identity = identifyOrReject(bytes);
  const missing = [
    !identity.number && 'BT-1 invoice number',
    !identity.issueDate?.match(/^\d{4}-\d{2}-\d{2}$/) && 'BT-2 issue date (YYYY-MM-DD)',
    !identity.seller.id && 'seller identifier (BT-30, BT-29, BT-31 or BT-34)',
  ].filter((m): m is string => !!m);
  if (missing.length > 0) {
    throw new ApiError(
      422,
      'INVOICE_UNIDENTIFIABLE',
      `The invoice cannot be filed: missing ${missing.join(', ')}.`,
      {
        missing,
      },
    );
  }
  const year = Number(identity.issueDate!.slice(0, 4));
  const invoiceId = `invoice/${identity.seller.id}/${year}/${identity.number}`;

  const blob = await blobs.put(bytes, { mediaType: 'application/xml', filename: meta.filename });
  await db('blobs')
    .insert({
      sha256: blob.sha256,
      size: blob.size,
      media_type: blob.mediaType,
      filename: blob.filename ?? null,
      created_at: (meta.now ?? new Date()).toISOString(),
    })
    .onConflict('sha256')
    .ignore();

  const deposit: InvoiceDeposit = {
    invoiceId,
    supplierId: identity.seller.id!,
    supplierName: identity.seller.name,
    recipientId: identity.buyer.id,
    recipientName: identity.buyer.name,
    number: identity.number!,
    year,
    issueDate: identity.issueDate,
    typeCode: identity.typeCode,
    currency: identity.currency,
    totals: identity.totals,
    blob,
    format: identity.syntax,
    depositMode: meta.depositMode,
    depositedAt: (meta.now ?? new Date()).toISOString(),
  };
  try {
    await client.workflow.start(invoiceLifecycle, {
      workflowId: invoiceId,
      taskQueue,
      args: [deposit],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      memo: { blobSha256: blob.sha256 },
      staticSummary: `Invoice ${identity.number} from ${identity.seller.name ?? identity.seller.id}`,
    });
    return { invoiceId, created: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const existing = await client.workflow.getHandle(invoiceId).describe();
    if (existing.memo?.blobSha256 === blob.sha256) return { invoiceId, created: false };
    throw new ApiError(
      409,
      'DUPLICATE_INVOICE',
      `Invoice number ${identity.number} of ${year} was already deposited by this supplier with different content.`,
      { invoiceId },
    );
  }
}

function identifyOrReject(bytes: Uint8Array) {
  try {
    return identifyInvoice(bytes);
  } catch (err) {
    if (err instanceof XmlError) {
      throw new ApiError(400, 'INVOICE_NOT_WELL_FORMED', err.message, { code: err.code, line: err.line });
    }
    if (err instanceof NotAnInvoiceError) throw new ApiError(415, 'NOT_AN_INVOICE', err.message);
    throw err;
  }
}
