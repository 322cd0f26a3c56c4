import { storeBlob } from '../platform/stored-blobs';
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db';
import type { BlobStore } from '../platform/blobs';
import { toUbl } from '../invoice/ubl/write';
import { prepareDeposit, startInvoiceWorkflow } from '../invoicing/deposit';
import { DomainError } from '../platform/domain-error';
import { isMalformedRecord, Payment } from './contract';
import { openSession } from './connections';
import type { ConnectorRuntime } from './runtime';
import {
  clearRecordError,
  linkedInvoiceId,
  linkInvoice,
  linksOf,
  markStatusPushed,
  saveRecordError,
  setCursor,
  updateSyncOutcome,
} from './store';
import type { PageOutcome, SyncOutcome } from './types';
import { invoicesInStatus, type InvoiceStatusFacts } from '../invoicing/read-model';

/** What a sync needs; the worker's activities and the backfill command both provide it. */
export interface SyncDeps {
  db: Db;
  blobs: BlobStore;
  runtime: ConnectorRuntime;
  client: Client;
  taskQueue: string;
}

/** The buyer's decisions written back to the ERP (where it takes them), in lifecycle order. */
export const PUSHED_STATUSES = [
  'MISE_A_DISPOSITION',
  'SUSPENDUE',
  'A_RECYCLER',
  'REJETEE',
  'SERVICE_FAIT',
  'MANDATEE',
  'MISE_A_DISPOSITION_COMPTABLE',
  'COMPTABILISEE',
  'MISE_EN_PAIEMENT',
];

/**
 * Reads one page of the ERP's invoices from the stored cursor, deposits each one not yet linked, and
 * stores the next cursor only once the page is done. Safe to run again at any point: an ERP invoice
 * already linked is skipped, and one deposited but not yet linked is found again by the deposit's
 * idempotency (same canonical invoice → same file → same workflow), then linked.
 */
export async function syncPage(
  deps: SyncDeps,
  connectionId: string,
  opts: { since?: string; signal?: AbortSignal; onRecord?: (done: number, total: number) => void } = {},
): Promise<PageOutcome> {
  const { session, row } = await openSession(deps.db, deps.runtime, connectionId, {
    since: opts.since,
    signal: opts.signal,
  });
  const page = await session.listInvoices(row.cursor ?? undefined);
  const outcome: PageOutcome = {
    more: !!page.next,
    seen: page.invoices.length,
    imported: 0,
    alreadyKnown: 0,
    failed: [],
  };
  for (const [i, ref] of page.invoices.entries()) {
    opts.onRecord?.(i, page.invoices.length);
    if (await linkedInvoiceId(deps.db, connectionId, ref.externalId)) {
      outcome.alreadyKnown += 1;
      continue;
    }
    const filed = await fileRecord(deps, row, session, ref.externalId);
    if (filed.failure) outcome.failed.push({ externalId: ref.externalId, reason: filed.failure });
    else if (filed.created) outcome.imported += 1;
    else outcome.alreadyKnown += 1;
  }
  opts.onRecord?.(page.invoices.length, page.invoices.length);
  await setCursor(deps.db, connectionId, page.next ?? page.resumeFrom, new Date().toISOString());
  return outcome;
}

/**
 * Files one ERP record and remembers the outcome: once filed (created false when that very file was
 * already filed) its earlier failure is forgotten; else the reason is kept for the person. A
 * record the platform cannot take is reported and passed over; anything else (network, 5xx, refused
 * credentials, 429) is thrown, so the page is retried from the same cursor.
 */
export async function fileRecord(
  deps: SyncDeps,
  connection: { id: string; structure_id: string },
  session: Awaited<ReturnType<typeof openSession>>['session'],
  externalId: string,
): Promise<{ created?: boolean; failure?: string }> {
  let created: boolean;
  try {
    created = await importRecord(deps, connection, session, externalId);
  } catch (err) {
    if (!isMalformedRecord(err) && !(err instanceof DomainError)) throw err;
    await saveRecordError(deps.db, {
      connectionId: connection.id,
      externalId,
      code: err.code,
      message: err.message,
      at: new Date().toISOString(),
    });
    return { failure: `${err.code}: ${err.message}` };
  }
  await clearRecordError(deps.db, connection.id, externalId);
  return { created };
}

/** Deposits one ERP invoice (as UBL, through the one deposit path) and links it; false when it was already filed. */
async function importRecord(
  deps: SyncDeps,
  connection: { id: string; structure_id: string },
  session: Awaited<ReturnType<typeof openSession>>['session'],
  externalId: string,
): Promise<boolean> {
  const connectionId = connection.id;
  const { invoice, pdf } = await session.getInvoice(externalId);
  const deposit = await prepareDeposit(deps, Buffer.from(toUbl(invoice), 'utf8'), {
    filename: `${invoice.number}.xml`,
    depositMode: 'UPLOAD_API',
    sellerStructureId: connection.structure_id,
  });
  const { created } = await startInvoiceWorkflow(deps, deposit);
  const original = pdf
    ? await storeBlob(deps.db, deps.blobs, pdf, {
        mediaType: 'application/pdf',
        filename: `${invoice.number}.pdf`,
      })
    : undefined;
  await linkInvoice(deps.db, {
    connectionId,
    externalId,
    invoiceId: deposit.invoiceId,
    originalPdfSha256: original?.sha256,
  });
  return created;
}

/**
 * Writes the buyer's new statuses (and the payment, on MISE_EN_PAIEMENT) back to the ERP for every
 * linked invoice whose status moved since the last write, as far as the connector supports it. Each
 * write is remembered at once, so a retry resumes with the invoices not yet written.
 */
export async function pushStatuses(deps: SyncDeps, connectionId: string): Promise<number> {
  const { db } = deps;
  const { connector, session } = await openSession(db, deps.runtime, connectionId);
  if (!session.pushStatus && !session.recordPayment) return 0;
  const moved = await linksWithNewStatus(db, connectionId);
  let pushed = 0;
  for (const { externalId, invoice: m } of moved) {
    if (session.pushStatus) await session.pushStatus(externalId, m.status);
    if (m.status === 'MISE_EN_PAIEMENT' && session.recordPayment) {
      const payment: Payment = {
        date: new Date(m.statusAt).toISOString().slice(0, 10),
        amount: m.amountDue ?? m.totalWithVat,
        currency: m.currency ?? 'EUR',
        label: `facturflow ${m.number} (${connector.manifest.name})`,
      };
      await session.recordPayment(externalId, payment);
    }
    await markStatusPushed(db, connectionId, externalId, m.status);
    pushed += 1;
  }
  return pushed;
}

/** Keeps a sync's report and the connection's state (ERROR with its reason when a person must act). */
export function recordSyncOutcome(db: Db, outcome: SyncOutcome): Promise<void> {
  return updateSyncOutcome(db, outcome);
}

/** The linked invoices whose status (one the ERP is told of) differs from the one last written back. */
async function linksWithNewStatus(db: Db, connectionId: string) {
  const links = await linksOf(db, connectionId);
  const invoices = await invoicesInStatus(
    db,
    links.map((l) => l.invoice_id),
    PUSHED_STATUSES,
  );
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return links
    .map((l) => ({ externalId: l.external_id, pushed: l.pushed_status, invoice: byId.get(l.invoice_id) }))
    .filter(
      (l): l is typeof l & { invoice: InvoiceStatusFacts } => !!l.invoice && l.invoice.status !== l.pushed,
    );
}
