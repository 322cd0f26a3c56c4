import * as wf from '@temporalio/workflow';
import type { AccountActivities } from '../activities/account';
import type { AccountLinkInput, LinkState, LinkUse } from '../accounts/types';
import { awaitLinkUse } from './emailed-link';
import { boundedRetry } from './activity-retry';

/** The person follows the link: token and new password, both hashed by the API. */
export const activate = wf.defineUpdate<void, [LinkUse]>('activate');
/** A lost or expired link: send a new one, the old one stops working. */
export const resendActivation = wf.defineSignal('resendActivation');
export const activationState = wf.defineQuery<LinkState>('activationState');

const { activateAccount } = wf.proxyActivities<AccountActivities>({
  startToCloseTimeout: '10 seconds',
  retry: boundedRetry(),
});

/**
 * Account activation (`account/<email>`): emails a single-use link valid 60 minutes; the account
 * becomes ACTIVE with the password chosen through it. Ends ACTIVATED, or EXPIRED when the link
 * lapses without being re-sent (the account stays pending; a later resend starts a new run).
 */
export async function accountActivation(input: AccountLinkInput): Promise<'ACTIVATED' | 'EXPIRED'> {
  const outcome = await awaitLinkUse({
    purpose: 'activation',
    input,
    use: activate,
    resend: resendActivation,
    state: activationState,
    consume: (use, at) => activateAccount({ userId: input.userId, ...use, at }),
  });
  return outcome === 'USED' ? 'ACTIVATED' : 'EXPIRED';
}
