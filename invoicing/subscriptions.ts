import type { Db } from '../platform/db';
import type { Caller } from '../accounts/caller';
import { authorize } from '../structures/access';
import { subscribe, subscribedStructures, unsubscribe } from './store/subscriptions';

/** A member of the structure starts or stops receiving the emails about its invoices. */
export async function setSubscription(db: Db, caller: Caller, structureId: string, subscribed: boolean) {
  await authorize(db, caller, structureId, 'member');
  if (subscribed) await subscribe(db, structureId, caller.userId);
  else await unsubscribe(db, structureId, caller.userId);
}

/** The structures whose invoice emails the caller receives. */
export async function subscriptionsOf(db: Db, caller: Caller): Promise<string[]> {
  return subscribedStructures(db, caller.userId);
}
