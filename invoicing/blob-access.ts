import type { Db } from '../platform/db';
import type { Caller } from '../accounts/caller';
import { blobsUploadedBy } from '../platform/stored-blobs';
import { isManager, membershipsOfUser } from '../structures';
import { blobsOfStructures } from './store/blob-access';

/**
 * Which of these blobs the caller may cite (attach to an invoice, put in a deposit): those they
 * uploaded, and those of invoices and drafts of their structures, which they may read anyway — as a
 * recipient member attached to some services, only the invoices of those services, as in listings. A
 * document's access follows what it belongs to, never the knowledge of its hash. Operators cite any.
 */
export async function citableBlobs(db: Db, caller: Caller, hashes: string[]): Promise<Set<string>> {
  if (caller.operator) return new Set(hashes);
  const mine = await blobsUploadedBy(db, caller.userId, hashes);
  const rest = hashes.filter((h) => !mine.has(h));
  if (rest.length === 0) return mine;
  const memberships = await membershipsOfUser(db, caller.userId);
  const scope = {
    structureIds: memberships.map((m) => m.structureId),
    // Managers and members without services read the whole structure; the others only their services.
    recipientServices: memberships
      .filter((m) => !isManager(m) && m.services.length > 0)
      .map((m) => ({ structureId: m.structureId, services: m.services })),
  };
  for (const sha256 of await blobsOfStructures(db, scope, rest)) mine.add(sha256);
  return mine;
}
