"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.digestChoice = digestChoice;
exports.saveDigestChoice = saveDigestChoice;
exports.holdForDigest = holdForDigest;
exports.pendingDigestRecipients = pendingDigestRecipients;
exports.claimDigest = claimDigest;
exports.markDigestSent = markDigestSent;
/** Whether the member asked for a daily digest of the structure's new invoices. */
async function digestChoice(db, userId, structureId) {
    const row = await db('notification_digest_choices')
        .where({ user_id: userId, structure_id: structureId })
        .first();
    return !!row?.daily;
}
async function saveDigestChoice(db, userId, structureId, daily) {
    const at = new Date().toISOString();
    await db('notification_digest_choices')
        .insert({ user_id: userId, structure_id: structureId, daily, updated_at: at })
        .onConflict(['user_id', 'structure_id'])
        .merge({ daily, updated_at: at });
}
/** Holds a notice for the member's next digest; holding it twice (a retry) changes nothing. */
async function holdForDigest(db, item, at) {
    await db('notification_digest_items')
        .insert({
        item_key: item.itemKey,
        user_id: item.userId,
        structure_id: item.structureId,
        to_email: item.toEmail,
        invoice_id: item.invoiceId,
        kind: item.kind,
        number: item.number,
        supplier_name: item.supplierName,
        recipient_name: item.recipientName,
        amount: item.amount,
        currency: item.currency,
        created_at: at.toISOString(),
    })
        .onConflict('item_key')
        .ignore();
}
/** The members and structures with notices not yet sent, held before `at`. */
async function pendingDigestRecipients(db, at) {
    const rows = await db('notification_digest_items')
        .whereNull('sent_at')
        .where('created_at', '<=', at.toISOString())
        .distinct('user_id', 'structure_id')
        .orderBy(['user_id', 'structure_id']);
    return rows.map((r) => ({ userId: r.user_id, structureId: r.structure_id }));
}
/**
 * Gives the member's unclaimed notices held before `at` to the digest `digestKey`, and answers every
 * notice of theirs still unsent, by digest: a digest claimed by an interrupted run comes back under
 * its own key, so its email (idempotent by that key) goes out once.
 */
async function claimDigest(db, p) {
    const mine = { user_id: p.userId, structure_id: p.structureId };
    await db('notification_digest_items')
        .where(mine)
        .whereNull('sent_at')
        .whereNull('digest_key')
        .where('created_at', '<=', p.at.toISOString())
        .update({ digest_key: p.digestKey });
    const rows = await db('notification_digest_items')
        .where(mine)
        .whereNull('sent_at')
        .whereNotNull('digest_key')
        .orderBy('id');
    const byDigest = new Map();
    for (const r of rows) {
        const list = byDigest.get(r.digest_key) ?? [];
        list.push({
            itemKey: r.item_key,
            userId: r.user_id,
            structureId: r.structure_id,
            toEmail: r.to_email,
            invoiceId: r.invoice_id,
            kind: r.kind,
            number: r.number,
            supplierName: r.supplier_name,
            recipientName: r.recipient_name,
            amount: r.amount,
            currency: r.currency,
        });
        byDigest.set(r.digest_key, list);
    }
    return byDigest;
}
async function markDigestSent(db, digestKey, at) {
    await db('notification_digest_items')
        .where({ digest_key: digestKey })
        .whereNull('sent_at')
        .update({ sent_at: at.toISOString() });
}
//# sourceMappingURL=digest.js.map