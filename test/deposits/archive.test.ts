import zlib from 'node:zlib';
import * as yazl from 'yazl';
import { ArchiveError, unpackArchive } from '../../flows/archive';
import { tarGz } from './support/flows';

const limits = { maxFiles: 3, maxFileBytes: 1000, maxTotalBytes: 1500 };

function zip(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const e of entries) z.addBuffer(e.data, e.name);
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

async function unpack(bytes: Buffer) {
  const seen: string[] = [];
  await unpackArchive(bytes, limits, async (name, data) => {
    seen.push(`${name}:${data.length}`);
  });
  return seen;
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'none',
    (e: ArchiveError) => e.code,
  );

describe('flow archives', () => {
  it('reads the files of a zip and of a tar.gz, in order, skipping folders', async () => {
    const files = [
      { name: 'a/1.xml', data: Buffer.from('<a/>') },
      { name: 'a/2.xml', data: Buffer.from('<bb/>') },
    ];
    expect(await unpack(await zip(files))).toEqual(['a/1.xml:4', 'a/2.xml:5']);
    expect(await unpack(await tarGz(files.map((f) => ({ name: f.name, xml: f.data.toString() }))))).toEqual([
      'a/1.xml:4',
      'a/2.xml:5',
    ]);
  });

  it('refuses names that climb out, too many files, and what inflates past the limits', async () => {
    // zip writers refuse such names, so the name is patched into the archive's bytes.
    const traversal = (await zip([{ name: 'AA/AA/etc/passwd', data: Buffer.from('x') }]))
      .toString('latin1')
      .replaceAll('AA/AA/etc/passwd', '../../etc/passwd');
    expect(await codeOf(unpack(Buffer.from(traversal, 'latin1')))).toBe('ARCHIVE_PATH_UNSAFE');
    expect(await codeOf(unpack(await tarGz([{ name: '/abs.xml', xml: 'x' }])))).toBe('ARCHIVE_PATH_UNSAFE');
    const four = [1, 2, 3, 4].map((i) => ({ name: `${i}.xml`, data: Buffer.from('x') }));
    expect(await codeOf(unpack(await zip(four)))).toBe('ARCHIVE_TOO_MANY_FILES');
    // A few bytes that inflate to 5 KB: refused on the size declared, before inflating anything.
    const bomb = Buffer.alloc(5000, 'a');
    expect(await codeOf(unpack(await zip([{ name: 'bomb.xml', data: bomb }])))).toBe(
      'ARCHIVE_ENTRY_TOO_LARGE',
    );
    const many = [1, 2].map((i) => ({ name: `${i}.xml`, data: Buffer.alloc(900, 'a') }));
    expect(await codeOf(unpack(await zip(many)))).toBe('ARCHIVE_TOO_LARGE');
    expect(await codeOf(unpack(zlib.gzipSync(Buffer.from('not a tar at all, just text'))))).toBe(
      'ARCHIVE_UNREADABLE',
    );
    expect(await codeOf(unpack(Buffer.from('<Invoice/>')))).toBe('ARCHIVE_UNREADABLE');
  });
});
