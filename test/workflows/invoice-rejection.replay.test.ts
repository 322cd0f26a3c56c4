import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * An invoice the platform's checks rejected before the supplier was emailed of it: its recorded history
 * (deposit → checks → REJETEE, no notice) must replay on today's code, which sends that notice only in
 * runs marked for it.
 */
describe('invoice workflow determinism: a rejection at deposit recorded before its notice', () => {
  it('replays the recorded deposit → REJETEE history', async () => {
    const history = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'invoice-platform-rejected.json'),
        'utf8',
      ),
    );
    expect(history.events.length).toBeGreaterThan(20);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-rejected');
  });
});
