import crypto from 'node:crypto';
import { msToNumber } from '@temporalio/common/lib/time';
import {
  Client,
  ScheduleOverlapPolicy,
  WorkflowNotFoundError,
  ScheduleNotFoundError,
} from '@temporalio/client';
import type { Db } from '../platform/db';
import { hashToken, newToken } from '../platform/secrets';
import { DomainError } from '../platform/domain-error';
import { assertPublicUrl, HostNotAllowed } from '../platform/public-host';
import { connectorSync, removeConnection, retryRecord, syncNow } from '../workflows/connector';
import { connectorTick } from '../workflows/connector-tick';
import { isCredentialsRejected, Connector } from './contract';
import {
  findConnection,
  openSession,
  scheduleIdOf,
  supplierOf,
  webhookConnection,
  workflowIdOf,
} from './connections';
import type { ConnectorRuntime } from './runtime';
import { insertConnection, markConnectionDeleted, removeConnectionRow, setConnectionStatus } from './store';
import type { Connection, SyncReason } from './types';

export interface ManageDeps {
  db: Db;
  client: Client;
  taskQueue: string;
  runtime: ConnectorRuntime;
}

export interface NewConnection {
  connectorId: string;
  label?: string;
  config?: Record<string, unknown>;
  credentials: Record<string, unknown>;
  syncIntervalMinutes?: number;
}

/**
 * Adds a connection to a structure: settings and credentials checked against the connector's
 * schemas, then tried on the ERP — nothing is saved unless the ERP accepts them. The credentials are
 * sealed before they touch the database; the sync workflow and its schedule start last, and a
 * failure there removes the row again, so no half-made connection remains.
 */
export async function createConnection(
  deps: ManageDeps,
  structureId: string,
  userId: string,
  input: NewConnection,
): Promise<{ connection: Connection; webhookToken?: string }> {
  const { db, runtime } = deps;
  const connector = runtime.registry.get(input.connectorId);
  if (!connector) {
    throw new DomainError('CONNECTOR_UNKNOWN', `No connector "${input.connectorId}" is installed.`, {
      field: 'connectorId',
    });
  }
  const config = structuredClone(input.config ?? {});
  const credentials = structuredClone(input.credentials);
  const problems = [
    ...runtime.registry.check(connector, 'config', config),
    ...runtime.registry.check(connector, 'credentials', credentials),
  ];
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', `Invalid ${problems[0].field}: ${problems[0].message}.`, {
      field: problems[0].field,
      problems,
    });
  }
  await assertPublicUrls(config);
  await tryCredentials(connector, { config, credentials, supplier: await supplierOf(db, structureId) });

  const id = crypto.randomUUID();
  const webhookToken = connector.manifest.capabilities.includes('webhook') ? newToken() : undefined;
  const now = new Date().toISOString();
  const interval = input.syncIntervalMinutes ?? runtime.syncIntervalMinutes;
  await insertConnection(db, {
    id,
    structure_id: structureId,
    connector_id: connector.manifest.id,
    label: input.label ?? null,
    config: JSON.stringify(config),
    credentials_sealed: runtime.cipher.seal(credentials),
    status: 'ACTIVE',
    sync_interval_minutes: interval,
    webhook_token_hash: webhookToken ? hashToken(webhookToken) : null,
    created_by: userId,
    created_at: now,
    updated_at: now,
  });
  try {
    await startSync(deps, { id, structureId, connector, interval });
  } catch (err) {
    await stopSync(deps, id);
    await removeConnectionRow(db, id);
    throw err;
  }
  return { connection: (await findConnection(db, id))!, webhookToken };
}

/**
 * Every URL among the settings (a base URL) must point at a public host, or one an operator allowed:
 * a connection must not make the platform call its own machine or network. The HTTP client checks
 * again when connecting, as a name may resolve elsewhere later.
 */
async function assertPublicUrls(config: Record<string, unknown>) {
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue;
    }
    try {
      await assertPublicUrl(url);
    } catch (err) {
      if (!(err instanceof HostNotAllowed)) throw err;
      throw new DomainError('INVALID_INPUT', `Invalid config.${key}: the ERP must be on a public host.`, {
        field: `config.${key}`,
      });
    }
  }
}

async function tryCredentials(connector: Connector, ctx: Parameters<Connector['open']>[0]) {
  try {
    await connector.open(ctx).testConnection();
  } catch (err) {
    throw testFailure(connector, err);
  }
}

/**
 * What a failed connection test tells the person: their credentials, or the ERP's availability —
 * never what answered (or did not) at the URL, which would make connections a way to probe networks.
 */
function testFailure(connector: Connector, err: unknown): DomainError {
  if (isCredentialsRejected(err)) {
    return new DomainError(
      'CONNECTOR_CREDENTIALS_REJECTED',
      `${connector.manifest.name} refused these credentials.`,
      {
        field: 'credentials',
      },
    );
  }
  return new DomainError(
    'CONNECTOR_UNREACHABLE',
    `${connector.manifest.name} could not be reached or gave no usable answer.`,
    {
      field: 'config',
    },
  );
}

async function startSync(
  { client, taskQueue, runtime }: ManageDeps,
  c: { id: string; structureId: string; connector: Connector; interval: number },
) {
  await client.workflow.start(connectorSync, {
    workflowId: workflowIdOf(c.id),
    taskQueue,
    args: [
      {
        connectionId: c.id,
        connectorId: c.connector.manifest.id,
        structureId: c.structureId,
        retry: c.connector.manifest.retry,
        pageHeartbeatTimeout: runtime.pageHeartbeatTimeout,
      },
    ],
    staticSummary: `${c.connector.manifest.name} sync of connection ${c.id}`,
  });
  const every = msToNumber(runtime.scheduleEvery ?? `${c.interval} minutes`);
  await client.schedule.create({
    scheduleId: scheduleIdOf(c.id),
    // Offset by the creation time: the first tick comes one interval after the connection is made, and
    // connections do not all sync at the same instants (:00, :15, ...) to the workers and ERPs' cost.
    spec: { intervals: [{ every, offset: Date.now() % every }] },
    action: {
      type: 'startWorkflow',
      workflowType: connectorTick,
      args: [c.id],
      taskQueue,
      workflowId: `connector-tick/${c.id}`,
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
    memo: { connectionId: c.id },
  });
}

async function stopSync({ client }: ManageDeps, id: string) {
  await ignoreMissing(client.schedule.getHandle(scheduleIdOf(id)).delete());
  await ignoreMissing(client.workflow.getHandle(workflowIdOf(id)).signal(removeConnection));
}

async function ignoreMissing(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError) && !(err instanceof WorkflowNotFoundError)) throw err;
  }
}

/** Tries the stored credentials again on the ERP. */
export async function testStoredConnection(deps: ManageDeps, id: string): Promise<{ account: string }> {
  const { connector, session } = await openSession(deps.db, deps.runtime, id);
  try {
    return await session.testConnection();
  } catch (err) {
    throw testFailure(connector, err);
  }
}

export async function pauseConnection({ db, client }: ManageDeps, id: string): Promise<void> {
  await client.schedule.getHandle(scheduleIdOf(id)).pause('Paused from the Applications page');
  await setConnectionStatus(db, id, 'PAUSED');
}

/** Resumes the schedule, clears an error, and syncs at once (new credentials are tried right away). */
export async function resumeConnection({ db, client }: ManageDeps, id: string): Promise<void> {
  await client.schedule.getHandle(scheduleIdOf(id)).unpause('Resumed from the Applications page');
  await setConnectionStatus(db, id, 'ACTIVE', { clearError: true });
  await client.workflow.getHandle(workflowIdOf(id)).signal(syncNow, 'resume');
}

export async function requestSync(
  { client }: Pick<ManageDeps, 'client'>,
  id: string,
  reason: SyncReason,
): Promise<void> {
  await client.workflow.getHandle(workflowIdOf(id)).signal(syncNow, reason);
}

/**
 * Asks the connection's sync workflow to file one record again: it runs between syncs, retried until
 * the ERP answers, and survives a restart of the platform.
 */
export async function requestRecordRetry(
  { client }: Pick<ManageDeps, 'client'>,
  id: string,
  externalId: string,
): Promise<void> {
  await client.workflow.getHandle(workflowIdOf(id)).signal(retryRecord, externalId);
}

/** Stops the schedule and the workflow and forgets the credentials; the invoice links stay as history. */
export async function deleteConnection(deps: ManageDeps, id: string): Promise<void> {
  await stopSync(deps, id);
  await markConnectionDeleted(deps.db, id);
}

/** An ERP's change notification: a sync of an active connection; answers whether one was requested. */
export async function acceptWebhook(
  deps: Pick<ManageDeps, 'db' | 'client'>,
  id: string,
  token: string,
): Promise<boolean> {
  const connection = await webhookConnection(deps.db, id, token);
  if (connection.status !== 'ACTIVE') return false;
  await requestSync(deps, connection.id, 'webhook');
  return true;
}
