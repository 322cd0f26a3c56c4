import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createSupportActivities } from '../../activities/support';
import type { Db } from '../../platform/db';
import { isOpen, liveChatHours, nextOpening } from '../../support/opening-hours';
import { ask, conversationWorkflowId, requestLiveChat, supportConversation } from '../../workflows/support';
import { seedUser } from './people';
import { closeTestDb, testDb } from './stores';
import { startTimeSkippingServer, workflowBundle } from './temporal';

const HOUR = 3_600_000;

describe('live chat hours in words', () => {
  it('gives the hours and the next opening in Paris time', () => {
    // Saturday 5 December 2026, 15:00 UTC: the next opening is Monday 7 December, 8:30 Paris (7:30 UTC).
    const hours = liveChatHours(Date.UTC(2026, 11, 5, 15));
    expect(hours).toEqual({
      hours: 'du lundi au vendredi, de 8 h 30 à 18 h 30 (heure de Paris, hors jours fériés)',
      open: false,
      nextOpening: '2026-12-07T07:30:00.000Z',
      nextOpeningText: 'lundi 7 décembre à 8 h 30',
    });
    // Within hours, the next opening is now (rounded to the half hour).
    expect(liveChatHours(Date.UTC(2026, 11, 7, 9)).open).toBe(true);
  });
});

/**
 * An advisor marked available within opening hours is offered to whoever asks for one: the live chat
 * is not reserved to users the assistant failed twice.
 */
describe('live chat offered while an advisor is on duty (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = 'live-chat-offer-test';
  let n = 0;

  beforeAll(async () => {
    [env, db] = await Promise.all([startTimeSkippingServer(), testDb()]);
    await seedUser(db, 'asker');
    await seedUser(db, 'advisor', { operator: true });
    await db('support_advisors').insert({
      user_id: 'advisor',
      available: true,
      updated_at: new Date().toISOString(),
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createSupportActivities({ db, mailer: { send: async () => undefined } }),
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await closeTestDb(db);
    await env?.teardown();
  });

  const skipTo = async (pick: (now: number) => number) => {
    const now = Number(await env.currentTimeMs());
    const at = pick(now);
    await env.sleep(at - now);
    return at;
  };
  const start = () => {
    const conversationId = `offer-${++n}`;
    return env.client.workflow.start(supportConversation, {
      workflowId: conversationWorkflowId(conversationId),
      taskQueue,
      args: [{ conversationId, userId: 'asker', startedAt: new Date().toISOString() }],
    });
  };

  it('offers the live chat with its hours to a user who asks for an advisor', async () => {
    // An hour and a half into opening hours: the next opening's, or, when that falls past closing
    // (the run started late in the day, so the next opening is now), the one after.
    const at = await skipTo((now) => {
      const later = nextOpening(now) + 90 * 60_000;
      return isOpen(later) ? later : nextOpening(later) + 90 * 60_000;
    });
    expect(isOpen(at)).toBe(true);
    const handle = await start();
    const asked = await handle.executeUpdate(ask, {
      args: [{ userId: 'asker', question: 'je veux parler à un conseiller' }],
    });
    expect(asked.answer.article).toBe('contacter-support');
    expect(asked.offer).toBe('LIVE_CHAT');
    expect(asked.liveChat).toMatchObject({ open: true, hours: expect.stringContaining('8 h 30') });
  });

  it('queues a live chat asked for directly while an advisor is available, without any offer before', async () => {
    const at = await skipTo((now) => (isOpen(now) ? now : nextOpening(now) + 30 * 60_000));
    expect(isOpen(at)).toBe(true);
    const handle = await start();
    await handle.executeUpdate(ask, { args: [{ userId: 'asker', question: 'comment déposer une facture' }] });
    const state = await handle.executeUpdate(requestLiveChat, { args: [{ userId: 'asker' }] });
    expect(state.chat?.status).toBe('EN_ATTENTE');
  });

  it('outside opening hours, refuses the live chat naming the next opening', async () => {
    // The next Sunday, noon UTC.
    const at = await skipTo((now) => {
      const d = new Date(now + HOUR);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + ((7 - d.getUTCDay()) % 7), 12);
    });
    expect(isOpen(at)).toBe(false);
    const handle = await start();
    const asked = await handle.executeUpdate(ask, {
      args: [{ userId: 'asker', question: 'je veux parler à un conseiller' }],
    });
    expect(asked.offer).toBe('REQUEST');
    expect(asked.liveChat).toMatchObject({
      open: false,
      nextOpeningText: expect.stringMatching(/ à 8 h 30$/),
    });
    const refused = await handle
      .executeUpdate(requestLiveChat, { args: [{ userId: 'asker' }] })
      .catch((e) => e);
    expect(refused.cause).toMatchObject({ type: 'NoOffer' });
    expect(refused.cause.message).toContain(asked.liveChat!.nextOpeningText);
  });
});
