import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays a recorded sync history (two pages, refused credentials, a dropped tick, resume,
 * continue-as-new) against today's workflow code: a change that would break syncs in flight fails
 * here (refresh with RECORD_HISTORIES=true on connector-sync.workflow.test.ts).
 */
describe('connector sync workflow determinism', () => {
  it('replays the recorded history', async () => {
    const history = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'histories', 'connector-sync.json'), 'utf8'),
    );
    expect(history.events.length).toBeGreaterThan(20);
    await Worker.runReplayHistory(
      { workflowBundle: await workflowBundle() },
      history,
      'connector/test-connection',
    );
  });
});
