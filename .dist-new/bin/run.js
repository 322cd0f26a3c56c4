#!/usr/bin/env node
'use strict';
// Starts one of the platform's processes (`node bin/run.js start|api|worker`) from compiled
// JavaScript: dist/ is built first when a source is newer than it (scripts/build.js). When it cannot
// be built (TypeScript not installed, a type error), the process runs from source through tsx.
const path = require('node:path');
const { DIST, ensureBuilt } = require('../scripts/build.js');

const ROLES = ['start', 'api', 'worker', 'migrate'];
const role = process.argv[2];
if (!ROLES.includes(role)) {
  process.stderr.write(`usage: node bin/run.js ${ROLES.join('|')}\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
if (ensureBuilt({ quiet: true })) {
  require(path.join(DIST, 'bin', `${role}.js`));
} else {
  process.stderr.write(`facturflow: running ${role} from source (tsx)\n`);
  require('tsx/cjs');
  require(`./${role}.ts`);
}
