import type { Knex } from 'knex';
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
  await fileBlob(db, blob, now.toISOString());
  return blob;
}

/** Files the row of a blob already in the store (inside the caller's transaction when given one). */
export async function fileBlob(db: Db | Knex.Transaction, blob: BlobRef, at: string): Promise<void> {
  await db('blobs')
    .insert({
      sha256: blob.sha256,
      size: blob.size,
      media_type: blob.mediaType,
      filename: blob.filename ?? null,
      created_at: at,
    })
    .onConflict('sha256')
    .ignore();
}

/** The blobs filed under these SHA-256, by hash; unknown ones are absent. */
export async function filedBlobs(db: Db, hashes: string[]): Promise<Map<string, BlobRef>> {
  const rows = hashes.length ? await db('blobs').whereIn('sha256', hashes) : [];
  return new Map(
    rows.map((r) => [
      r.sha256 as string,
      { sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, filename: r.filename ?? undefined },
    ]),
  );
}

/** The size of a stored blob, as its row recorded it. */
export async function storedBlobSize(db: Db, sha256: string): Promise<number> {
  const row = await db('blobs').where({ sha256 }).first('size');
  return Number(row.size);
}

/** Records that a user uploaded a blob: one of the ways they may later cite it. */
export async function recordBlobUpload(db: Db, sha256: string, userId: string, at: string): Promise<void> {
  await db('blob_uploads')
    .insert({ sha256, user_id: userId, uploaded_at: at })
    .onConflict(['sha256', 'user_id'])
    .ignore();
}

/** Of these blobs, the ones this user uploaded. */
export async function blobsUploadedBy(db: Db, userId: string, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db('blob_uploads').where({ user_id: userId }).whereIn('sha256', hashes).select('sha256');
  return new Set(rows.map((r) => r.sha256 as string));
}
