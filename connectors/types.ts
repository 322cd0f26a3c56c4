import type { StringValue } from 'ms';

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

/** What importing one page of the ERP's invoices did. */
export interface PageOutcome {
  /** Another page follows: the cursor stored points at it. */
  more: boolean;
  seen: number;
  imported: number;
  alreadyKnown: number;
  failed: { externalId: string; reason: string }[];
}

/** How a sync ended, kept on the connection (ERROR with its reason when a person must act). */
export interface SyncOutcome {
  connectionId: string;
  report?: SyncReport;
  status?: Extract<ConnectionStatus, 'ACTIVE' | 'ERROR'>;
  error?: string;
}

/** Why a sync runs: a schedule tick, the ERP's webhook, a person (resume after an error, "sync now"). */
export type SyncReason = 'schedule' | 'webhook' | 'manual' | 'resume';

/** The input of a connection's sync workflow. */
export interface ConnectorSyncInput {
  connectionId: string;
  connectorId: string;
  structureId: string;
  /** The connector's declared retry behaviour, as its manifest gives it. */
  retry: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts?: number };
  /** How long a page may go without a heartbeat before another worker takes it over. */
  pageHeartbeatTimeout?: StringValue | number;
  /** Syncs one run holds before continuing as new, to keep its history bounded. */
  syncsPerRun?: number;
  /** Carried over by continue-as-new. */
  carried?: { pending: SyncReason[]; inError: boolean; syncs: number; retries?: string[] };
}

/** What a connection's sync workflow answers when asked where it stands. */
export interface ConnectorSyncState {
  inError: boolean;
  syncing: boolean;
  syncs: number;
  lastReport?: SyncReport;
  error?: string;
}
