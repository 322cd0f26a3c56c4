import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { hashToken, newToken } from '../../platform/secrets';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems } from './browser';

/**
 * The browser modules are checked against the DOM's types by their own tsconfig, which the
 * project's `tsc --noEmit` (Node types) does not cover.
 */
describe('portal browser modules', () => {
  it('type-check', async () => {
    const root = path.join(__dirname, '..', '..');
    await expect(
      promisify(execFile)(
        process.execPath,
        [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'portal/client'],
        {
          cwd: root,
        },
      ),
    ).resolves.toMatchObject({ stdout: '' });
  }, 60_000);
});

/** The issue's budget: no page loads more than 300 KB of script. */
const SCRIPT_BUDGET = 300 * 1024;

/**
 * Every page of the portal, opened by a signed-in user: it loads at most 300 KB of script, requests
 * nothing outside the platform (DSFR's CSS, fonts, icons and scripts are served locally), runs under
 * the strict Content Security Policy without a refusal or an uncaught error, labels every field, and
 * fits a phone's width.
 */
describeWithBrowser('portal pages: weight, local assets, CSP', () => {
  let p: TestPlatform;
  let browser: Browser;
  let cookie: string;
  let operatorBearer: string;
  let structureId: string;
  let draftId: string;

  beforeAll(async () => {
    [p, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
    // An operator: the advisors' page shows all its sections.
    const bearer = await seedUser(p.db, 'pages-user', { operator: true });
    operatorBearer = bearer;
    cookie = newToken();
    const now = new Date();
    await p.db('sessions').insert({
      token_hash: hashToken(cookie),
      user_id: 'pages-user',
      kind: 'cookie',
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    structureId = await registerStructure(p.db, {
      identifier: '73282932000074',
      name: 'Atelier Dupont',
      members: [{ userId: 'pages-user' }],
    });
    const draft = await fetch(`${p.url}/api/v1/structures/${structureId}/drafts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: '{}',
    });
    draftId = (await json(draft)).id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  });

  // Twenty pages, each in a fresh browser context: the timeout leaves room for a loaded CI machine.
  it('keeps every page within budget, local, CSP-clean and as wide as a phone', async () => {
    const pages: [string, string][] = [
      ['accueil', '/'],
      ['creer-un-compte', '/creer-un-compte'],
      ['activation', '/activation?email=a%40b.fr&token=x'],
      ['connexion', '/connexion'],
      ['mot-de-passe-oublie', '/mot-de-passe-oublie'],
      ['reinitialisation', '/mot-de-passe/reinitialisation?email=a%40b.fr&token=x'],
      ['outbox', '/outbox'],
      ['mon-compte', '/mon-compte'],
      ['rattachements', '/rattachements'],
      ['structures', '/structures'],
      ['fiche-structure', `/structures/${structureId}`],
      ['factures-emises', '/factures/emises'],
      ['factures-recues', '/factures/recues'],
      ['depot', '/factures/depot'],
      ['brouillon', `/factures/brouillon?id=${draftId}`],
      ['facture', '/factures/invoice/73282932000074/2026/F-1'],
      ['flux', '/flux'],
      ['applications', '/applications'],
      ['aide-demande', '/aide/demande'],
      ['conseillers', '/conseillers'],
      ['raccordements', '/raccordements'],
    ];
    const report: Record<string, number> = {};
    for (const [name, path] of pages) {
      // A fresh context each time: the first load, with nothing cached.
      const context = await browser.newContext({ locale: 'fr-FR' });
      await context.addCookies([{ name: 'ff_session', value: cookie, url: p.url }]);
      const page = await context.newPage();
      const problems = watchProblems(page);
      const elsewhere: string[] = [];
      const scripts: Promise<Buffer>[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(p.url) && !url.startsWith('data:')) elsewhere.push(url);
      });
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script') scripts.push(res.body());
      });
      const res = await page.goto(`${p.url}${path}`, { waitUntil: 'networkidle' });
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      // Pages that need a user would have sent us to the sign-in page instead.
      expect({ path, url: new URL(page.url()).pathname }).toEqual({ path, url: path.split('?')[0] });
      await page.locator('h1').first().waitFor({ state: 'visible' });
      await screenshot(page, `page-${name}`);
      expect({ path, elsewhere }).toEqual({ path, elsewhere: [] });
      expect({ path, problems }).toEqual({ path, problems: [] });
      const scriptBytes = (await Promise.all(scripts)).reduce((sum, b) => sum + b.byteLength, 0);
      expect(scriptBytes).toBeGreaterThan(0);
      expect({ path, tooHeavy: scriptBytes > SCRIPT_BUDGET }).toEqual({ path, tooHeavy: false });
      report[path] = scriptBytes;
      // RGAA basics: every field has a label, every id is unique (labels and error links rely on them).
      const unlabelled =
        await page.evaluate(`[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        .map((el) => el.name || el.id)`);
      expect({ path, unlabelled }).toEqual({ path, unlabelled: [] });
      const duplicateIds = await page.evaluate(`[...document.querySelectorAll('[id]')]
        .map((el) => el.id)
        .filter((id, i, all) => all.indexOf(id) !== i)`);
      expect({ path, duplicateIds }).toEqual({ path, duplicateIds: [] });
      // Responsive: on a phone's width the page scrolls down, never sideways (tables scroll inside).
      await page.setViewportSize({ width: 360, height: 740 });
      // (A string, evaluated in the page: the tests compile without the DOM's types.)
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - window.innerWidth',
      )) as number;
      expect({ path, overflow: overflow > 0 }).toEqual({ path, overflow: false });
      if (['depot', 'brouillon', 'fiche-structure'].includes(name)) await screenshot(page, `mobile-${name}`);
      await context.close();
    }
    console.log(
      `script bytes per page:\n${Object.entries(report)
        .map(([path, bytes]) => `  ${path}: ${(bytes / 1024).toFixed(1)} KB`)
        .join('\n')}`,
    );
  }, 240_000);

  it('sends a signed-out visitor of a personal page to the sign-in page, remembering where to return', async () => {
    const page = await browser.newPage();
    // The first Tab reaches the skip link to the content.
    await page.goto(`${p.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Contenu');
    await page.goto(`${p.url}/factures/emises`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    expect(new URL(page.url()).searchParams.get('retour')).toBe('/factures/emises');
    await page.close();
  });

  it('shows the development outbox, whose activation link opens the activation page', async () => {
    const registered = await fetch(`${p.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'dev@example.org',
        firstName: 'Dev',
        lastName: 'Loppeur',
        acceptTerms: true,
      }),
    });
    expect(registered.status).toBe(201);
    // Only operators may read the outbox: anyone else is sent to sign in.
    const anonymous = await browser.newPage();
    await anonymous.goto(`${p.url}/outbox`);
    expect(new URL(anonymous.url()).pathname).toBe('/connexion');
    await anonymous.close();
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookie, url: p.url }]);
    const page = await context.newPage();
    for (let tries = 0; tries < 50; tries++) {
      await page.goto(`${p.url}/outbox`);
      if (await page.locator('[data-outbox] td', { hasText: 'dev@example.org' }).count()) break;
      await page.waitForTimeout(200);
    }
    await page.locator('[data-outbox] tr', { hasText: 'dev@example.org' }).locator('button').click();
    const link = page.locator('[data-message] a', { hasText: '/activation?' });
    await link.waitFor();
    await screenshot(page, 'page-outbox-message');
    await link.click();
    await page.waitForURL('**/activation?*');
    expect(await page.inputValue('#f-email')).toBe('dev@example.org');
    await context.close();
  });

  it('routes a visitor’s request to the advisors’ page, where it is answered and closed', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${p.url}/aide/demande`);
    await visitor.locator('#f-category option[value="COMPTE"]').waitFor({ state: 'attached' });
    await visitor.selectOption('#f-category', 'COMPTE');
    await visitor.selectOption('#f-subcategory', 'CONNEXION');
    await visitor.fill('#f-contactEmail', 'visiteur@example.org');
    await visitor.fill('#f-subject', 'Courriel de réinitialisation introuvable');
    await visitor.fill('#f-text', 'Je ne reçois pas le courriel pour changer mon mot de passe.');
    await visitor.click('form[data-form="support-request"] button[type="submit"]');
    await visitor.locator('[data-notice] .fr-alert--success').waitFor();
    await visitor.close();

    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookie, url: p.url }]);
    const advisor = await context.newPage();
    const problems = watchProblems(advisor);
    const row = advisor.locator('[data-request-queue] tr', {
      hasText: 'Courriel de réinitialisation introuvable',
    });
    for (let tries = 0; tries < 50 && !(await row.count()); tries++) {
      await advisor.goto(`${p.url}/conseillers`);
      await advisor.locator('[data-request-queue] p, [data-request-queue] table').first().waitFor();
    }
    await row.locator('button').click();
    await advisor.locator('[data-request-messages]', { hasText: 'Je ne reçois pas le courriel' }).waitFor();
    await advisor.fill(
      '#f-answer-text',
      'Regardez dans vos courriels indésirables, puis demandez un nouveau lien.',
    );
    await advisor.click('form[data-form="answer"] button[type="submit"]');
    await advisor.locator('[data-request-subject]', { hasText: 'Répondue' }).waitFor();
    await screenshot(advisor, 'page-conseillers-sollicitation');
    await advisor.click('[data-close-request]');
    await advisor.locator('[data-notice]', { hasText: 'La demande est clôturée.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    // The answer went to the visitor by email (here the development outbox).
    const outbox = await json(
      await fetch(`${p.url}/api/v1/dev/outbox`, { headers: { authorization: `Bearer ${operatorBearer}` } }),
    );
    expect(outbox.messages.some((m: { to: string }) => m.to.includes('visiteur@example.org'))).toBe(true);
    await context.close();
  });

  it('gives the structure a technical account and an application in qualification, secrets shown once', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookie, url: p.url }]);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${p.url}/raccordements`);
    await page.locator('[data-technical]', { hasText: 'pas encore de compte technique' }).waitFor();
    await page.click('[data-technical-set]');
    const password = page.locator('[data-secret-value="Mot de passe"]');
    await password.waitFor();
    expect((await password.textContent())!.length).toBeGreaterThanOrEqual(12);
    await page.locator('[data-technical]', { hasText: 'TECH_1_' }).waitFor();

    await page.fill('#f-application-name', 'Mon ERP');
    await page.click('form[data-form="application"] button[type="submit"]');
    await page.locator('[data-secret-value="Secret (client_secret)"]').waitFor();
    await page
      .locator('[data-applications] tr', { hasText: 'Mon ERP' })
      .locator('td', { hasText: 'En qualification' })
      .waitFor();
    await screenshot(page, 'page-raccordements-application');
    expect(problems).toEqual([]);
    await context.close();
  });
});
