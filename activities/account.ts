import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { activateWithLink, resetPasswordWithLink, sendAccountLink } from '../accounts/links';
import type { AccountLinkRequest, LinkConsumption } from '../accounts/types';

export interface AccountActivityDeps {
  db: Db;
  mailer: Mailer;
}

/** Side effects of the account workflows (activation, password reset); each is safe to retry. */
export function createAccountActivities(deps: AccountActivityDeps) {
  return {
    /** Makes a link token, records its hash and emails the link; answers the hash. */
    sendAccountLink: (l: AccountLinkRequest): Promise<{ tokenHash: string }> => sendAccountLink(deps, l),
    /** The pending account becomes ACTIVE with its password hash; the link is marked used. */
    activateAccount: (c: LinkConsumption): Promise<void> => activateWithLink(deps.db, c),
    /** Sets the new password, lifts any sign-in lock and ends every session (once per link). */
    resetPassword: (c: LinkConsumption): Promise<void> => resetPasswordWithLink(deps.db, c),
  };
}

export type AccountActivities = ReturnType<typeof createAccountActivities>;
