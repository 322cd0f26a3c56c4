import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { wasSent } from '../platform/mail/mailer';
import { activationEmail, passwordResetEmail } from '../platform/mail/templates';
import { hashToken, newToken } from '../platform/secrets';
import * as store from './store';
import type { AccountLinkRequest, LinkConsumption } from './types';

/**
 * Makes a link token, records its hash and emails the link; answers the hash. The token leaves only
 * inside the email: the workflow gets its hash. Safe to retry under the same link key.
 */
export async function sendAccountLink(
  { db, mailer }: { db: Db; mailer: Mailer },
  l: AccountLinkRequest,
): Promise<{ tokenHash: string }> {
  const linkKeyHash = hashToken(l.linkKey);
  const emailKey = `account-link/${l.linkKey}`;
  // A retry after the email went out must answer the token that email carries.
  const issued = await store.issuedLinkToken(db, linkKeyHash);
  if (issued && (await wasSent(db, emailKey))) return { tokenHash: issued };

  // Not sent yet, so nobody holds the earlier token of this key: a fresh one replaces it.
  const token = newToken();
  const tokenHash = hashToken(token);
  await store.saveLinkToken(db, {
    linkKeyHash,
    userId: l.userId,
    purpose: l.purpose,
    tokenHash,
    expiresAt: l.expiresAt,
    createdAt: new Date().toISOString(),
  });
  const link = `${l.linkUrl}?${new URLSearchParams({ email: l.email, token })}`;
  const template = l.purpose === 'activation' ? activationEmail : passwordResetEmail;
  await mailer.send({
    to: l.sendTo,
    ...template({ firstName: l.firstName, link, validityMinutes: l.validityMinutes }),
    idempotencyKey: emailKey,
  });
  return { tokenHash };
}

/** The pending account becomes ACTIVE with its password hash; the link is marked used. */
export async function activateWithLink(db: Db, c: LinkConsumption): Promise<void> {
  await store.activateWithLink(db, c);
}

/**
 * Sets the new password, lifts any sign-in lock and ends every session. Done once per link: a retry
 * finds the link used and leaves sessions opened since then alone.
 */
export async function resetPasswordWithLink(db: Db, c: LinkConsumption): Promise<void> {
  await store.resetPasswordWithLink(db, c);
}
