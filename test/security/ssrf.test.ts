import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorUnreachable, createHttpClient } from '../../connectors/http';
import { createConnection, type ManageDeps } from '../../connectors/manage';
import { createRegistry } from '../../connectors/registry';
import { DomainError } from '../../platform/domain-error';
import { allowHosts, assertPublicUrl, HostNotAllowed, isPublicAddress } from '../../platform/public-host';

/** A local HTTP server answering every request with `answer`, counting what reached it. */
async function localServer(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const client = (baseUrl: string) => createHttpClient({ baseUrl, requestsPerSecond: 1000, timeoutMs: 5000 });

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('the request succeeded');
}

const pretendResolution = (address: string, family: 4 | 6 = 4) => {
  jest.spyOn(dns, 'lookup').mockImplementation(((
    _host: string,
    options: dns.LookupOptions,
    callback: (...args: unknown[]) => void,
  ) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as typeof dns.lookup);
  jest.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address, family }] as never);
};

describe('connector base URLs: public hosts only', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    allowHosts([]);
  });

  // Ranges from the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates).
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:0101::1',
    'not-an-address',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses loopback, by address or by a name resolving to it, and sends nothing there', async () => {
    const server = await localServer((_req, res) => res.end('{"ok":true}'));
    try {
      for (const base of [
        server.url,
        `http://localhost:${server.port}/`,
        `http://[::ffff:127.0.0.1]:${server.port}/`,
      ]) {
        const err = await failure(client(base).json({ path: 'api/v2/me' }));
        expect(err).toBeInstanceOf(ConnectorUnreachable);
      }
      await expect(assertPublicUrl(new URL(server.url))).rejects.toBeInstanceOf(HostNotAllowed);
      await expect(assertPublicUrl(new URL('http://localhost/'))).rejects.toBeInstanceOf(HostNotAllowed);
      expect(server.hits()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('checks the address when connecting: a name that resolved to a public address then to loopback is refused', async () => {
    const server = await localServer((_req, res) => res.end('{"ok":true}'));
    try {
      pretendResolution('93.184.215.14');
      await expect(
        assertPublicUrl(new URL(`http://erp.example.com:${server.port}/`)),
      ).resolves.toBeUndefined();
      jest.restoreAllMocks();
      pretendResolution('127.0.0.1');
      const err = await failure(client(`http://erp.example.com:${server.port}/`).json({ path: 'api' }));
      expect(err).toBeInstanceOf(ConnectorUnreachable);
      expect(server.hits()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('reaches a host the operator allowed, by name or by range', async () => {
    const server = await localServer((_req, res) => res.end('{"ok":true}'));
    try {
      allowHosts(['127.0.0.1']);
      expect((await client(server.url).json({ path: 'api' })).body).toEqual({ ok: true });
      allowHosts(['localhost']);
      expect((await client(`http://localhost:${server.port}/`).json({ path: 'api' })).body).toEqual({
        ok: true,
      });
      allowHosts(['127.0.0.0/8']);
      expect((await client(server.url).json({ path: 'api' })).body).toEqual({ ok: true });
      expect(server.hits()).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('tells nothing of what answered: no status, no page content, the same error as no answer at all', async () => {
    const page = '<html><title>Router admin</title>internal-secret</html>';
    const server = await localServer((req, res) => {
      if (req.url === '/missing') res.writeHead(404, 'Not Found').end(page);
      else if (req.url === '/elsewhere')
        res.writeHead(302, { location: `http://localhost:${server.port}/` }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    const closed = await localServer(() => undefined);
    await closed.close();
    try {
      allowHosts(['127.0.0.1']);
      const messages = [];
      for (const [base, path] of [
        [server.url, 'missing'],
        [server.url, 'page'],
        [server.url, 'elsewhere'],
        [closed.url, 'anything'],
      ]) {
        const err = await failure(client(base).json({ path }));
        expect(err).toBeInstanceOf(ConnectorUnreachable);
        expect((err as ConnectorUnreachable).code).toBe('CONNECTOR_UNREACHABLE');
        messages.push(err.message);
      }
      expect(new Set(messages).size).toBe(1);
      expect(messages[0]).not.toMatch(/404|Not Found|Router|secret|html|ECONNREFUSED|fetch failed/i);
    } finally {
      await server.close();
    }
  });

  it('refuses to save a connection whose base URL is not public, before calling it', async () => {
    const server = await localServer((_req, res) => res.end('{}'));
    const deps = { runtime: { registry: createRegistry() } } as unknown as ManageDeps;
    try {
      for (const baseUrl of [
        server.url,
        'http://169.254.169.254/latest/',
        `http://localhost:${server.port}/`,
      ]) {
        const err = await failure(
          createConnection(deps, 'structure', 'user', {
            connectorId: 'axonaut',
            config: { baseUrl },
            credentials: { userApiKey: 'key-12345678' },
          }),
        );
        expect(err).toBeInstanceOf(DomainError);
        expect(err).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'config.baseUrl' } });
      }
      expect(server.hits()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
