import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ConnectorActivities } from '../../activities/connector';
import {
  connectorSync,
  connectorSyncState,
  CREDENTIALS_REJECTED,
  removeConnection,
  retryRecord,
  syncNow,
} from '../../workflows/connector';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';
import { eventually } from './harness';

/**
 * The sync workflow alone, activities stubbed: pages until the last one, stops in error on refused
 * credentials and drops ticks meanwhile, syncs again on resume, continues as new to bound its history.
 */
describe('connector sync workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkippingServer();
  }, 120_000);
  afterAll(() => env?.teardown());

  it('pages, stops on refused credentials, resumes, continues as new and ends when removed', async () => {
    const pagesAnswered: number[] = [];
    const outcomes: { status?: string; error?: string; imported?: number }[] = [];
    let sync = 0;
    const activities: ConnectorActivities = {
      async syncConnectorPage() {
        pagesAnswered.push(sync);
        if (sync === 1)
          throw ApplicationFailure.create({
            message: 'HTTP 401',
            type: CREDENTIALS_REJECTED,
            nonRetryable: true,
          });
        // Each sync reads two pages.
        const more = pagesAnswered.filter((s) => s === sync).length === 1;
        if (!more) sync += 1;
        return { more, seen: 2, imported: more ? 2 : 1, alreadyKnown: 0, failed: [] };
      },
      async pushConnectorStatuses() {
        return 1;
      },
      async retryConnectorRecord() {
        throw new Error('no record retry in this test');
      },
      async recordSyncOutcome(o) {
        outcomes.push({ status: o.status, error: o.error, imported: o.report?.imported });
        if (o.error) sync += 1;
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'connector-sync-test',
      workflowBundle: await workflowBundle(),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(connectorSync, {
        workflowId: 'connector/test-connection',
        taskQueue: 'connector-sync-test',
        args: [
          {
            connectionId: 'test-connection',
            connectorId: 'evoliz',
            structureId: 'st-1',
            retry: { initialIntervalMs: 100, maximumIntervalMs: 1000 },
            syncsPerRun: 3,
          },
        ],
      });
      const firstRun = handle.firstExecutionRunId;
      const state = () => handle.query(connectorSyncState);

      await handle.signal(syncNow, 'schedule');
      await eventually(async () => (await state()).syncs === 1, 'the first sync');
      expect(await state()).toMatchObject({
        inError: false,
        lastReport: { pages: 2, imported: 3, statusesPushed: 1 },
      });

      await handle.signal(syncNow, 'webhook');
      await eventually(async () => (await state()).inError, 'the credentials error');
      expect((await state()).error).toContain(CREDENTIALS_REJECTED);
      await handle.signal(syncNow, 'schedule');
      expect(await state()).toMatchObject({ inError: true, syncs: 2 });

      await handle.signal(syncNow, 'resume');
      // The third sync ends the run: the next run starts with a fresh history.
      await eventually(async () => (await handle.describe()).runId !== firstRun, 'continue-as-new');
      expect(await state()).toMatchObject({ inError: false, syncs: 0 });
      await handle.signal(removeConnection);
      await handle.result();

      expect(outcomes).toMatchObject([
        { status: 'ACTIVE', imported: 3 },
        { status: 'ERROR', error: expect.stringContaining('HTTP 401') },
        { status: 'ACTIVE', imported: 3 },
      ]);
      expect(pagesAnswered).toEqual([0, 0, 1, 2, 2]);
      if (process.env.RECORD_HISTORIES === 'true') {
        // Refreshes the fixture the replay test guards determinism with (after an intended workflow change).
        fs.writeFileSync(
          path.join(__dirname, '..', 'fixtures', 'histories', 'connector-sync.json'),
          historyToJSON(await env.client.workflow.getHandle(handle.workflowId, firstRun).fetchHistory()),
        );
      }
    });
  });

  it('files the records a person retries, one by one, a transient failure retried, between syncs', async () => {
    const calls: string[] = [];
    let failOnce = true;
    const activities: ConnectorActivities = {
      async syncConnectorPage() {
        calls.push('page');
        return { more: false, seen: 0, imported: 0, alreadyKnown: 0, failed: [] };
      },
      async pushConnectorStatuses() {
        return 0;
      },
      async retryConnectorRecord({ externalId }) {
        calls.push(`retry ${externalId}`);
        if (failOnce) {
          failOnce = false;
          throw new Error('ERP answered 503');
        }
        return { filed: true };
      },
      async recordSyncOutcome() {},
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'connector-retry-test',
      workflowBundle: await workflowBundle(),
      activities,
    });
    // Asked before any worker runs: the workflow sees all three requests at once.
    const handle = await env.client.workflow.start(connectorSync, {
      workflowId: 'connector/retry-connection',
      taskQueue: 'connector-retry-test',
      args: [
        {
          connectionId: 'retry-connection',
          connectorId: 'evoliz',
          structureId: 'st-1',
          retry: { initialIntervalMs: 100, maximumIntervalMs: 1000 },
        },
      ],
    });
    await handle.signal(retryRecord, '17');
    await handle.signal(retryRecord, '17');
    await handle.signal(retryRecord, '18');
    await worker.runUntil(async () => {
      await eventually(async () => calls.filter((c) => c === 'retry 18').length === 1, 'the second retry');
      await handle.signal(syncNow, 'manual');
      await eventually(async () => (await handle.query(connectorSyncState)).syncs === 1, 'the sync');
      await handle.signal(removeConnection);
      await handle.result();
      // The ERP's 503 is retried by the activity's policy; the same record asked twice is filed once.
      expect(calls).toEqual(['retry 17', 'retry 17', 'retry 18', 'page']);
    });
  });
});
