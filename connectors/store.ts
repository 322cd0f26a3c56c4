/** All SQL on the `connections` and `connector_invoices` tables lives here; other modules call these functions. */
import type { Db } from '../platform/db';
import type { ConnectionStatus, SyncOutcome } from './types';

/** A `connections` row as stored: settings and last report as JSON, credentials sealed. */
export interface ConnectionRow {
  id: string;
  structure_id: string;
  connector_id: string;
  label: string | null;
  config: string;
  credentials_sealed: string | null;
  status: ConnectionStatus;
  error: string | null;
  sync_interval_minutes: number;
  webhook_token_hash: string | null;
  cursor: string | null;
  last_report: string | null;
  created_by: string;
  created_at: string | Date;
  updated_at: string | Date;
}

/** A connection not deleted. */
export async function findConnectionRow(db: Db, id: string): Promise<ConnectionRow | undefined> {
  return db('connections').where({ id }).whereNot({ status: 'DELETED' }).first();
}

/** A structure's connections not deleted, oldest first. */
export async function connectionRowsOf(db: Db, structureId: string): Promise<ConnectionRow[]> {
  return db('connections')
    .where({ structure_id: structureId })
    .whereNot({ status: 'DELETED' })
    .orderBy('created_at');
}

export async function insertConnection(
  db: Db,
  row: Omit<ConnectionRow, 'error' | 'cursor' | 'last_report'>,
): Promise<void> {
  await db('connections').insert(row);
}

/** Removes a connection whose creation failed half-way. */
export async function removeConnectionRow(db: Db, id: string): Promise<void> {
  await db('connections').where({ id }).delete();
}

export async function setConnectionStatus(
  db: Db,
  id: string,
  status: Extract<ConnectionStatus, 'ACTIVE' | 'PAUSED'>,
  opts: { clearError?: boolean } = {},
): Promise<void> {
  await db('connections')
    .where({ id })
    .update({ status, ...(opts.clearError && { error: null }), updated_at: new Date().toISOString() });
}

/** Marks a connection deleted and forgets its credentials and webhook token; its row stays as history. */
export async function markConnectionDeleted(db: Db, id: string): Promise<void> {
  await db('connections').where({ id }).update({
    status: 'DELETED',
    credentials_sealed: null,
    webhook_token_hash: null,
    updated_at: new Date().toISOString(),
  });
}

/** Replaces sealed credentials, unless another process already did. */
export async function resealCredentials(db: Db, id: string, sealed: string, resealed: string): Promise<void> {
  await db('connections').where({ id, credentials_sealed: sealed }).update({ credentials_sealed: resealed });
}

/** Where the next sync of the connection starts reading the ERP (null: from its beginning). */
export async function setCursor(db: Db, id: string, cursor: string | null, at?: string): Promise<void> {
  await db('connections')
    .where({ id })
    .update({ cursor, ...(at && { updated_at: at }) });
}

/** Keeps the last report and the connection's state; a paused connection stays paused, its state is the person's choice. */
export async function updateSyncOutcome(db: Db, o: SyncOutcome): Promise<void> {
  await db('connections')
    .where({ id: o.connectionId })
    .whereNot({ status: 'DELETED' })
    .update({
      ...(o.report && { last_report: JSON.stringify(o.report) }),
      ...(o.status && {
        status: db.raw('case when status = ? then status else ? end', ['PAUSED', o.status]),
      }),
      ...(o.status && { error: o.error ?? null }),
      updated_at: new Date().toISOString(),
    });
}

/** The invoice an ERP record was deposited as, when it was. */
export async function linkedInvoiceId(
  db: Db,
  connectionId: string,
  externalId: string,
): Promise<string | undefined> {
  const link = await db('connector_invoices')
    .where({ connection_id: connectionId, external_id: externalId })
    .first('invoice_id');
  return link?.invoice_id;
}

/** Links an ERP record to the invoice it was deposited as; a link already made stays. */
export async function linkInvoice(
  db: Db,
  l: { connectionId: string; externalId: string; invoiceId: string; originalPdfSha256?: string },
): Promise<void> {
  await db('connector_invoices')
    .insert({
      connection_id: l.connectionId,
      external_id: l.externalId,
      invoice_id: l.invoiceId,
      original_pdf_sha256: l.originalPdfSha256 ?? null,
      imported_at: new Date().toISOString(),
    })
    .onConflict(['connection_id', 'external_id'])
    .ignore();
}

/** Remembers the status last written back to the ERP for a record. */
export async function markStatusPushed(
  db: Db,
  connectionId: string,
  externalId: string,
  status: string,
): Promise<void> {
  await db('connector_invoices')
    .where({ connection_id: connectionId, external_id: externalId })
    .update({ pushed_status: status });
}

/** Every invoice a connection linked, with the status last written back to its ERP. */
export async function linksOf(
  db: Db,
  connectionId: string,
): Promise<{ external_id: string; invoice_id: string; pushed_status: string | null }[]> {
  return db('connector_invoices')
    .where({ connection_id: connectionId })
    .select('external_id', 'invoice_id', 'pushed_status');
}

/** Why an ERP record could not be filed, as last tried. */
export interface RecordErrorRow {
  connection_id: string;
  external_id: string;
  code: string;
  message: string;
  failed_at: string | Date;
}

/** Keeps why a record could not be filed, replacing what an earlier attempt said. */
export async function saveRecordError(
  db: Db,
  e: { connectionId: string; externalId: string; code: string; message: string; at: string },
): Promise<void> {
  await db('connector_record_errors')
    .insert({
      connection_id: e.connectionId,
      external_id: e.externalId,
      code: e.code,
      message: e.message,
      failed_at: e.at,
    })
    .onConflict(['connection_id', 'external_id'])
    .merge(['code', 'message', 'failed_at']);
}

/** The record is filed: its earlier failure is forgotten. */
export async function clearRecordError(db: Db, connectionId: string, externalId: string): Promise<void> {
  await db('connector_record_errors')
    .where({ connection_id: connectionId, external_id: externalId })
    .delete();
}

/** The records of a connection that could not be filed, most recent failure first. */
export async function recordErrorsOf(db: Db, connectionId: string): Promise<RecordErrorRow[]> {
  return db('connector_record_errors').where({ connection_id: connectionId }).orderBy('failed_at', 'desc');
}
