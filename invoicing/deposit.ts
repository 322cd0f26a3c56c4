import { storeBlob } from '../platform/stored-blobs';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { identifyInvoice } from '../invoice/identify';
import { BUSINESS_KEY_RULES, filingFindings, type FilingRule } from '../invoice/platform-rules';
import { InvoiceFormatError } from '../invoice/errors';
import { XmlError } from '../invoice/xml';
import { extractFacturX, PdfError } from '../invoice/facturx';
import { invoiceLifecycle } from '../workflows/invoice';
import { DomainError } from '../platform/domain-error';
import { InvoiceDeposit } from './types';
import type { Caller } from '../accounts/caller';
import { isMemberOfStructureIdentified } from '../structures';
import type { LifecycleSettings } from './settings';

export interface DepositDeps {
  client: Client;
  db: Db;
  blobs: BlobStore;
  taskQueue: string;
  /** Payment delays, reference rate and validation delay for new workflows; their defaults otherwise. */
  lifecycle?: LifecycleSettings;
}

/** How a deposit came: the channel, and for a person the caller, who must belong to the supplier structure. */
export interface DepositMeta {
  filename?: string;
  depositMode: string;
  now?: Date;
  caller?: Caller;
  /** codeCadreFacturation (A9 / A12 go to the validator first). */
  cadre?: string;
  /** Identifier of the validator structure of an A9 / A12 invoice. */
  validatorId?: string;
}

export interface DepositResult {
  invoiceId: string;
  /** false when the very same file had already been deposited: nothing new was created. */
  created: boolean;
}

const PDF_MAGIC = '%PDF-';

/** What INVOICE_UNIDENTIFIABLE names as missing when a business-key rule fails. */
const MISSING: Partial<Record<FilingRule, string>> = {
  'FF-ROUTE-01': 'BT-1 invoice number',
  'FF-ROUTE-02': 'BT-2 issue date (YYYY-MM-DD)',
  'FF-ROUTE-03': 'seller identifier (BT-30, BT-29, BT-31 or BT-34)',
};

/**
 * Takes a deposited invoice file (UBL 2.1, CII D16B, or a Factur-X / ZUGFeRD PDF): reads the
 * identifiers that name it, stores the bytes, and starts its workflow under the business key
 * invoice/<supplier id>/<year>/<number>. Depositing the same file again answers the same id; another
 * file under a number already used is a duplicate.
 */
export async function depositInvoice(
  deps: DepositDeps,
  bytes: Uint8Array,
  meta: DepositMeta,
): Promise<DepositResult> {
  return startInvoiceWorkflow(deps, await prepareDeposit(deps, bytes, meta));
}

/**
 * Everything before the workflow starts: identify the file, refuse what cannot be filed, store the
 * bytes, and build the workflow input. Flows and other channels call it for each of their invoices.
 */
export async function prepareDeposit(
  { db, blobs, lifecycle }: Pick<DepositDeps, 'db' | 'blobs' | 'lifecycle'>,
  bytes: Uint8Array,
  meta: DepositMeta,
): Promise<InvoiceDeposit> {
  if (bytes.byteLength === 0) throw new DomainError('EMPTY_INVOICE', 'The invoice file is empty.');
  const pdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === PDF_MAGIC;
  // A Factur-X PDF is filed under the facts of the invoice XML it carries.
  const identity = identifyOrReject(pdf ? await embeddedInvoice(bytes) : bytes);
  const missing = filingFindings(identity, BUSINESS_KEY_RULES).map((f) => MISSING[f.rule as FilingRule]);
  if (missing.length > 0) {
    throw new DomainError(
      'INVOICE_UNIDENTIFIABLE',
      `The invoice cannot be filed: missing ${missing.join(', ')}.`,
      {
        missing,
      },
    );
  }
  if (meta.caller) await checkDepositor(db, meta.caller, identity.seller.id!);
  const year = Number(identity.issueDate!.slice(0, 4));
  const blob = await storeBlob(
    db,
    blobs,
    bytes,
    { mediaType: pdf ? 'application/pdf' : 'application/xml', filename: meta.filename },
    meta.now,
  );

  return {
    invoiceId: `invoice/${identity.seller.id}/${year}/${identity.number}`,
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
    serviceCode: identity.buyerReference,
    engagementNumber: identity.purchaseOrderReference,
    cadre: meta.cadre,
    validatorId: meta.validatorId,
    depositedBy: meta.caller?.userId,
    ...(lifecycle && {
      paymentDelays: lifecycle.paymentDelays,
      referenceRate: lifecycle.referenceRate,
      validationDelayDays: lifecycle.validationDelayDays,
    }),
    blob,
    format: pdf ? 'facturx' : identity.syntax,
    depositMode: meta.depositMode,
    depositedAt: (meta.now ?? new Date()).toISOString(),
  };
}

/** Starts the invoice workflow; the same file again is the same invoice, another file under its number a duplicate. */
export async function startInvoiceWorkflow(
  { client, taskQueue }: Pick<DepositDeps, 'client' | 'taskQueue'>,
  deposit: InvoiceDeposit,
): Promise<DepositResult> {
  const { invoiceId, blob } = deposit;
  try {
    await client.workflow.start(invoiceLifecycle, {
      workflowId: invoiceId,
      taskQueue,
      args: [deposit],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      memo: { blobSha256: blob.sha256 },
      staticSummary: `Invoice ${deposit.number} from ${deposit.supplierName ?? deposit.supplierId}`,
    });
    return { invoiceId, created: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const existing = await client.workflow.getHandle(invoiceId).describe();
    if (existing.memo?.blobSha256 === blob.sha256) return { invoiceId, created: false };
    throw new DomainError(
      'DUPLICATE_INVOICE',
      `Invoice number ${deposit.number} of ${deposit.year} was already deposited by this supplier with different content.`,
      { invoiceId },
    );
  }
}

/** A person deposits only for a structure they belong to: the one the invoice names as seller. */
async function checkDepositor(db: Db, caller: Caller, supplierId: string): Promise<void> {
  if (!(await isMemberOfStructureIdentified(db, caller.userId, supplierId)))
    throw new DomainError(
      'NOT_A_MEMBER',
      `You are not attached to the supplier structure ${supplierId} this invoice is issued by.`,
      { field: 'body.seller', supplierId },
    );
}

async function embeddedInvoice(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return (await extractFacturX(bytes)).xml;
  } catch (err) {
    if (err instanceof PdfError) {
      throw new DomainError(err.code, err.message);
    }
    throw err;
  }
}

function identifyOrReject(bytes: Uint8Array) {
  try {
    return identifyInvoice(bytes);
  } catch (err) {
    if (err instanceof XmlError) {
      throw new DomainError('INVOICE_NOT_WELL_FORMED', err.message, { code: err.code, line: err.line });
    }
    if (err instanceof InvoiceFormatError)
      throw new DomainError('NOT_AN_INVOICE', err.message, { code: err.code });
    throw err;
  }
}
