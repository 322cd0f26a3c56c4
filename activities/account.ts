import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { wasSent } from '../platform/mail/mailer';
import { activationEmail, passwordResetEmail } from '../platform/mail/templates';
import { hashToken, newToken } from '../platform/secrets';

export interface AccountActivityDeps {
  db: Db;
  mailer: Mailer;
}

export type LinkPurpose = 'activation' | 'reset';

export interface AccountLinkRequest {
  purpose: LinkPurpose;
  /** Unique per link (workflow id, run id, link number): the idempotency key of the row and the email. */
  linkKey: string;
  userId: string;
  email: string;
  firstName: string;
  sendTo: string;
  linkUrl: string;
  expiresAt: string;
  validityMinutes: number;
}

export interface LinkConsumption {
  userId: string;
  tokenHash: string;
  passwordHash: string;
  at: string;
}

/**
 * Side effects of the account workflows. Tokens are made here and leave only inside the email:
 * the workflow receives their hash. Each activity is safe to retry.
 */
export function createAccountActivities({ db, mailer }: AccountActivityDeps) {
  return {
    /** Makes a link token, records its hash and emails the link; answers the hash. */
    async sendAccountLink(l: AccountLinkRequest): Promise<{ tokenHash: string }> {
      const rowKey = hashToken(l.linkKey);
      const emailKey = `account-link/${l.linkKey}`;
      // A retry after the email went out must answer the token that email carries.
      const issued = await db('account_tokens').where({ link_key_hash: rowKey }).first();
      if (issued && (await wasSent(db, emailKey))) return { tokenHash: issued.token_hash };

      // Not sent yet, so nobody holds the earlier token of this key: a fresh one replaces it.
      const token = newToken();
      const tokenHash = hashToken(token);
      await db('account_tokens')
        .insert({
          link_key_hash: rowKey,
          user_id: l.userId,
          purpose: l.purpose,
          token_hash: tokenHash,
          expires_at: l.expiresAt,
          created_at: new Date().toISOString(),
        })
        .onConflict('link_key_hash')
        .merge(['token_hash', 'expires_at']);
      const link = `${l.linkUrl}?${new URLSearchParams({ email: l.email, token })}`;
      const template = l.purpose === 'activation' ? activationEmail : passwordResetEmail;
      await mailer.send({
        to: l.sendTo,
        ...template({ firstName: l.firstName, link, validityMinutes: l.validityMinutes }),
        idempotencyKey: emailKey,
      });
      return { tokenHash };
    },

    /** The pending account becomes ACTIVE with its password hash; the link is marked used. */
    async activateAccount(c: LinkConsumption): Promise<void> {
      await db.transaction(async (trx) => {
        await trx('users')
          .where({ id: c.userId, status: 'PENDING' })
          .update({ status: 'ACTIVE', password_hash: c.passwordHash, activated_at: c.at });
        await trx('account_tokens')
          .where({ token_hash: c.tokenHash })
          .whereNull('used_at')
          .update({ used_at: c.at });
      });
    },

    /**
     * Sets the new password, lifts any sign-in lock and ends every session. Done once per link: a
     * retry finds the link used and leaves sessions opened since then alone.
     */
    async resetPassword(c: LinkConsumption): Promise<void> {
      await db.transaction(async (trx) => {
        const marked = await trx('account_tokens')
          .where({ token_hash: c.tokenHash, user_id: c.userId })
          .whereNull('used_at')
          .update({ used_at: c.at });
        if (marked === 0) return;
        await trx('users')
          .where({ id: c.userId })
          .update({ password_hash: c.passwordHash, failed_sign_ins: 0, locked_until: null });
        await trx('sessions').where({ user_id: c.userId }).delete();
      });
    },
  };
}

export type AccountActivities = ReturnType<typeof createAccountActivities>;
