import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays a history recorded on the dev server against today's workflow code: a change that would
 * break invoices already in flight fails here (refresh with RECORD_HISTORIES=true only when intended).
 */
describe('invoice workflow determinism', () => {
  it('replays the recorded deposit → MISE_A_DISPOSITION history', async () => {
    const history = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'histories', 'invoice-lifecycle.json'), 'utf8'),
    );
    expect(history.events.length).toBeGreaterThan(10);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-invoice');
  });
});
