import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { hashToken, newToken } from '../../platform/secrets';
import { seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { BUYER_SIRET, seedParties } from '../deposits/support/structures';
import { completedDraft } from '../deposits/support/completed-draft';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems } from './browser';

const SUPPLIER = 'notif-supplier';
const COLLEAGUE = 'notif-supplier-colleague';
const BUYER = 'notif-buyer';
const mail = (user: string) => `${user}@example.org`;
const REASON = 'Le numéro de bon de commande manque.';

/**
 * Notifications in the browser: the buyer suspends an invoice in the portal, the supplier's
 * suspension email arrives over real SMTP and its link, opened signed in as the supplier, lands on the
 * invoice showing the suspension and its reason. On "Mes notifications" the supplier turns the
 * mise en paiement email off; the choice holds after a reload, and the payment then sends them
 * nothing while a colleague who kept the default is told.
 */
describeWithBrowser('portal: notification emails and preferences', () => {
  let smtp: TestSmtp;
  let p: TestPlatform;
  let browser: Browser;
  const cookies: Record<string, string> = {};
  const bearers: Record<string, string> = {};
  let invoiceId: string;
  let invoicePath: string;

  const user = async (id: string) => {
    bearers[id] = await seedUser(p.db, id);
    cookies[id] = newToken();
    const now = Date.now();
    await p.db('sessions').insert({
      token_hash: hashToken(cookies[id]),
      user_id: id,
      kind: 'cookie',
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + 3_600_000).toISOString(),
    });
  };
  const signedIn = async (
    id: string,
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookies[id], url: p.url }]);
    const page = await context.newPage();
    return { context, page, problems: watchProblems(page) };
  };
  const call = (id: string, method: string, path: string, body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${bearers[id]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const emailTo = async (id: string, subject: string): Promise<ParsedMail> => {
    for (;;) {
      const all = smtp.received(mail(id));
      const found = all.find((m) => m.subject === subject);
      if (found) return found;
      await smtp.next(mail(id), all.length);
    }
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [p, browser] = await Promise.all([startTestPlatform({ mail: smtp.config }), launchBrowser()]);
    for (const id of [SUPPLIER, COLLEAGUE, BUYER]) await user(id);
    await seedParties(p.db, SUPPLIER);
    const now = new Date().toISOString();
    await p.db('structure_members').insert([
      {
        structure_id: 'st-supplier',
        user_id: COLLEAGUE,
        role: 'UTILISATEUR',
        services: '[]',
        created_at: now,
      },
      { structure_id: 'st-buyer', user_id: BUYER, role: 'PRINCIPAL', services: '[]', created_at: now },
    ]);
    const draft = await json(
      await call(SUPPLIER, 'POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }),
    );
    await call(SUPPLIER, 'PUT', `/drafts/${draft.id}`, {
      invoice: completedDraft(draft.invoice, 'FA-2026-0042'),
      modeDepot: 'SAISIE_PORTAIL',
    });
    invoiceId = (await json(await call(SUPPLIER, 'POST', `/drafts/${draft.id}/send`))).invoiceId;
    invoicePath = `/factures/${invoiceId.split('/').map(encodeURIComponent).join('/')}`;
    await waitForStatus(p.url, invoiceId, ['MISE_A_DISPOSITION'], 60_000, bearers[SUPPLIER]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
    await smtp?.stop();
  });

  it('opens the supplier’s suspension email link on the invoice, with the suspension and its reason', async () => {
    const buyer = await signedIn(BUYER);
    await buyer.page.goto(`${p.url}${invoicePath}`);
    await buyer.page.locator('form[data-form="status"]').waitFor();
    await buyer.page.selectOption('#f-status', 'SUSPENDUE');
    await buyer.page.fill('#f-reason', REASON);
    await buyer.page.click('form[data-form="status"] button[type="submit"]');
    await buyer.page.locator('[data-current-status="SUSPENDUE"]').waitFor({ timeout: 60_000 });
    expect(buyer.problems).toEqual([]);
    await buyer.context.close();

    const email = await emailTo(SUPPLIER, 'Votre facture FA-2026-0042 est suspendue');
    expect(email.text).toContain(`Motif : ${REASON}`);
    // The link is absolute, at the platform's public URL (http://portal.test in tests): opened here
    // at the same path on the server under test.
    const link = new URL(/Voir la facture : (\S+)/.exec(email.text ?? '')![1]);
    expect(link.origin).toBe('http://portal.test');

    const supplier = await signedIn(SUPPLIER);
    await supplier.page.goto(`${p.url}${link.pathname}${link.search}`);
    await supplier.page.locator('[data-current-status="SUSPENDUE"]').waitFor({ timeout: 60_000 });
    expect(await supplier.page.textContent('[data-current-status]')).toBe('Suspendue');
    expect(await supplier.page.textContent('[data-invoice]')).toContain(`Motif : ${REASON}`);
    expect(await supplier.page.textContent('main')).toContain('FA-2026-0042');
    await screenshot(supplier.page, 'notifications-01-lien-suspension');
    expect(supplier.problems).toEqual([]);
    await supplier.context.close();
  });

  it('turns an email off on "Mes notifications": the choice holds after a reload, and that email no longer comes', async () => {
    const { context, page, problems } = await signedIn(SUPPLIER);
    await page.goto(`${p.url}/mon-compte`);
    await page.click('header a:text-is("Mes notifications")');
    await page.waitForURL('**/mon-compte/notifications');
    const form = page.locator('section[data-structure="st-supplier"] form');
    await form.waitFor();
    const payment = form.locator('input[name="events.MISE_EN_PAIEMENT"]');
    expect(await payment.isChecked()).toBe(true);
    expect(await form.locator('label', { hasText: 'Mise en paiement d’une facture émise' }).count()).toBe(1);

    // A refusal of the API is shown next to its field: here a kind of email the platform does not know.
    type Box = { name: string; closest(s: string): { setAttribute(n: string, v: string): void } | null };
    await form.locator('input[name="events.SUIVI"]').evaluate((box: Box) => {
      box.name = 'events.INCONNU';
      box.closest('[data-field]')!.setAttribute('data-field', 'events.INCONNU');
    });
    await form.locator('button[type="submit"]').click();
    const fieldError = form.locator('[data-field="events.INCONNU"] .fr-error-text:not([hidden])');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe('Certains champs sont absents ou mal remplis.');
    expect(await form.locator('[data-error-summary] a[href="#f-st-supplier-SUIVI"]').count()).toBe(1);
    await screenshot(page, 'notifications-02-erreur');

    await page.reload();
    await form.waitFor();
    // DSFR draws the box on the label: people click the label.
    await form.locator('label[for="f-st-supplier-MISE_EN_PAIEMENT"]').click();
    expect(await payment.isChecked()).toBe(false);
    await form.locator('label', { hasText: 'Un récapitulatif quotidien' }).click();
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    expect(await page.textContent('[data-notice]')).toContain('Atelier Dupont SARL');

    await page.reload();
    await form.waitFor();
    expect(await payment.isChecked()).toBe(false);
    expect(await form.locator('input[name="digest"][value="true"]').isChecked()).toBe(true);
    // Nothing else changed: the suspension email is still on.
    expect(await form.locator('input[name="events.SUSPENSION"]').isChecked()).toBe(true);
    await screenshot(page, 'notifications-03-preferences');
    expect(problems).toEqual([]);
    await context.close();

    const completed = await call(SUPPLIER, 'POST', `/invoices/${invoiceId}/completion`, {
      comment: 'Bon de commande BC-77 ajouté.',
      attachments: [],
    });
    expect(completed.status).toBe(200);
    await emailTo(BUYER, "La facture FA-2026-0042 d'Atelier Dupont SARL a été complétée");
    const paid = await call(BUYER, 'POST', `/invoices/${invoiceId}/status`, { status: 'MISE_EN_PAIEMENT' });
    expect(paid.status).toBe(200);
    // The colleague, who kept the default, is told in the same step that would have told the supplier.
    await emailTo(COLLEAGUE, 'Votre facture FA-2026-0042 est mise en paiement');
    expect(smtp.received(mail(SUPPLIER)).map((m) => m.subject)).not.toContain(
      'Votre facture FA-2026-0042 est mise en paiement',
    );
  });
});
