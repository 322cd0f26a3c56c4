import type { BlobRef, BlobStore } from './blobs';
import type { Db } from './db';

/**
 * Stores bytes in the blob store and files their row; the same bytes are the same blob, so a retry
 * or a second deposit of one file adds nothing.
 */
export async function storeBlob(
  db: Db,
  blobs: BlobStore,
  bytes: Uint8Array,
  meta: { mediaType: string; filename?: string },
  now = new Date(),
): Promise<BlobRef> {
  const blob = await blobs.put(bytes, meta);
  await db('blobs')
    .insert({
      sha256: blob.sha256,
      size: blob.size,
      media_type: blob.mediaType,
      filename: blob.filename ?? null,
      created_at: now.toISOString(),
    })
    .onConflict('sha256')
    .ignore();
  return blob;
}
