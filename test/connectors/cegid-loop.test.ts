import { countRows } from '../support/stores';
import { json } from '../support/platform';
import { startCegidLoop } from './simulators/cegid-loop';
import { backfill } from '../../connectors/backfill';
import {
  BUYER_SIRET,
  ConnectorPlatform,
  eventually,
  startConnectorPlatform,
  SUPPLIER_SIRET,
  syncNowAndWait,
  syncThroughWorkerKill,
} from './harness';

const creds = { subscriptionKey: 'apim-sub-key-77', apiKey: 'loop-key', clientSecret: 'loop-secret-5b2a' };

describe('Cegid Loop connector, through the API and the scheduled sync', () => {
  let p: ConnectorPlatform;
  let loop: Awaited<ReturnType<typeof startCegidLoop>>;
  let connectionId: string;
  beforeAll(async () => {
    [p, loop] = await Promise.all([
      startConnectorPlatform(),
      startCegidLoop({ ...creds, codeDossier: 'DOS042', pageSize: 2 }),
    ]);
    loop.tiers.set('C-VILLEURB', {
      code: 'C-VILLEURB',
      raisonSociale: 'Commune de Villeurbanne',
      siret: BUYER_SIRET,
    });
    loop.sales.push(
      {
        idEcriture: 'E-1',
        numeroPiece: 'VT-2024-101',
        datePiece: '2024-04-02',
        codeTiers: 'C-VILLEURB',
        ventes: [{ libelle: 'Audit énergétique', montantHt: 1500, tauxTva: 20 }],
      },
      {
        idEcriture: 'E-2',
        numeroPiece: 'VT-2024-102',
        datePiece: '2024-04-03',
        codeTiers: 'C-VILLEURB',
        ventes: [
          { libelle: 'Rapport', montantHt: 400, tauxTva: 20 },
          { libelle: 'Livre', montantHt: 100, tauxTva: 5.5 },
        ],
      },
      {
        idEcriture: 'E-3',
        numeroPiece: 'VT-2024-103',
        datePiece: '2024-04-04',
        codeTiers: 'C-VILLEURB',
        ventes: [{ libelle: 'Audit', montantHt: 10, tauxTva: 20 }],
        sansClient: true,
      },
    );
  }, 120_000);
  afterAll(async () => {
    await loop?.stop();
    await p?.stop();
  });

  const create = (credentials: object, codeDossier = 'DOS042') =>
    p.api(`/structures/${p.supplier.structureId}/connections`, p.supplier.token, 'POST', {
      connectorId: 'cegid-loop',
      config: { baseUrl: loop.url, codeDossier, importTimeoutMs: 10_000 },
      credentials,
    });

  it('refuses a wrong client secret at creation', async () => {
    const res = await create({ ...creds, clientSecret: 'nope' });
    expect(res.status).toBe(422);
    expect((await json(res)).error.code).toBe('CONNECTOR_CREDENTIALS_REJECTED');
    expect(await countRows(p.db, 'connections', {})).toBe(0);
  });

  it('turns sales-journal entries into invoices, once, through 5xx', async () => {
    const res = await create(creds);
    expect(res.status).toBe(201);
    connectionId = (await json(res)).id;
    loop.fail({ status: 502, times: 2, pathPrefix: '/loop-api-publiques/ecritures' });
    const done = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(done.lastReport).toMatchObject({ pages: 2, imported: 2 });
    expect(done.lastReport.failed).toEqual([{ externalId: 'E-3', reason: expect.stringContaining('411') }]);
    const mixed = await eventually(
      () => p.db('invoices').where({ number: 'VT-2024-102' }).first(),
      'VT-2024-102',
    );
    expect(mixed).toMatchObject({
      supplier_id: SUPPLIER_SIRET,
      recipient_id: BUYER_SIRET,
      total_without_vat: '500.00',
      total_with_vat: '585.50',
    });
    const again = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(again.lastReport.imported).toBe(0);
    expect(await countRows(p.db, 'invoices', { supplier_id: SUPPLIER_SIRET })).toBe(2);
  });

  it("writes the buyer's statuses back through the asynchronous JSON import", async () => {
    const { invoice_id: invoiceId } = await p
      .db('connector_invoices')
      .where({ connection_id: connectionId, external_id: 'E-1' })
      .first();
    await eventually(
      async () =>
        (await json(await p.api(`/invoices/${invoiceId}`, p.buyer.token))).status === 'MISE_A_DISPOSITION',
      'delivery',
    );
    expect(
      (await p.api(`/invoices/${invoiceId}/status`, p.buyer.token, 'POST', { status: 'MISE_EN_PAIEMENT' }))
        .status,
    ).toBe(200);
    const report = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(report.lastReport.statusesPushed).toBeGreaterThanOrEqual(1);
    expect(loop.statuses).toContainEqual({ idEcriture: 'E-1', statut: 'MISE_EN_PAIEMENT' });
    expect(
      loop.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/importJson')).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('backfills from the command, resuming after an interruption from the stored cursor', async () => {
    for (const n of [4, 5, 6, 7]) {
      loop.sales.push({
        idEcriture: `E-${n}`,
        numeroPiece: `VT-2024-10${n}`,
        datePiece: '2024-04-10',
        codeTiers: 'C-VILLEURB',
        ventes: [{ libelle: `Audit ${n}`, montantHt: 100 * n, tauxTva: 20 }],
      });
    }
    const quiet = { update() {}, stop() {} };
    loop.fail({ status: 500, times: 1, pathPrefix: '/loop-api-publiques/ecritures', query: { page: '3' } });
    // An ERP error is reported without what answered (no status, no content).
    await expect(backfill(p.syncDeps, connectionId, { restart: true }, quiet)).rejects.toMatchObject({
      code: 'CONNECTOR_UNREACHABLE',
    });
    expect((await p.db('connections').where({ id: connectionId }).first()).cursor).toBe('3');

    const before = loop.requests.length;
    const summary = await backfill(p.syncDeps, connectionId, {}, quiet);
    const pages = loop.requests
      .slice(before)
      .filter((r) => r.path.endsWith('/ecritures'))
      .map((r) => r.query.get('page'));
    // Resumed from the stored cursor: page 3 first, nothing before it read again. (A scheduled sync
    // of the same connection may read the last page once more meanwhile; the summary is the backfill's.)
    expect(pages[0]).toBe('3');
    expect(pages.filter((page) => Number(page) < 3)).toEqual([]);
    expect(summary).toMatchObject({ pages: 2, imported: 3 });
    // The read model is written by each invoice's workflow, a moment after the deposit.
    const numbers = await eventually(async () => {
      const rows = await p.db('invoices').where({ supplier_id: SUPPLIER_SIRET }).orderBy('number');
      return rows.length >= 6 ? rows.map((r) => r.number) : undefined;
    }, 'six invoices');
    expect(numbers).toEqual([
      'VT-2024-101',
      'VT-2024-102',
      'VT-2024-104',
      'VT-2024-105',
      'VT-2024-106',
      'VT-2024-107',
    ]);
  });

  it('runs a third-party packaged connector, synced when its ERP calls the webhook', async () => {
    const res = await p.api(`/structures/${p.supplier.structureId}/connections`, p.supplier.token, 'POST', {
      connectorId: 'example',
      config: {
        invoices: [
          {
            number: 'EX-9001',
            date: '2024-07-01',
            label: 'Conseil',
            amount: 800,
            buyerName: 'Villeurbanne',
            buyerSiret: BUYER_SIRET,
          },
        ],
      },
      credentials: { token: 'example' },
    });
    expect(res.status).toBe(201);
    const { id, webhook } = await json(res);
    expect(webhook).toEqual({ url: `/api/v1/connections/${id}/webhook`, token: expect.any(String) });
    const call = (token: string) =>
      fetch(`${p.url}${webhook.url}`, { method: 'POST', headers: { 'x-webhook-token': token } });
    expect((await call('forged')).status).toBe(404);
    expect((await call(webhook.token)).status).toBe(202);
    const invoice = await eventually(
      () => p.db('invoices').where({ number: 'EX-9001' }).first(),
      'the webhook sync',
    );
    expect(invoice).toMatchObject({
      supplier_id: SUPPLIER_SIRET,
      recipient_id: BUYER_SIRET,
      total_with_vat: '960.00',
    });
  });

  it('loses and duplicates nothing when the worker process is killed in the middle of a page', async () => {
    // The town's schools are a customer account of their own, with the town's SIRET.
    loop.tiers.set('C-VILLEURB-EC', {
      code: 'C-VILLEURB-EC',
      raisonSociale: 'Commune de Villeurbanne — écoles',
      siret: BUYER_SIRET,
    });
    for (const [n, tiers] of [
      [8, 'C-VILLEURB'],
      [9, 'C-VILLEURB'],
      [10, 'C-VILLEURB-EC'],
    ] as const) {
      loop.sales.push({
        idEcriture: `E-${n}`,
        numeroPiece: `VT-2024-1${String(n).padStart(2, '0')}`,
        datePiece: '2024-04-20',
        codeTiers: tiers,
        ventes: [{ libelle: `Audit ${n}`, montantHt: 100 * n, tauxTva: 20 }],
      });
    }
    // The example connector's invoice (previous test) has the same supplier.
    const salesInvoices = () =>
      p
        .db('invoices')
        .where({ supplier_id: SUPPLIER_SIRET })
        .andWhere('number', 'like', 'VT-%')
        .orderBy('number');
    // Two entries a page: E-9 and E-10 share one, and the worker dies while it reads E-10's customer.
    const { connection, linkedBefore, linkedAtKill } = await syncThroughWorkerKill(
      p,
      loop,
      connectionId,
      p.supplier.token,
      '/loop-api-publiques/tiers/C-VILLEURB-EC',
    );
    expect(linkedAtKill).toBe(linkedBefore + 2);
    expect(connection.lastReport.error).toBeUndefined();

    const numbers = await eventually(async () => {
      const rows = await salesInvoices();
      return rows.length >= 9 ? rows.map((r) => r.number) : undefined;
    }, 'nine invoices');
    expect(numbers).toEqual([101, 102, 104, 105, 106, 107, 108, 109, 110].map((n) => `VT-2024-${n}`));
    const after = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(after.lastReport.imported).toBe(0);
    expect(await salesInvoices()).toHaveLength(9);
    // E-3 has no customer line: reported, never linked.
    expect(await countRows(p.db, 'connector_invoices', { connection_id: connectionId })).toBe(9);
  }, 120_000);
});
