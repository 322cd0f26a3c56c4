import type { Db } from '../../platform/db';

/**
 * The daily digest of new invoices: members' choices (`notification_digest_choices`) and the notices
 * held for their next digest (`notification_digest_items`).
 */

/** A notice held for a member's digest. */
export interface DigestItem {
  itemKey: string;
  userId: string;
  structureId: string;
  toEmail: string;
  invoiceId: string;
  /** NOUVELLE: the invoice reached the buyer; COMPLETEE: the supplier answered a suspension. */
  kind: 'NOUVELLE' | 'COMPLETEE';
  number: string;
  supplierName: string | null;
  recipientName: string | null;
  amount: string | null;
  currency: string | null;
}

/** Whether the member asked for a daily digest of the structure's new invoices. */
export async function digestChoice(db: Db, userId: string, structureId: string): Promise<boolean> {
  const row = await db('notification_digest_choices')
    .where({ user_id: userId, structure_id: structureId })
    .first();
  return !!row?.daily;
}

export async function saveDigestChoice(db: Db, userId: string, structureId: string, daily: boolean) {
  const at = new Date().toISOString();
  await db('notification_digest_choices')
    .insert({ user_id: userId, structure_id: structureId, daily, updated_at: at })
    .onConflict(['user_id', 'structure_id'])
    .merge({ daily, updated_at: at });
}

/** Holds a notice for the member's next digest; holding it twice (a retry) changes nothing. */
export async function holdForDigest(db: Db, item: DigestItem, at: Date): Promise<void> {
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
export async function pendingDigestRecipients(
  db: Db,
  at: Date,
): Promise<{ userId: string; structureId: string }[]> {
  const rows = await db('notification_digest_items')
    .whereNull('sent_at')
    .where('created_at', '<=', at.toISOString())
    .distinct('user_id', 'structure_id')
    .orderBy(['user_id', 'structure_id']);
  return rows.map((r) => ({ userId: r.user_id as string, structureId: r.structure_id as string }));
}

/**
 * Gives the member's unclaimed notices held before `at` to the digest `digestKey`, and answers every
 * notice of theirs still unsent, by digest: a digest claimed by an interrupted run comes back under
 * its own key, so its email (idempotent by that key) goes out once.
 */
export async function claimDigest(
  db: Db,
  p: { userId: string; structureId: string; at: Date; digestKey: string },
): Promise<Map<string, DigestItem[]>> {
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
  const byDigest = new Map<string, DigestItem[]>();
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

export async function markDigestSent(db: Db, digestKey: string, at: Date): Promise<void> {
  await db('notification_digest_items')
    .where({ digest_key: digestKey })
    .whereNull('sent_at')
    .update({ sent_at: at.toISOString() });
}
