import { storeBlob } from '../platform/stored-blobs';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { BlobRef, BlobStore } from '../platform/blobs';
import { prepareDeposit } from '../invoicing/deposit';
import { DomainError } from '../platform/domain-error';
import { identifyInvoice } from '../invoice/identify';
import { extractFacturX } from '../invoice/facturx';
import { archiveKind, ArchiveError, unpackArchive } from '../flows/archive';
import {
  FLOW_SYNTAXES,
  FlowInvoiceError,
  FlowReport,
  FlowStatus,
  FlowSyntax,
  isFlowInvoiceFile,
} from '../flows/syntax';
import type { InvoiceDeposit } from '../invoicing/types';

export interface FlowActivityDeps {
  db: Db;
  blobs: BlobStore;
}

/** One invoice file of a flow, stored as a blob under the name it had in the archive. */
export interface FlowEntry {
  name: string;
  blob: BlobRef;
}

export type InvoiceOutcome =
  | { invoiceId: string; outcome: 'pending' | 'integrated' }
  | { invoiceId: string; outcome: 'rejected'; reason: string };

/** An E1 flow holds at most 500 invoices and 1 GB. */
export const FLOW_MAX_INVOICES = 500;
const LIMITS = { maxFiles: 2 * FLOW_MAX_INVOICES, maxFileBytes: 120 * 1024 * 1024, maxTotalBytes: 1024 ** 3 };

/**
 * Side effects of the flow workflow. Blobs are content-addressed and rows keyed by the flow number,
 * so every one of them may run again after a crash with the same result.
 */
export function createFlowActivities({ db, blobs }: FlowActivityDeps) {
  const keepBlob = (bytes: Uint8Array, mediaType: string, filename: string) =>
    storeBlob(db, blobs, bytes, { mediaType, filename });

  return {
    /** Moves the flow's read-model row to a state; a settled flow also gets its report. */
    async recordFlowState(s: {
      numero: string;
      status: FlowStatus;
      at: string;
      invoiceCount?: number;
      report?: FlowReport;
    }): Promise<void> {
      await db('flows')
        .where({ numero: s.numero })
        .update({
          status: s.status,
          updated_at: s.at,
          ...(s.invoiceCount !== undefined && { invoice_count: s.invoiceCount }),
          ...(s.report && {
            integrated_count: s.report.nombreFacturesIntegrees,
            report: JSON.stringify(s.report),
          }),
        });
    },

    /**
     * Opens the flow's archive (or takes a lone file as a one-invoice flow) and stores each invoice
     * file as a blob. A refused archive is an answer, not a failure: the flow is then rejected.
     */
    async unpackFlow(f: {
      syntax: FlowSyntax;
      blob: BlobRef;
    }): Promise<{ entries: FlowEntry[] } | { error: string }> {
      const bytes = await blobs.get(f.blob.sha256);
      const entries: FlowEntry[] = [];
      const keep = async (name: string, data: Buffer) => {
        Context.current().heartbeat(entries.length);
        if (!isFlowInvoiceFile(f.syntax, name)) return;
        const pdf = FLOW_SYNTAXES[f.syntax] === 'facturx';
        entries.push({
          name,
          blob: await keepBlob(data, pdf ? 'application/pdf' : 'application/xml', name.slice(-255)),
        });
      };
      try {
        if (archiveKind(bytes) === 'file') await keep(f.blob.filename ?? 'invoice.xml', bytes);
        else await unpackArchive(bytes, LIMITS, keep);
      } catch (err) {
        if (err instanceof ArchiveError) return { error: `${err.code}: ${err.message}` };
        throw err;
      }
      if (entries.length === 0) return { error: 'FLOW_EMPTY: the flow holds no invoice file of its syntax.' };
      if (entries.length > FLOW_MAX_INVOICES)
        return {
          error: `FLOW_TOO_MANY_INVOICES: ${entries.length} invoices; at most ${FLOW_MAX_INVOICES} per flow.`,
        };
      return { entries };
    },

    /**
     * Everything a direct deposit checks before its workflow starts (api/deposit.ts prepareDeposit),
     * plus that the file is of the flow's syntax. A refusal names the invoice as the report will.
     */
    async prepareFlowInvoice(f: {
      syntax: FlowSyntax;
      entry: FlowEntry;
      depositedAt: string;
      depositedBy?: string;
    }): Promise<{ deposit: InvoiceDeposit } | { error: FlowInvoiceError }> {
      const bytes = await blobs.get(f.entry.blob.sha256);
      const refuse = async (libelleErreurDP: string) => ({
        error: await describeRefusal(bytes, f.entry.name, libelleErreurDP),
      });
      try {
        const deposit = await prepareDeposit({ db, blobs }, bytes, {
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
    },

    /** Which file an invoice already filed under this id came from (to tell a re-sent file from a duplicate). */
    async depositedInvoiceBlob(invoiceId: string): Promise<string> {
      const row = await db('invoices').where({ id: invoiceId }).first('blob_sha256');
      // Its workflow exists but has not written its row yet: worth another try in a moment.
      if (!row)
        throw ApplicationFailure.retryable(`invoice ${invoiceId} not registered yet`, 'InvoiceNotRegistered');
      return row.blob_sha256;
    },

    /**
     * Where each invoice stands for its flow: rejected (with the reasons of its REJETEE status),
     * integrated once it passed its checks (any later status), or still pending.
     */
    async invoiceOutcomes(invoiceIds: string[]): Promise<InvoiceOutcome[]> {
      const rows = await db('invoices').whereIn('id', invoiceIds).select('id', 'status');
      const status = new Map(rows.map((r) => [r.id as string, r.status as string]));
      const rejected = invoiceIds.filter((id) => status.get(id) === 'REJETEE');
      const reasons = new Map<string, string>();
      if (rejected.length > 0) {
        const history = await db('invoice_status_history')
          .whereIn('invoice_id', rejected)
          .andWhere({ status: 'REJETEE' })
          .select('invoice_id', 'reasons');
        for (const h of history) reasons.set(h.invoice_id, rejectionText(h.reasons));
      }
      return invoiceIds.map((invoiceId): InvoiceOutcome => {
        const s = status.get(invoiceId);
        if (s === 'REJETEE')
          return { invoiceId, outcome: 'rejected', reason: reasons.get(invoiceId) ?? 'REJETEE' };
        return { invoiceId, outcome: !s || s === 'DEPOSEE' ? 'pending' : 'integrated' };
      });
    },
  };
}

export type FlowActivities = ReturnType<typeof createFlowActivities>;

/** The fatal findings of a rejection, as one line of the report. */
function rejectionText(reasons: string | null): string {
  const findings: { rule: string; severity: string; message: string }[] = reasons ? JSON.parse(reasons) : [];
  const fatal = findings.filter((f) => f.severity === 'fatal');
  const text = fatal.map((f) => `${f.rule}: ${f.message}`).join(' | ');
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text || 'REJETEE';
}

/** The report line of a refused file, with whatever identifiers can still be read from it. */
async function describeRefusal(
  bytes: Buffer,
  fichier: string,
  libelleErreurDP: string,
): Promise<FlowInvoiceError> {
  let identity: ReturnType<typeof identifyInvoice> | undefined;
  try {
    const xml =
      bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? (await extractFacturX(bytes)).xml : bytes;
    identity = identifyInvoice(xml);
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
