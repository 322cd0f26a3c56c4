import { countRows } from '../support/stores';
import { json } from '../support/platform';
import { startAxonaut } from './simulators/axonaut';
import { startCegidLoop } from './simulators/cegid-loop';
import { startEvoliz } from './simulators/evoliz';
import { ENGAGEMENT_FIELD, SERVICE_CODE_FIELD } from '../../connectors/axonaut';
import {
  BUYER_SIRET,
  ConnectorPlatform,
  eventually,
  startConnectorPlatform,
  SUPPLIER_SIRET,
  syncNowAndWait,
} from './harness';

const SERVICE = 'ECOLES';
const ENGAGEMENT = 'EJ-2024-000123';
const invoiceIdOf = (number: string) => `invoice/${SUPPLIER_SIRET}/2024/${number}`;

/** Each built-in connector, and where its ERP keeps the public buyer's references. */
interface Case {
  connectorId: string;
  create(): Promise<{ config: Record<string, unknown>; credentials: Record<string, unknown> }>;
  /** Adds two invoices to the simulated ERP: `withRefs` carries both references, `without` neither. */
  seed(withRefs: string, without: string): void;
  /** Gives the references to the invoice that lacked them, in the ERP. */
  fix(number: string): void;
  externalIdOf(number: string): string;
  stop(): Promise<void>;
}

/**
 * A public buyer that requires a code service (BT-10) and an engagement number (BT-13): an ERP
 * invoice carrying them in the fields each connector reads reaches the buyer; one without them is
 * rejected by the platform's routing rules, shown as a record in error with the rule and its French
 * message, and, once corrected in the ERP, filed again under its number by a retry, never twice.
 */
describe('ERP invoices to a buyer that requires a code service and an engagement number', () => {
  let p: ConnectorPlatform;
  const cases: Case[] = [];

  beforeAll(async () => {
    p = await startConnectorPlatform();
    await p.db('structures').where({ id: p.buyer.structureId }).update({
      service_code_required: true,
      engagement_number_required: true,
    });
    await p.db('structure_services').insert({
      structure_id: p.buyer.structureId,
      code: SERVICE,
      name: 'Direction des écoles',
      active: true,
      engagement_required: false,
    });

    const axonaut = await startAxonaut({ apiKey: 'axo-user-api-key-refs' });
    axonaut.companies.set(42, { id: 42, name: 'Commune de Villeurbanne', siret: BUYER_SIRET });
    const axoLine = [{ name: 'Entretien', price: 300, quantity: 1, taxRate: 20 }];
    const axoRefs = { [SERVICE_CODE_FIELD]: SERVICE, [ENGAGEMENT_FIELD]: ENGAGEMENT };
    cases.push({
      connectorId: 'axonaut',
      create: async () => ({
        config: { baseUrl: axonaut.url },
        credentials: { userApiKey: 'axo-user-api-key-refs' },
      }),
      seed(withRefs, without) {
        axonaut.invoices.push(
          {
            id: 1,
            number: withRefs,
            date: '2024-05-02',
            companyId: 42,
            lines: axoLine,
            customFields: axoRefs,
          },
          { id: 2, number: without, date: '2024-05-03', companyId: 42, lines: axoLine },
        );
      },
      fix: (number) => void (axonaut.invoices.find((i) => i.number === number)!.customFields = axoRefs),
      externalIdOf: (number) => String(axonaut.invoices.find((i) => i.number === number)!.id),
      stop: () => axonaut.stop(),
    });

    const evoKeys = { public_key: 'evo-pub-refs', secret_key: 'evo-secret-refs' };
    const evoliz = await startEvoliz({ publicKey: evoKeys.public_key, secretKey: evoKeys.secret_key });
    evoliz.clients.set(7, { clientid: 7, name: 'Commune de Villeurbanne', business_number: BUYER_SIRET });
    const evoItems = [{ designation: 'Formation', quantity: 2, unit_price_vat_exclude: 450, vat_rate: 20 }];
    cases.push({
      connectorId: 'evoliz',
      create: async () => ({ config: { baseUrl: evoliz.url }, credentials: evoKeys }),
      seed(withRefs, without) {
        evoliz.invoices.push(
          {
            invoiceid: 501,
            document_number: withRefs,
            documentdate: '2024-05-02',
            clientid: 7,
            items: evoItems,
            analyticCode: SERVICE,
            external_document_number: ENGAGEMENT,
          },
          {
            invoiceid: 502,
            document_number: without,
            documentdate: '2024-05-03',
            clientid: 7,
            items: evoItems,
          },
        );
      },
      fix(number) {
        const record = evoliz.invoices.find((i) => i.document_number === number)!;
        Object.assign(record, { analyticCode: SERVICE, external_document_number: ENGAGEMENT });
      },
      externalIdOf: (number) => String(evoliz.invoices.find((i) => i.document_number === number)!.invoiceid),
      stop: () => evoliz.stop(),
    });

    const loopCreds = { subscriptionKey: 'sub-refs', apiKey: 'api-refs', clientSecret: 'secret-refs' };
    const loop = await startCegidLoop({ ...loopCreds, codeDossier: 'DOS077' });
    loop.tiers.set('C-VILLEURB', {
      code: 'C-VILLEURB',
      raisonSociale: 'Commune de Villeurbanne',
      siret: BUYER_SIRET,
    });
    const ventes = [{ libelle: 'Audit', montantHt: 800, tauxTva: 20 }];
    cases.push({
      connectorId: 'cegid-loop',
      create: async () => ({ config: { baseUrl: loop.url, codeDossier: 'DOS077' }, credentials: loopCreds }),
      seed(withRefs, without) {
        loop.sales.push(
          {
            idEcriture: 'E-71',
            numeroPiece: withRefs,
            datePiece: '2024-05-02',
            codeTiers: 'C-VILLEURB',
            ventes,
            sectionAnalytique: SERVICE,
            refExterne: ENGAGEMENT,
          },
          {
            idEcriture: 'E-72',
            numeroPiece: without,
            datePiece: '2024-05-03',
            codeTiers: 'C-VILLEURB',
            ventes,
          },
        );
      },
      fix(number) {
        const sale = loop.sales.find((s) => s.numeroPiece === number)!;
        Object.assign(sale, { sectionAnalytique: SERVICE, refExterne: ENGAGEMENT });
      },
      externalIdOf: (number) => loop.sales.find((s) => s.numeroPiece === number)!.idEcriture,
      stop: () => loop.stop(),
    });
  }, 120_000);
  afterAll(async () => {
    for (const c of cases) await c.stop();
    await p?.stop();
  });

  const statusOf = async (number: string) =>
    (await json(await p.api(`/invoices/${invoiceIdOf(number)}`, p.supplier.token))).status as
      string | undefined;
  const settled = (number: string) =>
    eventually(async () => {
      const s = await statusOf(number);
      return s === 'MISE_A_DISPOSITION' || s === 'REJETEE' ? s : undefined;
    }, `the routing of ${number}`);

  it.each(['axonaut', 'evoliz', 'cegid-loop'])(
    '%s: with its references the invoice reaches the buyer; without, rejected, shown, and retried once corrected',
    async (id) => {
      const c = cases.find((x) => x.connectorId === id)!;
      const [withRefs, without] = [`${id.toUpperCase()}-REF-1`, `${id.toUpperCase()}-REF-2`];
      c.seed(withRefs, without);
      const res = await p.api(`/structures/${p.supplier.structureId}/connections`, p.supplier.token, 'POST', {
        connectorId: id,
        ...(await c.create()),
      });
      expect(res.status).toBe(201);
      const connectionId = (await json(res)).id as string;
      await syncNowAndWait(p, connectionId, p.supplier.token);

      expect(await settled(withRefs)).toBe('MISE_A_DISPOSITION');
      expect(
        await p
          .db('invoices')
          .where({ id: invoiceIdOf(withRefs) })
          .first(),
      ).toMatchObject({
        service_code: SERVICE,
        engagement_number: ENGAGEMENT,
      });
      const received = await json(await p.api(`/invoices/${invoiceIdOf(withRefs)}`, p.buyer.token));
      expect(received.status).toBe('MISE_A_DISPOSITION');

      // Without them, the platform's routing rules reject it: the record shows why.
      expect(await settled(without)).toBe('REJETEE');
      const records = await eventually(async () => {
        const { items } = await json(await p.api(`/connections/${connectionId}/records`, p.supplier.token));
        return items.length ? items : undefined;
      }, 'the rejected record');
      expect(records).toEqual([
        {
          externalId: c.externalIdOf(without),
          kind: 'REJETEE',
          code: expect.stringMatching(/^FF-(SERVICE|EJ)-01$/),
          message: expect.stringContaining('Le code service (BT-10) est obligatoire pour ce destinataire.'),
          at: expect.any(String),
          invoiceId: invoiceIdOf(without),
          number: without,
        },
      ]);

      expect(records[0].message).toContain(
        "Le numéro d'engagement (BT-13) est obligatoire pour ce destinataire.",
      );

      // Corrected in the ERP, then retried: filed again under its number, and it reaches the buyer.
      c.fix(without);
      const retried = await p.api(
        `/connections/${connectionId}/records/${encodeURIComponent(c.externalIdOf(without))}/retry`,
        p.supplier.token,
        'POST',
      );
      expect(retried.status).toBe(202);
      await eventually(
        async () => (await statusOf(without)) === 'MISE_A_DISPOSITION',
        `${without} delivered`,
      );
      const { items } = await json(await p.api(`/connections/${connectionId}/records`, p.supplier.token));
      expect(items).toEqual([]);
      // A record that is not in error is not retried, and nothing was filed twice.
      const again = await p.api(
        `/connections/${connectionId}/records/${encodeURIComponent(c.externalIdOf(without))}/retry`,
        p.supplier.token,
        'POST',
      );
      expect(again.status).toBe(404);
      expect((await json(again)).error.code).toBe('CONNECTION_RECORD_NOT_FOUND');
      expect(await countRows(p.db, 'connector_invoices', { connection_id: connectionId })).toBe(2);
      expect(await countRows(p.db, 'invoices', { number: without })).toBe(1);
      expect((await p.api(`/connections/${connectionId}`, p.supplier.token, 'DELETE')).status).toBe(204);
    },
    120_000,
  );
});
