import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeInvoicePdfs, type GeneratedPdfInvoice } from '../../scripts/make-invoice-pdfs';
import { hashToken, newToken } from '../../platform/secrets';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { tempDir } from '../support/stores';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems } from './browser';

/** Another customer of the supplier, in the directory with its address. */
const OTHER_SIRET = '35600000000048';

/**
 * Issue 14 in a real browser: a plain PDF invoice (one of the generated test set) deposited on the
 * portal pre-fills the form with the buyer and the lines, each pre-filled field marked; a SIRET typed
 * in the recipient's field fills the recipient's name and address from the directory.
 */
describeWithBrowser('portal: a plain PDF invoice pre-fills the form', () => {
  let p: TestPlatform;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let pdf: GeneratedPdfInvoice;
  const files = tempDir('portal-prefill');

  beforeAll(async () => {
    [p, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
    pdf = (await makeInvoicePdfs()).find((s) => s.style === 'classique')!;
    await seedUser(p.db, 'lea');
    const supplierId = await registerStructure(p.db, {
      identifier: pdf.truth.seller.id,
      name: pdf.truth.seller.name,
      members: [{ userId: 'lea', role: 'PRINCIPAL' }],
    });
    await p.db('structures').where({ id: supplierId }).update({ city: 'Villeurbanne', postal_code: '69100' });
    await registerStructure(p.db, { identifier: pdf.truth.buyer.id, name: pdf.truth.buyer.name });
    const other = await registerStructure(p.db, { identifier: OTHER_SIRET, name: 'Transports Garnier SAS' });
    await p.db('structures').where({ id: other }).update({
      street: '5 quai Perrache',
      postal_code: '69002',
      city: 'Lyon',
    });
    const cookie = newToken();
    await p.db('sessions').insert({
      token_hash: hashToken(cookie),
      user_id: 'lea',
      kind: 'cookie',
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookie, url: p.url }]);
    page = await context.newPage();
    problems = watchProblems(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  });

  it('pre-fills the buyer and the lines from the PDF, marks them, and fills a party from a typed SIRET', async () => {
    const file = path.join(files, `${pdf.truth.number}.pdf`);
    fs.writeFileSync(file, pdf.bytes);
    await page.goto(`${p.url}/factures/depot`);
    await page.click('label[for="mode-pdf"]');
    await page.setInputFiles('#f-pdf', file);
    await page.click('form[data-form="deposit"] button[type="submit"]');
    await page.waitForURL('**/factures/brouillon?id=*&pdf=1');
    await page.locator('form[data-form="draft"][data-loaded]').waitFor();

    expect(await page.inputValue('#f-number')).toBe(pdf.truth.number);
    expect(await page.inputValue('#f-dueDate')).toBe(pdf.truth.dueDate);
    expect(await page.inputValue('#f-buyer-id')).toBe(pdf.truth.buyer.id);
    expect(await page.inputValue('#f-buyer-name')).toBe(pdf.truth.buyer.name);
    expect(await page.inputValue('#f-buyer-countryCode')).toBe('FR');
    const names = await page
      .locator('[data-lines] [data-line="name"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(names).toEqual(pdf.truth.lines.map((l) => l.name));
    const prices = await page
      .locator('[data-lines] [data-line="price"]')
      .evaluateAll((inputs) => inputs.map((i) => Number((i as unknown as { value: string }).value)));
    expect(prices).toEqual(pdf.truth.lines.map((l) => Number(l.unitPrice)));
    for (const field of ['buyer.id', 'buyer.name', 'number', 'dueDate', 'lines'])
      expect(await page.locator(`[data-field="${field}"] [data-prefilled]`).textContent()).toBe(
        'pré-rempli depuis le PDF',
      );
    await screenshot(page, 'prefill-01-formulaire-pre-rempli');

    // Another customer, typed as people copy a SIRET: its name and address come from the directory.
    await page.fill('#f-buyer-id', '356 000 000 00048');
    await page.press('#f-buyer-id', 'Tab');
    await page.locator('[data-directory-lookup]', { hasText: 'Transports Garnier SAS' }).waitFor();
    expect(await page.inputValue('#f-buyer-name')).toBe('Transports Garnier SAS');
    expect(await page.inputValue('#f-buyer-city')).toBe('Lyon');
    expect(await page.inputValue('#f-buyer-postCode')).toBe('69002');
    // Typed over, the recipient is no longer the PDF's: its marks are gone.
    expect(await page.locator('[data-field="buyer.id"] [data-prefilled]').count()).toBe(0);
    expect(await page.locator('[data-field="buyer.name"] [data-prefilled]').count()).toBe(0);
    await screenshot(page, 'prefill-02-destinataire-annuaire');
    expect(problems).toEqual([]);
  }, 90_000);
});
