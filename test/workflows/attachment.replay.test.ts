import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays a recorded request → refused validator call → approval history against today's workflow
 * code: a change that would break requests in flight fails here (refresh with RECORD_HISTORIES=true).
 */
describe('attachment workflow determinism', () => {
  it('replays the recorded approval history', async () => {
    const history = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'attachment-approved.json'),
        'utf8',
      ),
    );
    expect(history.events.length).toBeGreaterThan(10);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-attachment');
  });
});
