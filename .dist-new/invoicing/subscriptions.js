"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setSubscription = setSubscription;
exports.subscriptionsOf = subscriptionsOf;
exports.notificationPreferences = notificationPreferences;
exports.setNotificationPreferences = setNotificationPreferences;
exports.notificationSettings = notificationSettings;
exports.setNotificationSettings = setNotificationSettings;
const domain_error_1 = require("../platform/domain-error");
const access_1 = require("../structures/access");
const notices_1 = require("./notices");
const subscriptions_1 = require("./store/subscriptions");
const digest_1 = require("./store/digest");
const every = (enabled) => Object.fromEntries(notices_1.NOTICE_EVENT_NAMES.map((e) => [e, enabled]));
/** A member of the structure starts or stops receiving every email about its invoices. */
async function setSubscription(db, caller, structureId, subscribed) {
    await (0, access_1.authorize)(db, caller, structureId, 'member');
    if (subscribed)
        await (0, subscriptions_1.subscribe)(db, structureId, caller.userId);
    else
        await (0, subscriptions_1.unsubscribe)(db, structureId, caller.userId);
    await (0, subscriptions_1.saveNotificationChoices)(db, structureId, caller.userId, every(subscribed));
}
/** The structures whose invoice emails the caller receives in full. */
async function subscriptionsOf(db, caller) {
    return (0, subscriptions_1.subscribedStructures)(db, caller.userId);
}
/** Each kind of invoice email of the structure, and whether the caller receives it. */
async function notificationPreferences(db, caller, structureId) {
    await (0, access_1.authorize)(db, caller, structureId, 'member');
    const [chosen, subscribed] = await Promise.all([
        (0, subscriptions_1.notificationChoices)(db, structureId, caller.userId),
        (0, subscriptions_1.isSubscribed)(db, structureId, caller.userId),
    ]);
    return notices_1.NOTICE_EVENT_NAMES.map((event) => ({
        event,
        label: notices_1.NOTICE_EVENTS[event].label,
        enabled: chosen[event] ?? (notices_1.NOTICE_EVENTS[event].on || subscribed),
        byDefault: notices_1.NOTICE_EVENTS[event].on,
    }));
}
/** Turns kinds of invoice emails on or off for the caller; an unknown kind changes nothing. */
async function setNotificationPreferences(db, caller, structureId, choices) {
    await (0, access_1.authorize)(db, caller, structureId, 'member');
    checkChoices(choices);
    await (0, subscriptions_1.saveNotificationChoices)(db, structureId, caller.userId, choices);
    return notificationPreferences(db, caller, structureId);
}
function checkChoices(choices) {
    for (const [event, enabled] of Object.entries(choices)) {
        if (!notices_1.NOTICE_EVENT_NAMES.includes(event))
            throw new domain_error_1.DomainError('INVALID_INPUT', `Type de notification inconnu : ${event}.`, {
                field: `body.events.${event}`,
            });
        if (typeof enabled !== 'boolean')
            throw new domain_error_1.DomainError('INVALID_INPUT', 'Chaque type de notification vaut true ou false.', {
                field: `body.events.${event}`,
            });
    }
}
async function notificationSettings(db, caller, structureId) {
    const items = await notificationPreferences(db, caller, structureId);
    return { items, digest: await (0, digest_1.digestChoice)(db, caller.userId, structureId) };
}
/**
 * Saves the caller's choices (`events`: kind → on or off; `digest`: new invoices as a daily digest,
 * sent at the hour the installation set, NOTIFICATION_DIGEST_HOUR, Paris time). The body is checked
 * first, then the caller's membership, before anything is written.
 */
async function setNotificationSettings(db, caller, structureId, body) {
    const { events, digest } = body;
    if (events === undefined && digest === undefined)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'events ou digest : au moins un choix à enregistrer.', {
            field: 'body.events',
        });
    if (events !== undefined && (!events || typeof events !== 'object' || Array.isArray(events)))
        throw new domain_error_1.DomainError('INVALID_INPUT', 'events : un objet { type de notification : true ou false }.', {
            field: 'body.events',
        });
    if (digest !== undefined && typeof digest !== 'boolean')
        throw new domain_error_1.DomainError('INVALID_INPUT', 'digest vaut true (récapitulatif quotidien) ou false.', {
            field: 'body.digest',
        });
    if (events)
        checkChoices(events);
    await (0, access_1.authorize)(db, caller, structureId, 'member');
    if (events)
        await (0, subscriptions_1.saveNotificationChoices)(db, structureId, caller.userId, events);
    if (digest !== undefined)
        await (0, digest_1.saveDigestChoice)(db, caller.userId, structureId, digest);
    return notificationSettings(db, caller, structureId);
}
//# sourceMappingURL=subscriptions.js.map