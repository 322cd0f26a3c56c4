import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays a recorded conversation (two misunderstood questions, live chat offered, queued, joined by an
 * advisor, messages, ended) against today's code: a change that would break conversations in flight
 * fails here (refresh with RECORD_HISTORIES=true on the time-skipping test).
 */
describe('support conversation workflow determinism', () => {
  it('replays the recorded live-chat history', async () => {
    const history = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'histories', 'support-live-chat.json'), 'utf8'),
    );
    expect(history.events.length).toBeGreaterThan(20);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-support');
  });
});
