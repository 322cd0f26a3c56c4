'use strict';
// jest's globalSetup and globalTeardown (jest.config.js): every test file of a run, and every process
// it starts (Temporal servers, browsers, SeaweedFS, Saxon), writes its temporary files in one folder of
// that run (TMPDIR, read by os.tmpdir()), removed when the run ends, so runs leave nothing in /tmp.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-test-run-'));
  // Others may pass through it (not list it): a PostgreSQL started as root runs as the `postgres` user
  // and must reach its data directory inside (the cluster test's topology, scripts/cluster/postgres.ts).
  fs.chmodSync(dir, 0o711);
  process.env.FACTURFLOW_TEST_RUN_TMP = dir;
  process.env.TMPDIR = dir;
}

async function teardown() {
  const dir = process.env.FACTURFLOW_TEST_RUN_TMP;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = setup;
module.exports.teardown = teardown;
