import type { Db } from '../../platform/db';

/** A member asks for the emails about a structure's invoices; asking twice changes nothing. */
export async function subscribe(db: Db, structureId: string, userId: string): Promise<void> {
  await db('invoice_subscriptions')
    .insert({ structure_id: structureId, user_id: userId, created_at: new Date().toISOString() })
    .onConflict(['structure_id', 'user_id'])
    .ignore();
}

export async function unsubscribe(db: Db, structureId: string, userId: string): Promise<void> {
  await db('invoice_subscriptions').where({ structure_id: structureId, user_id: userId }).delete();
}

/** The structures whose invoice emails the user receives. */
export async function subscribedStructures(db: Db, userId: string): Promise<string[]> {
  const rows = await db('invoice_subscriptions').where({ user_id: userId }).select('structure_id');
  return rows.map((r) => r.structure_id as string);
}
