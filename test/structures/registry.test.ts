import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bin/config';
import type { Db } from '../../platform/db';
import { dbRecipientDirectory } from '../../structures/directory';
import { importRegistryCsv } from '../../structures/import-registry';
import { dbCompanyRegistry } from '../../structures/registry';
import { sireneCompanyRegistry } from '../../structures/sirene';
import { createService } from '../../structures/services';
import { createStructure } from '../../structures/structures';
import { httpErrorOf } from '../../api/errors';
import type { DomainError } from '../../platform/domain-error';
import { closeTestDb, countRows, tempDir, testDb } from '../support/stores';

describe('company registry and recipient directory', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDb();
  });
  afterAll(() => closeTestDb(db));

  it('imports a CSV into the directory, skipping bad lines, and upserts on a second import', async () => {
    const file = path.join(tempDir('registry'), 'registry.csv');
    fs.writeFileSync(
      file,
      [
        'siret;name;street;postal_code;city',
        '73282932000074;"ACME; Fils";1 rue de la Paix;75002;Paris',
        '73282932000075;Bad checksum;;;',
        '35600000012346;La Poste Bureau;;;',
        '',
      ].join('\n'),
    );
    const progress: number[] = [];
    const report = await importRegistryCsv(db, file, (n) => progress.push(n));
    expect(report.imported).toBe(2);
    expect(report.skipped).toEqual([{ line: 3, reason: 'invalid SIRET "73282932000075"' }]);
    expect(progress).toEqual([2]);
    expect(await dbCompanyRegistry(db).lookup('73282932000074')).toEqual({
      siret: '73282932000074',
      name: 'ACME; Fils',
      address: { street: '1 rue de la Paix', postalCode: '75002', city: 'Paris' },
    });
    expect(await dbCompanyRegistry(db).lookup('12345678200010')).toBeUndefined();

    fs.writeFileSync(file, 'siret,name\n73282932000074,ACME SA\n');
    await importRegistryCsv(db, file);
    expect((await dbCompanyRegistry(db).lookup('73282932000074'))?.name).toBe('ACME SA');
    expect(await countRows(db, 'company_registry', {})).toBe(2);
  });

  it('looks SIRETs up in the INSEE Sirene API (a local stand-in), sending the integration key', async () => {
    const seen: { url?: string; key?: string }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url, key: req.headers['x-insee-api-key-integration'] as string });
      if (req.url === '/api-sirene/3.11/siret/73282932000074') {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            header: { statut: 200, message: 'ok' },
            etablissement: {
              siret: '73282932000074',
              uniteLegale: { denominationUniteLegale: 'ACME' },
              adresseEtablissement: {
                numeroVoieEtablissement: '1',
                typeVoieEtablissement: 'RUE',
                libelleVoieEtablissement: 'DE LA PAIX',
                codePostalEtablissement: '75002',
                libelleCommuneEtablissement: 'PARIS',
              },
            },
          }),
        );
      } else if (req.url?.startsWith('/api-sirene/3.11/siret/35600000000048')) {
        res.statusCode = 503;
        res.end();
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ header: { statut: 404, message: 'Aucun élément trouvé' } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const sirene = sireneCompanyRegistry({
        baseUrl: `http://127.0.0.1:${port}/api-sirene/3.11/`,
        apiKey: 'k-123',
      });
      expect(await sirene.lookup('73282932000074')).toEqual({
        siret: '73282932000074',
        name: 'ACME',
        address: { street: '1 RUE DE LA PAIX', postalCode: '75002', city: 'PARIS' },
      });
      expect(await sirene.lookup('12345678200010')).toBeUndefined();
      await expect(sirene.lookup('35600000000048')).rejects.toThrow(/503/);
      expect(seen[0]).toEqual({ url: '/api-sirene/3.11/siret/73282932000074', key: 'k-123' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('takes the Sirene API settings from the environment, both or neither', () => {
    expect(loadConfig({}).sirene).toBeUndefined();
    expect(
      loadConfig({ SIRENE_API_URL: 'https://api.insee.fr/api-sirene/3.11', SIRENE_API_KEY: 'k' }).sirene,
    ).toEqual({
      baseUrl: 'https://api.insee.fr/api-sirene/3.11',
      apiKey: 'k',
    });
    expect(() => loadConfig({ SIRENE_API_KEY: 'k' })).toThrow(ConfigError);
  });

  it('answers COMPANY_REGISTRY_UNAVAILABLE, not SIRET_UNKNOWN, when the registry fails', async () => {
    const down = { lookup: () => Promise.reject(new Error('503')) };
    const caller = { userId: 'nobody', email: 'nobody@example.org', operator: false };
    const refusal = await createStructure(db, down, caller, {
      identifierType: 'SIRET',
      identifier: '73282932000074',
    }).catch((err: unknown) => err);
    expect(refusal).toMatchObject({ code: 'COMPANY_REGISTRY_UNAVAILABLE' });
    // The API answers it as a service unavailable, not as a refusal of the request.
    expect(httpErrorOf(refusal as DomainError).status).toBe(503);
  });

  it('backs the invoice checks’ recipient directory with structures and their services', async () => {
    await db('users').insert({
      id: 'operator-1',
      email: 'op@example.org',
      first_name: 'Op',
      last_name: 'Erator',
      contact_email: 'op@example.org',
      status: 'ACTIVE',
      operator: true,
      terms_accepted_at: new Date().toISOString(),
      created_at: new Date().toISOString(),
    });
    const registry = { lookup: async () => ({ siret: '11000201100044', name: 'Ministère', address: {} }) };
    const caller = { userId: 'operator-1', email: 'op@example.org', operator: true };
    const structure = await createStructure(db, registry, caller, {
      identifierType: 'SIRET',
      identifier: '11000201100044',
      public: true,
      parameters: { codeServiceDoitEtreRenseigne: true },
    });
    await createService(db, structure, {
      code: 'FACTURES_PUBLIQUES',
      name: 'Public',
      engagementRequired: true,
    });
    await createService(db, structure, { code: 'OLD', name: 'Closed', validTo: '2020-12-31' });

    const directory = dbRecipientDirectory(db, () => '2026-11-02');
    expect(await directory.find('11000201100044')).toEqual({
      codeServiceDoitEtreRenseigne: true,
      numeroEJDoitEtreRenseigne: false,
      gestionNumeroEJOuCodeService: false,
      public: true,
      identityVerified: true,
      services: [
        { code: 'FACTURES_PUBLIQUES', active: true, engagementRequired: true },
        { code: 'OLD', active: false, engagementRequired: false },
      ],
    });
    expect(await directory.find('99999999999999')).toBeUndefined();
  });
});
