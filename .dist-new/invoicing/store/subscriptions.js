"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.subscribe = subscribe;
exports.unsubscribe = unsubscribe;
exports.subscribedStructures = subscribedStructures;
exports.notificationChoices = notificationChoices;
exports.isSubscribed = isSubscribed;
exports.saveNotificationChoices = saveNotificationChoices;
exports.notifiedEmails = notifiedEmails;
exports.notifiedMembers = notifiedMembers;
/**
 * Invoice emails, per member and structure: `invoice_subscriptions` (a member who asked for every
 * email of the structure) and `notification_preferences` (a member's choice for one kind of email,
 * which wins over the subscription and over the event's default).
 */
/** A member asks for the emails about a structure's invoices; asking twice changes nothing. */
async function subscribe(db, structureId, userId) {
    await db('invoice_subscriptions')
        .insert({ structure_id: structureId, user_id: userId, created_at: new Date().toISOString() })
        .onConflict(['structure_id', 'user_id'])
        .ignore();
}
async function unsubscribe(db, structureId, userId) {
    await db('invoice_subscriptions').where({ structure_id: structureId, user_id: userId }).delete();
}
/** The structures whose invoice emails the user receives in full. */
async function subscribedStructures(db, userId) {
    const rows = await db('invoice_subscriptions').where({ user_id: userId }).select('structure_id');
    return rows.map((r) => r.structure_id);
}
/** The member's own choices for the structure's invoice emails: event → on or off. */
async function notificationChoices(db, structureId, userId) {
    const rows = await db('notification_preferences')
        .where({ structure_id: structureId, user_id: userId })
        .select('event', 'enabled');
    return Object.fromEntries(rows.map((r) => [r.event, !!r.enabled]));
}
/** Whether the member asked for every email of the structure. */
async function isSubscribed(db, structureId, userId) {
    return !!(await db('invoice_subscriptions').where({ structure_id: structureId, user_id: userId }).first());
}
/** Records the member's choices, in one transaction: all of them or none. */
async function saveNotificationChoices(db, structureId, userId, choices) {
    const at = new Date().toISOString();
    await db.transaction(async (trx) => {
        for (const [event, enabled] of Object.entries(choices))
            await trx('notification_preferences')
                .insert({ user_id: userId, structure_id: structureId, event, enabled, updated_at: at })
                .onConflict(['user_id', 'structure_id', 'event'])
                .merge({ enabled, updated_at: at });
    });
}
/**
 * Contact emails of the structure's members who receive this kind of email: those who turned it on,
 * and, where they chose nothing, everyone when it is on by default, else those subscribed to all.
 * A member who left the structure hears nothing more about its invoices.
 */
async function notifiedEmails(db, structureId, event, onByDefault) {
    return (await notifiedMembers(db, structureId, event, onByDefault)).map((m) => m.email);
}
/** The members `notifiedEmails` names, each with their digest choice for the structure. */
async function notifiedMembers(db, structureId, event, onByDefault) {
    if (!structureId)
        return [];
    const rows = await db('structure_members as m')
        .join('users', 'users.id', 'm.user_id')
        .leftJoin('notification_preferences as p', function () {
        this.on('p.user_id', '=', 'm.user_id')
            .andOn('p.structure_id', '=', 'm.structure_id')
            .andOn('p.event', '=', db.raw('?', [event]));
    })
        .leftJoin('invoice_subscriptions as s', function () {
        this.on('s.user_id', '=', 'm.user_id').andOn('s.structure_id', '=', 'm.structure_id');
    })
        .leftJoin('notification_digest_choices as d', function () {
        this.on('d.user_id', '=', 'm.user_id').andOn('d.structure_id', '=', 'm.structure_id');
    })
        .where('m.structure_id', structureId)
        .where((q) => {
        q.where('p.enabled', true).orWhere((unset) => {
            unset.whereNull('p.enabled');
            if (!onByDefault)
                unset.whereNotNull('s.user_id');
        });
    })
        .orderBy('users.contact_email')
        .select('m.user_id as userId', 'users.contact_email as email', 'd.daily as daily');
    return rows.map((r) => ({ userId: r.userId, email: r.email, daily: !!r.daily }));
}
//# sourceMappingURL=subscriptions.js.map