import crypto from 'node:crypto';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { hashToken } from '../platform/secrets';
import type { Caller } from '../accounts/caller';
import { authorize } from '../structures/access';
import { getStructure } from '../structures/structures';
import type { Connector, ConnectorSession } from './contract';
import type { ConnectorRuntime } from './runtime';
import { connectionRowsOf, ConnectionRow, findConnectionRow, resealCredentials } from './store';
import type { Connection, ConnectionStatus } from './types';

export const workflowIdOf = (connectionId: string) => `connector/${connectionId}`;
export const scheduleIdOf = (connectionId: string) => `connector-schedule/${connectionId}`;

export function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    structureId: row.structure_id,
    connectorId: row.connector_id,
    label: row.label ?? undefined,
    config: JSON.parse(row.config),
    status: row.status as ConnectionStatus,
    error: row.error ?? undefined,
    syncIntervalMinutes: Number(row.sync_interval_minutes),
    lastReport: row.last_report ? JSON.parse(row.last_report) : undefined,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The connection was deleted while work for it was under way: that work ends, it is not retried. */
export class ConnectionRemoved extends Error {
  readonly code = 'CONNECTION_REMOVED';
  constructor(connectionId: string) {
    super(`Connection ${connectionId} does not exist (any more).`);
    this.name = 'ConnectionRemoved';
  }
}

export async function findConnection(db: Db, id: string): Promise<Connection | undefined> {
  const row = await findConnectionRow(db, id);
  return row && toConnection(row);
}

/** A structure's connections (not deleted), oldest first. */
export async function listConnections(db: Db, structureId: string): Promise<Connection[]> {
  return (await connectionRowsOf(db, structureId)).map(toConnection);
}

/**
 * A connection the caller may see (any member of its structure, or an operator) or, with `need`
 * "manager", run and change: test, sync, pause, retry, delete are for the structure's managers.
 */
export async function memberConnection(
  db: Db,
  caller: Caller,
  id: string,
  need: 'member' | 'manager' = 'member',
): Promise<Connection> {
  const connection = await findConnection(db, id);
  if (!connection)
    throw new DomainError('CONNECTION_NOT_FOUND', `No connection ${id}.`, { field: 'params.connectionId' });
  await authorize(db, caller, connection.structureId, need);
  return connection;
}

/** The connection an ERP's webhook call names, when the token it sends is the connection's. */
export async function webhookConnection(db: Db, id: string, token: string): Promise<Connection> {
  const row = await findConnectionRow(db, id);
  const sent = Buffer.from(hashToken(token));
  const expected = Buffer.from(String(row?.webhook_token_hash ?? ''));
  if (!row || sent.length !== expected.length || !crypto.timingSafeEqual(sent, expected)) {
    throw new DomainError('CONNECTION_NOT_FOUND', 'No connection takes webhooks with this token.');
  }
  return toConnection(row);
}

/** The supplier an ERP session acts for: the connection's structure. */
export async function supplierOf(db: Db, structureId: string) {
  const structure = (await getStructure(db, structureId))!;
  return { siret: structure.identifier, name: structure.name, vatNumber: structure.vatNumber };
}

/**
 * Opens a session on the ERP for a stored connection: the credentials are decrypted here, in the
 * process that calls the ERP, and nowhere else (never in workflow payloads). Records sealed under a
 * previous key are sealed again under the current one.
 */
export async function openSession(
  db: Db,
  runtime: ConnectorRuntime,
  connectionId: string,
  opts: { since?: string; signal?: AbortSignal } = {},
): Promise<{ connector: Connector; session: ConnectorSession; row: ConnectionRow }> {
  const row = await findConnectionRow(db, connectionId);
  if (!row) throw new ConnectionRemoved(connectionId);
  const connector = runtime.registry.get(row.connector_id);
  if (!connector) throw new Error(`Connector ${row.connector_id} is not installed on this worker.`);
  const sealed = row.credentials_sealed!;
  const credentials = runtime.cipher.open(sealed) as Record<string, unknown>;
  if (runtime.cipher.isStale(sealed))
    await resealCredentials(db, connectionId, sealed, runtime.cipher.seal(credentials));
  const session = connector.open({
    config: JSON.parse(row.config),
    credentials,
    supplier: await supplierOf(db, row.structure_id),
    since: opts.since,
    signal: opts.signal,
  });
  return { connector, session, row };
}
