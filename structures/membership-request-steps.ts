import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { elide } from '../platform/mail/french';
import { contactsOf } from '../accounts';
import * as requests from './store/membership-requests';
import { findMembership, membersByUserId } from './store/members';
import { findStructure } from './store/structures';
import type { Manager, MembershipOutcome, MembershipStep, Role } from './types';

/**
 * The steps of a membership request, as its workflow runs them. Rows are keyed by the request id and
 * emails carry an idempotency key built from the request (id, requestedAt) and the step, so running
 * a step again changes nothing.
 */

export interface StepDeps {
  db: Db;
  mailer: Mailer;
  /** The portal's public URL: the managers' email links to the structure's page. */
  publicUrl?: string;
}

const structureName = async (db: Db, structureId: string) =>
  (await findStructure(db, structureId))?.name ?? structureId;

/** Files the request as EN_ATTENTE (a later request of the same user replaces a decided one). */
export async function recordMembershipRequest(db: Db, step: MembershipStep): Promise<void> {
  await requests.savePendingRequest(db, step);
}

/** Who manages the structure now (with the email to reach them), and whether the requester is a member. */
export async function loadManagers(
  db: Db,
  { structureId, userId }: { structureId: string; userId: string },
): Promise<{ managers: Manager[]; requesterIsMember: boolean }> {
  const managing = await membersByUserId(db, structureId, ['PRINCIPAL', 'SECONDAIRE']);
  const managers = await contactsOf(
    db,
    managing.map((m) => m.userId),
  );
  return { managers, requesterIsMember: !!(await findMembership(db, structureId, userId)) };
}

/** Emails each manager about the request (round 0) or reminds them of it (round n). */
export async function notifyManagers(
  { db, mailer, publicUrl }: StepDeps,
  { id, request, managers, round }: MembershipStep & { managers: Manager[]; round: number },
): Promise<void> {
  const name = await structureName(db, request.structureId);
  const services = request.services.length ? ` (services ${request.services.join(', ')})` : '';
  for (const m of managers) {
    await mailer.send({
      to: m.email,
      subject: `${round === 0 ? '' : 'Rappel : '}demande de rattachement à ${name}`,
      text:
        `Bonjour,\n\n${request.requesterEmail} demande à être rattaché(e) à la structure ${name}${services}.\n` +
        `Approuvez ou refusez la demande sur la page de la structure : ` +
        `${publicUrl ?? ''}/structures/${encodeURIComponent(request.structureId)}`,
      idempotencyKey: `${id}@${request.requestedAt}/managers/${round}/${m.userId}`,
    });
  }
}

/** Puts the request in the operators' queue and marks it ESCALADEE. */
export async function escalateMembershipRequest(db: Db, step: MembershipStep): Promise<void> {
  await requests.escalateRequest(
    db,
    step,
    `${step.request.requesterEmail} awaits an answer to an attachment request`,
    new Date().toISOString(),
  );
}

/** Records the decision; an approval makes the requester a member with the granted role and services. */
export async function applyDecision(
  db: Db,
  { outcome, ...step }: MembershipStep & { outcome: MembershipOutcome },
) {
  await requests.recordDecision(db, step, outcome);
}

/** Ends a request nobody decided: withdrawn by the requester, or made moot by a direct membership. */
export async function closeMembershipRequest(
  db: Db,
  { outcome, ...step }: MembershipStep & { outcome: MembershipOutcome },
): Promise<void> {
  await requests.closeRequest(db, step, outcome);
}

const ROLE_LABELS: Record<Role, string> = {
  PRINCIPAL: 'gestionnaire principal',
  SECONDAIRE: 'gestionnaire secondaire',
  UTILISATEUR: 'utilisateur',
};

/** Tells the requester the answer, with the role granted. */
export async function notifyRequester(
  { db, mailer }: StepDeps,
  { id, request, outcome }: MembershipStep & { outcome: MembershipOutcome },
): Promise<void> {
  const name = await structureName(db, request.structureId);
  const approved = outcome.status === 'APPROUVEE';
  await mailer.send({
    to: request.requesterEmail,
    subject: `Demande de rattachement à ${name} ${approved ? 'approuvée' : 'refusée'}`,
    text: approved
      ? `Vous pouvez désormais agir pour la structure ${name}${outcome.role ? `, en tant ${elide('que', ROLE_LABELS[outcome.role])}` : ''}.`
      : `Votre demande de rattachement à ${name} a été refusée : ${outcome.reason ?? ''}`,
    idempotencyKey: `${id}@${request.requestedAt}/decision`,
  });
}
