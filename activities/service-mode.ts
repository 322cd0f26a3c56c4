import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { passwordExpiryEmail } from '../platform/mail/service-mode-templates';
import type { RaccordementStatus } from '../workflows/raccordement';

export interface ServiceModeActivityDeps {
  db: Db;
  mailer: Mailer;
}

/** Side effects of the service-mode workflows (technical-account reminders, connection onboarding). */
export function createServiceModeActivities({ db, mailer }: ServiceModeActivityDeps) {
  return {
    /** Emails every main manager of the structure; the key makes a retry send nothing twice. */
    async sendPasswordExpiryReminder(r: {
      structureId: string;
      login: string;
      expiresAt: string;
      daysLeft: number;
      idempotencyKey: string;
    }): Promise<number> {
      const structure = await db('structures').where({ id: r.structureId }).first('name');
      const managers = await db('structure_members')
        .join('users', 'users.id', 'structure_members.user_id')
        .where({ 'structure_members.structure_id': r.structureId, 'structure_members.role': 'PRINCIPAL' })
        .select('users.id', 'users.contact_email');
      for (const m of managers)
        await mailer.send({
          to: m.contact_email,
          ...passwordExpiryEmail({ ...r, structureName: structure?.name ?? r.structureId }),
          idempotencyKey: `${r.idempotencyKey}/${m.id}`,
        });
      return managers.length;
    },

    /** The application's onboarding state, as managers and operators list it. */
    async recordRaccordement(r: {
      applicationId: string;
      status: RaccordementStatus;
      acceptedDeposits: number;
      rejectedDeposits: number;
      approvedBy?: string;
    }): Promise<void> {
      const now = new Date().toISOString();
      await db('api_applications')
        .where({ id: r.applicationId })
        .whereNot({ mode: 'REVOKED' })
        .update({
          mode: r.status,
          accepted_deposits: r.acceptedDeposits,
          rejected_deposits: r.rejectedDeposits,
          updated_at: now,
          ...(r.status === 'PRODUCTION' && { approved_by: r.approvedBy ?? null, approved_at: now }),
        });
    },
  };
}

export type ServiceModeActivities = ReturnType<typeof createServiceModeActivities>;
