import type { Browser, BrowserContext } from 'playwright-core';
import { hashToken, newToken } from '../../platform/secrets';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { siren, siret } from '../invoicing/french-numbers';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems } from './browser';

const LYON = siret(siren('21690123'), '0001');
const VILLEURBANNE = siret(siren('21690266'), '0001');
const SUPPLIER = siret(siren('73282932'), '0007');

/**
 * Finding a structure and the menu, as people use the portal: the directory searched by name, the
 * recipient's services offered as code service, the menu each role opens, and a user without a
 * structure told how to get one.
 */
describeWithBrowser('portal: directory search, code services, menu per role', () => {
  let p: TestPlatform;
  let browser: Browser;
  const cookies: Record<string, string> = {};
  const bearers: Record<string, string> = {};
  let supplierId: string;

  /** A user with a portal session cookie (and a bearer for API calls). */
  const user = async (id: string, operator = false) => {
    bearers[id] = await seedUser(p.db, id, { operator });
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
  const signedIn = async (id: string): Promise<BrowserContext> => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookies[id], url: p.url }]);
    return context;
  };
  const menuOf = async (id: string, path = '/structures') => {
    const context = await signedIn(id);
    const page = await context.newPage();
    await page.goto(`${p.url}${path}`);
    const entries = await page.locator('#navigation .fr-nav__link').allTextContents();
    await context.close();
    return entries;
  };

  beforeAll(async () => {
    [p, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
    await user('dir-supplier');
    await user('dir-buyer');
    await user('dir-operator', true);
    await user('dir-newcomer');
    // Written straight into the database: found all the same (their search text is filled on search).
    const lyon = await registerStructure(p.db, {
      identifier: LYON,
      name: 'Mairie de Lyon',
      public: true,
      services: [{ code: 'ECOLES' }, { code: 'VOIRIE' }],
      members: [{ userId: 'dir-buyer' }],
    });
    await p.db('structure_services').where({ structure_id: lyon, code: 'ECOLES' }).update({
      name: 'Direction des écoles',
    });
    await p.db('structure_services').where({ structure_id: lyon, code: 'VOIRIE' }).update({ active: false });
    await registerStructure(p.db, { identifier: VILLEURBANNE, name: 'VILLEURBANNE', public: true });
    supplierId = await registerStructure(p.db, {
      identifier: SUPPLIER,
      name: 'Atelier Dupont',
      members: [{ userId: 'dir-supplier' }],
    });
    await p
      .db('structures')
      .where({ id: supplierId })
      .update({ spaces: JSON.stringify(['FACTURES_EMISES']) });
    await p
      .db('structures')
      .where({ id: lyon })
      .update({ spaces: JSON.stringify(['FACTURES_RECUES']) });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  });

  it('finds a structure by its name typed in lower case, and a town without its capitals', async () => {
    const context = await signedIn('dir-supplier');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${p.url}/rattachements`);
    await page.fill('#f-identifier', 'mairie de lyon');
    await page.click('form[data-form="find-structure"] button[type="submit"]');
    const lyon = page.locator('form[data-ask]', { hasText: 'Mairie de Lyon' });
    await lyon.waitFor();
    expect(await lyon.textContent()).toContain(LYON);
    expect(await page.locator('[data-count]').textContent()).toBe('1 structure trouvée');
    // Its active services are offered, the inactive one is not.
    expect(await lyon.locator('label').allTextContents()).toEqual(['Direction des écoles (ECOLES)']);
    await screenshot(page, 'directory-search-name');

    await page.fill('#f-identifier', 'villeurbanne');
    await page.click('form[data-form="find-structure"] button[type="submit"]');
    await page.locator('form[data-ask]', { hasText: 'VILLEURBANNE' }).waitFor();
    expect(await page.locator('form[data-ask]').count()).toBe(1);

    // The first digits of a SIRET find both communes of the Rhône.
    await page.fill('#f-identifier', '2169');
    await page.click('form[data-form="find-structure"] button[type="submit"]');
    await page.locator('[data-count]', { hasText: '2 structures trouvées' }).waitFor();

    await page.fill('#f-identifier', 'x');
    await page.click('form[data-form="find-structure"] button[type="submit"]');
    await page.locator('#f-identifier-error', { hasText: 'au moins deux' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers a search over the API by pages, and refuses one too short with its field', async () => {
    const get = (query: string) =>
      fetch(`${p.url}/api/v1/structure-directory?${query}`, {
        headers: { authorization: `Bearer ${bearers['dir-supplier']}` },
      });
    const first = await json(await get('q=2169&perPage=1'));
    expect(first).toMatchObject({ total: 2, page: 1, perPage: 1 });
    const second = await json(await get('q=2169&perPage=1&page=2'));
    expect([first.items[0].identifier, second.items[0].identifier].sort()).toEqual(
      [LYON, VILLEURBANNE].sort(),
    );
    const short = await get('q=a');
    expect(short.status).toBe(400);
    expect(await json(short)).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { field: 'query.q' } },
    });
    expect((await get('q=lyon&perPage=500')).status).toBe(400);
  });

  it('offers the recipient’s active services in the code service field', async () => {
    const draft = await json(
      await fetch(`${p.url}/api/v1/structures/${supplierId}/drafts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearers['dir-supplier']}`, 'content-type': 'application/json' },
        body: JSON.stringify({ recipientId: LYON, modeDepot: 'SAISIE_PORTAIL' }),
      }),
    );
    const context = await signedIn('dir-supplier');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${p.url}/factures/brouillon?id=${encodeURIComponent(draft.id)}`);
    await page.locator('form[data-form="draft"][data-loaded="true"]').waitFor();
    expect(await page.getAttribute('#f-buyerReference', 'list')).toBe('buyer-services');
    const offered = () =>
      page
        .locator('#buyer-services option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(await offered()).toEqual(['ECOLES']);
    await page.locator('[data-services-offered]', { hasText: 'ECOLES (Direction des écoles)' }).waitFor();
    // Another recipient typed: its services (none here) replace the list.
    await page.fill('#f-buyer-id', VILLEURBANNE);
    await page.locator('#f-buyer-id').dispatchEvent('change');
    await page.locator('[data-directory-lookup]', { hasText: 'VILLEURBANNE' }).waitFor();
    expect(await offered()).toEqual([]);
    await screenshot(page, 'directory-code-service');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a supplier the supplier spaces only, and an advisor the advisors’ page', async () => {
    expect(await menuOf('dir-supplier')).toEqual([
      'Factures émises',
      'Déposer une facture',
      'Structures',
      'Rattachements',
      'Suivi des flux',
      'Applications',
      'Raccordements',
    ]);
    // A member of a public buyer: its received invoices, and the requests to its services.
    expect(await menuOf('dir-buyer')).toEqual([
      'Factures reçues',
      'Structures',
      'Rattachements',
      'Conseillers',
    ]);
    const operator = await menuOf('dir-operator');
    expect(operator).toEqual(expect.arrayContaining(['Conseillers', 'Raccordements', 'Courriels envoyés']));
    expect(operator).not.toContain('Déposer une facture');
  });

  it('guides a user without a structure to create or join one instead of an empty deposit form', async () => {
    expect(await menuOf('dir-newcomer')).toEqual(['Structures', 'Rattachements']);
    const context = await signedIn('dir-newcomer');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${p.url}/factures/depot`);
    const guidance = page.locator('[data-no-structure]');
    await guidance.waitFor({ state: 'visible' });
    expect(await page.locator('form[data-form="deposit"]').isHidden()).toBe(true);
    expect(
      await guidance.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(['/structures', '/rattachements']);
    await screenshot(page, 'deposit-without-structure');
    expect(problems).toEqual([]);
    await context.close();
  });
});
