import * as wf from '@temporalio/workflow';
import { syncNow } from './connector';

/**
 * What a connection's Temporal Schedule starts every interval: a tick that signals the connection's
 * long-lived sync workflow (schedules can only start workflows, and the sync must stay one workflow
 * so two syncs of a connection never overlap).
 */
export async function connectorTick(connectionId: string): Promise<void> {
  await wf.getExternalWorkflowHandle(`connector/${connectionId}`).signal(syncNow, 'schedule');
}
