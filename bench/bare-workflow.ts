import * as wf from '@temporalio/workflow';
import type { BareActivities } from './bare-activities';

export { invoiceLifecycle } from '../workflows/invoice';

const { step } = wf.proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

/** The baseline: a workflow with as many activities as the invoice workflow, each doing nothing. */
export async function bareWorkflow(activities: number): Promise<void> {
  for (let i = 0; i < activities; i++) await step(i);
}
