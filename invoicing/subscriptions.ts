import type { Db } from '../platform/db';
import type { Caller } from '../accounts/caller';
import { DomainError } from '../platform/domain-error';
import { authorize } from '../structures/access';
import { NOTICE_EVENT_NAMES, NOTICE_EVENTS, type NoticeEvent } from './notices';
import {
  isSubscribed,
  notificationChoices,
  saveNotificationChoices,
  subscribe,
  subscribedStructures,
  unsubscribe,
} from './store/subscriptions';
import { digestChoice, saveDigestChoice } from './store/digest';

/** A kind of invoice email and whether the member receives it for the structure. */
export interface NotificationPreference {
  event: NoticeEvent;
  label: string;
  enabled: boolean;
  /** Whether it is on for members who chose nothing. */
  byDefault: boolean;
}

const every = (enabled: boolean) => Object.fromEntries(NOTICE_EVENT_NAMES.map((e) => [e, enabled]));

/** A member of the structure starts or stops receiving every email about its invoices. */
export async function setSubscription(db: Db, caller: Caller, structureId: string, subscribed: boolean) {
  await authorize(db, caller, structureId, 'member');
  if (subscribed) await subscribe(db, structureId, caller.userId);
  else await unsubscribe(db, structureId, caller.userId);
  await saveNotificationChoices(db, structureId, caller.userId, every(subscribed));
}

/** The structures whose invoice emails the caller receives in full. */
export async function subscriptionsOf(db: Db, caller: Caller): Promise<string[]> {
  return subscribedStructures(db, caller.userId);
}

/** Each kind of invoice email of the structure, and whether the caller receives it. */
export async function notificationPreferences(
  db: Db,
  caller: Caller,
  structureId: string,
): Promise<NotificationPreference[]> {
  await authorize(db, caller, structureId, 'member');
  const [chosen, subscribed] = await Promise.all([
    notificationChoices(db, structureId, caller.userId),
    isSubscribed(db, structureId, caller.userId),
  ]);
  return NOTICE_EVENT_NAMES.map((event) => ({
    event,
    label: NOTICE_EVENTS[event].label,
    enabled: chosen[event] ?? (NOTICE_EVENTS[event].on || subscribed),
    byDefault: NOTICE_EVENTS[event].on,
  }));
}

/** Turns kinds of invoice emails on or off for the caller; an unknown kind changes nothing. */
export async function setNotificationPreferences(
  db: Db,
  caller: Caller,
  structureId: string,
  choices: Record<string, boolean>,
): Promise<NotificationPreference[]> {
  await authorize(db, caller, structureId, 'member');
  checkChoices(choices);
  await saveNotificationChoices(db, structureId, caller.userId, choices);
  return notificationPreferences(db, caller, structureId);
}

function checkChoices(choices: Record<string, unknown>): void {
  for (const [event, enabled] of Object.entries(choices)) {
    if (!(NOTICE_EVENT_NAMES as string[]).includes(event))
      throw new DomainError('INVALID_INPUT', `Type de notification inconnu : ${event}.`, {
        field: `body.events.${event}`,
      });
    if (typeof enabled !== 'boolean')
      throw new DomainError('INVALID_INPUT', 'Chaque type de notification vaut true ou false.', {
        field: `body.events.${event}`,
      });
  }
}

/** The caller's invoice emails for the structure: each kind, and whether new invoices come as a daily digest. */
export interface NotificationSettings {
  items: NotificationPreference[];
  /** New invoices in one email a day (true) rather than one email each (false). */
  digest: boolean;
}

export async function notificationSettings(
  db: Db,
  caller: Caller,
  structureId: string,
): Promise<NotificationSettings> {
  const items = await notificationPreferences(db, caller, structureId);
  return { items, digest: await digestChoice(db, caller.userId, structureId) };
}

/**
 * Saves the caller's choices (`events`: kind → on or off; `digest`: new invoices as a daily digest,
 * sent at the hour the installation set, NOTIFICATION_DIGEST_HOUR, Paris time). The body is checked
 * first, then the caller's membership, before anything is written.
 */
export async function setNotificationSettings(
  db: Db,
  caller: Caller,
  structureId: string,
  body: { events?: unknown; digest?: unknown },
): Promise<NotificationSettings> {
  const { events, digest } = body;
  if (events === undefined && digest === undefined)
    throw new DomainError('INVALID_INPUT', 'events ou digest : au moins un choix à enregistrer.', {
      field: 'body.events',
    });
  if (events !== undefined && (!events || typeof events !== 'object' || Array.isArray(events)))
    throw new DomainError('INVALID_INPUT', 'events : un objet { type de notification : true ou false }.', {
      field: 'body.events',
    });
  if (digest !== undefined && typeof digest !== 'boolean')
    throw new DomainError('INVALID_INPUT', 'digest vaut true (récapitulatif quotidien) ou false.', {
      field: 'body.digest',
    });
  if (events) checkChoices(events as Record<string, unknown>);
  await authorize(db, caller, structureId, 'member');
  if (events)
    await saveNotificationChoices(db, structureId, caller.userId, events as Record<string, boolean>);
  if (digest !== undefined) await saveDigestChoice(db, caller.userId, structureId, digest);
  return notificationSettings(db, caller, structureId);
}
