#!/usr/bin/env node
'use strict';
// The package's command. It runs the compiled CLI (dist/, built by `npm install` or `npm run build`)
// when that build is current, and otherwise the TypeScript source through tsx, so an edited checkout
// never runs stale code. Checking is a stat of each source file: milliseconds, against the seconds
// transpiling costs at start.
const path = require('node:path');
const { DIST, isStale } = require('../scripts/build.js');

if (!isStale()) {
  require(path.join(DIST, 'cli', 'main.js'));
} else {
  require('tsx/cjs');
  require('../cli/main.ts');
}
