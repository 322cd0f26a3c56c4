import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createServiceModeActivities } from '../../activities/service-mode';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { technicalAccountReminders } from '../../workflows/technical-account';
import { startSmtpServer, testMailer, TestSmtp } from '../support/mail';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';
import { closeTestDb, testDb } from '../support/stores';
import { startTimeSkippingServer, workflowBundle } from '../support/temporal';

const DAY = 86_400_000;

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'histories', name);
/** Refreshes a fixture the replay test guards determinism with (after an intended workflow change). */
const record = async (name: string, history: Parameters<typeof historyToJSON>[0]) => {
  if (process.env.RECORD_HISTORIES === 'true') fs.writeFileSync(fixture(name), historyToJSON(history));
};

/**
 * The technical account's password reminders on the time-skipping server: timers to 15 and 1 days
 * before the expiry, skipped through, with the real activity emailing the main managers over SMTP.
 * (The onboarding workflow waits on updates, which this server does not run: it is tested on the dev
 * server in service-mode.test.ts.)
 */
describe('technical-account password reminders (time-skipping server, real SMTP)', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let smtp: TestSmtp;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = 'technical-account-reminders';

  beforeAll(async () => {
    [env, db, smtp] = await Promise.all([startTimeSkippingServer(), testDb(), startSmtpServer()]);
    await seedUser(db, 'principal');
    await seedUser(db, 'secondary');
    await registerStructure(db, {
      identifier: '73282932000074',
      name: 'Atelier Dupont SARL',
      members: [
        { userId: 'principal', role: 'PRINCIPAL' },
        { userId: 'secondary', role: 'SECONDAIRE' },
      ],
    });
    const { mailer } = testMailer(db, smtp.config);
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: createServiceModeActivities({ db, mailer }),
    });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await Promise.all([env?.teardown(), smtp?.stop(), db && closeTestDb(db)]);
  });

  const structureId = async () =>
    (await db('structures').where({ identifier: '73282932000074' }).first('id')).id;

  it('emails the main manager 15 days and 1 day before the password expires, in French, nobody else', async () => {
    const start = await env.currentTimeMs();
    const expiresAt = new Date(start + 424 * DAY).toISOString();
    const result = await env.client.workflow.execute(technicalAccountReminders, {
      workflowId: 'technical-account/reminders-424',
      taskQueue,
      args: [
        {
          structureId: await structureId(),
          login: 'TECH_1_ABC@facturflow.test',
          expiresAt,
          remindDaysBefore: [1, 15],
        },
      ],
    });
    expect(result).toEqual({ expiresAt, sent: [15, 1] });
    await record(
      'technical-account-reminders.json',
      await env.client.workflow.getHandle('technical-account/reminders-424').fetchHistory(),
    );
    // The time skipped is the account's whole life, less the last day.
    expect((await env.currentTimeMs()) - start).toBeGreaterThanOrEqual(423 * DAY);
    const mails = smtp.received('principal@example.org');
    expect(mails.map((m) => m.subject)).toEqual([
      'Le mot de passe du compte technique TECH_1_ABC@facturflow.test expire dans 15 jours',
      'Le mot de passe du compte technique TECH_1_ABC@facturflow.test expire demain',
    ]);
    expect(mails[0].text).toContain('Atelier Dupont SARL');
    expect(mails[0].text).toContain('gestionnaire principal');
    expect(smtp.received('secondary@example.org')).toEqual([]);
  });

  it('skips a reminder whose date has already passed when the password was set', async () => {
    const before = smtp.received('principal@example.org').length;
    const expiresAt = new Date((await env.currentTimeMs()) + 5 * DAY).toISOString();
    const result = await env.client.workflow.execute(technicalAccountReminders, {
      workflowId: 'technical-account/reminders-5',
      taskQueue,
      args: [
        {
          structureId: await structureId(),
          login: 'TECH_1_DEF@facturflow.test',
          expiresAt,
          remindDaysBefore: [15, 1],
        },
      ],
    });
    expect(result.sent).toEqual([1]);
    const mails = smtp.received('principal@example.org').slice(before);
    expect(mails.map((m) => m.subject)).toEqual([
      'Le mot de passe du compte technique TECH_1_DEF@facturflow.test expire demain',
    ]);
  });

  it('never logs OAuth client secrets nor the cpro-account header', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    logger.info(
      { client_secret: 's3cret-client', req: { headers: { 'cpro-account': 'VEVDSDpwYXNz' } } },
      'token',
    );
    logger.info({ body: { client_secret: 's3cret-body' }, app: { clientSecret: 's3cret-app' } }, 'app');
    const out = lines.join('');
    for (const secret of ['s3cret-client', 'VEVDSDpwYXNz', 's3cret-body', 's3cret-app'])
      expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});
