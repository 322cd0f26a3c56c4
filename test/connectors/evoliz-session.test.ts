import { evoliz as connector } from '../../connectors/evoliz';
import { isCredentialsRejected } from '../../connectors/contract';
import { allowHosts } from '../../platform/public-host';
import { startEvoliz } from './simulators/evoliz';

const keys = { public_key: 'pk-1', secret_key: 'sk-1' };
const supplier = { siret: '73282932000074', name: 'Atelier', vatNumber: 'FR44732829320' };

/** The Evoliz session's token handling, against the simulator, without the platform around it. */
describe('Evoliz session', () => {
  // The simulator listens on loopback, which connections may call only when an operator allows it.
  beforeAll(() => allowHosts(['localhost', '127.0.0.1']));
  afterAll(() => allowHosts([]));

  it('logs in once, and again when the API says the token has expired', async () => {
    const sim = await startEvoliz({ publicKey: keys.public_key, secretKey: keys.secret_key });
    try {
      const session = connector.open({
        config: { baseUrl: sim.url, pageSize: 10 },
        credentials: keys,
        supplier,
      });
      await session.testConnection();
      await session.listInvoices(undefined);
      expect(sim.logins()).toBe(1);
      sim.expireTokens();
      expect(await session.listInvoices(undefined)).toMatchObject({ invoices: [], next: undefined });
      expect(sim.logins()).toBe(2);
    } finally {
      await sim.stop();
    }
  });

  it('asks for a new token before the current one runs out', async () => {
    // A token living one minute is inside the renewal margin: every call renews it first.
    const sim = await startEvoliz({
      publicKey: keys.public_key,
      secretKey: keys.secret_key,
      tokenLifetimeMs: 60_000,
    });
    try {
      const session = connector.open({
        config: { baseUrl: sim.url, pageSize: 10 },
        credentials: keys,
        supplier,
      });
      await session.listInvoices(undefined);
      await session.listInvoices(undefined);
      expect(sim.logins()).toBe(2);
      expect(sim.requests.filter((r) => r.path !== '/api/login').every((r) => r.headers.authorization)).toBe(
        true,
      );
    } finally {
      await sim.stop();
    }
  });

  it('reports refused keys as such', async () => {
    const sim = await startEvoliz({ publicKey: keys.public_key, secretKey: 'other' });
    try {
      const session = connector.open({
        config: { baseUrl: sim.url, pageSize: 10 },
        credentials: keys,
        supplier,
      });
      expect(isCredentialsRejected(await session.testConnection().catch((e) => e))).toBe(true);
    } finally {
      await sim.stop();
    }
  });
});
