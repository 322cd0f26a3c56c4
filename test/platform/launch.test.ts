import fs from 'node:fs';
import path from 'node:path';
import { launchedAsWorker, roleEnv, roleNodeArgs, WORKER_ENV, WORKER_NODE_ARGS } from '../../bin/launch';

const root = path.resolve(__dirname, '..', '..');

/**
 * The worker's memory settings (bin/launch.ts) are given wherever a worker is launched: `npm start`
 * and the cluster use launch.ts itself (test/e2e/stack.test.ts reads them from the running worker);
 * `npm run worker` and the README's systemd unit write them out, and must say the same.
 */
describe('how a worker is launched', () => {
  it('gives the worker its node options and environment, and the API neither', () => {
    expect(roleNodeArgs('worker')).toEqual(['--max-semi-space-size=2']);
    expect(roleNodeArgs('api')).toEqual([]);
    expect(roleEnv('worker', { PATH: '/bin' })).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2' });
    expect(roleEnv('api', { PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  it("keeps an operator's own MALLOC_ARENA_MAX", () => {
    expect(roleEnv('worker', { MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });

  it('tells a worker launched without them', () => {
    expect(launchedAsWorker(['--max-semi-space-size=2'], { MALLOC_ARENA_MAX: '2' })).toBe(true);
    expect(launchedAsWorker([], { MALLOC_ARENA_MAX: '2' })).toBe(false);
    expect(launchedAsWorker(['--max-semi-space-size=2'], {})).toBe(false);
  });

  it('writes the same settings in `npm run worker` and in the README’s systemd unit', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const unit = /facturflow-worker@\.service[\s\S]*?```ini\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
    for (const arg of WORKER_NODE_ARGS) {
      expect(pkg.scripts.worker).toContain(` ${arg} bin/run.js worker`);
      expect(execStart).toContain(`node ${arg} bin/run.js worker`);
    }
    for (const [name, value] of Object.entries(WORKER_ENV)) {
      expect(pkg.scripts.worker).toContain(`${name}=\${${name}:-${value}}`);
      expect(unit).toMatch(new RegExp(`^Environment=${name}=${value}$`, 'm'));
    }
  });
});
