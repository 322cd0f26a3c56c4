/** What the request workflow's activities do: keep the request and its messages, and write to people. */
import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { insertRequest, insertRequestMessage, updateRequestStatus } from './store';
import type { Advisor, RequestMessage, RequestStatus, SupportRequestInput } from './types';

const STATUS_LABELS: Record<RequestStatus, string> = {
  NOUVELLE: 'nouvelle',
  EN_COURS: 'en cours',
  EN_ATTENTE_UTILISATEUR: 'en attente de votre réponse',
  REPONDUE: 'répondue',
  CLOTUREE: 'clôturée',
};

export async function recordRequest(db: Db, request: SupportRequestInput): Promise<void> {
  await insertRequest(db, request);
}

export async function recordRequestStatus(
  db: Db,
  change: { id: string; status: RequestStatus; advisorId?: string; at: string },
): Promise<void> {
  await updateRequestStatus(db, change);
}

export async function recordRequestMessage(
  db: Db,
  requestId: string,
  message: RequestMessage,
): Promise<void> {
  await insertRequestMessage(db, requestId, message);
}

/** Tells the advisors of a new request; each email carries an idempotency key, so a retry sends none twice. */
export async function emailAdvisors(mailer: Mailer, request: SupportRequestInput, advisors: Advisor[]) {
  for (const a of advisors)
    await mailer.send({
      to: a.email,
      subject: `Nouvelle sollicitation : ${request.subject}`,
      text: `${request.contactEmail} a fait une sollicitation (${request.category} / ${request.subcategory}) :\n\n${request.text}`,
      idempotencyKey: `${request.id}/advisors/${a.userId}`,
    });
}

/** Emails the requester an answer (with the request's new status) or the closing of the request. */
export async function emailRequester(
  mailer: Mailer,
  {
    request,
    message,
    status,
  }: { request: SupportRequestInput; message?: RequestMessage; status: RequestStatus },
): Promise<void> {
  const follow = request.userId
    ? 'Suivez-la depuis votre espace.'
    : 'Pour poursuivre, faites une nouvelle sollicitation.';
  await mailer.send({
    to: request.contactEmail,
    subject: message
      ? `Réponse à votre sollicitation : ${request.subject}`
      : `Sollicitation clôturée : ${request.subject}`,
    text: message
      ? `${message.text}\n\nVotre sollicitation est ${STATUS_LABELS[status]}. ${follow}`
      : `Votre sollicitation « ${request.subject} » est clôturée.`,
    idempotencyKey: `${request.id}/${message ? `answer/${message.seq}` : 'closed'}`,
  });
}
