'use strict';
// jest's globalTeardown: see run-tmp.js.
module.exports = require('./run-tmp').teardown;
