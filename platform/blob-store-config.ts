import { FsBlobStore, type BlobStore } from './blobs';
import type { S3Settings } from './s3-blobs';

/** Which blob store a process uses (BLOB_STORE): a directory, or a bucket every process shares. */
export type BlobStoreSettings = { kind: 'fs'; dir: string } | ({ kind: 's3' } & S3Settings);

/**
 * The configured blob store, ready: an S3 bucket is checked (credentials) and created if missing. The
 * S3 client (the AWS SDK: about 4 MB of each process's heap) is loaded only for a bucket.
 */
export async function openBlobStore(settings: BlobStoreSettings): Promise<BlobStore> {
  if (settings.kind === 'fs') return new FsBlobStore(settings.dir);
  const { kind: _kind, ...s3 } = settings;
  const { S3BlobStore } = await import('./s3-blobs');
  return S3BlobStore.open(s3);
}

/** What may be logged of the settings: where the blobs are, never the credentials. */
export function describeBlobStore(settings: BlobStoreSettings): Record<string, string> {
  if (settings.kind === 'fs') return { blobStore: 'fs', dir: settings.dir };
  return {
    blobStore: 's3',
    endpoint: settings.endpoint ?? `aws:${settings.region}`,
    bucket: settings.bucket,
    prefix: settings.prefix,
  };
}
