import fs from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createMembershipActivities } from '../../activities/membership';
import type { MembershipRequest } from '../../structures/types';
import type { Db } from '../../platform/db';
import type { OutgoingEmail } from '../../platform/mailer';
import { createStructure } from '../../structures/structures';
import {
  membershipRequestWorkflowId,
  decide,
  membersChanged,
  status,
  structureAttachment,
} from '../../workflows/membership';
import { seedUser } from '../support/people';
import { countRows, closeTestDb, testDb } from '../support/stores';
import { startDevServer, workflowBundle } from '../support/temporal';

describe('attachment workflow on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let running: Promise<void>;
  let structureId: string;
  const sent: OutgoingEmail[] = [];
  const taskQueue = 'attachment-workflow-test';

  beforeAll(async () => {
    [env, db] = await Promise.all([startDevServer(), testDb()]);
    for (const id of [
      'principal',
      'secondary',
      'requester',
      'outsider',
      'revoked-requester',
      'attached-directly',
    ])
      await seedUser(db, id);
    const registry = { lookup: async () => ({ siret: '73282932000074', name: 'ACME', address: {} }) };
    const principal = { userId: 'principal', email: 'principal@example.org', operator: false };
    structureId = (
      await createStructure(db, registry, principal, {
        identifierType: 'SIRET',
        identifier: '73282932000074',
      })
    ).id;
    await db('structure_members').insert({
      structure_id: structureId,
      user_id: 'secondary',
      role: 'SECONDAIRE',
      services: '[]',
      created_at: new Date().toISOString(),
    });
    // A fake mailer that keeps one email per idempotency key, as the real one does.
    const mailer = {
      send: async (e: OutgoingEmail) =>
        void (sent.some((s) => s.idempotencyKey === e.idempotencyKey) || sent.push(e)),
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createMembershipActivities({ db, mailer }),
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await closeTestDb(db);
    await env?.teardown();
  });

  const start = (userId: string) => {
    const req: MembershipRequest = {
      structureId,
      userId,
      requesterEmail: `${userId}@example.org`,
      services: [],
      requestedAt: new Date().toISOString(),
    };
    return env.client.workflow.start(structureAttachment, {
      workflowId: membershipRequestWorkflowId(structureId, userId),
      taskQueue,
      args: [req],
    });
  };
  const until = async (what: () => Promise<boolean> | boolean) => {
    for (let i = 0; i < 300 && !(await what()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await what()).toBe(true);
  };

  it('emails the managers, refuses a non-manager in the validator, and attaches the requester on approval', async () => {
    const handle = await start('requester');
    await until(() => sent.filter((e) => e.idempotencyKey.includes('/requester@')).length === 2);
    expect(sent.map((e) => e.to).sort()).toEqual(['principal@example.org', 'secondary@example.org']);
    expect(sent[0].subject).toBe('demande de rattachement à ACME');

    const refused = await handle
      .executeUpdate(decide, { args: [{ deciderId: 'outsider', approve: true, role: 'SECONDAIRE' }] })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refused.cause).toMatchObject({ type: 'NotAManager' });
    expect((await handle.query(status)).status).toBe('EN_ATTENTE');
    expect(
      await countRows(db, 'structure_members', { structure_id: structureId, user_id: 'requester' }),
    ).toBe(0);
    // A validator's refusal leaves no trace in the history: the update was never accepted.
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);

    const outcome = await handle.executeUpdate(decide, {
      args: [{ deciderId: 'secondary', approve: true, role: 'UTILISATEUR', services: [] }],
    });
    expect(outcome).toMatchObject({ status: 'APPROUVEE', role: 'UTILISATEUR', decidedBy: 'secondary' });
    expect(await handle.result()).toMatchObject({ status: 'APPROUVEE' });
    if (process.env.RECORD_HISTORIES === 'true') {
      // Refreshes the fixture the replay test guards determinism with (after an intended workflow change).
      fs.writeFileSync(
        path.join(__dirname, '..', 'fixtures', 'histories', 'attachment-approved.json'),
        historyToJSON(await handle.fetchHistory()),
      );
    }
    expect(
      await db('structure_members').where({ structure_id: structureId, user_id: 'requester' }).first(),
    ).toMatchObject({
      role: 'UTILISATEUR',
    });
    expect(await db('attachment_requests').where({ id: handle.workflowId }).first()).toMatchObject({
      status: 'APPROUVEE',
      decided_by: 'secondary',
    });
    expect(sent.find((e) => e.to === 'requester@example.org')?.subject).toBe(
      'Demande de rattachement à ACME approuvée',
    );
    const attributes = (await handle.describe()).typedSearchAttributes
      .getAll()
      .map((p) => [p.key.name, p.value]);
    expect(attributes).toEqual(
      expect.arrayContaining([
        ['StructureId', structureId],
        ['RequesterEmail', 'requester@example.org'],
        ['AttachmentStatus', 'APPROUVEE'],
      ]),
    );
  });

  it('ends the request when a manager attaches the requester directly meanwhile', async () => {
    const handle = await start('attached-directly');
    await until(async () => (await handle.query(status)).managers.length > 0);
    await db('structure_members').insert({
      structure_id: structureId,
      user_id: 'attached-directly',
      role: 'UTILISATEUR',
      services: '[]',
      created_at: new Date().toISOString(),
    });
    await handle.signal(membersChanged);
    expect(await handle.result()).toMatchObject({ status: 'RATTACHEE_DIRECTEMENT' });
    expect(await db('attachment_requests').where({ id: handle.workflowId }).first('status')).toEqual({
      status: 'RATTACHEE_DIRECTEMENT',
    });
  });

  it('stops accepting a manager once revoked (the API signals membersChanged)', async () => {
    const handle = await start('revoked-requester');
    await until(async () => (await handle.query(status)).managers.includes('secondary'));
    await db('structure_members').where({ structure_id: structureId, user_id: 'secondary' }).delete();
    await handle.signal(membersChanged);
    await until(async () => !(await handle.query(status)).managers.includes('secondary'));

    const refused = await handle
      .executeUpdate(decide, { args: [{ deciderId: 'secondary', approve: false, reason: 'no' }] })
      .catch((e) => e);
    expect(refused.cause).toMatchObject({ type: 'NotAManager' });
    const outcome = await handle.executeUpdate(decide, {
      args: [{ deciderId: 'principal', approve: false, reason: 'Inconnu du service' }],
    });
    expect(outcome).toMatchObject({ status: 'REFUSEE', reason: 'Inconnu du service' });
    expect(
      await countRows(db, 'structure_members', { structure_id: structureId, user_id: 'revoked-requester' }),
    ).toBe(0);
  });
});
