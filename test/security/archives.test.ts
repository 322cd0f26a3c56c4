import { ArchiveError, unpackArchive, type UnpackControl } from '../../flows/archive';
import { tarGz, zip } from './hostile';

const MB = 1024 * 1024;
const limits = { maxFiles: 10, maxFileBytes: MB, maxTotalBytes: 2 * MB };

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
