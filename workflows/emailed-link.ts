import * as wf from '@temporalio/workflow';
import type { QueryDefinition, SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { AccountActivities } from '../activities/account';
import type { AccountLinkInput, LinkPurpose, LinkState, LinkUse } from '../accounts/types';
import { boundedRetry } from './activity-retry';

const { sendAccountLink } = wf.proxyActivities<AccountActivities>({
  startToCloseTimeout: '30 seconds',
  retry: boundedRetry(),
});

/**
 * Emails a single-use link and waits until it is used (through `use`, whose validator checks the
 * token hash and expiry) or lapses. `resend` replaces the link with a new one: the old one stops
 * working at once. Shared by account activation and password reset, which differ only in what using
 * the link does.
 */
export async function awaitLinkUse(o: {
  purpose: LinkPurpose;
  input: AccountLinkInput;
  use: UpdateDefinition<void, [LinkUse]>;
  resend: SignalDefinition<[]>;
  state: QueryDefinition<LinkState>;
  consume: (use: LinkUse, at: string) => Promise<void>;
}): Promise<'USED' | 'EXPIRED'> {
  const validityMs = (o.input.linkValidityMinutes ?? 60) * 60_000;
  const { workflowId, runId } = wf.workflowInfo();
  let link: { tokenHash: string; expiresAt: number } | undefined;
  let using = false;
  let used = false;
  let resendAsked = false;
  let linksSent = 0;

  wf.setHandler(o.state, () => ({
    status: used ? 'USED' : link && Date.now() >= link.expiresAt ? 'EXPIRED' : 'WAITING',
    linksSent,
    expiresAt: link && new Date(link.expiresAt).toISOString(),
  }));
  wf.setHandler(o.resend, () => {
    resendAsked = true;
  });
  wf.setHandler(
    o.use,
    async (use) => {
      using = true;
      await o.consume(use, new Date().toISOString());
      used = true;
    },
    {
      validator: (use) => {
        if (!link || using || used || use.tokenHash !== link.tokenHash) {
          throw wf.ApplicationFailure.nonRetryable(
            'This link is not valid: wrong, already used, or replaced by a newer one.',
            'TOKEN_INVALID',
          );
        }
        if (Date.now() >= link.expiresAt) {
          throw wf.ApplicationFailure.nonRetryable(
            'This link has expired; ask for a new one.',
            'LINK_EXPIRED',
          );
        }
      },
    },
  );

  for (;;) {
    linksSent += 1;
    const expiresAt = Date.now() + validityMs;
    const { tokenHash } = await sendAccountLink({
      purpose: o.purpose,
      // The run id keeps keys apart when a later run reuses the workflow id (a re-sent expired link).
      linkKey: `${workflowId}/${runId}/${linksSent}`,
      userId: o.input.userId,
      email: o.input.email,
      firstName: o.input.firstName,
      sendTo: o.input.sendTo,
      linkUrl: o.input.linkUrl,
      expiresAt: new Date(expiresAt).toISOString(),
      validityMinutes: validityMs / 60_000,
    });
    link = { tokenHash, expiresAt };
    // A resend asked while this link was being sent is answered by this link.
    resendAsked = false;
    const answered = await wf.condition(() => using || resendAsked, Math.max(expiresAt - Date.now(), 1));
    if (using) {
      await wf.condition(() => used && wf.allHandlersFinished());
      return 'USED';
    }
    if (!answered) return 'EXPIRED';
  }
}
