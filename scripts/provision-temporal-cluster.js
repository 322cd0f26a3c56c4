#!/usr/bin/env node
// Makes the Temporal server (the cluster's services) and its SQL schema tool available, built from
// the Go module proxy at a pinned version: `go install go.temporal.io/server/cmd/{server,tools/sql}`,
// plus the module's PostgreSQL schema. Built once per machine into
// ${FACTURFLOW_CACHE_DIR:-~/.cache/facturflow}/go/temporal-server@<version>/ (a build takes minutes;
// a fresh clone of the project finds it there) and linked as .temporal/cluster.
'use strict';
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MODULE = 'go.temporal.io/server';
const VERSION = 'v1.32.2';
// The server's go.mod asks for a newer Go than Debian's: the go command fetches this toolchain itself.
const TOOLCHAIN = 'go1.27.3';
const root = path.resolve(__dirname, '..');
const link = path.join(root, '.temporal', 'cluster');
const quiet = process.argv.includes('--quiet');

function log(msg) {
  if (!quiet) process.stderr.write(`[temporal-cluster] ${msg}\n`);
}

function cacheDir() {
  const base = process.env.FACTURFLOW_CACHE_DIR || path.join(os.homedir(), '.cache', 'facturflow');
  return path.join(base, 'go', `temporal-server@${VERSION}`);
}

/** What a complete build holds; a directory missing one of them is built again. */
function layout(dir) {
  return {
    dir,
    server: path.join(dir, 'temporal-server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
    version: VERSION,
  };
}

function complete(paths) {
  return [paths.server, paths.sqlTool, path.join(paths.schemaDir, 'temporal', 'versioned')].every((f) =>
    fs.existsSync(f),
  );
}

function goEnv() {
  return { ...process.env, GOTOOLCHAIN: TOOLCHAIN };
}

function build(target) {
  const go = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' });
  if (go.status !== 0) {
    throw new Error(
      'Go is needed to build the Temporal server from the Go module proxy: install it ' +
        '(Debian: apt-get install -y golang) and run this again.',
    );
  }
  // Built next to its final place and renamed into it, so an interrupted build never looks complete.
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const started = Date.now();
  log(`building ${MODULE}@${VERSION} with ${TOOLCHAIN} (several minutes, once per machine)`);
  const r = spawnSync(
    'go',
    ['install', `${MODULE}/cmd/server@${VERSION}`, `${MODULE}/cmd/tools/sql@${VERSION}`],
    { env: { ...goEnv(), GOBIN: staging }, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' },
  );
  if (r.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`go install ${MODULE}@${VERSION} failed (exit ${r.status}); see the output above`);
  }
  fs.renameSync(path.join(staging, 'server'), path.join(staging, 'temporal-server'));
  fs.renameSync(path.join(staging, 'sql'), path.join(staging, 'temporal-sql-tool'));
  const modCache = execFileSync('go', ['env', 'GOMODCACHE'], { env: goEnv(), encoding: 'utf8' }).trim();
  const schema = path.join(modCache, `${MODULE}@${VERSION}`, 'schema', 'postgresql', 'v12');
  fs.cpSync(schema, path.join(staging, 'schema', 'postgresql', 'v12'), { recursive: true });
  // The module cache is read-only: the copy must be writable to be replaced or removed later.
  spawnSync('chmod', ['-R', 'u+w', staging]);
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s into ${target}`);
}

function linkInProject(target) {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  let current;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current === target) return;
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link);
}

/** The server binary, the schema tool and the PostgreSQL schema directory, built if need be. */
function provisionTemporalCluster() {
  const paths = layout(cacheDir());
  if (!complete(paths)) build(paths.dir);
  else log(`${MODULE}@${VERSION} already built in ${paths.dir}`);
  linkInProject(paths.dir);
  return paths;
}

module.exports = { provisionTemporalCluster, TEMPORAL_SERVER_VERSION: VERSION };

if (require.main === module) {
  try {
    const paths = provisionTemporalCluster();
    if (!quiet) process.stdout.write(`${JSON.stringify(paths, null, 2)}\n`);
  } catch (err) {
    process.stderr.write(`[temporal-cluster] ${err.message}\n`);
    process.exit(1);
  }
}
