"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.storeBlob = storeBlob;
exports.fileBlob = fileBlob;
exports.filedBlobs = filedBlobs;
exports.storedBlobSize = storedBlobSize;
exports.recordBlobUpload = recordBlobUpload;
exports.blobsUploadedBy = blobsUploadedBy;
/**
 * Stores bytes in the blob store and files their row; the same bytes are the same blob, so a retry
 * or a second deposit of one file adds nothing.
 */
async function storeBlob(db, blobs, bytes, meta, now = new Date()) {
    const blob = await blobs.put(bytes, meta);
    await fileBlob(db, blob, now.toISOString());
    return blob;
}
/** Files the row of a blob already in the store (inside the caller's transaction when given one). */
async function fileBlob(db, blob, at) {
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
async function filedBlobs(db, hashes) {
    const rows = hashes.length ? await db('blobs').whereIn('sha256', hashes) : [];
    return new Map(rows.map((r) => [
        r.sha256,
        { sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, filename: r.filename ?? undefined },
    ]));
}
/** The size of a stored blob, as its row recorded it. */
async function storedBlobSize(db, sha256) {
    const row = await db('blobs').where({ sha256 }).first('size');
    return Number(row.size);
}
/** Records that a user uploaded a blob: one of the ways they may later cite it. */
async function recordBlobUpload(db, sha256, userId, at) {
    await db('blob_uploads')
        .insert({ sha256, user_id: userId, uploaded_at: at })
        .onConflict(['sha256', 'user_id'])
        .ignore();
}
/** Of these blobs, the ones this user uploaded. */
async function blobsUploadedBy(db, userId, hashes) {
    if (hashes.length === 0)
        return new Set();
    const rows = await db('blob_uploads').where({ user_id: userId }).whereIn('sha256', hashes).select('sha256');
    return new Set(rows.map((r) => r.sha256));
}
//# sourceMappingURL=stored-blobs.js.map