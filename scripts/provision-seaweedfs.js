#!/usr/bin/env node
// Makes SeaweedFS's `weed` (the S3-compatible object store the S3 blob store is tested against, and a
// shared store for a deployment) available, built from the Go module proxy at a pinned version. Built
// once per machine into ${FACTURFLOW_CACHE_DIR:-~/.cache/facturflow}/go/seaweedfs@<version>/weed (a
// build takes many minutes; a fresh clone of the project finds it there) and linked as .temporal/bin/weed.
// SEAWEEDFS_WEED_PATH names an existing binary instead.
//
// Not `go install module/weed@version`: SeaweedFS's go.mod has replace directives, which the go command
// honours only in the main module. So the module is downloaded from the proxy and built as the main module.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MODULE = 'github.com/seaweedfs/seaweedfs';
const VERSION = 'v0.0.0-20261109003541-7506e5f91cd6';
// The module asks for a newer Go than Debian's: the go command fetches this toolchain from the proxy.
const TOOLCHAIN = 'go1.27.3';
const root = path.resolve(__dirname, '..');
const link = path.join(root, '.temporal', 'bin', 'weed');
const quiet = process.argv.includes('--quiet');

function log(msg) {
  if (!quiet) process.stderr.write(`[seaweedfs] ${msg}\n`);
}

/** Where the binary of the pinned version lives on this machine. */
function cachedBinary() {
  const base = process.env.FACTURFLOW_CACHE_DIR || path.join(os.homedir(), '.cache', 'facturflow');
  return path.join(base, 'go', `seaweedfs@${VERSION}`, 'weed');
}

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function goEnv() {
  return { ...process.env, GOTOOLCHAIN: TOOLCHAIN };
}

function run(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, { env: goEnv(), ...options });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`go ${args.join(' ')} failed (exit ${code}); see the output above`)),
    );
  });
}

/**
 * Only one build at a time on a machine: a second caller waits for the first one's binary. The lock is
 * a directory holding the builder's pid; one whose process is gone is taken over.
 */
async function withBuildLock(target, build) {
  const lock = `${target}.lock`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (let waited = 0; ; waited += 1) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (!alive(lock)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 12 === 0) log(`another process is building weed (${lock}); waiting for it`);
      await new Promise((r) => setTimeout(r, 5_000));
      if (executable(target)) return;
    }
  }
  try {
    if (!executable(target)) await build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function alive(lock) {
  try {
    process.kill(Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')), 0);
    return true;
  } catch (err) {
    // Just made, pid not written yet: alive; EPERM: a process we may not signal, alive too.
    return err.code === 'ENOENT' || err.code === 'EPERM';
  }
}

function requireGo() {
  const found = spawnSync('go', ['env', 'GOVERSION'], {
    env: { ...process.env, GOTOOLCHAIN: 'local' },
    encoding: 'utf8',
  });
  const [, major, minor] = /^go(\d+)\.(\d+)/.exec(found.stdout ?? '') ?? [];
  if (found.error || !major) {
    throw new Error(
      `Go is needed to build SeaweedFS from the Go module proxy: install Go 1.21 or newer (it fetches ${TOOLCHAIN} ` +
        'itself) and run this again, or set SEAWEEDFS_WEED_PATH to a weed binary.',
    );
  }
  if (Number(major) === 1 && Number(minor) < 21) {
    throw new Error(
      `${found.stdout.trim()} cannot fetch the ${TOOLCHAIN} toolchain SeaweedFS needs: install Go 1.21 or newer ` +
        "(Debian bookworm's golang package is 1.19), or set SEAWEEDFS_WEED_PATH to a weed binary.",
    );
  }
}

async function build(target) {
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  log(`downloading ${MODULE}@${VERSION} from the Go module proxy`);
  const { Dir: dir } = JSON.parse(
    await run(['mod', 'download', '-json', `${MODULE}@${VERSION}`], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  log(`building weed with ${TOOLCHAIN} (20 to 40 minutes on a busy machine, once per machine)`);
  const ticking = setInterval(() => log(`still building weed (${elapsed()})`), 60_000);
  // Built next to its final place and renamed into it, so an interrupted build never looks complete.
  const staging = `${target}.partial-${process.pid}`;
  try {
    await run(['build', '-trimpath', '-o', staging, './weed'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'],
    });
    fs.renameSync(staging, target);
  } finally {
    clearInterval(ticking);
    fs.rmSync(staging, { force: true });
  }
  log(`built in ${elapsed()}: ${target}`);
}

function linkInProject(binary) {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  let current;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current === binary) return;
  fs.rmSync(link, { force: true });
  fs.symlinkSync(binary, link);
}

/** The path of a weed binary of the pinned version (or SEAWEEDFS_WEED_PATH), built if need be. */
async function provisionSeaweedfs() {
  const given = process.env.SEAWEEDFS_WEED_PATH;
  if (given) {
    if (!executable(given)) throw new Error(`SEAWEEDFS_WEED_PATH=${given} is not an executable file`);
    linkInProject(path.resolve(given));
    return path.resolve(given);
  }
  const binary = cachedBinary();
  if (executable(binary)) log(`${MODULE}@${VERSION} already built: ${binary}`);
  else {
    requireGo();
    await withBuildLock(binary, () => build(binary));
  }
  linkInProject(binary);
  return binary;
}

/** The weed binary already provisioned (the project's link, else the machine's cache), or undefined. */
function provisionedWeed() {
  for (const candidate of [process.env.SEAWEEDFS_WEED_PATH, link, cachedBinary()])
    if (candidate && executable(candidate)) return candidate;
  return undefined;
}

module.exports = {
  provisionSeaweedfs,
  provisionedWeed,
  cachedWeedPath: cachedBinary,
  SEAWEEDFS_VERSION: VERSION,
};

if (require.main === module) {
  provisionSeaweedfs().then(
    (binary) => {
      if (!quiet) process.stdout.write(`${binary}\n`);
    },
    (err) => {
      process.stderr.write(`[seaweedfs] could not provision weed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
