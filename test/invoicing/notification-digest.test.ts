import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { seedUser } from '../support/people';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { countRows } from '../support/stores';
import { BUYER_SIRET, seedParties } from '../deposits/support/structures';
import { completedDraft } from '../deposits/support/completed-draft';
import { DIGEST_SCHEDULE_ID, ensureDigestSchedule } from '../../invoicing/digest-schedule';

const SUPPLIER = 'digest-supplier';
const DAILY = 'digest-daily-buyer';
const EACH = 'digest-each-buyer';
const mail = (user: string) => `${user}@example.org`;

/**
 * The daily digest of new invoices over real SMTP: a buyer's member who chose it for the structure
 * gets no email per invoice, then one digest listing them (number, supplier, amount, link); the
 * member who did not still gets one email per invoice. The digest workflow runs at a fixed instant,
 * as its schedule would start it.
 */
describe('daily digest of new invoices', () => {
  let p: TestPlatform;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};
  const invoices: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    p = await startTestPlatform({ mail: smtp.config });
    for (const user of [SUPPLIER, DAILY, EACH]) tokens[user] = await seedUser(p.db, user);
    await seedParties(p.db, SUPPLIER);
    for (const [user, role] of [
      [DAILY, 'PRINCIPAL'],
      [EACH, 'UTILISATEUR'],
    ])
      await p.db('structure_members').insert({
        structure_id: 'st-buyer',
        user_id: user,
        role,
        services: '[]',
        created_at: new Date().toISOString(),
      });
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
    await smtp?.stop();
  });

  const call = (user: string, method: string, path: string, body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const runDigest = (at: string) =>
    p.env.client.workflow.execute('notificationDigest', {
      args: [{ at }],
      taskQueue: 'api-test',
      workflowId: `notification-digest-test/${at}`,
    }) as Promise<{ at: string; sent: number }>;
  const deposit = async (number: string) => {
    const draft = await json(
      await call(SUPPLIER, 'POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }),
    );
    await call(SUPPLIER, 'PUT', `/drafts/${draft.id}`, {
      invoice: completedDraft(draft.invoice, number),
      modeDepot: 'SAISIE_PORTAIL',
    });
    const sent = await call(SUPPLIER, 'POST', `/drafts/${draft.id}/send`);
    expect(sent.status).toBe(202);
    const { invoiceId } = await json(sent);
    await waitForStatus(p.url, invoiceId, ['MISE_A_DISPOSITION'], 60_000, tokens[SUPPLIER]);
    invoices.push(invoiceId);
    return invoiceId as string;
  };

  it('lets a member choose the daily digest for a structure; a bad value is refused and nothing is saved', async () => {
    const before = await json(await call(DAILY, 'GET', '/structures/st-buyer/notification-preferences'));
    expect(before.digest).toBe(false);
    const bad = await call(DAILY, 'PUT', '/structures/st-buyer/notification-preferences', {
      events: { SUIVI: true },
      digest: 'oui',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'body.digest' },
    });
    // The valid half of a refused request is not saved either.
    expect(await countRows(p.db, 'notification_preferences', { user_id: DAILY })).toBe(0);

    const saved = await call(DAILY, 'PUT', '/structures/st-buyer/notification-preferences', { digest: true });
    expect(saved.status).toBe(200);
    expect((await json(saved)).digest).toBe(true);
    const after = await json(await call(DAILY, 'GET', '/structures/st-buyer/notification-preferences'));
    expect(after.digest).toBe(true);
  });

  it('holds the new invoices of the digest member and emails the others one by one', async () => {
    await deposit('FA-2026-0101');
    await deposit('FA-2026-0102');
    for (const [i, number] of ['FA-2026-0101', 'FA-2026-0102'].entries()) {
      const notice = await smtp.next(mail(EACH), i);
      expect(notice.subject).toBe(`Nouvelle facture ${number} d'Atelier Dupont SARL`);
    }
    // The digest member's notices are held in the same step that emails the others.
    expect(await countRows(p.db, 'notification_digest_items', { user_id: DAILY })).toBe(2);
    expect(await countRows(p.db, 'notification_digest_items', { user_id: EACH })).toBe(0);
    expect(smtp.received(mail(DAILY))).toEqual([]);
  });

  it('sends one digest listing each invoice with its supplier, amount and link, once', async () => {
    const at = new Date().toISOString();
    expect(await runDigest(at)).toEqual({ at, sent: 1 });
    const digest = await smtp.next(mail(DAILY));
    const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(
      new Date(at),
    );
    expect(digest.subject).toBe(
      `Récapitulatif du ${day} : 2 nouvelles factures reçues pour Commune de Villefranche`,
    );
    for (const [i, number] of ['FA-2026-0101', 'FA-2026-0102'].entries()) {
      // 432.00 EUR: the invoice's total with VAT (test/deposits/support/completed-draft.ts).
      expect(digest.text).toMatch(new RegExp(`- Facture ${number} d'Atelier Dupont SARL : 432,00 EUR`));
      expect(digest.text).toContain(
        `Voir la facture : http://portal.test/factures/${invoices[i].split('/').map(encodeURIComponent).join('/')}`,
      );
    }
    // No email per invoice reached the digest member: the digest is all they got.
    expect(smtp.received(mail(DAILY))).toHaveLength(1);
    expect(await countRows(p.db, 'notification_digest_items', { user_id: DAILY, sent_at: null })).toBe(0);

    // The next run has nothing to send, and sends nothing.
    const later = new Date(Date.parse(at) + 86_400_000).toISOString();
    expect(await runDigest(later)).toEqual({ at: later, sent: 0 });
    expect(smtp.received(mail(DAILY))).toHaveLength(1);
  });

  it('holds a completed invoice for the digest too, as news for the buyer', async () => {
    const suspended = await call(EACH, 'POST', `/invoices/${invoices[0]}/status`, {
      status: 'SUSPENDUE',
      reason: 'Le bon de commande manque.',
    });
    expect(suspended.status).toBe(200);
    const completed = await call(SUPPLIER, 'POST', `/invoices/${invoices[0]}/completion`, {
      comment: 'Bon de commande ajouté.',
      attachments: [],
    });
    expect(completed.status).toBe(200);
    const subject = "La facture FA-2026-0101 d'Atelier Dupont SARL a été complétée";
    while (!smtp.received(mail(EACH)).some((m) => m.subject === subject))
      await smtp.next(mail(EACH), smtp.received(mail(EACH)).length);
    expect(smtp.received(mail(DAILY))).toHaveLength(1);

    const at = new Date().toISOString();
    expect(await runDigest(at)).toEqual({ at, sent: 1 });
    const digest = await smtp.next(mail(DAILY), 1);
    expect(digest.subject).toMatch(/: 1 nouvelle facture reçue pour Commune de Villefranche$/);
    expect(digest.text).toContain(
      "- Facture FA-2026-0101 d'Atelier Dupont SARL : 432,00 EUR (complétée par le fournisseur après suspension)",
    );
  });

  it('schedules the digest every day at the configured hour, Paris time, and follows a new hour', async () => {
    await ensureDigestSchedule(p.env.client, { hour: 8, taskQueue: 'api-test' });
    const handle = p.env.client.schedule.getHandle(DIGEST_SCHEDULE_ID);
    const first = await handle.describe();
    expect(first.spec.timezone).toBe('Europe/Paris');
    expect(first.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 8, end: 8, step: 1 }] });
    expect(first.action).toMatchObject({ type: 'startWorkflow', workflowType: 'notificationDigest' });
    await ensureDigestSchedule(p.env.client, { hour: 18, taskQueue: 'api-test' });
    const changed = await handle.describe();
    expect(changed.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 18, end: 18, step: 1 }] });
    await handle.delete();
  });
});
