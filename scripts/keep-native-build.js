#!/usr/bin/env node
// better-sqlite3 ships its compiled module as downloads from GitHub, out of reach on these machines, so
// `npm ci` compiles it with node-gyp (a minute or more on two cores) every time. Once it is compiled,
// this packs the module where prebuild-install (better-sqlite3's install script) looks for a download it
// made before, in npm's cache (`_prebuilds/`, keyed by version, Node ABI, platform and architecture):
// the next `npm ci` on this machine unpacks it instead of compiling. Never fails the caller: anything
// missing or unexpected is reported and skipped.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function keep() {
  const dir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const built = path.join('build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(path.join(dir, built))) return 'no compiled module to keep';
  // The same resolution prebuild-install makes for the download, and so for its cache.
  const util = require(require.resolve('prebuild-install/util', { paths: [dir] }));
  const rc = require(require.resolve('prebuild-install/rc', { paths: [dir] }));
  const cached = util.cachedPrebuild(util.getDownloadUrl({ ...rc(pkg), pkg }));
  if (fs.existsSync(cached)) return `already kept: ${cached}`;
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  const partial = `${cached}.${process.pid}.tmp`;
  const tar = spawnSync('tar', ['-czf', partial, '-C', dir, built], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (tar.status !== 0) {
    fs.rmSync(partial, { force: true });
    return `not kept: tar said ${String(tar.stderr).trim()}`;
  }
  fs.renameSync(partial, cached);
  return `kept for the next npm ci: ${cached}`;
}

try {
  console.log(`[better-sqlite3] ${keep()}`);
} catch (err) {
  console.log(`[better-sqlite3] not kept: ${err.message}`);
}
