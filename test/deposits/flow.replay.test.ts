import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays a recorded flow run (unpacking, a sliding window of invoice workflows, polls, continue-as-new)
 * against today's workflow code: a change that would break flows in flight fails here (refresh with
 * RECORD_HISTORIES=true on flow.workflow.test.ts).
 */
describe('flow workflow determinism', () => {
  it('replays the recorded first run of a flow up to its continue-as-new', async () => {
    const history = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'histories', 'invoice-flow.json'), 'utf8'),
    );
    expect(history.events.length).toBeGreaterThan(30);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-flow');
  });
});
