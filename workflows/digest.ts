import * as wf from '@temporalio/workflow';
import type { DigestActivities } from '../activities/digest';
import { boundedRetry } from './activity-retry';

const { dueNotificationDigests, sendNotificationDigest } = wf.proxyActivities<DigestActivities>({
  startToCloseTimeout: '1 minute',
  retry: boundedRetry(),
});

/** What one run of the digest reports: how many digest emails went out. */
export interface DigestRunResult {
  at: string;
  sent: number;
}

/**
 * The daily digest of new invoices, started once a day by the `notification-digest` schedule (at
 * NOTIFICATION_DIGEST_HOUR, Paris time). The notices wait in the database, not in this workflow, so a
 * worker restart loses none; each member's digest is one activity that sends it and marks its notices
 * sent, and a member with nothing held gets no email. `at` (the run's start unless given) bounds the
 * notices it takes: later ones wait for the next day's run.
 */
export async function notificationDigest(input: { at?: string } = {}): Promise<DigestRunResult> {
  const at = input.at ?? new Date(Date.now()).toISOString();
  let sent = 0;
  for (const recipient of await dueNotificationDigests({ at }))
    sent += await sendNotificationDigest({ ...recipient, at });
  return { at, sent };
}
