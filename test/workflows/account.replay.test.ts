import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays a recorded activation (link, resend, wrong tokens refused, activation) against today's
 * workflow code: a change that would break accounts waiting for activation fails here (refresh with
 * RECORD_HISTORIES=true only when intended).
 */
describe('account activation workflow determinism', () => {
  it('replays the recorded resend → activate history', async () => {
    const history = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'account-resend-activate.json'),
        'utf8',
      ),
    );
    expect(history.events.length).toBeGreaterThan(10);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-account');
  });
});
