import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';

/**
 * Replays recorded histories of the service-mode workflows against today's code: a change that would
 * break reminders or onboardings in flight fails here (refresh with RECORD_HISTORIES=true on
 * service-mode.time-skipping.test.ts).
 */
describe('service-mode workflows determinism', () => {
  it.each([
    'technical-account-reminders.json',
    // Recorded before operators could change the scenario: onboardings in flight then must still replay.
    'raccordement-production.json',
    'raccordement-scenario-changed.json',
  ])('replays %s', async (name) => {
    const history = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'histories', name), 'utf8'),
    );
    expect(history.events.length).toBeGreaterThan(8);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, `replay-${name}`);
  });
});

describe('invoice workflow: validator correction', () => {
  it('replays an A9 invoice its validator refused before corrections existed: it ends at REFUSEE_1', async () => {
    // Recorded on the dev server with the workflow as it was before `validator-correction`.
    const history = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'invoice-validator-refused.json'),
        'utf8',
      ),
    );
    expect(history.events.at(-1).eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, 'replay-refused');
  });
});
