import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import type { AttachmentOutcome, AttachmentRequest } from '../workflows/membership';

export interface AttachmentActivityDeps {
  db: Db;
  mailer: Mailer;
}

export interface Manager {
  userId: string;
  email: string;
}

interface Step {
  id: string;
  request: AttachmentRequest;
}

/**
 * Side effects of the attachment workflow. Rows are keyed by the request id and emails carry an
 * idempotency key built from the request (id, requestedAt) and the step, so retries change nothing.
 */
export function createAttachmentActivities({ db, mailer }: AttachmentActivityDeps) {
  const structureName = async (structureId: string) =>
    (await db('structures').where({ id: structureId }).first('name'))?.name ?? structureId;

  return {
    /** Files the request as EN_ATTENTE (a later request of the same user replaces a decided one). */
    async recordAttachmentRequest({ id, request }: Step): Promise<void> {
      await db('attachment_requests')
        .insert({
          id,
          structure_id: request.structureId,
          user_id: request.userId,
          requester_email: request.requesterEmail,
          services: JSON.stringify(request.services),
          status: 'EN_ATTENTE',
          requested_at: request.requestedAt,
          decided_at: null,
          decided_by: null,
          role: null,
          reason: null,
        })
        .onConflict('id')
        .merge();
    },

    /** Who manages the structure now (with the email to reach them), and whether the requester is a member. */
    async loadManagers({
      structureId,
      userId,
    }: {
      structureId: string;
      userId: string;
    }): Promise<{ managers: Manager[]; requesterIsMember: boolean }> {
      const managers = await db('structure_members')
        .join('users', 'users.id', 'structure_members.user_id')
        .where('structure_members.structure_id', structureId)
        .whereIn('structure_members.role', ['PRINCIPAL', 'SECONDAIRE'])
        .orderBy('structure_members.user_id')
        .select({ userId: 'structure_members.user_id', email: 'users.contact_email' });
      const member = await db('structure_members')
        .where({ structure_id: structureId, user_id: userId })
        .first('role');
      return { managers, requesterIsMember: !!member };
    },

    /** Emails each manager about the request (round 0) or reminds them of it (round n). */
    async notifyManagers({ id, request, managers, round }: Step & { managers: Manager[]; round: number }) {
      const name = await structureName(request.structureId);
      const services = request.services.length ? ` (services ${request.services.join(', ')})` : '';
      for (const m of managers) {
        await mailer.send({
          to: m.email,
          subject: `${round === 0 ? '' : 'Rappel : '}demande de rattachement à ${name}`,
          text:
            `${request.requesterEmail} demande à être rattaché(e) à la structure ${name}${services}.\n` +
            `Approuvez ou refusez la demande ${id} depuis votre espace.`,
          idempotencyKey: `${id}@${request.requestedAt}/managers/${round}/${m.userId}`,
        });
      }
    },

    /** Puts the request in the operators' queue and marks it ESCALADEE. */
    async escalateAttachment({ id, request }: Step): Promise<void> {
      await db.transaction(async (trx) => {
        await trx('operator_tasks')
          .insert({
            id: `${id}@${request.requestedAt}`,
            kind: 'ATTACHMENT_REQUEST',
            subject_id: id,
            structure_id: request.structureId,
            summary: `${request.requesterEmail} awaits an answer to an attachment request`,
            created_at: new Date().toISOString(),
          })
          .onConflict('id')
          .ignore();
        await trx('attachment_requests').where({ id, status: 'EN_ATTENTE' }).update({ status: 'ESCALADEE' });
      });
    },

    /** Records the decision; an approval attaches the requester with the granted role and services. */
    async applyDecision({ id, request, outcome }: Step & { outcome: AttachmentOutcome }): Promise<void> {
      await db.transaction(async (trx) => {
        if (outcome.status === 'APPROUVEE') {
          // A main manager keeps the role: approving a request never demotes them.
          await trx('structure_members')
            .insert({
              structure_id: request.structureId,
              user_id: request.userId,
              role: outcome.role,
              services: JSON.stringify(outcome.services ?? []),
              created_at: outcome.decidedAt,
            })
            .onConflict(['structure_id', 'user_id'])
            .ignore();
        }
        await closeRow(trx, id, request, outcome);
      });
    },

    /** Ends a request nobody decided: withdrawn by the requester, or made moot by a direct attachment. */
    async closeRequest({ id, request, outcome }: Step & { outcome: AttachmentOutcome }): Promise<void> {
      await db.transaction((trx) => closeRow(trx, id, request, outcome));
    },

    /** Tells the requester the answer. */
    async notifyRequester({ id, request, outcome }: Step & { outcome: AttachmentOutcome }): Promise<void> {
      const name = await structureName(request.structureId);
      const approved = outcome.status === 'APPROUVEE';
      await mailer.send({
        to: request.requesterEmail,
        subject: `Demande de rattachement à ${name} ${approved ? 'approuvée' : 'refusée'}`,
        text: approved
          ? `Vous pouvez désormais agir pour la structure ${name}.`
          : `Votre demande de rattachement à ${name} a été refusée : ${outcome.reason ?? ''}`,
        idempotencyKey: `${id}@${request.requestedAt}/decision`,
      });
    },
  };
}

async function closeRow(trx: Db, id: string, request: AttachmentRequest, outcome: AttachmentOutcome) {
  await trx('attachment_requests')
    .where({ id, requested_at: request.requestedAt })
    .update({
      status: outcome.status,
      decided_at: outcome.decidedAt ?? null,
      decided_by: outcome.decidedBy ?? null,
      role: outcome.role ?? null,
      reason: outcome.reason ?? null,
    });
  await trx('operator_tasks')
    .where({ id: `${id}@${request.requestedAt}` })
    .whereNull('resolved_at')
    .update({ resolved_at: outcome.decidedAt ?? new Date().toISOString() });
}

export type AttachmentActivities = ReturnType<typeof createAttachmentActivities>;
