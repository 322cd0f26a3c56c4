import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { localizeFindings, refusalMessage } from '../invoice/messages';
import { invoicesInStatus, rejectionFindings } from '../invoicing/read-model';
import { openSession } from './connections';
import { fileRecord, type SyncDeps } from './sync';
import { linkedInvoiceId, linksOf, recordErrorsOf } from './store';

/** An ERP record that did not reach its buyer, as the Applications page lists it. */
export interface RecordProblem {
  /** The ERP's own id of the record. */
  externalId: string;
  /** IMPORT: the platform could not file it; REJETEE: filed, then rejected by the platform's checks. */
  kind: 'IMPORT' | 'REJETEE';
  /** The refusal code (an error code, or the platform rule that rejected the invoice). */
  code: string;
  /** Why, in French. */
  message: string;
  /** When it failed or was rejected. */
  at: string;
  /** The invoice it was filed as, when it was (REJETEE). */
  invoiceId?: string;
  number?: string;
}

const iso = (v: string | Date) => new Date(v).toISOString();

/** The connection's records that could not be filed, and those filed but rejected; most recent first. */
export async function recordProblems(db: Db, connectionId: string): Promise<RecordProblem[]> {
  const failed: RecordProblem[] = (await recordErrorsOf(db, connectionId)).map((e) => ({
    externalId: e.external_id,
    kind: 'IMPORT',
    code: e.code,
    message: refusalMessage(e.code, e.message, 'fr'),
    at: iso(e.failed_at),
  }));
  const links = await linksOf(db, connectionId);
  const rejected = await invoicesInStatus(
    db,
    links.map((l) => l.invoice_id),
    ['REJETEE'],
  );
  const reasons = rejected.length
    ? await rejectionFindings(
        db,
        rejected.map((r) => r.id),
      )
    : new Map();
  const externalOf = new Map(links.map((l) => [l.invoice_id, l.external_id]));
  const refused: RecordProblem[] = rejected.map((r) => {
    const findings = localizeFindings(
      (JSON.parse(reasons.get(r.id) ?? '[]') as { rule: string; severity: string; message: string }[]).filter(
        (f) => f.severity === 'fatal',
      ),
      'fr',
    );
    return {
      externalId: externalOf.get(r.id)!,
      kind: 'REJETEE',
      code: findings[0]?.rule ?? 'REJETEE',
      message: findings.map((f) => f.message).join(' ') || 'Facture rejetée par la plateforme.',
      at: iso(r.statusAt),
      invoiceId: r.id,
      number: r.number,
    };
  });
  return [...failed, ...refused].sort((a, b) => b.at.localeCompare(a.at));
}

/** The record among the connection's problems, or CONNECTION_RECORD_NOT_FOUND: only those are retried. */
export async function problemRecord(
  db: Db,
  connectionId: string,
  externalId: string,
): Promise<RecordProblem> {
  const found = (await recordProblems(db, connectionId)).find((p) => p.externalId === externalId);
  if (!found)
    throw new DomainError(
      'CONNECTION_RECORD_NOT_FOUND',
      `Connection ${connectionId} has no failed or rejected record ${externalId}.`,
      { field: 'params.externalId' },
    );
  return found;
}

/**
 * Reads one record from the ERP again and files it: a record that failed to import, or one whose
 * invoice the platform rejected (its number is free again, so the corrected invoice is filed under it).
 * A record whose invoice is on its way is left alone, and the very same file again is the same
 * invoice: a retry never files an invoice twice. Answers whether the record is now filed.
 */
export async function retryRecord(deps: SyncDeps, connectionId: string, externalId: string) {
  const { db } = deps;
  const linked = await linkedInvoiceId(db, connectionId, externalId);
  if (linked && (await invoicesInStatus(db, [linked], ['REJETEE'])).length === 0) return { filed: true };
  const { session, row } = await openSession(db, deps.runtime, connectionId);
  const outcome = await fileRecord(deps, row, session, externalId);
  return { filed: !outcome.failure, created: !!outcome.created, failure: outcome.failure };
}
