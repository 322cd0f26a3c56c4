import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import type { Connector } from '../../connectors/contract';
import { createCipher } from '../../connectors/credentials';
import { builtInConnectors, createRegistry } from '../../connectors/registry';
import { settingsOf, settingsProblems } from '../../connectors/settings';
import { createLogger } from '../../platform/logger';
import type { Db } from '../../platform/db';
import type { Client } from '@temporalio/client';
import { FsBlobStore } from '../../platform/blobs';
import { json } from '../support/platform';
import { closeTestDb, tempDir, testDb } from '../support/stores';
import { listen } from '../../api/listen';

const examplePackage = path.resolve(__dirname, '../../examples/facturflow-connector-example');

/**
 * The form that adds a connection is each connector's own declaration: French labels and help, a
 * type per field and defaults; the registry refuses declarations that do not match the schemas, and
 * a package that declares none still gets a field per schema property.
 */
describe('connector settings declarations', () => {
  it.each(builtInConnectors.map((c) => [c.manifest.id, c] as const))(
    '%s declares every setting and credential in French, secrets only among credentials',
    (_id, c) => {
      expect(settingsProblems(c)).toEqual([]);
      for (const s of c.settings!) {
        expect(s.label).not.toBe(s.key);
        expect(s.help).toBeTruthy();
        if (s.part === 'credentials') expect(s.type).toBe('secret');
        // A declared default is the schema's, so the form and the check agree.
        const schema = (s.part === 'config' ? c.configSchema : c.credentialsSchema) as {
          properties: Record<string, { default?: unknown }>;
        };
        expect(s.default).toEqual(schema.properties[s.key].default);
      }
    },
  );

  it('refuses a connector whose declarations do not match its schemas', () => {
    const evoliz = builtInConnectors.find((c) => c.manifest.id === 'evoliz')!;
    const wrong: Connector = {
      ...evoliz,
      manifest: { ...evoliz.manifest, id: 'wrong' },
      settings: [
        ...evoliz.settings!.filter((s) => s.key !== 'pageSize'),
        { key: 'baseUrl', part: 'config', label: '', type: 'secret', required: false },
        { key: 'token', part: 'credentials', label: 'Jeton', type: 'secret', required: true },
      ],
    };
    expect(settingsProblems(wrong)).toEqual([
      'config.baseUrl has no label',
      'config.baseUrl is a secret outside the credentials',
      'config.pageSize is in the schema but not declared',
      'credentials.token is declared but not in the schema',
    ]);
    expect(() => createRegistry({ builtIns: [wrong] })).toThrow(/declares its settings wrongly/);
  });

  it('gives a package without declarations a field per schema property', () => {
    const registry = createRegistry({ extraPaths: [examplePackage] });
    const example = registry.get('example')!;
    expect(example.settings).toBeUndefined();
    expect(settingsOf(example)).toContainEqual({
      key: 'token',
      part: 'credentials',
      label: 'token',
      type: 'secret',
      required: true,
    });
  });

  describe('through the API', () => {
    let db: Db;
    let server: Server;
    let url: string;
    beforeAll(async () => {
      db = await testDb();
      const app = createApp({
        db,
        client: {} as Client,
        blobs: new FsBlobStore(tempDir('blobs')),
        logger: createLogger('silent'),
        taskQueue: 'settings-test',
        maxUploadBytes: 1024 * 1024,
        publicUrl: 'http://portal.test',
        connectors: {
          registry: createRegistry({ extraPaths: [examplePackage] }),
          cipher: createCipher(Buffer.alloc(32, 1)),
          syncIntervalMinutes: 15,
        },
      });
      server = await listen(app, 0, '127.0.0.1');
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await closeTestDb(db);
    });

    it('exposes each connector’s declared fields, in order, with their types and defaults', async () => {
      const { items } = await json(await fetch(`${url}/api/v1/connectors`));
      const evoliz = items.find((c: { id: string }) => c.id === 'evoliz');
      expect(evoliz.settings.map((s: { label: string }) => s.label)).toEqual([
        'Clé publique',
        'Clé secrète',
        'Adresse du service Evoliz',
        'Factures lues par page',
      ]);
      expect(evoliz.settings[3]).toMatchObject({
        key: 'pageSize',
        part: 'config',
        type: 'number',
        default: 50,
      });
      const example = items.find((c: { id: string }) => c.id === 'example');
      expect(example.settings).toContainEqual(expect.objectContaining({ key: 'token', type: 'secret' }));
    });
  });
});
