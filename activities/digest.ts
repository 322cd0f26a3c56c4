import { dueDigests, sendDigest, type DigestDeps, type DigestRecipient } from '../invoicing/digest';

/** The daily digest of new invoices: who has one due, and sending one (notices marked sent in the same step). */
export function createDigestActivities(deps: DigestDeps) {
  return {
    /** Members and structures with new invoices held before `at` and not yet sent. */
    dueNotificationDigests: ({ at }: { at: string }): Promise<DigestRecipient[]> =>
      dueDigests(deps.db, new Date(at)),

    /** Sends one member's digest for one structure; a retry sends nothing twice. */
    sendNotificationDigest: ({ at, ...recipient }: DigestRecipient & { at: string }): Promise<number> =>
      sendDigest(deps, { ...recipient, at: new Date(at) }),
  };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;
