import zlib from 'node:zlib';
import * as tar from 'tar-stream';
import * as yazl from 'yazl';
import { ArchiveError, unpackArchive, type UnpackControl } from '../../flows/archive';

const MB = 1024 * 1024;
const limits = { maxFiles: 10, maxFileBytes: MB, maxTotalBytes: 2 * MB };

interface TarEntry {
  name: string;
  size: number;
  /** tar-stream's name of the entry type, or a raw typeflag byte patched into the header. */
  type?: tar.Header['type'];
  typeflag?: string;
}

/** A tar.gz made here: each entry `size` zero bytes (which gzip shrinks a thousandfold). */
function tarGz(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<Buffer>((resolve, reject) => {
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
  for (const e of entries)
    pack.entry({ name: e.name, size: e.size, type: e.type ?? 'file' }, Buffer.alloc(e.size));
  pack.finalize();
  return done.then((raw) => {
    let offset = 0;
    for (const e of entries) {
      if (e.typeflag) patchTypeflag(raw, offset, e.typeflag);
      offset += 512 + Math.ceil(e.size / 512) * 512;
    }
    return zlib.gzipSync(raw);
  });
}

/** Sets a ustar header's typeflag (offset 156) and recomputes its checksum (offset 148). */
function patchTypeflag(raw: Buffer, header: number, typeflag: string): void {
  raw.write(typeflag, header + 156, 'latin1');
  raw.fill(0x20, header + 148, header + 156);
  let sum = 0;
  for (let i = header; i < header + 512; i++) sum += raw[i];
  raw.write(`${sum.toString(8).padStart(6, '0')}\0 `, header + 148, 'latin1');
}

function zip(entries: { name: string; size: number }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) z.addBuffer(Buffer.alloc(e.size), e.name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

async function unpack(bytes: Buffer, control: UnpackControl = {}) {
  const kept: string[] = [];
  let inflated = 0;
  const code = await unpackArchive(bytes, limits, async (name) => void kept.push(name), {
    ...control,
    onProgress: (n) => {
      inflated = n;
      control.onProgress?.(n);
    },
  }).then(
    () => 'none',
    (err: ArchiveError) => err.code,
  );
  return { code, kept, inflated };
}

describe('archive budgets count every entry type', () => {
  it('reads a contiguous file (type 7) as the regular file it is, within the budget', async () => {
    const archive = await tarGz([{ name: 'a.xml', size: 100, type: 'contiguous-file' }]);
    expect((await unpack(archive)).kept).toEqual(['a.xml']);
  });

  it.each([
    ['contiguous files (type 7)', 'contiguous-file', undefined],
    ['character devices carrying data (type 3)', 'file', '3'],
    ['hard links carrying data (type 1)', 'file', '1'],
    ['an unknown type carrying data (type Z)', 'file', 'Z'],
  ] as const)('refuses data hidden in %s past the total budget', async (_, type, typeflag) => {
    const hidden = [1, 2, 3].map((i) => ({ name: `h${i}`, size: MB, type, typeflag }));
    const { code, inflated } = await unpack(await tarGz(hidden));
    expect(code).toBe('ARCHIVE_TOO_LARGE');
    expect(inflated).toBeGreaterThan(0);
  });

  it('stops inflating a bomb of non-regular entries at the budget, not at its end', async () => {
    // 200 MB of zeros behind character-device headers: about 200 KB compressed.
    const bomb = await tarGz(
      Array.from({ length: 200 }, (_, i) => ({ name: `dev${i}`, size: MB, typeflag: '3' })),
    );
    expect(bomb.length).toBeLessThan(MB);
    const { code, inflated } = await unpack(bomb);
    expect(code).toBe('ARCHIVE_TOO_LARGE');
    expect(inflated).toBeLessThan(limits.maxTotalBytes + 17 * MB);
  });

  it.each([
    ['a tar.gz', () => tarGz([{ name: 'big.xml', size: 900 * 1024 }])],
    ['a zip', () => zip([{ name: 'big.xml', size: 900 * 1024 }])],
  ])('stops inflating %s once the attempt is abandoned', async (_, make) => {
    const abandon = new AbortController();
    let after = 0;
    const { code } = await unpack(await make(), {
      signal: abandon.signal,
      onProgress: () => {
        if (abandon.signal.aborted) after += 1;
        abandon.abort();
      },
    });
    expect(code).toBe('ARCHIVE_ABANDONED');
    expect(after).toBeLessThanOrEqual(1);
  });
});
