import fs from 'node:fs';
import path from 'node:path';
import { createCipher, loadCipher } from '../../connectors/credentials';
import { isCredentialsRejected } from '../../connectors/contract';
import { createRegistry } from '../../connectors/registry';
import { identifyInvoice } from '../../invoice/identify';
import { toUbl } from '../../invoice/ubl/write';
import { tempDir } from '../support/stores';

const examplePackage = path.resolve(__dirname, '../../examples/facturflow-connector-example');

describe('connector registry', () => {
  it('discovers a facturflow-connector-* package in node_modules and runs it', async () => {
    const nodeModules = path.join(tempDir('connectors'), 'node_modules');
    fs.mkdirSync(nodeModules, { recursive: true });
    fs.symlinkSync(examplePackage, path.join(nodeModules, 'facturflow-connector-example'));
    fs.mkdirSync(path.join(nodeModules, 'left-pad'));
    const registry = createRegistry({ nodeModules: [nodeModules] });
    expect(registry.list().map((c) => c.manifest.id)).toEqual(['evoliz', 'axonaut', 'cegid-loop', 'example']);

    const example = registry.get('example')!;
    const config = {
      invoices: [
        { number: 'EX-1', date: '2024-02-01', label: 'Conseil', amount: 100, buyerSiret: '21690266800013' },
      ],
    };
    expect(registry.check(example, 'config', config)).toEqual([]);
    expect(registry.check(example, 'credentials', {})).toEqual([
      { field: 'credentials.token', message: expect.any(String) },
    ]);
    const supplier = { siret: '73282932000074', name: 'Atelier', vatNumber: 'FR44732829320' };
    const session = example.open({ config, credentials: { token: 'example' }, supplier });
    expect(await session.testConnection()).toEqual({ account: 'example' });
    const page = await session.listInvoices(undefined);
    expect(page).toEqual({ invoices: [{ externalId: 'EX-1' }], next: undefined, resumeFrom: '0' });
    const { invoice } = await session.getInvoice('EX-1');
    const identity = identifyInvoice(Buffer.from(toUbl(invoice)));
    expect(identity).toMatchObject({
      number: 'EX-1',
      seller: { id: '73282932000074' },
      buyer: { id: '21690266800013' },
    });

    const refused = await example
      .open({ config, credentials: { token: 'other' }, supplier })
      .testConnection()
      .catch((e) => e);
    expect(isCredentialsRejected(refused)).toBe(true);
  });

  it('loads a package folder listed in FACTURFLOW_CONNECTOR_PATHS, and refuses what is no connector', () => {
    expect(createRegistry({ extraPaths: [examplePackage] }).get('example')?.manifest.version).toBe('1.0.0');
    const notOne = tempDir('not-a-connector');
    fs.writeFileSync(path.join(notOne, 'index.js'), 'module.exports = { hello: 1 };');
    expect(() => createRegistry({ extraPaths: [notOne] })).toThrow(/does not export a facturflow connector/);
  });
});

describe('credentials at rest', () => {
  const key = Buffer.alloc(32, 1);
  const secret = { public_key: 'pk', secret_key: 'very-secret-value' };

  it('seals with AES-256-GCM: no clear text, tampering detected, other keys cannot open', () => {
    const cipher = createCipher(key);
    const sealed = cipher.seal(secret);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(sealed).not.toContain('very-secret');
    expect(cipher.seal(secret)).not.toBe(sealed);
    expect(cipher.open(sealed)).toEqual(secret);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open(parts.join('.'))).toThrow();
    expect(() => createCipher(Buffer.alloc(32, 2)).open(sealed)).toThrow(/No key/);
  });

  it('opens records of a previous key after rotation and says they need sealing again', () => {
    const old = createCipher(key).seal(secret);
    const rotated = createCipher(Buffer.alloc(32, 2), [key]);
    expect(rotated.open(old)).toEqual(secret);
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.seal(secret))).toBe(false);
  });

  it('makes a development key under DATA_DIR on first start and keeps using it', () => {
    const dataDir = tempDir('data');
    const sealed = loadCipher({ dataDir }).seal(secret);
    const file = path.join(dataDir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadCipher({ dataDir }).open(sealed)).toEqual(secret);
    expect(loadCipher({ dataDir, secretKey: 'ab'.repeat(32) }).isStale(sealed)).toBe(true);
  });
});
