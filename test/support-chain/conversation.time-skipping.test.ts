import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createSupportActivities } from '../../activities/support';
import type { Db } from '../../platform/db';
import { isOpen, nextOpening, parisOffset, type OpeningHours } from '../../support/opening-hours';
import {
  ask,
  conversationWorkflowId,
  endChat,
  joinChat,
  postMessage,
  requestLiveChat,
  supportConversation,
} from '../../workflows/support';
import { seedUser } from '../support/people';
import { closeTestDb, testDb } from '../support/stores';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

const OFF_TOPIC = ['quelle est la recette de la tartiflette', 'qui a gagné la coupe du monde de football'];
const HOUR = 3_600_000;

/**
 * The conversation workflow on the time-skipping server: the server's clock is moved to a Sunday or to
 * a working morning, and the workflow decides from its own time whether advisors are on duty.
 */
describe('support conversation workflow (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = 'support-conversation-test';
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

  /** Moves the server's clock forward to the first instant at or after `now` that `pick` chooses. */
  const skipTo = async (pick: (now: number) => number) => {
    const now = Number(await env.currentTimeMs());
    await env.sleep(pick(now) - now);
    return pick(now);
  };
  const start = (userId = 'asker', openingHours?: OpeningHours) => {
    const conversationId = `conv-${++n}`;
    return env.client.workflow.start(supportConversation, {
      workflowId: conversationWorkflowId(conversationId),
      taskQueue,
      args: [{ conversationId, userId, startedAt: new Date().toISOString(), openingHours }],
    });
  };
  const askTwiceOffTopic = async (handle: Awaited<ReturnType<typeof start>>) => {
    const first = await handle.executeUpdate(ask, { args: [{ userId: 'asker', question: OFF_TOPIC[0] }] });
    expect(first.answer.understood).toBe(false);
    expect(first.offer).toBeUndefined();
    return handle.executeUpdate(ask, { args: [{ userId: 'asker', question: OFF_TOPIC[1] }] });
  };

  it('offers a request, not a live chat, after two misunderstood questions outside opening hours', async () => {
    // The next Sunday, noon UTC.
    const at = await skipTo((now) => {
      const d = new Date(now + HOUR);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + ((7 - d.getUTCDay()) % 7), 12);
    });
    expect(isOpen(at)).toBe(false);
    const handle = await start();
    const second = await askTwiceOffTopic(handle);
    expect(second.offer).toBe('REQUEST');
    const refused = await handle
      .executeUpdate(requestLiveChat, { args: [{ userId: 'asker' }] })
      .catch((e) => e);
    expect(refused.cause).toMatchObject({ type: 'NoOffer' });
    expect(await db('support_conversations').where({ id: 'conv-1' }).first()).toMatchObject({
      offer: 'REQUEST',
      misunderstood: 2,
    });
  });

  it('during opening hours, offers a live chat that an advisor joins; the transcript is kept', async () => {
    // 10:00 Paris on the next working day.
    const at = await skipTo((now) => nextOpening(now) + 90 * 60_000);
    expect(isOpen(at)).toBe(true);
    const handle = await start();
    const second = await askTwiceOffTopic(handle);
    expect(second.offer).toBe('LIVE_CHAT');

    const queued = await handle.executeUpdate(requestLiveChat, { args: [{ userId: 'asker' }] });
    expect(queued.chat?.status).toBe('EN_ATTENTE');
    expect(await db('support_conversations').where({ chat_status: 'EN_ATTENTE' }).pluck('id')).toEqual([
      'conv-2',
    ]);

    const notAdvisor = await handle
      .executeUpdate(joinChat, { args: [{ userId: 'asker', advisor: false }] })
      .catch((e) => e);
    expect(notAdvisor.cause).toMatchObject({ type: 'NotAnAdvisor' });
    const joined = await handle.executeUpdate(joinChat, { args: [{ userId: 'advisor', advisor: true }] });
    expect(joined.chat).toMatchObject({ status: 'EN_COURS', advisorId: 'advisor' });

    await handle.executeUpdate(postMessage, {
      args: [{ userId: 'asker', text: 'Ma facture F-12 est bloquée.' }],
    });
    await handle.executeUpdate(postMessage, {
      args: [{ userId: 'advisor', advisor: true, text: 'Je regarde votre facture.' }],
    });
    await handle.executeUpdate(endChat, { args: [{ userId: 'advisor', advisor: true }] });
    const final = await handle.result();
    expect(final.status).toBe('TERMINEE');
    if (process.env.RECORD_HISTORIES === 'true')
      fs.writeFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'support-live-chat.json'),
        historyToJSON(await handle.fetchHistory()),
      );

    const transcript = await db('support_chat_messages').where({ conversation_id: 'conv-2' }).orderBy('seq');
    expect(transcript.map((m) => [m.author, m.text])).toEqual([
      ['SYSTEM', 'Un conseiller a rejoint la conversation.'],
      ['USER', 'Ma facture F-12 est bloquée.'],
      ['ADVISOR', 'Je regarde votre facture.'],
      ['SYSTEM', 'Le conseiller a mis fin à la conversation.'],
    ]);
    const attributes = (await handle.describe()).typedSearchAttributes
      .getAll()
      .map((p) => [p.key.name, p.value]);
    expect(attributes).toEqual(expect.arrayContaining([['SupportStatus', 'TERMINEE']]));
  });

  it('offers a request instead when no advisor joins the queued chat in time', async () => {
    await skipTo((now) => (isOpen(now) ? now : nextOpening(now) + 60 * 60_000));
    const handle = await start();
    expect((await askTwiceOffTopic(handle)).offer).toBe('LIVE_CHAT');
    await handle.executeUpdate(requestLiveChat, { args: [{ userId: 'asker' }] });
    // Waiting for the result lets the server skip the 10 minutes of waiting, then the idle half-hour.
    const final = await handle.result();
    expect(final.chat?.status).toBe('SANS_CONSEILLER');
    expect(final.offer).toBe('REQUEST');
  });

  it('offers a request on a working morning the platform declared closed (SUPPORT_EXTRA_HOLIDAYS)', async () => {
    const at = await skipTo((now) => (isOpen(now) ? now : nextOpening(now) + 60 * 60_000));
    const parisDay = new Date(at + parisOffset(at)).toISOString().slice(0, 10);
    const closed = await start('asker', { extraHolidays: [parisDay] });
    expect((await askTwiceOffTopic(closed)).offer).toBe('REQUEST');
    // The same hour without the closing day: advisors are on duty.
    expect((await askTwiceOffTopic(await start())).offer).toBe('LIVE_CHAT');
  });
});
