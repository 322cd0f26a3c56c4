import { countRows } from '../support/stores';
import { json } from '../support/platform';
import { workflowIdOf } from '../../connectors/connections';
import { connectorSyncState } from '../../workflows/connector';
import { startEvoliz } from './simulators/evoliz';
import {
  BUYER_SIRET,
  ConnectorPlatform,
  eventually,
  startConnectorPlatform,
  SUPPLIER_SIRET,
  syncNowAndWait,
  syncThroughWorkerKill,
} from './harness';

const keys = { public_key: 'pk-evoliz-0001', secret_key: 'sk-evoliz-secret-9f8e7d' };

describe('Evoliz connector, through the API and the scheduled sync', () => {
  let p: ConnectorPlatform;
  let evoliz: Awaited<ReturnType<typeof startEvoliz>>;
  let connectionId: string;
  beforeAll(async () => {
    [p, evoliz] = await Promise.all([
      startConnectorPlatform(),
      startEvoliz({ publicKey: keys.public_key, secretKey: keys.secret_key }),
    ]);
    evoliz.clients.set(7, { clientid: 7, name: 'Commune de Villeurbanne', business_number: BUYER_SIRET });
    for (let n = 1; n <= 5; n++) {
      evoliz.invoices.push({
        invoiceid: 100 + n,
        document_number: `EVO-2024-00${n}`,
        documentdate: `2024-03-0${n}`,
        clientid: 7,
        items: [
          { designation: 'Maintenance serrurerie', quantity: n, unit_price_vat_exclude: 120, vat_rate: 20 },
          { designation: 'Déplacement', quantity: 1, unit_price_vat_exclude: 35.5, vat_rate: 20 },
        ],
      });
    }
    // A record without its lines: reported, not deposited, and the sync goes on.
    evoliz.invoices.push({
      invoiceid: 199,
      document_number: 'EVO-BROKEN',
      documentdate: '2024-03-09',
      clientid: 7,
      items: [],
      broken: true,
    });
  }, 120_000);
  afterAll(async () => {
    await evoliz?.stop();
    await p?.stop();
  });

  const create = (credentials: object) =>
    p.api(`/structures/${p.supplier.structureId}/connections`, p.supplier.token, 'POST', {
      connectorId: 'evoliz',
      label: 'Evoliz',
      config: { baseUrl: evoliz.url, pageSize: 2 },
      credentials,
    });

  it('lists the connector with its schemas', async () => {
    const { items } = await json(await p.api('/connectors'));
    expect(items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['evoliz', 'axonaut', 'cegid-loop']),
    );
    expect(items.find((c: { id: string }) => c.id === 'evoliz').credentialsSchema.required).toEqual([
      'public_key',
      'secret_key',
    ]);
  });

  it('documents the connectors and connections endpoints in the OpenAPI document', async () => {
    const { paths } = await json(await fetch(`${p.url}/api/openapi.json`));
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/connectors',
        '/api/v1/structures/{structureId}/connections',
        '/api/v1/connections/{connectionId}',
        '/api/v1/connections/{connectionId}/test',
        '/api/v1/connections/{connectionId}/pause',
        '/api/v1/connections/{connectionId}/resume',
        '/api/v1/connections/{connectionId}/webhook',
      ]),
    );
    expect(
      paths['/api/v1/structures/{structureId}/connections'].post.requestBody.content['application/json']
        .schema.required,
    ).toEqual(['connectorId', 'credentials']);
  });

  it('refuses bad credentials at creation and saves nothing', async () => {
    const res = await create({ ...keys, secret_key: 'wrong' });
    expect(res.status).toBe(422);
    expect((await json(res)).error).toMatchObject({
      code: 'CONNECTOR_CREDENTIALS_REJECTED',
      details: { field: 'credentials' },
    });
    const missing = await create({ public_key: 'x' });
    expect(missing.status).toBe(400);
    expect((await json(missing)).error.details.field).toBe('credentials.secret_key');
    expect(await countRows(p.db, 'connections', {})).toBe(0);
  });

  it('deposits every ERP invoice exactly once, through 429s and 5xx, and reports the malformed one', async () => {
    const res = await create(keys);
    expect(res.status).toBe(201);
    const created = await json(res);
    connectionId = created.id;
    expect(JSON.stringify(created)).not.toContain(keys.secret_key);
    const row = await p.db('connections').where({ id: connectionId }).first();
    expect(row.credentials_sealed).not.toContain(keys.secret_key);

    evoliz.fail({ status: 429, times: 2, retryAfter: '1', pathPrefix: '/api/v1/invoices' });
    evoliz.fail({ status: 503, times: 1, pathPrefix: '/api/v1/clients' });
    const first = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(first.lastReport).toMatchObject({ pages: 3, imported: 5, alreadyKnown: 0 });
    expect(first.lastReport.failed).toEqual([
      { externalId: '199', reason: expect.stringContaining('CONNECTOR_MALFORMED_RECORD') },
    ]);
    // Three pages; the first read again after each 429, and after the 503 that failed a client lookup.
    expect(evoliz.requests.filter((r) => r.path === '/api/v1/invoices').length).toBe(6);

    // The read model is written by each invoice's workflow, a moment after the deposit.
    const invoices = await eventually(async () => {
      const rows = await p.db('invoices').where({ supplier_id: SUPPLIER_SIRET }).orderBy('number');
      return rows.length >= 5 ? rows : undefined;
    }, 'five invoices');
    expect(invoices.map((i) => i.number)).toEqual([
      'EVO-2024-001',
      'EVO-2024-002',
      'EVO-2024-003',
      'EVO-2024-004',
      'EVO-2024-005',
    ]);
    expect(invoices[1]).toMatchObject({ recipient_id: BUYER_SIRET, total_with_vat: '330.60' });
    expect(await countRows(p.db, 'connector_invoices', { connection_id: connectionId })).toBe(5);

    // The second sync imports nothing new.
    const second = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(second.lastReport).toMatchObject({
      // Evoliz lists oldest first: the next sync starts again from the last page, not from the start.
      pages: 1,
      imported: 0,
      alreadyKnown: 1,
      failed: [{ externalId: '199' }],
    });
    expect(await countRows(p.db, 'invoices', { supplier_id: SUPPLIER_SIRET })).toBe(5);
    // Workflow histories carry the connection id only, never the credentials.
    const history = await p.env.client.workflow.getHandle(workflowIdOf(connectionId)).fetchHistory();
    expect(JSON.stringify(history)).not.toContain(Buffer.from(keys.secret_key).toString('base64'));
    expect(JSON.stringify(history)).not.toContain(keys.secret_key);
  });

  it("writes the buyer's MISE_EN_PAIEMENT back to Evoliz as a payment, once, though its answer was lost", async () => {
    const link = await p
      .db('connector_invoices')
      .where({ connection_id: connectionId, external_id: '102' })
      .first();
    const invoiceId: string = link.invoice_id;
    const delivered = await eventually(async () => {
      const invoice = await json(await p.api(`/invoices/${invoiceId}`, p.buyer.token));
      return ['DEPOSEE', 'EN_COURS_ACHEMINEMENT'].includes(invoice.status) ? undefined : invoice;
    }, 'the invoice in the buyer space');
    expect(delivered).toMatchObject({ status: 'MISE_A_DISPOSITION' });
    const paid = await p.api(`/invoices/${invoiceId}/status`, p.buyer.token, 'POST', {
      status: 'MISE_EN_PAIEMENT',
    });
    expect(paid.status).toBe(200);
    // Evoliz records the payment but its answer is lost, as when the worker dies before noting it:
    // the retry must find the payment, not record it again.
    evoliz.fail({
      status: 502,
      times: 1,
      method: 'POST',
      pathPrefix: '/api/v1/invoices/102/payments',
      afterEffect: true,
    });
    const report = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(report.lastReport.statusesPushed).toBeGreaterThanOrEqual(1);
    expect(evoliz.payments).toEqual([
      {
        paymentid: 1,
        invoiceid: 102,
        amount: 330.6,
        paydate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        label: 'facturflow EVO-2024-002 (Evoliz)',
      },
    ]);
    expect(evoliz.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/payments'))).toHaveLength(
      1,
    );
    expect(evoliz.requests.filter((r) => r.path === '/api/v1/payments').length).toBeGreaterThanOrEqual(2);
    await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(evoliz.payments).toHaveLength(1);
  });

  it('stops in error when the ERP revokes the credentials, and syncs again once resumed', async () => {
    evoliz.setSecretKey('rotated-in-evoliz');
    evoliz.expireTokens();
    const errored = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(errored).toMatchObject({
      status: 'ERROR',
      error: expect.stringContaining('CONNECTOR_CREDENTIALS_REJECTED'),
    });
    const handle = p.env.client.workflow.getHandle(workflowIdOf(connectionId));
    expect(await handle.query(connectorSyncState)).toMatchObject({ inError: true, syncing: false });

    evoliz.setSecretKey(keys.secret_key);
    const resumed = await p.api(`/connections/${connectionId}/resume`, p.supplier.token, 'POST');
    expect((await json(resumed)).status).toBe('ACTIVE');
    const synced = await eventually(async () => {
      const now = await json(await p.api(`/connections/${connectionId}`, p.supplier.token));
      return now.lastReport?.finishedAt !== errored.lastReport?.finishedAt ? now : undefined;
    }, 'a sync after resume');
    expect(synced).toMatchObject({ status: 'ACTIVE', lastReport: { imported: 0, alreadyKnown: 1 } });
  });

  it('loses and duplicates nothing when the worker process is killed in the middle of a page', async () => {
    for (const n of [6, 7, 8]) {
      evoliz.invoices.push({
        invoiceid: 100 + n,
        document_number: `EVO-2024-00${n}`,
        documentdate: `2024-03-1${n}`,
        clientid: 7,
        items: [{ designation: 'Dépannage', quantity: 1, unit_price_vat_exclude: 90 + n, vat_rate: 20 }],
      });
    }
    // Two invoices a page: 106 and 107 share one, and the worker dies while it waits for 107.
    const { connection, linkedBefore, linkedAtKill } = await syncThroughWorkerKill(
      p,
      evoliz,
      connectionId,
      p.supplier.token,
      '/api/v1/invoices/107',
    );
    expect(linkedAtKill).toBe(linkedBefore + 1);
    expect(connection).toMatchObject({ status: 'ACTIVE' });
    expect(connection.lastReport.error).toBeUndefined();

    const numbers = await eventually(async () => {
      const rows = await p.db('invoices').where({ supplier_id: SUPPLIER_SIRET }).orderBy('number');
      return rows.length >= 8 ? rows.map((r) => r.number) : undefined;
    }, 'eight invoices');
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `EVO-2024-00${n}`));
    const after = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(after.lastReport.imported).toBe(0);
    expect(await countRows(p.db, 'invoices', { supplier_id: SUPPLIER_SIRET })).toBe(8);
    expect(await countRows(p.db, 'connector_invoices', { connection_id: connectionId })).toBe(8);
  }, 120_000);
});
