import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import * as tar from 'tar-stream';
import * as yauzl from 'yauzl';

export type ArchiveErrorCode =
  | 'ARCHIVE_UNREADABLE'
  | 'ARCHIVE_PATH_UNSAFE'
  | 'ARCHIVE_TOO_MANY_FILES'
  | 'ARCHIVE_ENTRY_TOO_LARGE'
  | 'ARCHIVE_TOO_LARGE';

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export interface ArchiveLimits {
  maxFiles: number;
  /** Uncompressed size of one file. */
  maxFileBytes: number;
  /** Uncompressed size of all files together: what stops a zip bomb. */
  maxTotalBytes: number;
}

export type ArchiveKind = 'zip' | 'tar.gz' | 'tar' | 'file';

export function archiveKind(bytes: Uint8Array): ArchiveKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'tar.gz';
  if (Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar') return 'tar';
  return 'file';
}

/**
 * Calls `onEntry` for each regular file of a zip, tar or tar.gz archive, in archive order, with its
 * bytes. Nothing is written to disk by name, yet a name that would climb out of its folder (`..`,
 * absolute, drive letter) refuses the whole archive: such an archive was not made by honest software.
 * Sizes are counted on the bytes actually inflated, not on what the archive declares.
 */
export async function unpackArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits,
  onEntry: (name: string, data: Buffer) => Promise<void>,
): Promise<number> {
  const budget = new Budget(limits);
  const kind = archiveKind(bytes);
  if (kind === 'zip') await unzip(Buffer.from(bytes), budget, onEntry);
  else if (kind === 'file')
    throw new ArchiveError('ARCHIVE_UNREADABLE', 'The flow is neither a zip nor a tar.gz archive.');
  else await untar(Buffer.from(bytes), kind === 'tar.gz', budget, onEntry);
  return budget.files;
}

class Budget {
  files = 0;
  total = 0;
  constructor(private readonly limits: ArchiveLimits) {}

  file(name: string): void {
    checkName(name);
    this.files += 1;
    if (this.files > this.limits.maxFiles)
      throw new ArchiveError(
        'ARCHIVE_TOO_MANY_FILES',
        `The archive holds more than ${this.limits.maxFiles} files.`,
      );
  }

  bytes(name: string, entrySoFar: number, chunk: number): void {
    this.total += chunk;
    if (entrySoFar > this.limits.maxFileBytes)
      throw new ArchiveError(
        'ARCHIVE_ENTRY_TOO_LARGE',
        `${name} exceeds ${this.limits.maxFileBytes} bytes once uncompressed.`,
      );
    if (this.total > this.limits.maxTotalBytes)
      throw new ArchiveError(
        'ARCHIVE_TOO_LARGE',
        `The archive exceeds ${this.limits.maxTotalBytes} bytes once uncompressed.`,
      );
  }
}

function checkName(name: string): void {
  const parts = name.split(/[\\/]/);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..') || name.includes('\0'))
    throw new ArchiveError(
      'ARCHIVE_PATH_UNSAFE',
      `The archive entry "${name.slice(0, 200)}" points outside the archive.`,
    );
}

/** Reads a stream to its end under the budget, failing as soon as a limit is crossed. */
async function collect(stream: AsyncIterable<Buffer>, name: string, budget: Budget): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    budget.bytes(name, size, chunk.length);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function unzip(buffer: Buffer, budget: Budget, onEntry: (name: string, data: Buffer) => Promise<void>) {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, decodeStrings: true, validateEntrySizes: true },
        (err, z) => (err ? reject(err) : resolve(z)),
      ),
    );
  } catch (err) {
    throw new ArchiveError('ARCHIVE_UNREADABLE', `The zip archive cannot be read: ${(err as Error).message}`);
  }
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(undefined));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (!entry) return;
      if (entry.fileName.endsWith('/')) continue;
      budget.file(entry.fileName);
      // Refused before inflating a byte when the archive itself declares too much.
      budget.bytes(entry.fileName, entry.uncompressedSize, 0);
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      );
      await onEntry(entry.fileName, await collect(stream, entry.fileName, budget));
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    // yauzl checks entry names itself, and says so in its message.
    const message = (err as Error).message;
    if (/invalid relative path|absolute path|invalid characters in fileName/.test(message))
      throw new ArchiveError(
        'ARCHIVE_PATH_UNSAFE',
        `The zip archive holds an entry outside the archive: ${message}`,
      );
    throw new ArchiveError('ARCHIVE_UNREADABLE', `The zip archive cannot be read: ${message}`);
  } finally {
    zip.close();
  }
}

async function untar(
  buffer: Buffer,
  gzipped: boolean,
  budget: Budget,
  onEntry: (name: string, data: Buffer) => Promise<void>,
) {
  const extract = tar.extract();
  const source = Readable.from([buffer]);
  const input = gzipped ? source.pipe(zlib.createGunzip()) : source;
  input.on('error', (err) => extract.destroy(err));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type !== 'file') {
        entry.resume();
        continue;
      }
      budget.file(name);
      await onEntry(name, await collect(entry as unknown as AsyncIterable<Buffer>, name, budget));
    }
  } catch (err) {
    input.unpipe(extract);
    if (err instanceof ArchiveError) throw err;
    throw new ArchiveError('ARCHIVE_UNREADABLE', `The tar archive cannot be read: ${(err as Error).message}`);
  }
}
