import { storeBlob } from '../platform/stored-blobs';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { BUSINESS_KEY_RULES, filingFindings, type FilingRule } from '../invoice/platform-rules';
import { DocumentTooComplexError, InvoiceFormatError, xmlRefusalCode } from '../invoice/errors';
import { documentPool, type DocumentPool } from '../platform/document-pool';
import { XmlError } from '../invoice/xml';
import type { InvoiceIdentity } from '../invoice/identify';
import { extractFacturX, PdfError } from '../invoice/facturx';
import { invoiceLifecycle, invoiceState } from '../workflows/invoice';
import { DomainError } from '../platform/domain-error';
import { countDeposit, timedDepositCheck } from '../platform/metrics';
import type { InvoiceDeposit, InvoiceState } from './types';
import type { Caller } from '../accounts/caller';
import { membershipOf } from '../structures';
import { identifyParty, type IdentifiedStructure } from './identification';
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
  /**
   * The structure a channel without a person deposits for (an ERP connection's): the seller must
   * resolve to it, so a connection never files invoices in another structure's name.
   */
  sellerStructureId?: string;
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
 * invoice/<supplier id>/<year>/<number>, the supplier being the structure identification resolved.
 * Depositing the same file again answers the same id; another
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
  deps: Pick<DepositDeps, 'db' | 'blobs' | 'lifecycle'> & { documents?: DocumentPool },
  bytes: Uint8Array,
  meta: DepositMeta,
): Promise<InvoiceDeposit> {
  return timedDepositCheck(meta.depositMode, () => readDeposit(deps, bytes, meta));
}

async function readDeposit(
  {
    db,
    blobs,
    lifecycle,
    documents = documentPool(),
  }: Pick<DepositDeps, 'db' | 'blobs' | 'lifecycle'> & { documents?: DocumentPool },
  bytes: Uint8Array,
  meta: DepositMeta,
): Promise<InvoiceDeposit> {
  if (bytes.byteLength === 0) throw new DomainError('EMPTY_INVOICE', 'The invoice file is empty.');
  const pdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === PDF_MAGIC;
  // A Factur-X PDF is filed under the facts of the invoice XML it carries.
  const identity = await identifyOrReject(documents, pdf ? await embeddedInvoice(bytes) : bytes);
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
  // A person must be a member of the structure the seller resolves to; a channel without a caller
  // (a flow, a connector) files an unknown seller under the identifier the invoice gives.
  const supplier = await identifyParty(db, 'seller', identity.seller, !!meta.caller);
  if (meta.caller) await checkDepositor(db, meta.caller, supplier!);
  if (meta.sellerStructureId && supplier?.id !== meta.sellerStructureId) throw notTheChannelsSeller(identity);
  if (supplier && !supplier.identityVerified) throw unverifiedSeller(supplier);
  const recipient = await identifyParty(db, 'buyer', identity.buyer, false);
  const supplierId = supplier?.identifier ?? identity.seller.id!;
  const year = Number(identity.issueDate!.slice(0, 4));
  const blob = await storeBlob(
    db,
    blobs,
    bytes,
    { mediaType: pdf ? 'application/pdf' : 'application/xml', filename: meta.filename },
    meta.now,
  );

  return {
    invoiceId: `invoice/${supplierId}/${year}/${identity.number}`,
    supplierId,
    supplierName: identity.seller.name,
    recipientId: recipient?.identifier ?? identity.buyer.id,
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

/**
 * Starts the invoice workflow; the same file again is the same invoice, another file under its number a
 * duplicate, unless the platform's checks rejected the first before delivery.
 */
export async function startInvoiceWorkflow(
  deps: Pick<DepositDeps, 'client' | 'taskQueue'>,
  deposit: InvoiceDeposit,
): Promise<DepositResult> {
  try {
    const result = await startOrFind(deps, deposit);
    countDeposit(deposit.depositMode, result.created ? 'accepted' : 'duplicate');
    return result;
  } catch (err) {
    countDeposit(deposit.depositMode, err instanceof DomainError ? 'refused' : 'failed');
    throw err;
  }
}

async function startOrFind(
  { client, taskQueue }: Pick<DepositDeps, 'client' | 'taskQueue'>,
  deposit: InvoiceDeposit,
): Promise<DepositResult> {
  const { invoiceId, blob } = deposit;
  try {
    await client.workflow.start(invoiceLifecycle, {
      ...workflowOptions(deposit, taskQueue),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { invoiceId, created: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const existing = await client.workflow.getHandle(invoiceId).describe();
    if (existing.memo?.blobSha256 === blob.sha256) return { invoiceId, created: false };
    if (await numberFreedByRejection(client, invoiceId)) return startAgain({ client, taskQueue }, deposit);
    throw duplicate(deposit);
  }
}

/**
 * Whether the number filed under this invoice id may be taken again by another file: its run is over
 * and the platform's checks rejected it before delivery. Deposits and flows decide reuse this one way.
 */
export async function numberFreedByRejection(client: Client, invoiceId: string): Promise<boolean> {
  const handle = client.workflow.getHandle<typeof invoiceLifecycle>(invoiceId);
  const run = await handle.describe();
  if (run.status.name === 'RUNNING') {
    // A run the platform rejected closes once the supplier is told: a correction waits for that, briefly.
    const state = await handle.query(invoiceState).catch(() => undefined);
    if (!state || !refusedBeforeDelivery(state)) return false;
    const closed = await Promise.race([
      handle.result().then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), REJECTED_RUN_CLOSING_MS).unref()),
    ]);
    if (!closed) return false;
  } else if (run.status.name !== 'COMPLETED') return false;
  return refusedBeforeDelivery(await handle.result());
}

/** How long a correction waits for a rejected run to finish telling the supplier. */
const REJECTED_RUN_CLOSING_MS = 30_000;

/**
 * The number of an invoice the platform's checks rejected is not used up: the corrected file starts a
 * new run under the same workflow id. ALLOW_DUPLICATE only reuses a closed id, so two corrections
 * racing each other still make one invoice and one duplicate.
 */
async function startAgain(
  { client, taskQueue }: Pick<DepositDeps, 'client' | 'taskQueue'>,
  deposit: InvoiceDeposit,
): Promise<DepositResult> {
  try {
    await client.workflow.start(invoiceLifecycle, {
      ...workflowOptions(deposit, taskQueue),
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
    return { invoiceId: deposit.invoiceId, created: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw duplicate(deposit);
    throw err;
  }
}

/** Rejected by the platform before it reached the buyer: never on its way, never made available. */
function refusedBeforeDelivery(state: InvoiceState): boolean {
  return (
    state.status === 'REJETEE' &&
    !state.history.some((h) => h.status === 'EN_COURS_ACHEMINEMENT' || h.status === 'MISE_A_DISPOSITION')
  );
}

function workflowOptions(deposit: InvoiceDeposit, taskQueue: string) {
  return {
    workflowId: deposit.invoiceId,
    taskQueue,
    args: [deposit] as [InvoiceDeposit],
    memo: { blobSha256: deposit.blob.sha256 },
    staticSummary: `Invoice ${deposit.number} from ${deposit.supplierName ?? deposit.supplierId}`,
  };
}

function duplicate(deposit: InvoiceDeposit): DomainError {
  return new DomainError(
    'DUPLICATE_INVOICE',
    `Invoice number ${deposit.number} of ${deposit.year} was already deposited by this supplier with different content.`,
    { invoiceId: deposit.invoiceId },
  );
}

/** A person deposits only for a structure they belong to: the one the invoice's seller resolves to. */
async function checkDepositor(db: Db, caller: Caller, supplier: IdentifiedStructure): Promise<void> {
  if (!(await membershipOf(db, supplier.id, caller.userId)))
    throw new DomainError(
      'NOT_A_MEMBER',
      `Vous n'êtes pas rattaché à la structure ${supplier.name} (${supplier.identifier}), qui émet cette facture ` +
        '(vendeur identifié par BT-29, BT-30, BT-31 ou BT-34).',
      { field: 'body.seller', supplierId: supplier.identifier, structureId: supplier.id },
    );
}

function notTheChannelsSeller(identity: InvoiceIdentity): DomainError {
  return new DomainError(
    'SELLER_NOT_CONNECTION_STRUCTURE',
    `Le vendeur de cette facture (${identity.seller.id ?? 'non identifié'}) n'est pas la structure de la ` +
      'connexion qui la dépose : une connexion ne dépose que les factures de sa propre structure.',
    { field: 'BT-29', supplierId: identity.seller.id },
  );
}

/** Nobody deposits as a structure whose identity is only claimed: it might be someone else's. */
function unverifiedSeller(supplier: IdentifiedStructure): DomainError {
  return new DomainError(
    'SUPPLIER_IDENTITY_UNVERIFIED',
    `L'identité de la structure ${supplier.name} (${supplier.identifier}), qui émet cette facture, n'est pas ` +
      'encore vérifiée : elle ne dépose pas de factures tant que le répertoire des entreprises ou un ' +
      'opérateur du support ne l’a pas confirmée (vérification d’identité, sur la page de la structure).',
    { field: 'BT-29', supplierId: supplier.identifier, structureId: supplier.id },
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

/** Read in the document pool's threads: a large or hostile file never holds up this process. */
async function identifyOrReject(documents: DocumentPool, bytes: Uint8Array) {
  try {
    return await documents.identify(bytes);
  } catch (err) {
    if (err instanceof DocumentTooComplexError) throw new DomainError(err.code, err.message);
    if (err instanceof XmlError) {
      throw new DomainError(xmlRefusalCode(err), err.message, {
        code: err.code,
        line: err.line,
        limit: err.limit,
      });
    }
    if (err instanceof InvoiceFormatError)
      throw new DomainError('NOT_AN_INVOICE', err.message, { code: err.code });
    throw err;
  }
}
