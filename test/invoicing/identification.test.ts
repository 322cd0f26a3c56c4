import { isValidSiret, luhnValid, partyKeys } from '../../invoice/platform-rules';
import { identifyParty } from '../../invoicing/identification';
import type { Db } from '../../platform/db';
import { registerStructure } from '../support/parties';
import { closeTestDb, testDb } from '../support/stores';
import { frenchVat, siren, siret } from './french-numbers';

const DUPRE = siren('41234567');
const DUPRE_LYON = siret(DUPRE, '0001');
const DUPRE_PARIS = siret(DUPRE, '0002');
const MAIRIE = siren('21690266');
const MAIRIE_SIRET = siret(MAIRIE, '0001');

describe('reading French identifiers', () => {
  it('reads SIREN under 0002, SIRET under 0009, VAT numbers and electronic addresses', () => {
    expect(
      partyKeys([
        { term: 'BT-30', value: DUPRE, scheme: '0002' },
        { term: 'BT-29', value: DUPRE_LYON, scheme: '0009' },
        { term: 'BT-31', value: frenchVat(DUPRE), scheme: 'VA' },
      ]),
    ).toEqual({ sirets: [DUPRE_LYON], sirens: [DUPRE], others: [DUPRE, frenchVat(DUPRE)] });
    expect(
      partyKeys([{ term: 'BT-49', value: `${MAIRIE}_${MAIRIE_SIRET}_SERVFACT`, scheme: '0225' }]),
    ).toMatchObject({
      sirets: [MAIRIE_SIRET],
      sirens: [MAIRIE],
    });
  });

  it('reads identifiers without scheme only when their key is valid, and as people type them', () => {
    const spaced = `${DUPRE_LYON.slice(0, 3)} ${DUPRE_LYON.slice(3, 6)} ${DUPRE_LYON.slice(6, 9)} ${DUPRE_LYON.slice(9)}`;
    expect(partyKeys([{ term: 'BT-30', value: spaced }]).sirets).toEqual([DUPRE_LYON]);
    const wrongKey = DUPRE_LYON.slice(0, 13) + ((Number(DUPRE_LYON[13]) + 1) % 10);
    expect(partyKeys([{ term: 'BT-30', value: wrongKey }])).toEqual({
      sirets: [],
      sirens: [],
      others: [wrongKey],
    });
    // A foreign VAT number is no SIREN, and a French one with a wrong key neither.
    expect(partyKeys([{ term: 'BT-31', value: 'DE123456789', scheme: 'VA' }]).sirens).toEqual([]);
    expect(partyKeys([{ term: 'BT-31', value: `FR00${DUPRE}`, scheme: 'VA' }]).sirens).toEqual([]);
  });

  it('takes a La Poste establishment whose SIRET fails Luhn but passes its digit-sum rule', () => {
    // Its SIRETs outnumber what a Luhn key can number: the plain digit sum is a multiple of 5 instead.
    const nic = Array.from({ length: 200 }, (_, i) => String(i + 50).padStart(5, '0')).find(
      (n) => !luhnValid(`356000000${n}`) && isValidSiret(`356000000${n}`),
    )!;
    const bureau = `356000000${nic}`;
    expect(partyKeys([{ term: 'BT-46', value: bureau, scheme: '0009' }])).toMatchObject({
      sirets: [bureau],
      sirens: ['356000000'],
    });
  });
});

describe('resolving a party to a structure', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDb();
    await registerStructure(db, { identifier: DUPRE_LYON, name: 'Atelier Dupré & Fils — Lyon' });
    await registerStructure(db, { identifier: MAIRIE_SIRET, name: 'Commune de Villeurbanne', public: true });
    await registerStructure(db, { identifier: 'DE811907980', name: 'Müller Maschinenbau GmbH' });
  });
  afterAll(() => closeTestDb(db));

  const seller = (...identifiers: { term: string; value: string; scheme?: string }[]) => ({ identifiers });

  it('resolves an exact SIRET, a SIREN with one establishment, a VAT number and a foreign VAT number', async () => {
    const lyon = expect.objectContaining({ identifier: DUPRE_LYON });
    expect(
      await identifyParty(db, 'seller', seller({ term: 'BT-34', value: DUPRE_LYON, scheme: '0009' }), true),
    ).toEqual(lyon);
    expect(
      await identifyParty(db, 'seller', seller({ term: 'BT-30', value: DUPRE, scheme: '0002' }), true),
    ).toEqual(lyon);
    expect(
      await identifyParty(
        db,
        'seller',
        seller({ term: 'BT-31', value: frenchVat(DUPRE), scheme: 'VA' }),
        true,
      ),
    ).toEqual(lyon);
    expect(
      await identifyParty(db, 'seller', seller({ term: 'BT-31', value: 'DE811907980', scheme: 'VA' }), true),
    ).toEqual(expect.objectContaining({ name: 'Müller Maschinenbau GmbH' }));
  });

  it('refuses in French an unknown seller, naming the business term to fill', async () => {
    await expect(
      identifyParty(db, 'seller', seller({ term: 'BT-30', value: siren('55203253'), scheme: '0002' }), true),
    ).rejects.toMatchObject({
      code: 'PARTY_UNRESOLVED',
      message: expect.stringMatching(/ne correspond à aucune structure.*BT-29/),
      details: { field: 'BT-29', party: 'seller' },
    });
    // Not required (a buyer: the routing checks report it), an unknown party is just unknown.
    expect(
      await identifyParty(db, 'buyer', seller({ term: 'BT-47', value: siren('55203253') }), false),
    ).toBeUndefined();
  });

  it('refuses an ambiguous SIREN listing the structures, unless the registry names the head office', async () => {
    await registerStructure(db, { identifier: DUPRE_PARIS, name: 'Atelier Dupré & Fils — Paris' });
    const bySiren = seller({ term: 'BT-30', value: DUPRE, scheme: '0002' });
    await expect(identifyParty(db, 'seller', bySiren, true)).rejects.toMatchObject({
      code: 'PARTY_AMBIGUOUS',
      message: expect.stringContaining('plusieurs structures'),
      details: {
        field: 'BT-29',
        siren: DUPRE,
        matches: [
          { identifier: DUPRE_LYON, name: 'Atelier Dupré & Fils — Lyon' },
          { identifier: DUPRE_PARIS, name: 'Atelier Dupré & Fils — Paris' },
        ],
      },
    });
    // The exact SIRET still wins.
    const both = seller(
      { term: 'BT-30', value: DUPRE, scheme: '0002' },
      { term: 'BT-29', value: DUPRE_PARIS, scheme: '0009' },
    );
    expect(await identifyParty(db, 'seller', both, true)).toMatchObject({ identifier: DUPRE_PARIS });
    await db('company_registry').insert({
      siret: DUPRE_PARIS,
      name: 'ATELIER DUPRE ET FILS',
      head_office: true,
      updated_at: new Date().toISOString(),
    });
    expect(await identifyParty(db, 'seller', bySiren, true)).toMatchObject({ identifier: DUPRE_PARIS });
  });
});
