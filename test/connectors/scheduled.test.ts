import { scheduleIdOf } from '../../connectors/connections';
import { json } from '../support/platform';
import { countRows } from '../support/stores';
import { startAxonaut } from './simulators/axonaut';
import { startCegidLoop } from './simulators/cegid-loop';
import { startEvoliz } from './simulators/evoliz';
import {
  BUYER_SIRET,
  ConnectorPlatform,
  eventually,
  startConnectorPlatform,
  SUPPLIER_SIRET,
} from './harness';

// The schedules fire by themselves here: nothing triggers them. They run on the real dev server every
// few seconds (the runtime's `scheduleEvery`, for tests; the API takes whole minutes), because the
// time-skipping test server implements no schedules: CreateSchedule answers "Method
// temporal.api.workflowservice.v1.WorkflowService/CreateSchedule is unimplemented" (gRPC 12), so
// skipping 15 minutes of time is not an option.
const every = '2 seconds';

describe('ERP connections synced by their Temporal Schedule alone', () => {
  let p: ConnectorPlatform;
  let evoliz: Awaited<ReturnType<typeof startEvoliz>>;
  let axonaut: Awaited<ReturnType<typeof startAxonaut>>;
  let loop: Awaited<ReturnType<typeof startCegidLoop>>;
  const evolizKeys = { public_key: 'pk-sched', secret_key: 'sk-sched-0b1c' };
  const axonautKey = 'axo-sched-key-11';
  const loopCreds = {
    subscriptionKey: 'apim-sched',
    apiKey: 'loop-sched',
    clientSecret: 'loop-sched-secret',
  };

  beforeAll(async () => {
    [p, evoliz, axonaut, loop] = await Promise.all([
      startConnectorPlatform({ scheduleEvery: every }),
      startEvoliz({ publicKey: evolizKeys.public_key, secretKey: evolizKeys.secret_key }),
      startAxonaut({ apiKey: axonautKey, pageSize: 2 }),
      startCegidLoop({ ...loopCreds, codeDossier: 'DOS-SCHED', pageSize: 2 }),
    ]);
    evoliz.clients.set(7, { clientid: 7, name: 'Commune de Villeurbanne', business_number: BUYER_SIRET });
    axonaut.companies.set(42, { id: 42, name: 'Commune de Villeurbanne', siret: BUYER_SIRET });
    loop.tiers.set('C-VILLEURB', {
      code: 'C-VILLEURB',
      raisonSociale: 'Commune de Villeurbanne',
      siret: BUYER_SIRET,
    });
    for (const n of [1, 2, 3]) {
      evoliz.invoices.push({
        invoiceid: 500 + n,
        document_number: `EVS-${n}`,
        documentdate: '2024-09-02',
        clientid: 7,
        items: [{ designation: 'Entretien', quantity: n, unit_price_vat_exclude: 80, vat_rate: 20 }],
      });
      axonaut.invoices.push({
        id: 600 + n,
        number: `AXS-${n}`,
        date: '2024-09-03',
        companyId: 42,
        lines: [{ name: 'Formation', price: 150, quantity: n, taxRate: 20 }],
      });
      loop.sales.push({
        idEcriture: `ES-${n}`,
        numeroPiece: `VTS-${n}`,
        datePiece: '2024-09-04',
        codeTiers: 'C-VILLEURB',
        ventes: [{ libelle: 'Étude', montantHt: 300 * n, tauxTva: 20 }],
      });
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all([evoliz?.stop(), axonaut?.stop(), loop?.stop()]);
    await p?.stop();
  });

  const connectors = () => [
    {
      name: 'Evoliz',
      body: { connectorId: 'evoliz', config: { baseUrl: evoliz.url, pageSize: 2 }, credentials: evolizKeys },
      prefix: 'EVS-',
    },
    {
      name: 'Axonaut',
      body: {
        connectorId: 'axonaut',
        config: { baseUrl: axonaut.url },
        credentials: { userApiKey: axonautKey },
      },
      prefix: 'AXS-',
    },
    {
      name: 'Cegid Loop',
      body: {
        connectorId: 'cegid-loop',
        config: { baseUrl: loop.url, codeDossier: 'DOS-SCHED' },
        credentials: loopCreds,
      },
      prefix: 'VTS-',
    },
  ];

  it('deposits each ERP invoice once, scheduled sync after scheduled sync, for every connector', async () => {
    // Two of the ERPs stumble at first (a 429, a 503): scheduled syncs ride it out like triggered ones.
    evoliz.fail({ status: 429, times: 1, retryAfter: '1', pathPrefix: '/api/v1/invoices' });
    axonaut.fail({ status: 503, times: 1, pathPrefix: '/api/v2/invoices' });
    const created = [];
    for (const c of connectors()) {
      const res = await p.api(
        `/structures/${p.supplier.structureId}/connections`,
        p.supplier.token,
        'POST',
        c.body,
      );
      expect(res.status).toBe(201);
      created.push({ ...c, id: (await json(res)).id as string });
    }
    for (const c of created) {
      const handle = p.env.client.schedule.getHandle(scheduleIdOf(c.id));
      // Three syncs at least, each started by the schedule: the first imports, the next find it all known.
      const described = await eventually(async () => {
        const d = await handle.describe();
        return d.info.numActionsTaken >= 3 ? d : undefined;
      }, `three scheduled actions of the ${c.name} connection`);
      expect(described.info.recentActions.length).toBeGreaterThanOrEqual(3);
      expect(described.info.recentActions[0].action).toMatchObject({
        type: 'startWorkflow',
        workflow: { workflowId: expect.stringContaining(`connector-tick/${c.id}`) },
      });
      const third = Math.max(...described.info.recentActions.map((a) => a.takenAt.getTime()));
      const connection = await eventually(async () => {
        const now = await json(await p.api(`/connections/${c.id}`, p.supplier.token));
        return now.lastReport && Date.parse(now.lastReport.startedAt) > third ? now : undefined;
      }, `a ${c.name} sync started after the third scheduled action`);
      expect(connection).toMatchObject({ status: 'ACTIVE', lastReport: { imported: 0, failed: [] } });
      const numbers = await eventually(async () => {
        const rows = await p
          .db('invoices')
          .where({ supplier_id: SUPPLIER_SIRET })
          .andWhere('number', 'like', `${c.prefix}%`)
          .orderBy('number');
        return rows.length >= 3 ? rows.map((r) => r.number) : undefined;
      }, `the ${c.name} invoices`);
      expect(numbers).toEqual([1, 2, 3].map((n) => `${c.prefix}${n}`));
      expect(await countRows(p.db, 'connector_invoices', { connection_id: c.id })).toBe(3);
    }
  }, 120_000);
});
