import { seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { siren, siret } from '../invoicing/french-numbers';

/** A commune's SIRET (SIREN 21 + department 69 + commune code, Luhn key computed). */
const COMMUNE = siret(siren('21690299'), '0001');
const OTHER_COMMUNE = siret(siren('21690300'), '0001');

/**
 * Buyer onboarding and roles: a public structure declared by its first user (its main manager, waiting
 * for an operator), its services created with it, membership approved with any role, members promoted
 * and demoted, and the main-manager role handed over, never left empty.
 */
describe('structures API: public buyer onboarding and member roles', () => {
  let p: TestPlatform;
  const tokens: Record<string, string> = {};
  let communeId: string;

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        authorization: `Bearer ${tokens[who]}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const members = async () =>
    (await json(await call('maire', 'GET', `/structures/${communeId}/members`))).items
      .map((m: { userId: string; role: string }) => `${m.userId}:${m.role}`)
      .sort();
  const refusal = async (res: Response) => {
    const body = await json(res);
    return [res.status, body.error?.code, body.error?.details?.field];
  };

  beforeAll(async () => {
    p = await startTestPlatform();
    for (const who of ['maire', 'adjoint', 'agent', 'comptable', 'outsider'])
      tokens[who] = await seedUser(p.db, who);
    tokens.operator = await seedUser(p.db, 'operator', { operator: true });
    // The registry knows the commune: for a public structure declared by a user, that is not enough.
    await p.db('company_registry').insert({
      siret: COMMUNE,
      name: 'COMMUNE DE SAINT-FONS',
      city: 'Saint-Fons',
      updated_at: new Date().toISOString(),
    });
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('creates a public structure declared by a user, with its services, waiting for an operator', async () => {
    const res = await call('maire', 'POST', '/structures', {
      identifierType: 'SIRET',
      identifier: COMMUNE,
      public: true,
      parameters: { codeServiceDoitEtreRenseigne: true, numeroEJDoitEtreRenseigne: true },
      services: [
        { code: 'ECOLES', name: 'Direction des écoles' },
        { code: 'VOIRIE', name: 'Voirie', engagementRequired: true },
      ],
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    communeId = created.id;
    expect(created).toMatchObject({
      name: 'COMMUNE DE SAINT-FONS',
      public: true,
      identityVerified: false,
      parameters: { codeServiceDoitEtreRenseigne: true, numeroEJDoitEtreRenseigne: true },
    });
    expect(await members()).toEqual(['maire:PRINCIPAL']);
    const services = (await json(await call('maire', 'GET', `/structures/${communeId}/services`))).items;
    expect(
      services.map((s: { code: string; engagementRequired: boolean }) => [s.code, s.engagementRequired]),
    ).toEqual([
      ['ECOLES', false],
      ['VOIRIE', true],
    ]);
    // Unverified public structures stay out of the directory until an operator verifies them.
    const directory = () => call('outsider', 'GET', `/structure-directory?identifier=${COMMUNE}`).then(json);
    expect((await directory()).items).toEqual([]);
    const byMaire = await call('maire', 'POST', `/structures/${communeId}/identity-verification`);
    expect((await json(byMaire)).error).toMatchObject({
      code: 'IDENTITY_NOT_CONFIRMED',
      message: 'L’identité d’une structure publique est vérifiée par un opérateur du support.',
    });
    const byOperator = await call('operator', 'POST', `/structures/${communeId}/identity-verification`);
    expect((await json(byOperator)).identityVerified).toBe(true);
    expect((await directory()).items.map((s: { id: string }) => s.id)).toEqual([communeId]);
  });

  it('refuses a bad service with its row and French message, writing nothing', async () => {
    const attempt = (services: unknown[]) =>
      fetch(`${p.url}/api/v1/structures`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.outsider}`,
        },
        body: JSON.stringify({
          identifierType: 'SIRET',
          identifier: OTHER_COMMUNE,
          name: 'Commune de Pierre-Bénite',
          public: true,
          services,
        }),
      });
    const duplicate = await attempt([
      { code: 'ECOLES', name: 'Écoles' },
      { code: 'ECOLES', name: 'Écoles bis' },
    ]);
    const duplicateBody = await json(duplicate);
    expect([duplicate.status, duplicateBody.error.code, duplicateBody.error.details.field]).toEqual([
      422,
      'SERVICE_CODE_DUPLICATE',
      'body.services.1.code',
    ]);
    expect(await refusal(await attempt([{ code: 'ECOLES', name: '   ' }]))).toEqual([
      400,
      'INVALID_INPUT',
      undefined,
    ]);
    const noName = await json(await attempt([{ code: 'ECOLES' }]));
    expect(noName.error.details.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.services.0.name',
    ]);
    expect(
      await refusal(
        await attempt([{ code: 'X', name: 'X', validFrom: '2026-05-01', validTo: '2026-01-01' }]),
      ),
    ).toEqual([422, 'SERVICE_DATES_INVALID', 'body.services.0.validTo']);
    expect(
      Number((await p.db('structures').where({ identifier: OTHER_COMMUNE }).count({ n: '*' }))[0].n),
    ).toBe(0);
  });

  it('keeps the public-invoices service to public structures', async () => {
    const res = await call('outsider', 'POST', '/structures', {
      identifierType: 'PARTICULIER',
      identifier: 'P-123',
      name: 'Jean Dupont',
      services: [{ code: 'FACTURES_PUBLIQUES', name: 'Factures publiques' }],
    });
    expect(await refusal(res)).toEqual([422, 'SERVICE_CODE_RESERVED', 'body.services.0.code']);
  });

  /** The user asks to be attached to the commune; answers the decision path. */
  const ask = async (who: string) => {
    const res = await call(who, 'POST', `/structures/${communeId}/attachment-requests`, {});
    expect(res.status).toBe(202);
    return `/structures/${communeId}/attachment-requests/${who}/decision`;
  };

  it('approves a membership as secondary manager, appointed by the main manager only', async () => {
    const decision = await ask('adjoint');
    expect(await members()).toEqual(['maire:PRINCIPAL']);
    const ok = await call('maire', 'POST', decision, { approve: true, role: 'SECONDAIRE' });
    expect(await json(ok)).toMatchObject({ status: 'APPROUVEE', role: 'SECONDAIRE' });
    expect(await members()).toEqual(['adjoint:SECONDAIRE', 'maire:PRINCIPAL']);

    // A secondary manager approves users, but appoints neither managers nor a main manager.
    const agentDecision = await ask('agent');
    for (const role of ['SECONDAIRE', 'PRINCIPAL'])
      expect(await refusal(await call('adjoint', 'POST', agentDecision, { approve: true, role }))).toEqual([
        403,
        'PRINCIPAL_MANAGER_REQUIRED',
        'body.role',
      ]);
    const asUser = await call('adjoint', 'POST', agentDecision, { approve: true, role: 'UTILISATEUR' });
    expect(await json(asUser)).toMatchObject({ status: 'APPROUVEE', role: 'UTILISATEUR' });
    expect(await members()).toEqual(['adjoint:SECONDAIRE', 'agent:UTILISATEUR', 'maire:PRINCIPAL']);
  });

  it('promotes and demotes members: secondary managers are the main manager’s to change', async () => {
    const role = (who: string, target: string, body: unknown) =>
      call(who, 'PATCH', `/structures/${communeId}/members/${target}`, body);
    expect(await refusal(await role('adjoint', 'agent', { role: 'SECONDAIRE' }))).toEqual([
      403,
      'PRINCIPAL_MANAGER_REQUIRED',
      'body.role',
    ]);
    expect(await refusal(await role('agent', 'agent', { role: 'SECONDAIRE' }))).toEqual([
      403,
      'MANAGER_REQUIRED',
      undefined,
    ]);
    // Nor may a secondary manager demote another through a direct attachment.
    const direct = await call('adjoint', 'POST', `/structures/${communeId}/members`, {
      userId: 'adjoint',
      role: 'UTILISATEUR',
    });
    expect(await refusal(direct)).toEqual([403, 'PRINCIPAL_MANAGER_REQUIRED', 'body.userId']);

    const promoted = await role('maire', 'agent', { role: 'SECONDAIRE' });
    expect(await json(promoted)).toMatchObject({ userId: 'agent', role: 'SECONDAIRE' });
    expect(await members()).toEqual(['adjoint:SECONDAIRE', 'agent:SECONDAIRE', 'maire:PRINCIPAL']);
    const demoted = await role('maire', 'agent', { role: 'UTILISATEUR', services: ['ECOLES'] });
    expect(await json(demoted)).toMatchObject({ role: 'UTILISATEUR', services: ['ECOLES'] });
    // A secondary manager changes a plain user's services.
    expect((await role('adjoint', 'agent', { role: 'UTILISATEUR', services: ['VOIRIE'] })).status).toBe(200);
    expect(await refusal(await role('maire', 'agent', { role: 'UTILISATEUR', services: ['NOPE'] }))).toEqual([
      422,
      'SERVICE_UNKNOWN',
      'body.services',
    ]);
    expect(await refusal(await role('maire', 'outsider', { role: 'SECONDAIRE' }))).toEqual([
      404,
      'MEMBER_NOT_FOUND',
      'params.userId',
    ]);
    expect(await refusal(await role('maire', 'agent', { role: 'CHEF' }))).toEqual([
      400,
      'INVALID_INPUT',
      undefined,
    ]);
  });

  it('never leaves the structure without its main manager: demoting or revoking them is refused', async () => {
    const demote = await call('maire', 'PATCH', `/structures/${communeId}/members/maire`, {
      role: 'SECONDAIRE',
    });
    const body = await json(demote);
    expect([demote.status, body.error.code, body.error.details.field]).toEqual([
      409,
      'LAST_MAIN_MANAGER',
      'params.userId',
    ]);
    expect(body.error.message).toBe(
      'La structure doit garder un gestionnaire principal : transmettez d’abord ce rôle à un autre membre.',
    );
    expect(await refusal(await call('operator', 'DELETE', `/structures/${communeId}/members/maire`))).toEqual(
      [409, 'LAST_MAIN_MANAGER', 'params.userId'],
    );
    expect(await members()).toEqual(['adjoint:SECONDAIRE', 'agent:UTILISATEUR', 'maire:PRINCIPAL']);
  });

  it('hands the main-manager role over: the previous main manager stays secondary', async () => {
    expect(
      await refusal(
        await call('adjoint', 'PATCH', `/structures/${communeId}/members/adjoint`, { role: 'PRINCIPAL' }),
      ),
    ).toEqual([403, 'PRINCIPAL_MANAGER_REQUIRED', 'body.role']);
    const handed = await call('maire', 'PATCH', `/structures/${communeId}/members/adjoint`, {
      role: 'PRINCIPAL',
    });
    expect(await json(handed)).toMatchObject({ userId: 'adjoint', role: 'PRINCIPAL' });
    expect(await members()).toEqual(['adjoint:PRINCIPAL', 'agent:UTILISATEUR', 'maire:SECONDAIRE']);
    // The former main manager no longer changes managers.
    expect(
      await refusal(
        await call('maire', 'PATCH', `/structures/${communeId}/members/agent`, { role: 'SECONDAIRE' }),
      ),
    ).toEqual([403, 'PRINCIPAL_MANAGER_REQUIRED', 'body.role']);
  });

  it('hands the role over by approving a membership as main manager', async () => {
    const decision = await ask('comptable');
    const ok = await call('adjoint', 'POST', decision, { approve: true, role: 'PRINCIPAL' });
    expect(await json(ok)).toMatchObject({ status: 'APPROUVEE', role: 'PRINCIPAL' });
    expect(await members()).toEqual([
      'adjoint:SECONDAIRE',
      'agent:UTILISATEUR',
      'comptable:PRINCIPAL',
      'maire:SECONDAIRE',
    ]);
    const principals = await p.db('structure_members').where({ structure_id: communeId, role: 'PRINCIPAL' });
    expect(principals).toHaveLength(1);
    // The requester is told the role granted.
    let told: string | undefined;
    for (let attempt = 0; attempt < 50 && !told; attempt += 1) {
      const entry = (await p.outbox!.list()).find(
        (m) => m.to.includes('comptable@example.org') && m.subject.includes('approuvée'),
      );
      told = entry && (await p.outbox!.message(entry.id))?.text;
      if (!told) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(told).toContain('en tant que gestionnaire principal');
  });
});
