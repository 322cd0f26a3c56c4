import * as wf from '@temporalio/workflow';
import type { AccountActivities } from '../activities/account';
import type { AccountLinkInput, LinkState, LinkUse } from '../accounts/types';
import { awaitLinkUse } from './emailed-link';
import { boundedRetry } from './activity-retry';

/** The person follows the reset link: token and new password, both hashed by the API. */
export const confirmPasswordReset = wf.defineUpdate<void, [LinkUse]>('confirmPasswordReset');
/** Another reset request while one is pending: a new link, the old one stops working. */
export const resendPasswordReset = wf.defineSignal('resendPasswordReset');
export const passwordResetState = wf.defineQuery<LinkState>('passwordResetState');

const { resetPassword } = wf.proxyActivities<AccountActivities>({
  startToCloseTimeout: '10 seconds',
  retry: boundedRetry(),
});

/**
 * Password reset (`account-reset/<email>`), the same single-use link as activation: using it sets the
 * new password, lifts a sign-in lock and ends every open session. Ends RESET or EXPIRED.
 */
export async function passwordReset(input: AccountLinkInput): Promise<'RESET' | 'EXPIRED'> {
  const outcome = await awaitLinkUse({
    purpose: 'reset',
    input,
    use: confirmPasswordReset,
    resend: resendPasswordReset,
    state: passwordResetState,
    consume: (use, at) => resetPassword({ userId: input.userId, ...use, at }),
  });
  return outcome === 'USED' ? 'RESET' : 'EXPIRED';
}
