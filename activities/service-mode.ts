import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { passwordExpiryEmail, raccordementEmail } from '../platform/mail/service-mode-templates';
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

    /**
     * The application's onboarding state, as managers and operators list it. On reaching QUALIFIEE the
     * managers are told and the operators' queue gets a task; on PRODUCTION the task is resolved and the
     * managers told. Emails go before the row changes, keyed by status, so a retry sends nothing twice.
     */
    async recordRaccordement(r: {
      applicationId: string;
      status: RaccordementStatus;
      acceptedDeposits: number;
      rejectedDeposits: number;
      /** Absent in histories recorded before operators could change it. */
      requiredDeposits?: number;
      approvedBy?: string;
    }): Promise<void> {
      const now = new Date().toISOString();
      const app = await db('api_applications').where({ id: r.applicationId }).first();
      if (!app || app.mode === 'REVOKED') return;
      if (app.mode !== r.status && (r.status === 'QUALIFIEE' || r.status === 'PRODUCTION')) {
        const structure = await db('structures').where({ id: app.structure_id }).first('name');
        const managers = await db('structure_members')
          .join('users', 'users.id', 'structure_members.user_id')
          .where('structure_members.structure_id', app.structure_id)
          .whereIn('structure_members.role', ['PRINCIPAL', 'SECONDAIRE'])
          .select('users.id', 'users.contact_email');
        for (const m of managers)
          await mailer.send({
            to: m.contact_email,
            ...raccordementEmail({
              applicationName: app.name,
              status: r.status,
              structureName: structure?.name ?? '',
            }),
            idempotencyKey: `raccordement/${r.applicationId}/${r.status}/${m.id}`,
          });
        if (r.status === 'QUALIFIEE')
          await db('operator_tasks')
            .insert({
              id: `raccordement/${r.applicationId}`,
              kind: 'RACCORDEMENT',
              subject_id: r.applicationId,
              structure_id: app.structure_id,
              summary: `Application ${app.name} has passed its qualification scenario and awaits approval for production`,
              created_at: now,
            })
            .onConflict('id')
            .ignore();
        else
          await db('operator_tasks')
            .where({ id: `raccordement/${r.applicationId}` })
            .whereNull('resolved_at')
            .update({ resolved_at: now });
      }
      await db('api_applications')
        .where({ id: r.applicationId })
        .update({
          mode: r.status,
          accepted_deposits: r.acceptedDeposits,
          rejected_deposits: r.rejectedDeposits,
          ...(r.requiredDeposits !== undefined && { required_deposits: r.requiredDeposits }),
          updated_at: now,
          ...(r.status === 'PRODUCTION' && { approved_by: r.approvedBy ?? null, approved_at: now }),
        });
    },
  };
}

export type ServiceModeActivities = ReturnType<typeof createServiceModeActivities>;
