import type { Db } from '../platform/db';
import type { Connector, ConnectorSession } from './contract';
import type { ConnectorRuntime } from './runtime';

export type ConnectionStatus = 'ACTIVE' | 'PAUSED' | 'ERROR' | 'DELETED';

/** A connection as the API shows it: never its credentials. */
export interface Connection {
  id: string;
  structureId: string;
  connectorId: string;
  label?: string;
  config: Record<string, unknown>;
  status: ConnectionStatus;
  error?: string;
  syncIntervalMinutes: number;
  lastReport?: SyncReport;
  createdAt: string;
}

/** What one sync did, kept as the connection's last report. */
export interface SyncReport {
  startedAt: string;
  finishedAt: string;
  pages: number;
  imported: number;
  alreadyKnown: number;
  failed: { externalId: string; reason: string }[];
  statusesPushed: number;
  /** Why the sync stopped early, when it did. */
  error?: string;
}

export const workflowIdOf = (connectionId: string) => `connector/${connectionId}`;
export const scheduleIdOf = (connectionId: string) => `connector-schedule/${connectionId}`;

export function toConnection(row: Record<string, unknown>): Connection {
  return {
    id: row.id as string,
    structureId: row.structure_id as string,
    connectorId: row.connector_id as string,
    label: (row.label as string) ?? undefined,
    config: JSON.parse(row.config as string),
    status: row.status as ConnectionStatus,
    error: (row.error as string) ?? undefined,
    syncIntervalMinutes: Number(row.sync_interval_minutes),
    lastReport: row.last_report ? JSON.parse(row.last_report as string) : undefined,
    createdAt: new Date(row.created_at as string).toISOString(),
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

export async function findConnection(db: Db, id: string): Promise<Record<string, unknown> | undefined> {
  return db('connections').where({ id }).whereNot({ status: 'DELETED' }).first();
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
): Promise<{ connector: Connector; session: ConnectorSession; row: Record<string, unknown> }> {
  const row = await findConnection(db, connectionId);
  if (!row) throw new ConnectionRemoved(connectionId);
  const connector = runtime.registry.get(row.connector_id as string);
  if (!connector) throw new Error(`Connector ${row.connector_id} is not installed on this worker.`);
  const sealed = row.credentials_sealed as string;
  const credentials = runtime.cipher.open(sealed) as Record<string, unknown>;
  if (runtime.cipher.isStale(sealed)) {
    await db('connections')
      .where({ id: connectionId, credentials_sealed: sealed })
      .update({ credentials_sealed: runtime.cipher.seal(credentials) });
  }
  const structure = await db('structures')
    .where({ id: row.structure_id })
    .first('identifier', 'name', 'vat_number');
  const session = connector.open({
    config: JSON.parse(row.config as string),
    credentials,
    supplier: {
      siret: structure.identifier,
      name: structure.name,
      vatNumber: structure.vat_number ?? undefined,
    },
    since: opts.since,
    signal: opts.signal,
  });
  return { connector, session, row };
}
