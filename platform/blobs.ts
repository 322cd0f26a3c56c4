import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A stored file: workflows carry this reference, never the bytes. */
export interface BlobRef {
  sha256: string;
  size: number;
  mediaType: string;
  filename?: string;
}

/** Where invoice files, PDFs and attachments live. Content-addressed, so a put is idempotent. */
export interface BlobStore {
  put(bytes: Uint8Array, meta: { mediaType: string; filename?: string }): Promise<BlobRef>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} not found`);
    this.name = 'BlobNotFoundError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs as files under a directory (the default; an S3-compatible store is the scale-out option). */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new BlobNotFoundError(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array, meta: { mediaType: string; filename?: string }): Promise<BlobRef> {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a crash never leaves a half-written blob under its final name.
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
    }
    return { sha256, size: bytes.byteLength, mediaType: meta.mediaType, filename: meta.filename };
  }

  async get(sha256: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
