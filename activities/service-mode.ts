import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { sendPasswordExpiryReminder } from '../service-mode/notices';
import { recordOnboarding } from '../service-mode/onboarding';
import type { PasswordExpiryReminder, RaccordementRecord } from '../service-mode/types';

export interface ServiceModeActivityDeps {
  db: Db;
  mailer: Mailer;
}

/** Side effects of the service-mode workflows (technical-account reminders, connection onboarding). */
export function createServiceModeActivities(deps: ServiceModeActivityDeps) {
  return {
    /** Emails every main manager of the structure; answers how many were emailed. */
    sendPasswordExpiryReminder: (r: PasswordExpiryReminder): Promise<number> =>
      sendPasswordExpiryReminder(deps, r),
    /** The application's onboarding state, as managers and operators list it. */
    recordRaccordement: (r: RaccordementRecord): Promise<void> => recordOnboarding(deps, r),
  };
}

export type ServiceModeActivities = ReturnType<typeof createServiceModeActivities>;
