import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toCii, toFacturX, toUbl, type Invoice } from '../../invoice';
import { hashToken, newToken } from '../../platform/secrets';
import { erpInvoice as frenchErpInvoice } from '../invoicing/erp-invoice';
import { siren, siret } from '../invoicing/french-numbers';
import { registerStructure } from '../support/parties';
import { seedUser } from '../support/people';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { tempDir } from '../support/stores';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems } from './browser';

const SUPPLIER = siren('44912345');
const SUPPLIER_SIRET = siret(SUPPLIER, '0001');
const BUYER = siren('21380185');
const BUYER_SIRET = siret(BUYER, '0001');
/** A public body with two registered establishments: its SIREN alone names neither. */
const TWO_SITES = siren('20004697');
/** The SIRET as a person copies it from a Kbis: groups of 3, 3, 3 and 5 digits. */
const typed = (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;

/** The invoice as French ERPs write it (SIREN in BT-30, SIRET in BT-29), the buyer by its SIRET. */
const erpInvoice = (number: string, change?: (inv: Invoice) => void) =>
  frenchErpInvoice(
    { name: 'Serrurerie Martin SARL', siren: SUPPLIER },
    { legalRegistrationId: { value: BUYER_SIRET, schemeId: '0009' } },
    number,
    change,
  );

/**
 * Issue 13 in a real browser, on a fresh install (empty company registry): the SIRET typed with spaces
 * is accepted and the structure shown "identité non vérifiée"; a deposit refused for identification
 * names the party and the field in French, never the generic membership text; a REJETEE invoice never
 * shows the green "déposée" banner; the invoice as French ERPs write it (SIREN in BT-30, SIRET in BT-29,
 * buyer only in BT-49) reaches the buyer.
 */
describeWithBrowser('portal: identification of the parties, in French', () => {
  let p: TestPlatform;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const files = tempDir('portal-identification');

  beforeAll(async () => {
    [p, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
    await seedUser(p.db, 'martin');
    const cookie = newToken();
    await p.db('sessions').insert({
      token_hash: hashToken(cookie),
      user_id: 'martin',
      kind: 'cookie',
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    // Public buyers, created as operators do: one establishment, and a SIREN with two.
    await registerStructure(p.db, { identifier: BUYER_SIRET, name: 'Commune de Grenoble', public: true });
    for (const nic of ['0001', '0002'])
      await registerStructure(p.db, {
        identifier: siret(TWO_SITES, nic),
        name: `Métropole ${nic}`,
        public: true,
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

  const go = (to: string) => page.goto(`${p.url}${to}`);
  /** Uploads an invoice file on the deposit page. */
  const upload = async (name: string, inv: Invoice, syntax: 'ubl' | 'cii' | 'facturx' = 'ubl') => {
    const file = path.join(files, `${name}.${syntax === 'facturx' ? 'pdf' : 'xml'}`);
    fs.writeFileSync(
      file,
      syntax === 'ubl'
        ? toUbl(inv)
        : syntax === 'cii'
          ? toCii(inv)
          : await toFacturX(inv, { profile: 'EN 16931' }),
    );
    await go('/factures/depot');
    await page.click('label[for="mode-xml"]');
    await page.setInputFiles('#f-file', file);
    await page.click('form[data-form="deposit"] button[type="submit"]');
  };
  const fileError = async () => {
    await page.locator('#f-file-error:not([hidden])').waitFor();
    return (await page.textContent('#f-file-error')) ?? '';
  };

  it('registers a SIRET typed with spaces, and explains identification refusals and rejections', async () => {
    // The account form takes the SIRET as people type it.
    await go('/creer-un-compte');
    await page.fill('#f-email', 'accueil@serrurerie-martin.example');
    await page.fill('#f-firstName', 'Jeanne');
    await page.fill('#f-lastName', 'Martin');
    await page.fill('#f-siret', typed(SUPPLIER_SIRET).replace(/ /g, '.'));
    await page.click('label[for="f-acceptTerms"]');
    await page.click('button[type="submit"]');
    await page.locator('[data-notice] .fr-alert--success').waitFor();
    expect(await p.db('users').where({ email: 'accueil@serrurerie-martin.example' }).first('siret')).toEqual({
      siret: SUPPLIER_SIRET,
    });

    await go('/structures');
    await page.fill('#f-identifier', typed(SUPPLIER_SIRET));
    await page.fill('#f-name', 'Serrurerie Martin SARL');
    await page.click('form[data-form="structure-create"] button[type="submit"]');
    await page.waitForURL(/\/structures\/[^/?]+\?creee=1$/);
    await page.locator('[data-structure-identity]', { hasText: 'identité non vérifiée' }).waitFor();
    expect(await page.textContent('[data-structure-identity]')).toContain(`SIRET ${SUPPLIER_SIRET}`);
    await screenshot(page, 'identification-01-structure-non-verifiee');

    // Unverified, it deposits nothing; an operator confirms its identity.
    const structureId = /\/structures\/([^/?]+)\?/.exec(page.url())?.[1] ?? '';
    await upload('non-verifiee', erpInvoice('SM-2026-000'));
    const summary = page.locator('form[data-form="deposit"] [data-error-summary]', {
      hasText: "n'est pas encore vérifiée",
    });
    await summary.waitFor();
    const operator = await seedUser(p.db, 'operateur', { operator: true });
    const verified = await fetch(`${p.url}/api/v1/structures/${structureId}/identity-verification`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(verified.status).toBe(200);

    await upload(
      'ambigu',
      erpInvoice(
        'SM-2026-001',
        (i) => (i.buyer.legalRegistrationId = { value: TWO_SITES, schemeId: '0002' }),
      ),
    );
    const ambiguous = await fileError();
    expect(ambiguous).toMatch(/destinataire.*plusieurs structures.*BT-46/);
    expect(ambiguous).not.toContain('rattaché');
    await screenshot(page, 'identification-02-siren-ambigu');

    const stranger = siret(siren('51234598'), '0001');
    await upload(
      'inconnu',
      erpInvoice('SM-2026-002', (i) => {
        i.seller.legalRegistrationId = { value: stranger, schemeId: '0009' };
        i.seller.identifiers = [];
        i.seller.vatId = undefined;
      }),
    );
    const unmatched = await fileError();
    expect(unmatched).toMatch(new RegExp(`fournisseur.*aucune structure.*${stranger}.*BT-29`));
    expect(unmatched).not.toContain('rattaché');

    // A buyer no structure answers to: the platform's checks reject the invoice after its deposit.
    const nobody = siret(siren('21740056'), '0001');
    await upload(
      'rejetee',
      erpInvoice('SM-2026-003', (i) => (i.buyer.legalRegistrationId = { value: nobody, schemeId: '0009' })),
    );
    await page.waitForURL('**/factures/invoice/**');
    await page.locator('[data-current-status="REJETEE"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-notice] .fr-alert--error', { hasText: 'rejetée' }).waitFor();
    expect(await page.locator('[data-notice] .fr-alert--success').count()).toBe(0);
    expect(await page.textContent('[data-notice]')).not.toContain('est déposée');
    // The reason is the platform's French finding, with its rule id, whatever the browser's language.
    const reason = page.locator('li', { hasText: 'FF-RECIPIENT-01 :' });
    await reason.first().waitFor();
    expect(await reason.first().textContent()).toMatch(
      /FF-RECIPIENT-01 : Le destinataire .*est inconnu de l'annuaire/,
    );
    expect(await page.textContent('body')).not.toContain('Recipient unknown');
    await screenshot(page, 'identification-03-facture-rejetee');

    // As French ERPs write it: the seller's SIREN in BT-30 (0002) and SIRET in BT-29 (0009), the buyer's
    // SIRET only as its electronic address (BT-49): filed under the seller's SIRET and delivered.
    await upload(
      'acceptee',
      erpInvoice('SM-2026-004', (i) => {
        i.buyer.legalRegistrationId = undefined;
        i.buyer.electronicAddress = { value: BUYER_SIRET, schemeId: '0009' };
        // This commune has no services: no code service (BT-10) to give.
        i.buyerReference = undefined;
      }),
    );
    await page
      .locator('h1', { hasText: 'SM-2026-004' })
      .or(page.locator('#f-file-error:not([hidden])'))
      .waitFor();
    expect(await page.locator('#f-file-error:not([hidden])').count()).toBe(0);
    expect(page.url()).toContain(SUPPLIER_SIRET);

    await page.locator('[data-current-status="MISE_A_DISPOSITION"]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'identification-04-facture-mise-a-disposition');

    // A Factur-X whose CII names the seller by its SIREN (SpecifiedLegalOrganization) and SIRET (GlobalID),
    // and a CII with the SIRET in BT-30: both filed under the seller's SIRET and delivered.
    const noServiceCode = (i: Invoice) => (i.buyerReference = undefined);
    for (const [number, syntax, change] of [
      ['SM-2026-005', 'facturx', noServiceCode],
      [
        'SM-2026-006',
        'cii',
        (i: Invoice) => {
          noServiceCode(i);
          i.seller.legalRegistrationId = { value: SUPPLIER_SIRET, schemeId: '0009' };
          i.seller.identifiers = [];
        },
      ],
    ] as const) {
      await upload(number, erpInvoice(number, change), syntax);
      await page.locator('h1', { hasText: number }).or(page.locator('#f-file-error:not([hidden])')).waitFor();
      expect(await page.locator('#f-file-error:not([hidden])').count()).toBe(0);
      expect(page.url()).toContain(SUPPLIER_SIRET);
      await page.locator('[data-current-status="MISE_A_DISPOSITION"]').waitFor({ timeout: 60_000 });
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
