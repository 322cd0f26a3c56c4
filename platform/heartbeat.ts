import { Context } from '@temporalio/activity';

export interface HeartbeatOptions {
  /** Milliseconds between heartbeats; well under the activity's heartbeat timeout. */
  everyMs?: number;
  /** The progress each heartbeat reports (read at each beat), so a retry can tell how far work got. */
  details?: () => unknown;
}

/**
 * Runs an activity's work while heartbeating at a steady pace, so Temporal notices a dead worker
 * within the heartbeat timeout while a slow but living one keeps its work. Call from an activity only.
 */
export async function whileHeartbeating<T>(
  work: () => Promise<T>,
  { everyMs = 2000, details }: HeartbeatOptions = {},
): Promise<T> {
  // The context is looked up at each beat, not before: work that ends within one beat (a service
  // called outside an activity, in a test) never needs one.
  const timer = setInterval(() => Context.current().heartbeat(details?.()), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
