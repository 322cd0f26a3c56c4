import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { isStale } = require('../../scripts/build.js') as { isStale: (root?: string) => boolean };

/** A project in miniature: the tsconfig pair the build reads, one source folder, one excluded folder. */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-build-'));
  fs.writeFileSync(path.join(root, 'package.json'), '{}');
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ include: ['cli', 'test'] }));
  fs.writeFileSync(path.join(root, 'tsconfig.build.json'), JSON.stringify({ exclude: ['test'] }));
  for (const dir of ['cli', 'test']) fs.mkdirSync(path.join(root, dir));
  fs.writeFileSync(path.join(root, 'cli', 'main.ts'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'test', 'x.test.ts'), 'export {};\n');
  return root;
}

/** Sets a file's modification time `seconds` from now. */
function touch(file: string, seconds: number): void {
  const t = new Date(Date.now() + seconds * 1000);
  fs.utimesSync(file, t, t);
}

/**
 * The compiled start (bin/run.js, bin/facturflow.js) trusts dist/ only when no source is newer than
 * its last build; otherwise it rebuilds, or runs the source, never stale JavaScript.
 */
describe('the production build is stale when a source is newer than dist/', () => {
  it('is stale without a build, current after one, stale again once a source changes', () => {
    const root = project();
    expect(isStale(root)).toBe(true);
    fs.mkdirSync(path.join(root, 'dist'));
    const stamp = path.join(root, 'dist', '.build-stamp');
    fs.writeFileSync(stamp, 'built\n');
    for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'cli/main.ts', 'test/x.test.ts'])
      touch(path.join(root, f), -60);
    expect(isStale(root)).toBe(false);

    // A test file is not part of the build: changing it leaves dist/ current.
    touch(path.join(root, 'test', 'x.test.ts'), 60);
    expect(isStale(root)).toBe(false);

    touch(path.join(root, 'cli', 'main.ts'), 60);
    expect(isStale(root)).toBe(true);
    touch(path.join(root, 'cli', 'main.ts'), -60);
    touch(path.join(root, 'tsconfig.build.json'), 60);
    expect(isStale(root)).toBe(true);
  });
});
