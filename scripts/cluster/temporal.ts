import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client, Connection, isGrpcServiceError } from '@temporalio/client';
import { SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { searchAttributes } from '../../workflows/search-attributes';
import { hasSchemaVersion, POSTGRES_USER } from './postgres';
import { TEMPORAL_DATABASE, VISIBILITY_DATABASE } from './temporal-config';

/** The Temporal server build: binaries and the PostgreSQL schema of the pinned version. */
export interface TemporalBuild {
  server: string;
  sqlTool: string;
  schemaDir: string;
  version: string;
}

export function temporalBuild(): TemporalBuild {
  const { provisionTemporalCluster } = require('../provision-temporal-cluster.js');
  return provisionTemporalCluster();
}

const GRPC_ALREADY_EXISTS = 6;

/**
 * Both databases brought to the build's schema version: setup-schema once (the version table), then
 * update-schema through every versioned step; running it again on an up-to-date database changes nothing.
 */
export async function setupSchemas(build: TemporalBuild, pgPort: number): Promise<void> {
  for (const [database, folder] of [
    [TEMPORAL_DATABASE, 'temporal'],
    [VISIBILITY_DATABASE, 'visibility'],
  ]) {
    const tool = (...args: string[]) =>
      execFileSync(
        build.sqlTool,
        [
          '--plugin',
          'postgres12',
          '--ep',
          '127.0.0.1',
          '-p',
          String(pgPort),
          '-u',
          POSTGRES_USER,
          '--db',
          database,
          ...args,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
      );
    if (!(await hasSchemaVersion(pgPort, database))) tool('setup-schema', '-v', '0.0');
    tool('update-schema', '-d', path.join(build.schemaDir, folder, 'versioned'));
  }
}

export async function frontendReady(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/** The namespace the platform uses, with three days of closed-workflow retention; kept if it exists. */
export async function registerNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('3 days'),
    });
  } catch (err) {
    if (!(isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS)) throw err;
  } finally {
    await connection.close();
  }
}

/** The platform's custom search attributes, registered through the operator service as an operator would. */
export async function registerSearchAttributes(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  const { IndexedValueType } = temporal.api.enums.v1;
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = searchAttributes.filter((k) => !(k.name in (existing.customAttributes ?? {})));
    if (missing.length === 0) return;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        missing.map((k) => [
          k.name,
          k.type === SearchAttributeType.KEYWORD_LIST
            ? IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST
            : IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
        ]),
      ),
    });
  } finally {
    await connection.close();
  }
}

/**
 * Whether the cluster takes a workflow now: a start carrying every custom search attribute (so the
 * history service owns its shards and every service knows the attributes), terminated at once.
 */
export async function acceptsWorkflows(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    const client = new Client({ connection, namespace });
    const handle = await client.workflow.start('clusterProbe', {
      taskQueue: 'cluster-probe',
      workflowId: `cluster-probe-${Date.now().toString(36)}-${process.pid}`,
      typedSearchAttributes: new TypedSearchAttributes(
        searchAttributes.map((key) =>
          key.type === SearchAttributeType.KEYWORD_LIST
            ? { key: key as typeof key & { type: 'KEYWORD_LIST' }, value: ['probe'] }
            : { key: key as typeof key & { type: 'KEYWORD' }, value: 'probe' },
        ),
      ),
      workflowExecutionTimeout: '1 minute',
    });
    await handle.terminate('cluster readiness probe');
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

/**
 * The partitions of a task queue as the matching service keeps them: the queue itself and
 * `/_sys/<name>/<n>` (the server's default, `matching.numTaskqueueReadPartitions`, is 4).
 */
const TASK_QUEUE_PARTITIONS = 4;

/**
 * Whether the process pid polls the task queue for workflow tasks (SDK identities are pid@host). Each
 * partition knows only the pollers that reached it: a poll waits up to a minute on the partition the
 * frontend sent it to, so the queue's root partition alone may not see a new worker for that long
 * (cluster starts waited 50–60 s for it). Every partition is asked.
 */
export async function pollsTaskQueue(
  address: string,
  namespace: string,
  taskQueue: string,
  pid: number,
): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    for (let n = 0; n < TASK_QUEUE_PARTITIONS; n++) {
      const partition = n === 0 ? taskQueue : `/_sys/${taskQueue}/${n}`;
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: partition, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      if ((pollers ?? []).some((p) => p.identity?.startsWith(`${pid}@`))) return true;
    }
    return false;
  } finally {
    await connection.close();
  }
}
