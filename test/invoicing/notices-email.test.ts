import type { ParsedMail } from 'mailparser';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { seedUser } from '../support/people';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { BUYER_SIRET, seedParties } from '../deposits/support/structures';
import { completedDraft } from '../deposits/support/completed-draft';

const SUPPLIER = 'notice-supplier';
const BUYER = 'notice-buyer';
const QUIET = 'notice-quiet-buyer';
const NEWCOMER = 'notice-newcomer';
const mail = (user: string) => `${user}@example.org`;

/**
 * Invoice and membership emails over real SMTP, with nobody subscribed: on by default for what a
 * supplier acts on and for the buyer's new invoices, French subjects, the reason, and an absolute link
 * to the page in the portal (the platform's public URL is http://portal.test).
 */
describe('notification emails people want', () => {
  let p: TestPlatform;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};
  let invoiceId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    p = await startTestPlatform({ mail: smtp.config });
    for (const user of [SUPPLIER, BUYER, QUIET, NEWCOMER]) tokens[user] = await seedUser(p.db, user);
    await seedParties(p.db, SUPPLIER);
    for (const [user, role] of [
      [BUYER, 'PRINCIPAL'],
      [QUIET, 'UTILISATEUR'],
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
  const emailTo = async (user: string, subject: string): Promise<ParsedMail> => {
    for (;;) {
      const all = smtp.received(mail(user));
      const found = all.find((m) => m.subject === subject);
      if (found) return found;
      await smtp.next(mail(user), all.length);
    }
  };
  const pageLink = (id: string) =>
    `http://portal.test/factures/${id.split('/').map(encodeURIComponent).join('/')}`;

  it('lets a member see the defaults and turn one kind off; an unknown kind is refused with its field', async () => {
    const shown = await json(await call(QUIET, 'GET', '/structures/st-buyer/notification-preferences'));
    expect(shown.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'NOUVELLE_FACTURE', enabled: true, byDefault: true }),
        expect.objectContaining({ event: 'SUIVI', enabled: false, byDefault: false }),
      ]),
    );
    const bad = await call(QUIET, 'PUT', '/structures/st-buyer/notification-preferences', {
      events: { NOUVELLES: false },
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'body.events.NOUVELLES' },
    });
    const saved = await call(QUIET, 'PUT', '/structures/st-buyer/notification-preferences', {
      events: { NOUVELLE_FACTURE: false },
    });
    expect(saved.status).toBe(200);
    expect((await json(saved)).items).toContainEqual(
      expect.objectContaining({ event: 'NOUVELLE_FACTURE', enabled: false }),
    );
  });

  it('tells the buyer of a new invoice without any subscription, with a link to its page', async () => {
    const draft = await json(
      await call(SUPPLIER, 'POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }),
    );
    await call(SUPPLIER, 'PUT', `/drafts/${draft.id}`, {
      invoice: completedDraft(draft.invoice, 'FA-2026-0002'),
      modeDepot: 'SAISIE_PORTAIL',
    });
    const sent = await call(SUPPLIER, 'POST', `/drafts/${draft.id}/send`);
    expect(sent.status).toBe(202);
    invoiceId = (await json(sent)).invoiceId;
    await waitForStatus(p.url, invoiceId, ['MISE_A_DISPOSITION'], 60_000, tokens[SUPPLIER]);
    const notice = await emailTo(BUYER, "Nouvelle facture FA-2026-0002 d'Atelier Dupont SARL");
    expect(notice.text).toContain('« Mise à disposition »');
    expect(notice.text).toContain(`Voir la facture : ${pageLink(invoiceId)}`);
    expect(notice.text).not.toMatch(/MISE_A_DISPOSITION/);
  });

  it('tells the supplier of a suspension: the subject in words, the reason, the link', async () => {
    const suspended = await call(BUYER, 'POST', `/invoices/${invoiceId}/status`, {
      status: 'SUSPENDUE',
      reason: 'Le bon de livraison manque.',
    });
    expect(suspended.status).toBe(200);
    const notice = await emailTo(SUPPLIER, 'Votre facture FA-2026-0002 est suspendue');
    expect(notice.text).toContain('Motif : Le bon de livraison manque.');
    expect(notice.text).toContain(`Voir la facture : ${pageLink(invoiceId)}`);
    // The member who turned new invoices off heard nothing of this one.
    expect(smtp.received(mail(QUIET))).toEqual([]);
  });

  it('tells the supplier of the mise en paiement, on by default', async () => {
    const completed = await call(SUPPLIER, 'POST', `/invoices/${invoiceId}/completion`, {
      comment: 'Bon de livraison envoyé par courrier.',
      attachments: [],
    });
    expect(completed.status).toBe(200);
    await emailTo(BUYER, "La facture FA-2026-0002 d'Atelier Dupont SARL a été complétée");
    const paid = await call(BUYER, 'POST', `/invoices/${invoiceId}/status`, { status: 'MISE_EN_PAIEMENT' });
    expect(paid.status).toBe(200);
    const notice = await emailTo(SUPPLIER, 'Votre facture FA-2026-0002 est mise en paiement');
    expect(notice.text).toContain(`Voir la facture : ${pageLink(invoiceId)}`);
  });

  it('gives the managers a link to the structure’s page for a membership request, not its workflow id', async () => {
    const asked = await call(NEWCOMER, 'POST', '/structures/st-buyer/attachment-requests', {});
    expect(asked.status).toBe(202);
    const notice = await emailTo(BUYER, 'demande de rattachement à Commune de Villefranche');
    expect(notice.text).toContain('http://portal.test/structures/st-buyer');
    expect(notice.text).not.toMatch(/attachment\//);
  });
});
