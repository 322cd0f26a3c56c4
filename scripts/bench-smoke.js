#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:smoke`: every benchmark in its smoke mode, one after the other (`npm test` runs them so
 * in test/bench/smoke.test.ts). It fails only when a benchmark crashes (non-zero exit) or prints no JSON
 * figures line; no figure is judged, since a shared machine's timings say nothing.
 */
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const BENCHES = ['invoice', 'pipeline', 'flow', 'cli', 'memory'];

let failed = 0;
for (const bench of BENCHES) {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', `${bench}.ts`), '--smoke'],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_SMOKE: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  process.stdout.write(run.stdout ?? '');
  const last = (run.stdout ?? '').trim().split('\n').pop() ?? '';
  let figures;
  try {
    figures = JSON.parse(last);
  } catch {
    figures = undefined;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0 || !figures || figures.bench !== bench) {
    failed += 1;
    process.stdout.write(`bench:${bench} smoke FAILED (exit ${run.status}, ${seconds} s)\n`);
  } else process.stdout.write(`bench:${bench} smoke ran in ${seconds} s\n`);
}
process.exitCode = failed ? 1 : 0;
