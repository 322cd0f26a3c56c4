import type { Db } from '../../platform/db';
import type { Caller } from '../../accounts/caller';
import type { CompanyRegistry } from '../../structures/registry';
import { createStructure } from '../../structures';
import { updateStructure } from '../../structures/structures';
import { createService, updateService } from '../../structures/services';
import { findInDirectory, searchInDirectory } from '../../structures/directory';
import { searchText } from '../../structures/search-text';
import { closeTestDb, testDb } from '../support/stores';
import { seedUser } from '../support/people';
import { siren, siret } from '../invoicing/french-numbers';

/** A registry holding nothing: operators' structures are verified by them, others wait for an operator. */
const noRegistry: CompanyRegistry = { lookup: async () => undefined, authoritative: async () => false };

/**
 * The directory searched as people type: names and towns in any case, with or without accents, the
 * first digits of a SIRET; best matches first, by pages; on SQLite and PostgreSQL (DATABASE_URL).
 */
describe('directory search by name, town and identifier start', () => {
  let db: Db;
  const operator: Caller = { userId: 'dir-operator', email: 'dir-operator@example.org', operator: true };
  const supplier: Caller = { userId: 'dir-supplier', email: 'dir-supplier@example.org', operator: false };
  const ids: Record<string, string> = {};
  const LYON = siret(siren('21690123'), '0001');
  const VILLEURBANNE = siret(siren('21690266'), '0001');

  const publicBuyer = async (key: string, identifier: string, name: string, city: string) => {
    const s = await createStructure(db, noRegistry, operator, {
      identifierType: 'SIRET',
      identifier,
      name,
      public: true,
      address: { city, postalCode: '69000' },
    });
    ids[key] = s.id;
    return s;
  };
  const names = (r: { items: { name: string }[] }) => r.items.map((e) => e.name);

  beforeAll(async () => {
    db = await testDb();
    await seedUser(db, operator.userId, { operator: true });
    await seedUser(db, supplier.userId);
    const lyon = await publicBuyer('lyon', LYON, 'Mairie de Lyon', 'Lyon');
    await publicBuyer('villeurbanne', VILLEURBANNE, 'Commune de Villeurbanne', 'VILLEURBANNE');
    await publicBuyer('metropole', siret(siren('20004697'), '0001'), 'Lyon Métropole', 'Lyon');
    await publicBuyer(
      'school',
      siret(siren('21690388'), '0001'),
      'Établissement scolaire Jean Moulin',
      'Lyon',
    );
    await publicBuyer(
      'hospital',
      siret(siren('26380035'), '0001'),
      'Centre hospitalier de Grenoble',
      'Grenoble',
    );
    // A supplier whose town only matches.
    ids.bakery = (
      await createStructure(db, noRegistry, supplier, {
        identifierType: 'SIRET',
        identifier: siret(siren('73282932'), '0007'),
        name: 'Boulangerie Dupont',
        address: { city: 'Lyon' },
      })
    ).id;
    await createService(db, lyon, { code: 'ECOLES', name: 'Direction des écoles' });
    await createService(db, lyon, { code: 'VOIRIE', name: 'Voirie' });
    await updateService(db, lyon.id, 'VOIRIE', { active: false });
    await createService(db, lyon, { code: 'ANCIEN', name: 'Service fermé', validTo: '2020-12-31' });
  }, 60_000);
  afterAll(async () => closeTestDb(db));

  it('spells names and towns out for search: lower case, no accents, no punctuation', () => {
    expect(searchText('  Établissement  SCOLAIRE ')).toBe('etablissement scolaire');
    expect(searchText('L’Haÿ-les-Roses')).toBe('l hay les roses');
    expect(searchText('Œuvre sociale')).toBe('oeuvre sociale');
  });

  it('finds a town whatever its case', async () => {
    expect(names(await searchInDirectory(db, 'villeurbanne'))).toEqual(['Commune de Villeurbanne']);
  });

  it('finds a name typed in lower case, the exact name first', async () => {
    const found = await searchInDirectory(db, 'mairie de lyon');
    expect(names(found)[0]).toBe('Mairie de Lyon');
    expect(found.items[0].identifier).toBe(LYON);
  });

  it('finds an accented name typed without its accent, and the other way round', async () => {
    expect(names(await searchInDirectory(db, 'Etablissement'))).toEqual([
      'Établissement scolaire Jean Moulin',
    ]);
    expect(names(await searchInDirectory(db, 'métropole'))).toEqual(['Lyon Métropole']);
    expect(names(await searchInDirectory(db, 'ÉTABLISSEMENT jean'))).toEqual([
      'Établissement scolaire Jean Moulin',
    ]);
  });

  it('matches words at their start only', async () => {
    // "yon" is inside "Lyon", at no word's start.
    expect((await searchInDirectory(db, 'yon')).total).toBe(0);
  });

  it('finds the SIRETs starting with the digits typed, spaces and dots allowed', async () => {
    const found = await searchInDirectory(db, '2169');
    expect(found.items.map((e) => e.identifier).sort()).toEqual(
      [LYON, VILLEURBANNE, siret(siren('21690388'), '0001')].sort(),
    );
    expect(found.items.every((e) => e.identifier.startsWith('2169'))).toBe(true);
    expect((await searchInDirectory(db, LYON.replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2.$3 '))).items).toEqual([
      expect.objectContaining({ identifier: LYON }),
    ]);
  });

  it('ranks the exact name, then names starting with the words, then names holding them, then towns', async () => {
    expect(names(await searchInDirectory(db, 'lyon'))).toEqual([
      'Lyon Métropole',
      'Mairie de Lyon',
      'Boulangerie Dupont',
      'Établissement scolaire Jean Moulin',
    ]);
  });

  it('gives results by pages, with the total', async () => {
    const first = await searchInDirectory(db, 'lyon', { perPage: 3 });
    const second = await searchInDirectory(db, 'lyon', { perPage: 3, page: 2 });
    expect(first).toMatchObject({ total: 4, page: 1, perPage: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items.map((e) => e.name)).toEqual(['Établissement scolaire Jean Moulin']);
  });

  it('offers the services a supplier may address today: active and within their dates', async () => {
    const [lyon] = (await searchInDirectory(db, 'mairie de lyon')).items;
    expect(lyon.services).toEqual([{ code: 'ECOLES', name: 'Direction des écoles' }]);
    expect((await findInDirectory(db, { identifier: LYON }))[0].services).toEqual(lyon.services);
    // Before its end date, the closed service was on offer.
    expect(
      (await findInDirectory(db, { identifier: LYON }, () => '2020-06-01'))[0].services.map((s) => s.code),
    ).toEqual(['ANCIEN', 'ECOLES']);
  });

  it('follows a renamed structure', async () => {
    await updateStructure(db, ids.hospital, { name: 'CHU Grenoble Alpes' });
    expect(names(await searchInDirectory(db, 'chu grenoble'))).toEqual(['CHU Grenoble Alpes']);
    expect((await searchInDirectory(db, 'centre hospitalier')).total).toBe(0);
  });

  it('finds rows written without their search text (bulk loads, rows older than search)', async () => {
    const at = new Date().toISOString();
    await db('structures').insert({
      id: 'st-loaded',
      identifier_type: 'SIRET',
      identifier: siret(siren('21750001'), '0001'),
      name: 'Ville de Paris',
      city: 'Paris',
      public: true,
      identity_verified: true,
      created_at: at,
      updated_at: at,
    });
    expect(names(await searchInDirectory(db, 'PARIS'))).toEqual(['Ville de Paris']);
  });

  it('shows public structures only once their identity is verified', async () => {
    const at = new Date().toISOString();
    await db('structures').insert({
      id: 'st-claimed',
      identifier_type: 'SIRET',
      identifier: siret(siren('21690000'), '0001'),
      name: 'Mairie de Lyon (revendiquée)',
      public: true,
      identity_verified: false,
      created_at: at,
      updated_at: at,
    });
    expect(names(await searchInDirectory(db, 'mairie de lyon'))).toEqual(['Mairie de Lyon']);
    expect((await searchInDirectory(db, '2169000')).total).toBe(0);
  });

  it('refuses a search too short or too long, and pages out of range, naming the field', async () => {
    await expect(searchInDirectory(db, ' é ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'query.q' },
    });
    await expect(searchInDirectory(db, 'x'.repeat(101))).rejects.toMatchObject({
      details: { field: 'query.q' },
    });
    await expect(searchInDirectory(db, 'lyon', { perPage: 101 })).rejects.toMatchObject({
      details: { field: 'query.perPage' },
    });
    await expect(searchInDirectory(db, 'lyon', { page: 0 })).rejects.toMatchObject({
      details: { field: 'query.page' },
    });
    await expect(searchInDirectory(db, 'lyon', { page: Number('deux') })).rejects.toMatchObject({
      details: { field: 'query.page' },
    });
  });
});
