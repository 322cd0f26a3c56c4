import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

/** The Temporal schedule that starts the daily digest of new invoices. */
export const DIGEST_SCHEDULE_ID = 'notification-digest';

/**
 * Creates the digest's schedule, or brings an existing one to the configured hour: every day at
 * `hour`:00 in Europe/Paris (Temporal follows the daylight-saving changes). Called at each worker
 * start, so changing NOTIFICATION_DIGEST_HOUR takes effect at the next restart.
 */
export async function ensureDigestSchedule(
  client: Client,
  { hour, taskQueue }: { hour: number; taskQueue: string },
): Promise<void> {
  const spec = { calendars: [{ hour, minute: 0 }], timezone: 'Europe/Paris' };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'notificationDigest',
    workflowId: 'notification-digest-run',
    taskQueue,
    args: [{}],
  };
  const handle = client.schedule.getHandle(DIGEST_SCHEDULE_ID);
  try {
    await client.schedule.create({
      scheduleId: DIGEST_SCHEDULE_ID,
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await handle.update((previous) => ({ ...previous, spec, action }));
  }
}
