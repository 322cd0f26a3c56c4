import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/**
 * The new space (the young generation's semi-spaces) of a thread started after `limitThreadYoungGeneration`
 * or without it, in a process of its own (V8 flags are the whole process's), once the thread has
 * allocated enough short-lived objects for V8 to grow its young generation as far as it may.
 */
function threadNewSpaceMb(limited: boolean): number {
  const script = `
    const { Worker } = require('node:worker_threads');
    ${limited ? `require(${JSON.stringify(path.join(root, 'platform', 'thread-heap.ts'))}).limitThreadYoungGeneration();` : ''}
    const thread = new Worker(\`
      const { parentPort } = require('node:worker_threads');
      let kept = [];
      for (let i = 0; i < 3e6; i++) { kept.push({ i }); if (kept.length > 1e5) kept = []; }
      const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      parentPort.postMessage(space.space_size);
    \`, { eval: true });
    thread.once('message', (bytes) => { console.log(bytes); thread.terminate(); });
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  return Number(out.trim()) / 1048576;
}

describe('the young generation of the threads a platform process starts', () => {
  it('stays at a few MB once limited, where V8 lets it grow to 32 MB otherwise', () => {
    expect(threadNewSpaceMb(true)).toBeLessThanOrEqual(4);
    expect(threadNewSpaceMb(false)).toBeGreaterThanOrEqual(16);
  });
});
