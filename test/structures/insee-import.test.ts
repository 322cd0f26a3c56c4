import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../platform/db';
import { importRegistryCsv } from '../../structures/import-registry';
import { dbCompanyRegistry } from '../../structures/registry';
import { closeTestDb, tempDir, testDb } from '../support/stores';
import { siren, siret } from '../invoicing/french-numbers';

const UNIT = siren('41234567');
const HEAD_OFFICE = siret(UNIT, '0001');
const CLOSED = siret(UNIT, '0002');

describe('the INSEE open-data establishment file', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDb();
  });
  afterAll(() => closeTestDb(db));

  it('is imported under its own column names, with the head office and closed establishments', async () => {
    const registry = dbCompanyRegistry(db);
    expect(await registry.authoritative!()).toBe(false);
    const file = path.join(tempDir('insee'), 'StockEtablissement_extrait.csv');
    // Column order and names as published on data.gouv.fr (a subset of its columns).
    fs.writeFileSync(
      file,
      [
        'siren,nic,siret,etablissementSiege,enseigne1Etablissement,numeroVoieEtablissement,typeVoieEtablissement,' +
          'libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,etatAdministratifEtablissement',
        `${UNIT},${HEAD_OFFICE.slice(9)},${HEAD_OFFICE},true,MENUISERIE LEFEVRE,8,RUE,DE LA CHARITE,69002,LYON 2E ARRONDISSEMENT,A`,
        `${UNIT},${CLOSED.slice(9)},${CLOSED},false,LEFEVRE ATELIER,,,ZONE ARTISANALE,69100,VILLEURBANNE,F`,
        '',
      ].join('\n'),
    );
    expect((await importRegistryCsv(db, file)).imported).toBe(2);
    expect(await registry.lookup(HEAD_OFFICE)).toEqual({
      siret: HEAD_OFFICE,
      name: 'MENUISERIE LEFEVRE',
      address: { street: '8 RUE DE LA CHARITE', postalCode: '69002', city: 'LYON 2E ARRONDISSEMENT' },
    });
    // A closed establishment no longer invoices.
    expect(await registry.lookup(CLOSED)).toBeUndefined();
    expect(await registry.authoritative!()).toBe(true);
    expect(await db('company_registry').where({ siret: HEAD_OFFICE }).first('head_office')).toMatchObject({
      head_office: expect.anything(),
    });
  });
});
