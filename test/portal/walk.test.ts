import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blankInvoice, withBuyer, withSeller } from '../../invoicing/drafts/draft-invoice';
import { toFacturX } from '../../invoice/facturx';
import { toPdf } from '../../invoice/pdf';
import { toUbl } from '../../invoice/ubl/write';
import type { Invoice } from '../../invoice/model';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { registerStructure } from '../support/parties';
import { frenchIban } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { tempDir } from '../support/stores';
import { BUYER_SIRET, SUPPLIER_SIRET } from '../deposits/support/structures';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems, watchRequests } from './browser';

const PASSWORD = 'un mot de passe solide';
const SUPPLIER = 'marie.curie@atelier-dupont.example';
const BUYER = 'comptable@villefranche.example';
const IBAN = frenchIban('30006000011234567890189');

/** An invoice of the supplier to the buyer's service SERV-A: 2 days at 500 EUR, 20 % VAT. */
function invoiceOf(number: string): Invoice {
  const base = withBuyer(
    withSeller(
      blankInvoice('2026-03-02'),
      {
        identifierType: 'SIRET',
        identifier: SUPPLIER_SIRET,
        name: 'Atelier Dupont SARL',
        vatNumber: 'FR44732829320',
        street: '12 rue des Lilas',
        postalCode: '69003',
        city: 'Lyon',
        countryCode: 'FR',
      },
      { iban: IBAN, bic: 'AGRIFRPP' },
    ),
    {
      identifierType: 'SIRET',
      identifier: BUYER_SIRET,
      name: 'Commune de Villefranche',
      street: '1 place de la Mairie',
      postalCode: '69400',
      city: 'Villefranche-sur-Saône',
      countryCode: 'FR',
    },
  );
  const eur = (value: string) => ({ value, currencyId: 'EUR' });
  return {
    ...base,
    number,
    dueDate: '2026-04-01',
    buyerReference: 'SERV-A',
    lines: [
      {
        id: '1',
        quantity: { value: '2', unitCode: 'DAY' },
        netAmount: eur('1000.00'),
        price: { netPrice: eur('500.00') },
        vatCategoryCode: 'S',
        vatRate: '20',
        item: { name: 'Élagage des platanes', classifications: [], attributes: [] },
        allowances: [],
        charges: [],
      },
    ],
    vatBreakdowns: [
      { categoryCode: 'S', rate: '20', taxableAmount: eur('1000.00'), taxAmount: eur('200.00') },
    ],
    totals: {
      lineNetTotal: eur('1000.00'),
      taxExclusiveAmount: eur('1000.00'),
      vatTotal: eur('200.00'),
      taxInclusiveAmount: eur('1200.00'),
      amountDue: eur('1200.00'),
    },
  };
}

/**
 * Issue 8's done-when, in a real browser (the Factur-X comes from the platform's own writer): a newcomer creates an account, activates it from the email
 * (real SMTP), signs in, creates a structure with a bank account, deposits one invoice by form entry
 * and one Factur-X upload, and sees both reach "Mise à disposition"; the public buyer suspends one,
 * the supplier completes it, and the buyer sets it to "Mise en paiement". Screenshots of each step go
 * to test-artifacts/portal/.
 */
/**
 * Opens a tab of the fiche structure once DSFR has taken the tabs in hand: a click before that can be
 * undone when DSFR starts and selects the first panel again.
 */
async function openTab(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}[data-fr-js-tab-button]`).waitFor({ state: 'attached' });
  await page.click(`#tab-${id}`);
  await page.locator(`#panel-${id}.fr-tabs__panel--selected`).waitFor();
}

describeWithBrowser('portal walk: from a new account to an invoice paid', () => {
  jest.setTimeout(180_000);
  let smtp: TestSmtp;
  let p: TestPlatform;
  let browser: Browser;
  let supplier: BrowserContext;
  let page: Page;
  let problems: string[];
  let requests: () => string;
  const files = tempDir('portal-walk');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [p, browser] = await Promise.all([startTestPlatform({ mail: smtp.config }), launchBrowser()]);
    await p.db('company_registry').insert({
      siret: SUPPLIER_SIRET,
      name: 'ATELIER DUPONT SARL',
      street: '12 rue des Lilas',
      postal_code: '69003',
      city: 'Lyon',
      updated_at: new Date().toISOString(),
    });
    supplier = await browser.newContext({ locale: 'fr-FR' });
    // Steps wait on workflows and on a machine shared with other suites (CI runs two at once): a
    // minute before a step is declared lost.
    supplier.setDefaultTimeout(60_000);
    page = await supplier.newPage();
    problems = watchProblems(page);
    requests = watchRequests(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
    await smtp?.stop();
  });
  afterEach(() => expect(problems).toEqual([]));

  const go = (target: Page, to: string) => target.goto(`${p.url}${to}`);
  const status = (target: Page, code: string) =>
    target.locator(`[data-current-status="${code}"]`).waitFor({ timeout: 60_000 });
  /** A new browser context signed in through the connexion page. */
  const signedIn = async (email: string) => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    context.setDefaultTimeout(60_000);
    const signed = await context.newPage();
    await go(signed, '/connexion');
    await signed.fill('#f-email', email);
    await signed.fill('#f-password', PASSWORD);
    await signed.click('button[type="submit"]');
    await signed.waitForURL('**/factures/emises');
    return { context, page: signed };
  };
  let invoiceByForm: string;
  let invoiceByUpload: string;

  it('creates an account and activates it from the email', async () => {
    await go(page, '/creer-un-compte');
    await page.fill('#f-email', SUPPLIER);
    await page.fill('#f-firstName', 'Marie');
    await page.fill('#f-lastName', 'Curie');
    // Terms not accepted: the error is shown next to the box and in the summary.
    await page.click('button[type="submit"]');
    await page.locator('[data-error-summary] .fr-alert--error').waitFor();
    expect(await page.textContent('#f-acceptTerms-error')).toBe('Cette case doit être cochée.');
    await screenshot(page, 'walk-01-creer-un-compte-erreur');
    await page.click('label[for="f-acceptTerms"]');
    await page.click('button[type="submit"]');
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    expect(await page.textContent('[data-notice]')).toContain(SUPPLIER);
    await screenshot(page, 'walk-02-compte-cree');

    const email = await smtp.next(SUPPLIER);
    const link = new URL(/https?:\/\/\S+\/activation\?\S+/.exec(email.text ?? '')![0]);
    await go(page, `${link.pathname}${link.search}`);
    expect(await page.inputValue('#f-email')).toBe(SUPPLIER);
    await page.fill('#f-password', 'court');
    await page.fill('#f-confirmation', 'court');
    await page.click('button[type="submit"]');
    // The API's PASSWORD_WEAK, in French next to the password.
    await page.locator('#f-password-error:not([hidden])').waitFor();
    expect(await page.textContent('#f-password-error')).toContain('au moins 12 caractères');
    await page.fill('#f-password', PASSWORD);
    await page.fill('#f-confirmation', PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    await screenshot(page, 'walk-03-compte-active');
  });

  it('signs in and creates a structure with a bank account', async () => {
    await go(page, '/connexion');
    await page.fill('#f-email', SUPPLIER);
    await page.fill('#f-password', PASSWORD);
    await screenshot(page, 'walk-04-connexion');
    await page.click('button[type="submit"]');
    await page.waitForURL('**/factures/emises');

    await go(page, '/structures');
    await page.fill('#f-identifier', SUPPLIER_SIRET);
    await page.fill('#f-vatNumber', 'FR44732829320');
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/structures\/[^/?]+\?creee=1$/);
    await page.locator('[data-structure-title]', { hasText: 'ATELIER DUPONT SARL' }).waitFor();
    // Name and address come from the company registry.
    expect(await page.inputValue('#f-address-city')).toBe('Lyon');
    await screenshot(page, 'walk-05-fiche-structure');

    await openTab(page, 'bank');
    await page.fill(
      '#f-iban',
      IBAN.replace(/.$/, (d) => String((Number(d) + 1) % 10)),
    );
    await page.fill('#f-bic', 'AGRIFRPP');
    await page.click('form[data-form="bank-account"] button[type="submit"]');
    // Whatever the form shows (the field's error, or another refusal in its summary), it shows it here.
    await page
      .locator(
        'form[data-form="bank-account"] [data-error-summary] .fr-alert--error, #f-iban-error:not([hidden])',
      )
      .first()
      .waitFor()
      .catch(async (err: Error) => {
        const shown = await page.textContent('form[data-form="bank-account"]').catch(() => '(no form)');
        const quick = { timeout: 1000 };
        const state = {
          busy: await page
            .getAttribute('form[data-form="bank-account"]', 'aria-busy', quick)
            .catch(() => '?'),
          panel: await page.getAttribute('.fr-tabs__panel--selected', 'id', quick).catch(() => '?'),
          iban: await page.inputValue('#f-iban', quick).catch(() => '?'),
        };
        throw new Error(
          `${err.message}\nat ${page.url()}, the form reads: ${shown}\n${JSON.stringify(state)}\n${requests()}\n${problems.join('\n')}`,
        );
      });
    expect({
      field: await page.textContent('#f-iban-error'),
      summary: await page.textContent('form[data-form="bank-account"] [data-error-summary]'),
    }).toEqual({
      field: 'Cet IBAN est invalide (clé de contrôle).',
      summary: expect.stringContaining('IBAN'),
    });
    await screenshot(page, 'walk-06-iban-invalide');
    await page.fill('#f-iban', IBAN);
    await page.click('form[data-form="bank-account"] button[type="submit"]');
    await page.locator('[data-bank-accounts] td', { hasText: 'AGRIFRPP' }).waitFor();
    await screenshot(page, 'walk-07-coordonnees-bancaires');

    // Emails at each step of the structure's invoices (checked when the buyer acts).
    await openTab(page, 'spaces');
    await page.click('label[for="f-subscription"]');
    await page
      .locator('[data-notice]', { hasText: 'Vous recevrez un courriel' })
      .waitFor()
      .catch(async (err: Error) => {
        // Say what the page shows instead: another notice, the box's state, the requests sent.
        const quick = { timeout: 1000 };
        const notice = await page.textContent('[data-notice]', quick).catch(() => '?');
        const checked = await page.isChecked('#f-subscription', quick).catch(() => '?');
        throw new Error(`${err.message}\nnotice: ${notice}\nbox checked: ${checked}\n${requests()}`);
      });
  });

  it('sets up the public buyer (created by support) with its user', async () => {
    expect(
      (
        await fetch(`${p.url}/api/v1/accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: BUYER, firstName: 'Paul', lastName: 'Comptable', acceptTerms: true }),
        })
      ).status,
    ).toBe(201);
    const token = new URL(
      /https?:\/\/\S+token=[\w-]+/.exec((await smtp.next(BUYER)).text ?? '')![0],
    ).searchParams.get('token');
    const activated = await fetch(`${p.url}/api/v1/accounts/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BUYER, token, password: PASSWORD }),
    });
    expect(activated.status).toBe(200);
    const user = await p.db('users').where({ email: BUYER }).first('id');
    // Public structures are created by operators; this one requires a service code on each invoice.
    await registerStructure(p.db, {
      identifier: BUYER_SIRET,
      name: 'Commune de Villefranche',
      public: true,
      serviceCodeRequired: true,
      services: [{ code: 'SERV-A' }],
      members: [{ userId: user.id }],
    });
    await p
      .db('structures')
      .where({ identifier: BUYER_SIRET })
      .update({ street: '1 place de la Mairie', postal_code: '69400', city: 'Villefranche-sur-Saône' });
  });

  it('deposits an invoice by form entry, with live totals and findings next to the fields', async () => {
    await go(page, '/factures/depot');
    await page.fill('#f-recipientId', BUYER_SIRET);
    await screenshot(page, 'walk-08-depot-saisie');
    await page.click('form[data-form="deposit"] button[type="submit"]');
    await page.waitForURL('**/factures/brouillon?id=*');
    await page.locator('form[data-form="draft"][data-loaded]').waitFor();
    expect(await page.inputValue('#f-buyer-name')).toBe('Commune de Villefranche');
    await page.fill('#f-number', 'F-2026-001');
    await page.fill('#f-dueDate', '2026-12-31');
    await page.fill('[data-line="name"]', 'Entretien des espaces verts');
    await page.fill('[data-line="quantity"]', '3');
    await page.selectOption('[data-line="unit"]', 'HUR');
    await page.fill('[data-line="price"]', '120');
    expect(await page.textContent('[data-total="ht"]')).toContain('360,00');
    expect(await page.textContent('[data-total="tva"]')).toContain('72,00');
    expect(await page.textContent('[data-total="ttc"]')).toContain('432,00');

    // "Valider": the buyer requires a service code, said next to that field.
    await page.click('button[value="validate"]');
    await page.locator('#f-buyerReference-error:not([hidden])').waitFor();
    expect(await page.textContent('#f-buyerReference-error')).toBe(
      'Le code service (BT-10) est obligatoire pour ce destinataire.',
    );
    await screenshot(page, 'walk-09-formulaire-constats');
    await page.fill('#f-buyerReference', 'SERV-A');
    await page.click('button[value="validate"]');
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    await page.click('button[value="send"]');
    await page.waitForURL('**/factures/invoice/**');
    await status(page, 'MISE_A_DISPOSITION');
    invoiceByForm = new URL(page.url()).pathname;
    expect(await page.textContent('[data-invoice]')).toContain('Mise à disposition');
    await screenshot(page, 'walk-10-facture-saisie-mise-a-disposition');
    // Every download the page offers answers: the deposited file, its renditions, the certificate.
    await page.locator('[data-invoice] a[download]', { hasText: 'Attestation de dépôt' }).waitFor();
    const links = await page
      .locator('[data-invoice] a[download]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(6);
    for (const href of links)
      expect({ href, status: (await supplier.request.get(`${p.url}${href}`)).status() }).toEqual({
        href,
        status: 200,
      });
  });

  it('deposits a Factur-X by upload', async () => {
    const file = path.join(files, 'F-2026-002.pdf');
    fs.writeFileSync(file, await toFacturX(invoiceOf('F-2026-002'), { profile: 'EN 16931' }));
    await go(page, '/factures/depot');
    await page.click('label[for="mode-xml"]');
    // A file that is no invoice: the platform's refusal, in French, next to the file field.
    const note = path.join(files, 'note.xml');
    fs.writeFileSync(note, '<?xml version="1.0"?><note>Bonjour</note>');
    await page.setInputFiles('#f-file', note);
    await page.click('form[data-form="deposit"] button[type="submit"]');
    await page.locator('#f-file-error:not([hidden])').waitFor();
    expect(await page.textContent('#f-file-error')).toBe(
      'Ce fichier n’est pas une facture UBL, CII ou Factur-X.',
    );
    await screenshot(page, 'walk-11a-depot-fichier-refuse');
    await page.setInputFiles('#f-file', file);
    await screenshot(page, 'walk-11-depot-facturx');
    await page.click('form[data-form="deposit"] button[type="submit"]');
    await page.waitForURL('**/factures/invoice/**');
    await status(page, 'MISE_A_DISPOSITION');
    invoiceByUpload = new URL(page.url()).pathname;
    expect(await page.textContent('[data-invoice]')).toContain('1\u202f200,00');
    await screenshot(page, 'walk-12-facture-facturx-mise-a-disposition');

    await go(page, '/factures/emises');
    for (const number of ['F-2026-001', 'F-2026-002'])
      await page
        .locator('[data-results] tr', { hasText: number })
        .locator('[data-status="MISE_A_DISPOSITION"]')
        .waitFor();
    await screenshot(page, 'walk-13-factures-emises');
  });

  it('lets the buyer suspend one, the supplier complete it, and the buyer set it to payment', async () => {
    const { context: buyer, page: b } = await signedIn(BUYER);
    const buyerProblems = watchProblems(b);
    await go(b, '/factures/recues');
    await b.locator('[data-results] tr', { hasText: 'F-2026-002' }).waitFor();
    await screenshot(b, 'walk-14-factures-recues');
    await b.click('[data-results] a:text-is("F-2026-001")');
    await b.waitForURL(`**${invoiceByForm}`);
    await b.locator('form[data-form="status"]').waitFor();

    // SUSPENDUE needs a reason: asked for next to the field before anything is sent.
    await b.selectOption('#f-status', 'SUSPENDUE');
    await b.click('form[data-form="status"] button[type="submit"]');
    await b.locator('#f-reason-error:not([hidden])').waitFor();
    expect(await b.textContent('#f-reason-error')).toBe('Le motif est obligatoire pour ce statut.');
    await b.fill('#f-reason', 'Le bon de livraison manque.');
    await b.click('form[data-form="status"] button[type="submit"]');
    await status(b, 'SUSPENDUE');
    await screenshot(b, 'walk-15-facture-suspendue');
    // The supplier subscribed to the structure's invoice emails: the suspension is one of them, with
    // the reason and a link to the invoice's page.
    const notice = await smtp.next(SUPPLIER, 1);
    expect(notice.subject).toBe('Votre facture F-2026-001 est suspendue');
    expect(notice.text).toContain('Motif : Le bon de livraison manque.');
    expect(new URL(/Voir la facture : (\S+)/.exec(notice.text ?? '')![1]).pathname).toBe(invoiceByForm);

    const proof = path.join(files, 'bon-de-livraison.pdf');
    fs.writeFileSync(proof, '%PDF-1.4\n% bon de livraison\n%%EOF\n');
    await go(page, invoiceByForm);
    await page.locator('form[data-form="completion"]').waitFor();
    expect(await page.textContent('[data-invoice]')).toContain('Le bon de livraison manque.');
    await page.fill('#f-completion-comment', 'Voici le bon de livraison signé.');
    await page.setInputFiles('#f-completion-files', proof);
    await page.click('form[data-form="completion"] button[type="submit"]');
    await status(page, 'COMPLETEE');
    await screenshot(page, 'walk-16-facture-completee');

    await go(b, invoiceByForm);
    await b.locator('form[data-form="status"]').waitFor();
    const proofLink = b.locator('[data-invoice] a', { hasText: 'bon-de-livraison.pdf' });
    const download = await buyer.request.get(`${p.url}${await proofLink.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).toString()).toContain('bon de livraison');
    await b.selectOption('#f-status', 'MISE_EN_PAIEMENT');
    await b.click('form[data-form="status"] button[type="submit"]');
    await status(b, 'MISE_EN_PAIEMENT');
    expect(await b.locator('form[data-form="status"]').count()).toBe(0);
    await screenshot(b, 'walk-17-facture-mise-en-paiement');
    expect(buyerProblems).toEqual([]);
    await buyer.close();

    // The supplier follows it too, and the API agrees.
    await go(page, invoiceByForm);
    await status(page, 'MISE_EN_PAIEMENT');
    const id = decodeURIComponent(invoiceByForm.replace('/factures/', ''));
    const cookies = await supplier.cookies();
    const res = await fetch(`${p.url}/api/v1/invoices/${id}`, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect((await json(res)).history.map((h: { status: string }) => h.status)).toEqual([
      'DEPOSEE',
      'EN_COURS_ACHEMINEMENT',
      'MISE_A_DISPOSITION',
      'SUSPENDUE',
      'COMPLETEE',
      'MISE_EN_PAIEMENT',
    ]);
  });

  it('lets the supplier recycle an invoice sent back, and acknowledge a rejection', async () => {
    const { context, page: b } = await signedIn(BUYER);
    const buyerProblems = watchProblems(b);
    const setStatus = async (code: string, reason: string) => {
      await go(b, invoiceByUpload);
      await b.locator('form[data-form="status"]').waitFor();
      await b.selectOption('#f-status', code);
      await b.fill('#f-reason', reason);
      await b.click('form[data-form="status"] button[type="submit"]');
      await status(b, code);
    };
    await setStatus('A_RECYCLER', 'Il manque le numéro d’engagement.');

    await go(page, invoiceByUpload);
    await page.locator('form[data-form="recycling"]').waitFor();
    expect(await page.inputValue('#f-serviceCode')).toBe('SERV-A');
    await page.fill('#f-engagementNumber', 'EJ-2026-0042');
    await screenshot(page, 'walk-24-recyclage');
    await page.click('form[data-form="recycling"] button[type="submit"]');
    await status(page, 'MISE_A_DISPOSITION');
    expect(await page.textContent('[data-invoice]')).toContain('EJ-2026-0042');

    await setStatus('REJETEE', 'Prestation non commandée.');
    await go(page, invoiceByUpload);
    await page.locator('[data-acknowledge]').click();
    await page.locator('[data-notice]', { hasText: 'Vous avez pris acte du rejet.' }).waitFor();
    expect(await page.locator('[data-acknowledge]').count()).toBe(0);
    await screenshot(page, 'walk-25-rejet-pris-en-compte');
    expect(buyerProblems).toEqual([]);
    await context.close();
  });

  it('gets a colleague attached: asked from Rattachements, approved in the fiche structure, then withdrawn', async () => {
    const colleague = 'pierre.curie@atelier-dupont.example';
    await fetch(`${p.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: colleague, firstName: 'Pierre', lastName: 'Curie', acceptTerms: true }),
    });
    const token = new URL(
      /https?:\/\/\S+token=[\w-]+/.exec((await smtp.next(colleague)).text ?? '')![0],
    ).searchParams.get('token');
    await fetch(`${p.url}/api/v1/accounts/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: colleague, token, password: PASSWORD }),
    });
    const { context, page: c } = await signedIn(colleague);
    const colleagueProblems = watchProblems(c);
    await go(c, '/rattachements');
    await c.fill('#f-identifier', SUPPLIER_SIRET);
    await c.click('form[data-form="find-structure"] button[type="submit"]');
    await c.click('form[data-ask] button[type="submit"]');
    await c.locator('[data-mine] td', { hasText: 'En attente' }).waitFor();
    await screenshot(c, 'walk-18-rattachement-demande');

    await go(page, '/structures');
    await page.click('[data-structures] a');
    await openTab(page, 'manager');
    const request = page.locator('form[data-decision]', { hasText: colleague });
    await request.waitFor();
    await screenshot(page, 'walk-19-rattachement-a-traiter');
    await request.locator('button[value="approve"]').click();
    await page.locator('[data-members] tr', { hasText: colleague }).waitFor();
    expect(await page.textContent('[data-members]')).toContain('Utilisateur');

    await go(c, '/rattachements');
    await c.locator('[data-mine] td', { hasText: 'Acceptée' }).waitFor();
    await go(c, '/mon-compte');
    await c.locator('[data-structures] td', { hasText: 'ATELIER DUPONT SARL' }).waitFor();
    await screenshot(c, 'walk-20-rattachement-accepte');
    expect(colleagueProblems).toEqual([]);

    // The manager withdraws the attachment: the colleague no longer acts for the structure.
    await page
      .locator('[data-members] tr', { hasText: colleague })
      .locator('button[data-revoke-member]')
      .click();
    await page.locator('[data-notice]', { hasText: 'n’est plus rattaché' }).waitFor();
    await page.locator('[data-members] tr', { hasText: colleague }).waitFor({ state: 'detached' });
    await go(c, '/mon-compte');
    await c.locator('[data-structures]', { hasText: 'Vous n’êtes rattaché à aucune structure.' }).waitFor();
    await context.close();
  });

  it('answers a question in the support panel', async () => {
    await go(page, '/factures/emises');
    await page.click('button[aria-controls="support-panel"]');
    await page.locator('#support-question').waitFor({ state: 'visible' });
    await page.fill('#support-question', 'Comment déposer une facture PDF ?');
    await page.click('form[data-chat-form] button[type="submit"]');
    const answer = page.locator('[data-chat-log] .ff-chat__line', { hasText: 'Assistant' });
    await answer.waitFor();
    expect(await answer.textContent()).toContain('PDF');
    // The knowledge base's links lead to the portal's pages, not to the API.
    expect(await answer.locator('a').first().getAttribute('href')).toBe('/factures/depot');
    await screenshot(page, 'walk-21-aide-assistant');
  });

  it('pre-fills the invoice form from a plain PDF, kept as the main attachment', async () => {
    const file = path.join(files, 'F-2026-003.pdf');
    fs.writeFileSync(file, await toPdf(invoiceOf('F-2026-003')));
    await go(page, '/factures/depot');
    await page.click('label[for="mode-pdf"]');
    await page.setInputFiles('#f-pdf', file);
    await page.click('form[data-form="deposit"] button[type="submit"]');
    await page.waitForURL('**/factures/brouillon?id=*&pdf=1');
    await page.locator('form[data-form="draft"][data-loaded]').waitFor();
    await page.locator('[data-attachments] li', { hasText: 'F-2026-003.pdf' }).waitFor();
    expect(await page.inputValue('#f-number')).toBe('F-2026-003');
    expect(await page.inputValue('#f-buyer-id')).toBe(BUYER_SIRET);
    expect(await page.textContent('[data-draft-state]')).toContain('pré-rempli à partir du PDF');
    expect(await page.textContent('[data-draft-state]')).toContain('TTC 1\u202f200,00 €');
    await screenshot(page, 'walk-22-formulaire-pre-rempli-pdf');
    await page.click('button[value="save"]');
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    // Saved before any line is entered: the amounts read from the PDF are kept.
    const draftId = new URL(page.url()).searchParams.get('id');
    const cookie = (await supplier.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const saved = await json(await fetch(`${p.url}/api/v1/drafts/${draftId}`, { headers: { cookie } }));
    expect(saved.invoice.totals.taxInclusiveAmount.value).toBe('1200.00');
    await go(page, '/factures/emises');
    await page.locator('[data-drafts] a', { hasText: 'F-2026-003' }).waitFor();
  });

  it('follows a flow from its deposit to its integration report', async () => {
    const file = path.join(files, 'F-2026-004.xml');
    fs.writeFileSync(file, toUbl(invoiceOf('F-2026-004')));
    await go(page, '/flux');
    await page.selectOption('#f-syntaxeFlux', 'IN_DP_E1_UBL_INVOICE');
    await page.setInputFiles('#f-flow-file', file);
    await page.click('form[data-form="flow"] button[type="submit"]');
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    const row = page.locator('[data-flows] tr', { hasText: 'F-2026-004.xml' });
    await row.locator('td', { hasText: 'Intégré' }).waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('1 / 1');
    await row.locator('button[data-report]').click();
    await page.locator('[data-report]', { hasText: 'Toutes les factures du flux sont intégrées.' }).waitFor();
    await screenshot(page, 'walk-23-suivi-des-flux');
  });

  it('filters the issued invoices and exports the same selection as CSV', async () => {
    await go(page, '/factures/emises');
    await page.selectOption('#f-status', 'MISE_EN_PAIEMENT');
    await page.click('form[data-form="filters"] button[type="submit"]');
    await page.locator('[data-results] caption', { hasText: '1 facture' }).waitFor();
    expect(await page.textContent('[data-results] tbody')).toContain('F-2026-001');
    await screenshot(page, 'walk-26-factures-emises-filtrees');
    const csv = await supplier.request.get(`${p.url}${await page.getAttribute('[data-csv]', 'href')}`);
    expect(csv.status()).toBe(200);
    // A French spreadsheet's CSV: BOM, `;` between cells, French headers, decimal comma.
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[0].split(';').slice(0, 2)).toEqual(['Numéro', 'Statut']);
    expect(rows[1].split(';').slice(0, 2)).toEqual(['"F-2026-001"', '"Mise en paiement"']);
  });
});
