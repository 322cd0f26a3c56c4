import * as wf from '@temporalio/workflow';
import type { ServiceModeActivities } from '../activities/service-mode';
import type { RemindersState, TechnicalAccountReminders } from '../service-mode/types';
import { boundedRetry } from './activity-retry';

export const remindersState = wf.defineQuery<RemindersState>('remindersState');

const { sendPasswordExpiryReminder } = wf.proxyActivities<ServiceModeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: boundedRetry(),
});

const DAY = 86_400_000;

/**
 * Emails the structure's main managers before the technical account's password expires. Each
 * reminder is a timer to its date; a reminder whose date has passed when the run starts is skipped.
 * Resetting the password terminates this run and starts another with the new expiry.
 */
export async function technicalAccountReminders(input: TechnicalAccountReminders): Promise<RemindersState> {
  const state: RemindersState = { expiresAt: input.expiresAt, sent: [] };
  wf.setHandler(remindersState, () => state);
  const expiry = Date.parse(input.expiresAt);
  const { runId } = wf.workflowInfo();
  for (const days of [...input.remindDaysBefore].sort((a, b) => b - a)) {
    const wait = expiry - days * DAY - Date.now();
    if (wait < 0) continue;
    await wf.sleep(Math.max(wait, 1));
    await sendPasswordExpiryReminder({
      structureId: input.structureId,
      login: input.login,
      expiresAt: input.expiresAt,
      daysLeft: days,
      idempotencyKey: `technical-account/${input.structureId}/${runId}/${days}`,
    });
    state.sent.push(days);
  }
  return state;
}
