import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import * as steps from '../structures/membership-request-steps';
import type { Manager, MembershipOutcome, MembershipStep } from '../structures/types';

export interface MembershipActivityDeps {
  db: Db;
  mailer: Mailer;
  /** The portal's public URL (PUBLIC_URL): the managers' email links to the structure's page. */
  publicUrl?: string;
}

type Decided = MembershipStep & { outcome: MembershipOutcome };

/**
 * Side effects of the membership request workflow, each safe to retry. The activity names are those
 * recorded in workflow histories (hence "attachment" in two of them): they do not change.
 */
export function createMembershipActivities(deps: MembershipActivityDeps) {
  const { db } = deps;
  return {
    recordAttachmentRequest: (s: MembershipStep): Promise<void> => steps.recordMembershipRequest(db, s),
    loadManagers: (r: { structureId: string; userId: string }) => steps.loadManagers(db, r),
    notifyManagers: (s: MembershipStep & { managers: Manager[]; round: number }): Promise<void> =>
      steps.notifyManagers(deps, s),
    escalateAttachment: (s: MembershipStep): Promise<void> => steps.escalateMembershipRequest(db, s),
    applyDecision: (s: Decided): Promise<void> => steps.applyDecision(db, s),
    closeRequest: (s: Decided): Promise<void> => steps.closeMembershipRequest(db, s),
    notifyRequester: (s: Decided): Promise<void> => steps.notifyRequester(deps, s),
  };
}

export type MembershipActivities = ReturnType<typeof createMembershipActivities>;
