import { countRows } from '../support/stores';
import { json } from '../support/platform';
import { startAxonaut } from './simulators/axonaut';
import {
  BUYER_SIRET,
  ConnectorPlatform,
  eventually,
  startConnectorPlatform,
  SUPPLIER_SIRET,
  syncNowAndWait,
  syncThroughWorkerKill,
} from './harness';

const apiKey = 'axo-user-api-key-3c1d';

describe('Axonaut connector, through the API and the scheduled sync', () => {
  let p: ConnectorPlatform;
  let axonaut: Awaited<ReturnType<typeof startAxonaut>>;
  let connectionId: string;
  beforeAll(async () => {
    [p, axonaut] = await Promise.all([startConnectorPlatform(), startAxonaut({ apiKey, pageSize: 3 })]);
    axonaut.companies.set(42, { id: 42, name: 'Commune de Villeurbanne', siret: BUYER_SIRET });
    const line = (n: number) => ({ name: `Prestation ${n}`, price: 100 * n, quantity: 2, taxRate: 20 });
    axonaut.invoices.push(
      { id: 1, number: 'AX-001', date: '2024-05-02', companyId: 42, lines: [line(1)] },
      { id: 2, number: 'AX-002', date: '2024-05-03', companyId: 42, lines: [line(2), line(3)] },
      { id: 3, number: 'AV-001', date: '2024-05-04', companyId: 42, lines: [line(1)], credit: true },
      { id: 4, number: 'AX-003', date: '2024-05-05', companyId: 42, lines: [line(4)], corruptTotal: true },
    );
  }, 120_000);
  afterAll(async () => {
    axonaut?.release();
    await axonaut?.stop();
    await p?.stop();
  });

  it('refuses a key Axonaut does not know, at creation', async () => {
    const res = await p.api(`/structures/${p.supplier.structureId}/connections`, p.supplier.token, 'POST', {
      connectorId: 'axonaut',
      config: { baseUrl: axonaut.url },
      credentials: { userApiKey: 'not-the-right-key' },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).error.code).toBe('CONNECTOR_CREDENTIALS_REJECTED');
  });

  it('deposits invoices and credit notes once, paging with the page header, through 429s', async () => {
    const before = Date.now();
    const res = await p.api(`/structures/${p.supplier.structureId}/connections`, p.supplier.token, 'POST', {
      connectorId: 'axonaut',
      config: { baseUrl: axonaut.url },
      credentials: { userApiKey: apiKey },
      syncIntervalMinutes: 30,
    });
    expect(res.status).toBe(201);
    connectionId = (await json(res)).id;
    const schedule = await p.env.client.schedule.getHandle(`connector-schedule/${connectionId}`).describe();
    expect(schedule.spec.intervals?.[0].every).toBe(30 * 60_000);
    // The first scheduled sync comes one interval after the creation (not at the next :00 or :30), so
    // no tick of its own lands in the middle of these tests.
    const firstTick = schedule.info.nextActionTimes[0].getTime() - before;
    expect(firstTick).toBeGreaterThan(30 * 60_000 - 1000);
    expect(firstTick).toBeLessThan(30 * 60_000 + 10_000);

    axonaut.fail({ status: 429, times: 2, retryAfter: '1', pathPrefix: '/api/v2/invoices/' });
    const done = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(done.lastReport).toMatchObject({ imported: 3, alreadyKnown: 0 });
    expect(done.lastReport.failed).toEqual([{ externalId: '4', reason: expect.stringContaining('total') }]);
    // The record in error stays listed, in French, until it is filed.
    const records = await json(await p.api(`/connections/${connectionId}/records`, p.supplier.token));
    expect(records.items).toEqual([
      {
        externalId: '4',
        kind: 'IMPORT',
        code: 'CONNECTOR_MALFORMED_RECORD',
        message: expect.stringMatching(/^Le logiciel a fourni une facture incomplète/),
        at: expect.any(String),
      },
    ]);
    // The page header pages; page 1 is listed again after each 429 that failed a read in it.
    expect(axonaut.requests.filter((r) => r.path === '/api/v2/invoices').map((r) => r.headers.page)).toEqual([
      '1',
      '1',
      '1',
      '2',
      '3',
    ]);

    const credit = await eventually(() => p.db('invoices').where({ number: 'AV-001' }).first(), 'AV-001');
    expect(credit).toMatchObject({
      supplier_id: SUPPLIER_SIRET,
      recipient_id: BUYER_SIRET,
      type_code: '381',
      total_with_vat: '240.00',
    });
    expect(await countRows(p.db, 'invoices', { supplier_id: SUPPLIER_SIRET })).toBe(3);
  });

  it('loses and duplicates nothing when the worker process is killed in the middle of a page', async () => {
    axonaut.invoices.push(
      ...[5, 6, 7].map((id) => ({
        id,
        number: `AX-10${id}`,
        date: '2024-06-01',
        companyId: 42,
        lines: [{ name: 'Maintenance', price: 50 * id, quantity: 1, taxRate: 20 }],
      })),
    );
    // Page 2 holds invoices 4, 5, 6: the worker is killed while it waits for invoice 6.
    const { connection, linkedBefore, linkedAtKill } = await syncThroughWorkerKill(
      p,
      axonaut,
      connectionId,
      p.supplier.token,
      '/api/v2/invoices/6',
    );
    expect(linkedAtKill).toBe(linkedBefore + 1);
    expect(connection.lastReport.error).toBeUndefined();
    expect(connection.lastReport.failed).toEqual([{ externalId: '4', reason: expect.any(String) }]);

    const numbers = await eventually(async () => {
      const rows = await p.db('invoices').where({ supplier_id: SUPPLIER_SIRET }).orderBy('number');
      return rows.length >= 6 ? rows.map((r) => r.number) : undefined;
    }, 'the rest of the page');
    expect(numbers).toEqual(['AV-001', 'AX-001', 'AX-002', 'AX-105', 'AX-106', 'AX-107']);
    const after = await syncNowAndWait(p, connectionId, p.supplier.token);
    expect(after.lastReport.imported).toBe(0);
    expect(await countRows(p.db, 'invoices', { supplier_id: SUPPLIER_SIRET })).toBe(6);
    expect(await countRows(p.db, 'connector_invoices', { connection_id: connectionId })).toBe(6);
  }, 120_000);

  it('pauses and resumes the schedule, and deletes the connection with its credentials', async () => {
    const tested = await p.api(`/connections/${connectionId}/test`, p.supplier.token, 'POST');
    expect(await json(tested)).toEqual({ ok: true, account: 'Atelier Dupré' });
    const paused = await json(await p.api(`/connections/${connectionId}/pause`, p.supplier.token, 'POST'));
    expect(paused.status).toBe('PAUSED');
    const handle = p.env.client.schedule.getHandle(`connector-schedule/${connectionId}`);
    expect((await handle.describe()).state.paused).toBe(true);
    expect(
      (await json(await p.api(`/connections/${connectionId}/resume`, p.supplier.token, 'POST'))).status,
    ).toBe('ACTIVE');
    expect((await handle.describe()).state.paused).toBe(false);

    expect((await p.api(`/connections/${connectionId}`, p.buyer.token)).status).toBe(403);
    expect((await p.api(`/connections/${connectionId}`, p.supplier.token, 'DELETE')).status).toBe(204);
    expect((await p.api(`/connections/${connectionId}`, p.supplier.token)).status).toBe(404);
    expect(await p.db('connections').where({ id: connectionId }).first()).toMatchObject({
      status: 'DELETED',
      credentials_sealed: null,
    });
    // The sync workflow ends with its connection, and the schedule is gone.
    await p.env.client.workflow.getHandle(`connector/${connectionId}`).result();
    await expect(handle.describe()).rejects.toThrow();
  });
});
