import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline as pipelineStreams, Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { BlobNotFoundError, type BlobRef, type BlobStore } from './blobs';

/** Where the S3 store keeps blobs, read from S3_* at start (see bin/config.ts). */
export interface S3Settings {
  /** An S3-compatible server's URL (SeaweedFS, MinIO, Garage...); unset: AWS S3 in `region`. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Put before every key, e.g. "facturflow/": several platforms may share one bucket. */
  prefix: string;
  /** Both or neither; neither: the SDK's own chain (AWS_* variables, instance role...). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** bucket in the path (http://host/bucket/key) rather than in the host name: what most servers expect. */
  forcePathStyle: boolean;
}

export type BlobStoreErrorCode =
  /** What the server sent back is not the blob asked for (size or SHA-256 differ). */
  | 'BLOB_CORRUPT'
  /** The server refused an upload whose checksum did not match the bytes it received. */
  | 'BLOB_CHECKSUM_REFUSED'
  /** The server refused the access key or its signature (S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY). */
  | 'S3_CREDENTIALS_REFUSED'
  /** The credentials are valid but may not use this bucket. */
  | 'S3_ACCESS_DENIED'
  /** No answer from S3_ENDPOINT. */
  | 'S3_UNREACHABLE'
  /** The bucket is missing and could not be created. */
  | 'S3_BUCKET_UNAVAILABLE';

/** A blob store failure with a stable code; messages name the bucket and key, never a credential. */
export class BlobStoreError extends Error {
  constructor(
    readonly code: BlobStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BlobStoreError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Blobs as objects of an S3-compatible bucket, so API processes and workers on different machines share
 * them. Keys are content-addressed (`<prefix>sha256/ab/cd/<sha256>`): a put of bytes already there is a
 * HEAD and nothing else. Every upload carries its length and SHA-256, which the server checks before it
 * keeps the object; every download is hashed as it arrives, and anything but the expected bytes is an
 * error (BLOB_CORRUPT), never returned.
 */
export class S3BlobStore implements BlobStore {
  private constructor(
    private readonly client: S3Client,
    private readonly settings: S3Settings,
  ) {}

  /** Connects, checks the credentials and creates the bucket if it is missing. */
  static async open(settings: S3Settings): Promise<S3BlobStore> {
    const store = new S3BlobStore(s3Client(settings), settings);
    await store.ensureBucket();
    return store;
  }

  /** The object key of a blob: also what an operator looks for in the bucket. */
  keyOf(sha256: string): string {
    return `${this.settings.prefix}sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(bytes: Uint8Array, meta: { mediaType: string; filename?: string }): Promise<BlobRef> {
    const digest = crypto.createHash('sha256').update(bytes).digest();
    const ref = refOf(digest.toString('hex'), bytes.byteLength, meta);
    if (!(await this.holds(ref, digest))) await this.upload(ref, digest, () => bytes);
    return ref;
  }

  /**
   * Stores a stream without holding it in memory: it is spooled to a temporary file while hashed (the
   * key depends on the hash), then sent with its length and SHA-256 for the server to check.
   */
  async putStream(source: Readable, meta: { mediaType: string; filename?: string }): Promise<BlobRef> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'facturflow-upload-'));
    try {
      const file = path.join(dir, 'blob');
      const hash = crypto.createHash('sha256');
      let size = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(source, count, fs.createWriteStream(file));
      const digest = hash.digest();
      const ref = refOf(digest.toString('hex'), size, meta);
      if (!(await this.holds(ref, digest))) await this.upload(ref, digest, () => fs.createReadStream(file));
      return ref;
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  async get(sha256: string): Promise<Buffer> {
    const { body, length } = await this.fetch(sha256);
    const check = new Verification(sha256, this.keyOf(sha256), length);
    // One buffer of the announced size, filled as chunks arrive: the blob is held once, not twice.
    const out = length !== undefined ? Buffer.allocUnsafe(length) : undefined;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        const at = check.received;
        check.update(chunk);
        if (out) chunk.copy(out, at);
        else chunks.push(chunk);
      }
      check.finish();
    } catch (err) {
      // Stopped early (a corrupt object): the connection is let go, not left paused.
      body.destroy();
      throw err;
    }
    return out ?? Buffer.concat(chunks);
  }

  /**
   * The blob as a stream, hashed as it flows: a corrupt object ends the stream with BLOB_CORRUPT instead
   * of its end, so a reader keeps nothing before the stream has ended normally.
   */
  async getStream(sha256: string): Promise<Readable> {
    const { body, length } = await this.fetch(sha256);
    const check = new Verification(sha256, this.keyOf(sha256), length);
    const verify = new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        try {
          check.update(chunk);
          done(null, chunk);
        } catch (err) {
          done(err as Error);
        }
      },
      flush(done: TransformCallback) {
        try {
          check.finish();
          done();
        } catch (err) {
          done(err as Error);
        }
      },
    });
    // Either side failing ends both: a source error reaches the reader, a corrupt object frees the connection.
    return pipelineStreams(body, verify, () => undefined);
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    return (await this.head(sha256)) !== undefined;
  }

  /** Whether the bucket already holds this blob whole (same length and, when the server says, same SHA-256). */
  private async holds(ref: BlobRef, digest: Buffer): Promise<boolean> {
    const head = await this.head(ref.sha256);
    if (!head) return false;
    if (head.ContentLength !== ref.size) return false;
    return !head.ChecksumSHA256 || head.ChecksumSHA256 === digest.toString('base64');
  }

  private async head(sha256: string) {
    try {
      return await this.client.send(
        new HeadObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.keyOf(sha256),
          ChecksumMode: 'ENABLED',
        }),
      );
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw this.failure(err, `HEAD ${this.keyOf(sha256)}`);
    }
  }

  private async upload(ref: BlobRef, digest: Buffer, body: () => Uint8Array | Readable): Promise<void> {
    const key = this.keyOf(ref.sha256);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: key,
          Body: body(),
          ContentLength: ref.size,
          ContentType: ref.mediaType,
          // The server hashes what it received and refuses the object when this differs.
          ChecksumSHA256: digest.toString('base64'),
          Metadata: { sha256: ref.sha256 },
        }),
      );
    } catch (err) {
      if (isChecksumRefusal(err))
        throw new BlobStoreError(
          'BLOB_CHECKSUM_REFUSED',
          `the S3 server refused ${key}: the bytes it received do not match their SHA-256 (${errorName(err)})`,
        );
      throw this.failure(err, `PUT ${key}`);
    }
  }

  private async fetch(sha256: string): Promise<{ body: Readable; length?: number }> {
    if (!SHA256.test(sha256)) throw new BlobNotFoundError(sha256);
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
      );
      return { body: res.Body as Readable, length: res.ContentLength };
    } catch (err) {
      if (isNotFound(err)) throw new BlobNotFoundError(sha256);
      throw this.failure(err, `GET ${this.keyOf(sha256)}`);
    }
  }

  private async ensureBucket(): Promise<void> {
    const { bucket } = this.settings;
    try {
      // A listing rather than a HEAD: its error body says why (a wrong key, a wrong secret, no right).
      await this.client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
      return;
    } catch (err) {
      if (errorName(err) !== 'NoSuchBucket') throw this.failure(err, `bucket ${bucket}`);
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (err) {
      // Another process created it meanwhile.
      if (errorName(err) === 'BucketAlreadyOwnedByYou') return;
      const failure = this.failure(err, `bucket ${bucket}`);
      if (!(failure instanceof BlobStoreError) || failure.code !== 'S3_ACCESS_DENIED') throw failure;
      throw new BlobStoreError(
        'S3_BUCKET_UNAVAILABLE',
        `S3_BUCKET "${bucket}" does not exist at ${this.where()} and these credentials may not create it: create it or grant s3:CreateBucket`,
      );
    }
  }

  private where(): string {
    return this.settings.endpoint ?? `AWS S3 (${this.settings.region})`;
  }

  /** A failure of the server or the network, with a stable code; the SDK's message never carries a secret. */
  private failure(err: unknown, what: string): BlobStoreError | Error {
    const name = errorName(err);
    const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
    if (CREDENTIAL_ERRORS.has(name))
      return new BlobStoreError(
        'S3_CREDENTIALS_REFUSED',
        `the S3 server at ${this.where()} refused the credentials (S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) for ${what}: ${name}`,
      );
    if (status === 403)
      return new BlobStoreError(
        'S3_ACCESS_DENIED',
        `the S3 server at ${this.where()} denied ${what} to these credentials (S3_BUCKET "${this.settings.bucket}", S3_ACCESS_KEY_ID): ${name}`,
      );
    if (!(err instanceof S3ServiceException) && NETWORK_ERRORS.has(networkCode(err)))
      return new BlobStoreError(
        'S3_UNREACHABLE',
        `no answer from the S3 server at ${this.where()} (S3_ENDPOINT) for ${what}: ${networkCode(err)}`,
      );
    return err as Error;
  }
}

/** The S3 client for these settings: our own SHA-256 on uploads, and downloads checked by us. */
function s3Client(s: S3Settings): S3Client {
  return new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: s.forcePathStyle,
    credentials:
      s.accessKeyId && s.secretAccessKey
        ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey }
        : undefined,
    // The SDK would add a CRC32 to every upload and check (or skip, for multipart) one on downloads;
    // the store sends a SHA-256 itself and hashes every download whole.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000 },
  });
}

function refOf(sha256: string, size: number, meta: { mediaType: string; filename?: string }): BlobRef {
  return { sha256, size, mediaType: meta.mediaType, filename: meta.filename };
}

/** Length and SHA-256 of a download, checked as its chunks arrive and at its end. */
class Verification {
  private readonly hash = crypto.createHash('sha256');
  received = 0;

  constructor(
    private readonly sha256: string,
    private readonly key: string,
    private readonly length: number | undefined,
  ) {}

  update(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.length !== undefined && this.received > this.length)
      throw this.corrupt(`more bytes than the ${this.length} announced`);
    this.hash.update(chunk);
  }

  finish(): void {
    if (this.length !== undefined && this.received !== this.length)
      throw this.corrupt(`${this.received} bytes received of the ${this.length} announced`);
    const actual = this.hash.digest('hex');
    if (actual !== this.sha256) throw this.corrupt(`its SHA-256 is ${actual}`);
  }

  private corrupt(why: string): BlobStoreError {
    return new BlobStoreError('BLOB_CORRUPT', `object ${this.key} is not blob ${this.sha256}: ${why}`);
  }
}

const CREDENTIAL_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'CredentialsProviderError',
]);

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'TimeoutError',
]);

function errorName(err: unknown): string {
  return (err as { name?: string })?.name ?? 'Error';
}

/** The network failure behind an error, also when the SDK wraps it ("AWS SDK error wrapper for ..."). */
function networkCode(err: unknown): string {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  for (const candidate of [e?.code, e?.cause?.code, e?.name])
    if (candidate && NETWORK_ERRORS.has(candidate)) return candidate;
  return /\b(E[A-Z_]+)\b/.exec(e?.message ?? '')?.[1] ?? '';
}

function isNotFound(err: unknown): boolean {
  const name = errorName(err);
  return (
    name === 'NoSuchKey' ||
    name === 'NotFound' ||
    (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404)
  );
}

function isChecksumRefusal(err: unknown): boolean {
  return ['BadDigest', 'InvalidDigest', 'XAmzContentChecksumMismatch', 'XAmzContentSHA256Mismatch'].includes(
    errorName(err),
  );
}
