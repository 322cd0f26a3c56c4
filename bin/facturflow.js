#!/usr/bin/env node
'use strict';
// The package's command. It runs the compiled CLI when a build produced one, and otherwise the
// TypeScript source through tsx, so a checkout works without a build step.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs');
  require('../cli/main.ts');
}
