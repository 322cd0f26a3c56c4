import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { MembershipActivities } from '../../activities/membership';
import type { Manager, MembershipRequest } from '../../structures/types';
import {
  membershipRequestWorkflowId,
  decide,
  status,
  structureAttachment,
  withdraw,
} from '../../workflows/membership';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

const request = (userId: string): MembershipRequest => ({
  structureId: 'structure-1',
  userId,
  requesterEmail: `${userId}@example.org`,
  services: [],
  requestedAt: '2026-11-02T08:00:00.000Z',
});

/** Activities that record what the workflow asked for, with one manager. */
function recordingActivities() {
  const calls: string[] = [];
  const manager: Manager = { userId: 'manager-1', email: 'manager@example.org' };
  const activities: MembershipActivities = {
    recordAttachmentRequest: async () => void calls.push('record'),
    loadManagers: async () => ({ managers: [manager], requesterIsMember: false }),
    notifyManagers: async ({ round }) => void calls.push(`notify ${round}`),
    escalateAttachment: async () => void calls.push('escalate'),
    applyDecision: async ({ outcome }) => void calls.push(`apply ${outcome.status}`),
    closeRequest: async ({ outcome }) => void calls.push(`close ${outcome.status}`),
    notifyRequester: async () => void calls.push('notify requester'),
  };
  return { activities, calls };
}

describe('attachment workflow on the time-skipping server (activities injected)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  }, 120_000);
  afterAll(() => env?.teardown());

  async function worker(activities: MembershipActivities, taskQueue: string) {
    return Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
  }

  it('reminds the managers every 7 days, then escalates to the operators after 30 days', async () => {
    const { activities, calls } = recordingActivities();
    const taskQueue = 'attachment-escalation';
    const req = request('user-escalated');
    const w = await worker(activities, taskQueue);
    await w.runUntil(async () => {
      const handle = await env.client.workflow.start(structureAttachment, {
        workflowId: membershipRequestWorkflowId(req.structureId, req.userId),
        taskQueue,
        args: [req],
      });
      await env.sleep('31 days');
      const state = await handle.query(status);
      expect(state).toMatchObject({ status: 'ESCALADEE', escalated: true, remindersSent: 4 });
      expect(calls).toEqual([
        'record',
        'notify 0',
        'notify 1',
        'notify 2',
        'notify 3',
        'notify 4',
        'escalate',
      ]);
      // Once escalated, an operator may decide.
      const outcome = await handle.executeUpdate(decide, {
        args: [{ deciderId: 'operator-1', operator: true, approve: false, reason: 'Structure inconnue' }],
      });
      expect(outcome).toMatchObject({ status: 'REFUSEE', decidedBy: 'operator-1' });
      expect(calls.slice(-2)).toEqual(['apply REFUSEE', 'notify requester']);
    });
  });

  it('lets the requester withdraw, and refuses a withdrawal by anyone else', async () => {
    const { activities, calls } = recordingActivities();
    const taskQueue = 'attachment-withdraw';
    const req = request('user-withdrawing');
    const w = await worker(activities, taskQueue);
    const outcome = await w.runUntil(async () => {
      const handle = await env.client.workflow.start(structureAttachment, {
        workflowId: membershipRequestWorkflowId(req.structureId, req.userId),
        taskQueue,
        args: [req],
      });
      await expect(
        handle.executeUpdate(withdraw, { args: [{ userId: 'someone-else' }] }),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/Only the requester/) } });
      await env.sleep('8 days');
      expect(await handle.executeUpdate(withdraw, { args: [{ userId: req.userId }] })).toMatchObject({
        status: 'RETIREE',
      });
      return handle.result();
    });
    expect(outcome.status).toBe('RETIREE');
    expect(calls).toEqual(['record', 'notify 0', 'notify 1', 'close RETIREE']);
  });
});
