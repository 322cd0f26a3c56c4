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

/**
 * The compiled worker loads the workflows' bundle the build wrote instead of bundling them at start:
 * webpack never runs in its process (it bundled at start, once per task queue, and kept the memory).
 */
describe('the workflows bundled at build time', () => {
  const root = path.join(__dirname, '..', '..');
  const { ensureBuilt } = require('../../scripts/build.js') as { ensureBuilt: (o?: object) => boolean };

  it('are what the compiled worker loads, without webpack in its process', () => {
    expect(ensureBuilt({ quiet: true })).toBe(true);
    const script = `
      require(${JSON.stringify(path.join(root, 'dist', 'activities', 'worker.js'))})
        .platformWorkflowBundle()
        .then((bundle) => console.log(JSON.stringify({
          bundle,
          webpack: Object.keys(require.cache).some((m) => m.endsWith('/node_modules/webpack/lib/webpack.js')),
        })));`;
    const out = require('node:child_process').execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      encoding: 'utf8',
    }) as string;
    const { bundle, webpack } = JSON.parse(out.trim().split('\n').pop()!);
    expect(bundle).toEqual({ codePath: path.join(root, 'dist', 'workflow-bundle.js') });
    expect(webpack).toBe(false);
    // The bundle holds the platform's workflows, compiled.
    const code = fs.readFileSync(bundle.codePath, 'utf8');
    for (const workflow of ['invoiceLifecycle', 'invoiceFlow', 'accountActivation'])
      expect(code).toContain(workflow);
  }, 120_000);
});
