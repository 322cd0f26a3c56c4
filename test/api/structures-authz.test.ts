import { frenchIban, seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';

type Who = 'principal' | 'secondary' | 'member' | 'outsider' | 'operator' | 'anonymous';
const PEOPLE: Who[] = ['principal', 'secondary', 'member', 'outsider', 'operator', 'anonymous'];

/** Expected answer per person: a success status, or [status, code] of the refusal. */
type Expect = Record<Who, number | [number, string]>;
const managersOnly: Expect = {
  principal: 200,
  secondary: 200,
  member: [403, 'MANAGER_REQUIRED'],
  outsider: [403, 'NOT_A_MEMBER'],
  operator: 200,
  anonymous: [401, 'UNAUTHENTICATED'],
};
const membersOnly: Expect = { ...managersOnly, member: 200 };
const created = (e: Expect): Expect =>
  Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === 200 ? 201 : v])) as Expect;

describe('structures API: who may do what', () => {
  let p: TestPlatform;
  const tokens = {} as Record<Who, string | undefined>;
  let structureId: string;

  const call = (who: Who, method: string, path: string, body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(tokens[who] && { authorization: `Bearer ${tokens[who]}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    p = await startTestPlatform();
    for (const who of PEOPLE.filter((w) => w !== 'anonymous'))
      tokens[who] = await seedUser(p.db, who, { operator: who === 'operator' });
    await seedUser(p.db, 'newcomer');
    await seedUser(p.db, 'requester');
    const now = new Date().toISOString();
    await p.db('company_registry').insert([
      { siret: '73282932000074', name: 'ACME', city: 'Paris', updated_at: now },
      { siret: '12345678200010', name: 'Other Co', updated_at: now },
    ]);
    const res = await call('principal', 'POST', '/structures', {
      identifierType: 'SIRET',
      identifier: '73282932000074',
    });
    expect(res.status).toBe(201);
    structureId = (await json(res)).id;
    expect(
      (
        await call('outsider', 'POST', '/structures', {
          identifierType: 'SIRET',
          identifier: '12345678200010',
        })
      ).status,
    ).toBe(201);
    for (const code of ['SVC-A', 'SVC-B'])
      expect(
        (await call('principal', 'POST', `/structures/${structureId}/services`, { code, name: code })).status,
      ).toBe(201);
    expect(
      (
        await call('principal', 'POST', `/structures/${structureId}/members`, {
          userId: 'secondary',
          role: 'SECONDAIRE',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('secondary', 'POST', `/structures/${structureId}/members`, {
          userId: 'member',
          role: 'UTILISATEUR',
          services: ['SVC-A'],
        })
      ).status,
    ).toBe(201);
  }, 120_000);
  afterAll(() => p?.stop());

  let serial = 0;
  const cases: [string, string, () => string, (who: Who) => unknown, Expect][] = [
    ['read', 'GET', () => `/structures/${structureId}`, () => undefined, membersOnly],
    [
      'update',
      'PATCH',
      () => `/structures/${structureId}`,
      () => ({ email: 'compta@acme.example' }),
      managersOnly,
    ],
    [
      'list bank accounts',
      'GET',
      () => `/structures/${structureId}/bank-accounts`,
      () => undefined,
      managersOnly,
    ],
    [
      'add a bank account',
      'POST',
      () => `/structures/${structureId}/bank-accounts`,
      () => ({ iban: frenchIban(`3000600001${String(++serial).padStart(11, '0')}89`), bic: 'BNPAFRPP' }),
      created(managersOnly),
    ],
    ['list services', 'GET', () => `/structures/${structureId}/services`, () => undefined, membersOnly],
    [
      'add a service',
      'POST',
      () => `/structures/${structureId}/services`,
      (who) => ({ code: `NEW-${who}`, name: 'New' }),
      created(managersOnly),
    ],
    ['list members', 'GET', () => `/structures/${structureId}/members`, () => undefined, managersOnly],
    [
      'attach a user directly',
      'POST',
      () => `/structures/${structureId}/members`,
      () => ({ userId: 'newcomer', role: 'UTILISATEUR' }),
      created(managersOnly),
    ],
    [
      'appoint a secondary manager',
      'POST',
      () => `/structures/${structureId}/members`,
      () => ({ userId: 'newcomer', role: 'SECONDAIRE' }),
      created({ ...managersOnly, secondary: [403, 'PRINCIPAL_MANAGER_REQUIRED'] }),
    ],
    [
      'transfer the main-manager role (to oneself: no change)',
      'POST',
      () => `/structures/${structureId}/principal`,
      () => ({ userId: 'principal' }),
      {
        ...managersOnly,
        secondary: [403, 'PRINCIPAL_MANAGER_REQUIRED'],
        member: [403, 'PRINCIPAL_MANAGER_REQUIRED'],
      },
    ],
  ];

  it.each(cases)('%s', async (_name, method, path, body, expected) => {
    for (const who of PEOPLE) {
      const res = await call(who, method, path(), body(who));
      const answer = await res.text();
      const want = expected[who];
      const cell = `${who}: ${res.status} ${answer.slice(0, 200)}`;
      if (typeof want === 'number') expect(cell).toMatch(new RegExp(`^${who}: ${want} `));
      else {
        expect(cell).toMatch(new RegExp(`^${who}: ${want[0]} `));
        expect(JSON.parse(answer).error.code).toBe(want[1]);
      }
    }
  });

  it('shows a member attached to some services only those services', async () => {
    const items = async (who: Who) =>
      (await json(await call(who, 'GET', `/structures/${structureId}/services`))).items.map(
        (s: { code: string }) => s.code,
      );
    expect(await items('member')).toEqual(['SVC-A']);
    expect(await items('secondary')).toEqual(expect.arrayContaining(['SVC-A', 'SVC-B']));
  });

  it('lists each caller’s own structures, and refuses anonymous callers', async () => {
    const names = async (who: Who) =>
      (await json(await call(who, 'GET', '/structures'))).items.map((s: { name: string; role: string }) => [
        s.name,
        s.role,
      ]);
    expect(await names('principal')).toEqual([['ACME', 'PRINCIPAL']]);
    expect(await names('member')).toEqual([['ACME', 'UTILISATEUR']]);
    expect(await names('outsider')).toEqual([['Other Co', 'PRINCIPAL']]);
    expect((await call('anonymous', 'GET', '/structures')).status).toBe(401);
  });

  it('creates public structures verified by operators: a user’s waits for one, and they are its main manager', async () => {
    const body = { identifierType: 'HORS_UE', identifier: 'CH-123', name: 'Etat de Genève', public: true };
    const declared = await call('principal', 'POST', '/structures', body);
    expect(declared.status).toBe(201);
    const mine = await json(declared);
    expect(mine).toMatchObject({ public: true, identityVerified: false });
    const members = await json(await call('principal', 'GET', `/structures/${mine.id}/members`));
    expect(members.items).toMatchObject([{ userId: 'principal', role: 'PRINCIPAL' }]);
    const bySupport = await call('operator', 'POST', '/structures', { ...body, identifier: 'CH-456' });
    expect(bySupport.status).toBe(201);
    expect(await json(bySupport)).toMatchObject({ public: true, identityVerified: true });
    expect((await call('anonymous', 'POST', '/structures', body)).status).toBe(401);
  });

  it('lets only managers decide an attachment request; operators once it is escalated', async () => {
    const requester = await seedUser(p.db, 'asker');
    const ask = await fetch(`${p.url}/api/v1/structures/${structureId}/attachment-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${requester}`, 'content-type': 'application/json' },
      body: JSON.stringify({ services: ['SVC-B'] }),
    });
    expect(ask.status).toBe(202);
    const decision = `/structures/${structureId}/attachment-requests/asker/decision`;
    const approve = { approve: true, role: 'UTILISATEUR' };
    const refusals: [Who, number, string][] = [
      ['anonymous', 401, 'UNAUTHENTICATED'],
      ['outsider', 403, 'NOT_A_MEMBER'],
      ['member', 403, 'MANAGER_REQUIRED'],
      ['operator', 403, 'ATTACHMENT_NOT_ESCALATED'],
    ];
    for (const [who, statusCode, code] of refusals) {
      const res = await call(who, 'POST', decision, approve);
      expect([who, res.status, (await json(res)).error.code]).toEqual([who, statusCode, code]);
    }
    const withdrawal = await call(
      'principal',
      'POST',
      `/structures/${structureId}/attachment-requests/asker/withdrawal`,
    );
    expect((await json(withdrawal)).error.code).toBe('NOT_THE_REQUESTER');

    const listed = await json(await call('secondary', 'GET', '/attachment-requests'));
    expect(listed.items.map((r: { userId: string }) => r.userId)).toContain('asker');
    expect((await json(await call('outsider', 'GET', '/attachment-requests'))).items).toEqual([]);

    const ok = await call('principal', 'POST', decision, approve);
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ status: 'APPROUVEE', role: 'UTILISATEUR', services: ['SVC-B'] });
    const again = await call('secondary', 'POST', decision, approve);
    expect([again.status, (await json(again)).error.code]).toEqual([404, 'ATTACHMENT_REQUEST_NOT_FOUND']);
  });

  it('refuses bad input with a stable code and the offending field, writing nothing', async () => {
    const bad: [string, unknown, number, string, string][] = [
      [
        '/structures',
        { identifierType: 'SIRET', identifier: '73282932000075' },
        422,
        'SIRET_INVALID',
        'body.identifier',
      ],
      [
        '/structures',
        { identifierType: 'SIRET', identifier: '35600000000048' },
        422,
        'SIRET_UNKNOWN',
        'body.identifier',
      ],
      [
        '/structures',
        { identifierType: 'SIRET', identifier: '73282932000074' },
        409,
        'IDENTIFIER_HELD',
        'body.identifier',
      ],
      [
        `/structures/${structureId}/bank-accounts`,
        { iban: 'FR7630006000011234567890188', bic: 'BNPAFRPP' },
        422,
        'IBAN_INVALID',
        'body.iban',
      ],
      [
        `/structures/${structureId}/bank-accounts`,
        { iban: 'FR7630006000011234567890189', bic: 'BNP' },
        400,
        'INVALID_INPUT',
        'body.bic',
      ],
      [
        `/structures/${structureId}/bank-accounts`,
        { iban: 'FR7630006000011234567890189', bic: 'BNPA12PP' },
        422,
        'BIC_INVALID',
        'body.bic',
      ],
    ];
    const structuresBefore = await p.db('structures').count({ n: '*' });
    for (const [path, body, statusCode, code, field] of bad) {
      const res = await call('principal', 'POST', path, body);
      const { error } = await json(res);
      expect([res.status, error.code]).toEqual([statusCode, code]);
      expect(JSON.stringify(error.details)).toContain(field);
      // IBANs are never echoed in clear.
      expect(error.message).not.toContain('30006000011234567890188');
    }
    const patch = await call('principal', 'PATCH', `/structures/${structureId}`, {
      vatNumber: 'FR45732829320',
    });
    expect((await json(patch)).error).toMatchObject({
      code: 'VAT_NUMBER_INVALID',
      details: { field: 'body.vatNumber' },
    });
    expect(await p.db('structures').count({ n: '*' })).toEqual(structuresBefore);
    expect(await p.db('structures').where({ id: structureId }).first('vat_number')).toEqual({
      vat_number: null,
    });
  });

  it('documents every structures and attachment endpoint in the OpenAPI document', async () => {
    const { paths } = await json(await fetch(`${p.url}/api/openapi.json`));
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/structures',
        '/api/v1/structures/{structureId}',
        '/api/v1/structures/{structureId}/bank-accounts',
        '/api/v1/structures/{structureId}/services',
        '/api/v1/structures/{structureId}/members',
        '/api/v1/structures/{structureId}/principal',
        '/api/v1/structures/{structureId}/attachment-requests',
        '/api/v1/attachment-requests',
        '/api/v1/structures/{structureId}/attachment-requests/{userId}/decision',
        '/api/v1/structures/{structureId}/attachment-requests/{userId}/withdrawal',
      ]),
    );
  });
});
