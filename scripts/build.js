#!/usr/bin/env node
'use strict';
/**
 * Compiles the platform to dist/ (tsc -p tsconfig.build.json) and copies beside the JavaScript the
 * files the code reads next to itself (rule tables, messages, fonts, worker modules, knowledge base).
 * The production processes and the CLI run dist/, so nothing is transpiled at start.
 *
 *   node scripts/build.js             build (exit 1 on a type error; the output is still written)
 *   node scripts/build.js --if-stale  build only when a source is newer than the last build
 *
 * A machine without the dev dependencies (no TypeScript) skips the build: the processes then run
 * from source through tsx, as the launchers fall back to.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const CONFIG = path.join(ROOT, 'tsconfig.build.json');
/** The workflows' bundle the worker loads (activities/worker.ts names the same file). */
const BUNDLE = path.join(DIST, 'workflow-bundle.js');

/** The folders tsconfig.build.json compiles: tsconfig.json's include, minus the build's excludes. */
function sourceDirs(root = ROOT) {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
  return base.include.filter((dir) => !build.exclude.includes(dir));
}

/** Folders whose files are not part of the server build (the portal's browser code is bundled from source). */
const SKIPPED = new Set([path.join(ROOT, 'portal', 'client')]);

function walk(dir, visit) {
  if (SKIPPED.has(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, visit);
    else visit(file);
  }
}

/** True when `root`'s dist/ is missing or older than a source file, a tsconfig or package.json. */
function isStale(root = ROOT) {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return true;
  }
  const newer = (file) => fs.statSync(file).mtimeMs > built;
  if (['package.json', 'tsconfig.json', 'tsconfig.build.json'].some((f) => newer(path.join(root, f))))
    return true;
  let stale = false;
  for (const dir of sourceDirs(root)) {
    walk(path.join(root, dir), (file) => {
      if (!stale && newer(file)) stale = true;
    });
    if (stale) return true;
  }
  return false;
}

/** Every non-TypeScript file of the source folders, copied to the same place under dist/. */
function copyAssets() {
  for (const dir of sourceDirs()) {
    walk(path.join(ROOT, dir), (file) => {
      if (file.endsWith('.ts')) return;
      const target = path.join(DIST, path.relative(ROOT, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    });
  }
}

function typescriptAvailable() {
  try {
    require.resolve('typescript/bin/tsc', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds dist/. Answers true when dist/ is current, false when it could not be built (no TypeScript
 * installed, or a type error: the emitted files are then left without a stamp, so the next start
 * tries again).
 */
function build({ quiet = false } = {}) {
  if (!typescriptAvailable()) {
    if (!quiet)
      process.stderr.write('facturflow build: TypeScript is not installed; processes run from source.\n');
    return false;
  }
  const started = Date.now();
  fs.rmSync(STAMP, { force: true });
  const tsc = spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc', { paths: [ROOT] }),
      '-p',
      CONFIG,
      '--incremental',
      '--tsBuildInfoFile',
      path.join(DIST, '.tsbuildinfo'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  copyAssets();
  if (tsc.status !== 0) {
    process.stderr.write('facturflow build: tsc reported errors (above); dist/ is not marked current.\n');
    return false;
  }
  if (!bundleWorkflows()) {
    process.stderr.write(
      'facturflow build: the workflows could not be bundled (above); dist/ is not marked current.\n',
    );
    return false;
  }
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  if (!quiet)
    process.stderr.write(
      `facturflow build: dist/ written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  return true;
}

/**
 * Bundles the compiled workflows (webpack, through the Temporal SDK) into dist/workflow-bundle.js,
 * which the worker loads instead of bundling at every start. In a process of its own: the build is
 * synchronous for the launchers, the bundler is not.
 */
function bundleWorkflows() {
  const script = `
    const fs = require('node:fs');
    const { bundleWorkflowCode } = require('@temporalio/worker');
    const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m) => console.error(m) };
    bundleWorkflowCode({ workflowsPath: ${JSON.stringify(path.join(DIST, 'workflows', 'index.js'))}, logger: quiet })
      .then(({ code }) => fs.writeFileSync(${JSON.stringify(BUNDLE)}, code))
      .catch((err) => { console.error(err); process.exit(1); });`;
  fs.rmSync(BUNDLE, { force: true });
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return run.status === 0;
}

/** Builds when stale; answers whether dist/ is current afterwards. */
function ensureBuilt(options) {
  return isStale() ? build(options) : true;
}

module.exports = { DIST, isStale, build, ensureBuilt };

if (require.main === module) {
  const ok = process.argv.includes('--if-stale') ? ensureBuilt() : build();
  // Without TypeScript (a production install without dev dependencies) there is nothing to fail.
  process.exitCode = ok || !typescriptAvailable() ? 0 : 1;
}
