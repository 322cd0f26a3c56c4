import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { AccountActivities } from '../../activities/account';
import type { AccountLinkInput, AccountLinkRequest, LinkConsumption } from '../../accounts/types';
import { accountActivation, activate, activationState, resendActivation } from '../../workflows/account';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

describe('account activation on the time-skipping server (activities injected)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkippingServer();
  }, 120_000);
  afterAll(() => env?.teardown());

  /** Activities that record the links sent (link n carries token-n) and the activations. */
  function fakeActivities() {
    const links: AccountLinkRequest[] = [];
    const activations: LinkConsumption[] = [];
    const activities: Partial<AccountActivities> = {
      sendAccountLink: async (l) => {
        links.push(l);
        return { tokenHash: sha(`token-${links.length}`) };
      },
      activateAccount: async (c) => {
        activations.push(c);
      },
    };
    return { activities, links, activations };
  }

  async function withWorker<T>(
    name: string,
    activities: object,
    fn: (input: AccountLinkInput) => Promise<T>,
  ) {
    const taskQueue = `account-${name}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
    });
    const input: AccountLinkInput = {
      userId: `user-${name}`,
      email: `${name}@example.fr`,
      firstName: 'Claude',
      sendTo: `${name}@example.fr`,
      linkUrl: 'http://portal.test/activation',
    };
    return worker.runUntil(fn(input));
  }

  const start = (input: AccountLinkInput) =>
    env.client.workflow.start(accountActivation, {
      workflowId: `account/${input.email}`,
      taskQueue: `account-${input.email.split('@')[0]}`,
      args: [input],
    });
  const use = (token: string) => ({ tokenHash: sha(token), passwordHash: '$2b$12$hash' });

  async function rejection(p: Promise<unknown>): Promise<string | undefined> {
    try {
      await p;
      return undefined;
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) return (err.cause as { type?: string }).type;
      if (err instanceof WorkflowNotFoundError) return 'WORKFLOW_CLOSED';
      throw err;
    }
  }

  it('ends EXPIRED when the 60-minute link lapses, and then accepts no token', async () => {
    const { activities, links, activations } = fakeActivities();
    await withWorker('lapse', activities, async (input) => {
      const handle = await start(input);
      await env.sleep('59 minutes');
      expect(await handle.query(activationState)).toMatchObject({ status: 'WAITING', linksSent: 1 });
      expect(await handle.result()).toBe('EXPIRED');
      expect(await rejection(handle.executeUpdate(activate, { args: [use('token-1')] }))).toBe(
        'WORKFLOW_CLOSED',
      );
    });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      purpose: 'activation',
      validityMinutes: 60,
      sendTo: 'lapse@example.fr',
    });
    expect(activations).toEqual([]);
  });

  it('re-sends: the old link stops working, the new one gets a fresh 60 minutes', async () => {
    const { activities, links, activations } = fakeActivities();
    await withWorker('resend', activities, async (input) => {
      const handle = await start(input);
      await env.sleep('50 minutes');
      await handle.signal(resendActivation);
      await env.sleep('50 minutes');
      expect(await rejection(handle.executeUpdate(activate, { args: [use('token-1')] }))).toBe(
        'TOKEN_INVALID',
      );
      expect(await rejection(handle.executeUpdate(activate, { args: [use('wrong')] }))).toBe('TOKEN_INVALID');
      await handle.executeUpdate(activate, { args: [use('token-2')] });
      expect(await handle.result()).toBe('ACTIVATED');
      if (process.env.RECORD_HISTORIES === 'true') {
        // Refreshes the fixture of account.replay.test.ts (after an intended workflow change).
        fs.writeFileSync(
          path.join(__dirname, '..', 'fixtures', 'histories', 'account-resend-activate.json'),
          historyToJSON(await handle.fetchHistory()),
        );
      }
    });
    expect(links.map((l) => l.linkKey.split('/').pop())).toEqual(['1', '2']);
    expect(activations).toEqual([
      expect.objectContaining({ userId: 'user-resend', tokenHash: sha('token-2') }),
    ]);
  });

  it('honours a shorter link validity given as input', async () => {
    const { activities, links } = fakeActivities();
    await withWorker('short', activities, async (input) => {
      const handle = await env.client.workflow.start(accountActivation, {
        workflowId: `account/${input.email}`,
        taskQueue: 'account-short',
        args: [{ ...input, linkValidityMinutes: 5 }],
      });
      await env.sleep('6 minutes');
      expect(await handle.result()).toBe('EXPIRED');
    });
    expect(links[0].validityMinutes).toBe(5);
  });
});
