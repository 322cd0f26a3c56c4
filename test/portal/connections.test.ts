import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashToken, newToken } from '../../platform/secrets';
import { scheduleIdOf } from '../../connectors/connections';
import { json } from '../support/platform';
import {
  BUYER_SIRET,
  ConnectorPlatform,
  eventually,
  startConnectorPlatform,
  SUPPLIER_SIRET,
} from '../connectors/harness';
import { startEvoliz } from '../connectors/simulators/evoliz';
import { describeWithBrowser, launchBrowser, screenshot, watchProblems } from './browser';

const keys = { public_key: 'evo-portal-public', secret_key: 'evo-portal-secret' };
const NUMBER = 'FA-EVO-2024-0042';
const invoiceId = `invoice/${SUPPLIER_SIRET}/2024/${NUMBER}`;

/**
 * An ERP invoice with its code service reaching the buyer, through the Applications page: the
 * connection made with the form its connector declares (French labels, no raw keys), a sync whose
 * invoice the platform rejects for lack of a code service and engagement number, the reason shown
 * with a retry, the invoice corrected in the ERP and retried until the buyer receives it, then the
 * connection deleted after confirmation.
 */
describeWithBrowser('portal: an ERP connection, its rejected invoice retried, and its deletion', () => {
  let p: ConnectorPlatform;
  let browser: Browser;
  let evoliz: Awaited<ReturnType<typeof startEvoliz>>;
  const cookies: Record<string, string> = {};

  const signIn = async (userId: string) => {
    cookies[userId] = newToken();
    const now = Date.now();
    await p.db('sessions').insert({
      token_hash: hashToken(cookies[userId]),
      user_id: userId,
      kind: 'cookie',
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + 3_600_000).toISOString(),
    });
  };
  const contextOf = async (userId: string): Promise<BrowserContext> => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addCookies([{ name: 'ff_session', value: cookies[userId], url: p.url }]);
    return context;
  };
  const statusOf = async () =>
    (await json(await p.api(`/invoices/${invoiceId}`, p.supplier.token))).status as string | undefined;

  beforeAll(async () => {
    [p, browser, evoliz] = await Promise.all([
      startConnectorPlatform(),
      launchBrowser(),
      startEvoliz({ publicKey: keys.public_key, secretKey: keys.secret_key }),
    ]);
    await p.db('structures').where({ id: p.buyer.structureId }).update({
      service_code_required: true,
      engagement_number_required: true,
    });
    await p.db('structure_services').insert({
      structure_id: p.buyer.structureId,
      code: 'ECOLES',
      name: 'Direction des écoles',
      active: true,
      engagement_required: false,
    });
    evoliz.clients.set(7, { clientid: 7, name: 'Commune de Villeurbanne', business_number: BUYER_SIRET });
    // Entered in the ERP without the buyer's code service and engagement number.
    evoliz.invoices.push({
      invoiceid: 901,
      document_number: NUMBER,
      documentdate: '2024-06-03',
      clientid: 7,
      items: [
        {
          designation: 'Entretien des espaces verts',
          quantity: 3,
          unit_price_vat_exclude: 210,
          vat_rate: 20,
        },
      ],
    });
    await signIn('supplier-user');
    await signIn('buyer-user');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await evoliz?.stop();
    await p?.stop();
  });

  /** Reloads the page until `text` shows in the connections area (the sync runs in the background). */
  const reloadUntil = (page: Page, text: string) =>
    eventually(async () => {
      await page.reload();
      await page.locator('[data-connections] table').first().waitFor();
      return (await page.locator('[data-connections]').textContent())?.includes(text);
    }, `"${text}" on the Applications page`);

  it('creates, syncs, shows the rejection, retries into the buyer’s invoices, and deletes after confirmation', async () => {
    const context = await contextOf('supplier-user');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${p.url}/applications`);
    await page.locator('select[name="connectorId"] option[value="evoliz"]').waitFor({ state: 'attached' });
    await page.selectOption('select[name="connectorId"]', 'evoliz');

    // The form is the connector's declaration: French labels and help, secrets masked, defaults filled.
    const fields = page.locator('[data-connector-fields]');
    await expect(fields.textContent()).resolves.toContain('Clé publique');
    const text = (await fields.textContent())!;
    for (const raw of ['public_key', 'secret_key', 'baseUrl', 'pageSize']) expect(text).not.toContain(raw);
    expect(text).toContain('Factures lues par page');
    const secret = page.getByLabel('Clé secrète');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await page.getByLabel('Factures lues par page').inputValue()).toBe('50');
    expect(await page.getByLabel('Adresse du service Evoliz').inputValue()).toBe('https://www.evoliz.io/');
    await page.getByLabel('Clé publique').fill(keys.public_key);
    await secret.fill(keys.secret_key);
    await page.getByLabel('Adresse du service Evoliz').fill(evoliz.url);
    await page.getByLabel('Libellé').fill('Evoliz comptabilité');
    await screenshot(page, 'connections-form');
    await page.getByRole('button', { name: 'Tester et enregistrer la connexion' }).click();
    await page.getByText('La connexion est testée et enregistrée.').waitFor();
    const [connection] = await p.db('connections').where({ structure_id: p.supplier.structureId });
    // The credentials are never sent back.
    const listed = await json(await p.api(`/connections/${connection.id}`, p.supplier.token));
    expect(JSON.stringify(listed)).not.toContain(keys.secret_key);

    // Synced: the platform rejects the invoice, and the page says why, with a retry.
    await page
      .locator('[data-connections] tr', { hasText: 'Evoliz comptabilité' })
      .getByRole('button', { name: 'Synchroniser' })
      .click();
    await page.getByText('La synchronisation est demandée.').waitFor();
    await eventually(async () => (await statusOf()) === 'REJETEE', 'the rejection');
    await reloadUntil(page, 'Factures en erreur');
    const record = page.locator('[data-records] tr[data-record="901"]');
    await expect(record.textContent()).resolves.toContain(NUMBER);
    const reason = (await record.textContent())!;
    expect(reason).toContain('Le code service (BT-10) est obligatoire pour ce destinataire.');
    expect(reason).toContain("Le numéro d'engagement (BT-13) est obligatoire pour ce destinataire.");
    expect(reason).toMatch(/FF-(SERVICE|EJ)-01/);
    await screenshot(page, 'connections-rejected');

    // Corrected in the ERP, then retried from the page: the buyer receives it.
    Object.assign(evoliz.invoices[0], { analyticCode: 'ECOLES', external_document_number: 'EJ-2024-0777' });
    await record.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('La facture est relue dans le logiciel').waitFor();
    await eventually(async () => (await statusOf()) === 'MISE_A_DISPOSITION', 'the delivery');
    expect(await p.db('invoices').where({ id: invoiceId }).first()).toMatchObject({
      service_code: 'ECOLES',
      engagement_number: 'EJ-2024-0777',
    });
    await eventually(async () => {
      await page.reload();
      await page.locator('[data-connections] table').first().waitFor();
      return (await page.locator('[data-records]').count()) === 0;
    }, 'the record no longer in error');

    const buyerContext = await contextOf('buyer-user');
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(`${p.url}/factures/recues`);
    await buyerPage.getByText(NUMBER).first().waitFor();
    await screenshot(buyerPage, 'connections-received');
    await buyerContext.close();

    // Deleting asks first: cancelling keeps the connection, confirming deletes it.
    const row = page.locator('[data-connections] tr', { hasText: 'Evoliz comptabilité' });
    await row.getByRole('button', { name: 'Supprimer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Supprimer la connexion « Evoliz comptabilité » ?');
    await screenshot(page, 'connections-delete-dialog');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await p.db('connections').where({ id: connection.id }).first()).status).toBe('ACTIVE');
    await row.getByRole('button', { name: 'Supprimer' }).click();
    await dialog.getByRole('button', { name: 'Supprimer la connexion' }).click();
    await page.getByText('est supprimée').waitFor();
    await page.getByText('Aucune connexion.').waitFor();

    expect(await p.db('connections').where({ id: connection.id }).first()).toMatchObject({
      status: 'DELETED',
      credentials_sealed: null,
    });
    await expect(p.env.client.schedule.getHandle(scheduleIdOf(connection.id)).describe()).rejects.toThrow();
    // The invoice already filed stays, with its link to the ERP record.
    expect(await statusOf()).toBe('MISE_A_DISPOSITION');
    expect(await p.db('connector_invoices').where({ connection_id: connection.id })).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
