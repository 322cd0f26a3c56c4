import { startSmtpServer, TestSmtp } from '../support/mail';
import { json, startTestPlatform, TestPlatform } from '../support/platform';

/**
 * A company's first user registers and creates its structure; a colleague registers, asks to be
 * attached, the manager approves from the email's prompt, and the colleague then acts for the structure.
 */
describe('journey: register, create a structure, get a colleague attached', () => {
  let smtp: TestSmtp;
  let p: TestPlatform;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    p = await startTestPlatform({ mail: smtp.config });
    await p.db('company_registry').insert({
      siret: '73282932000074',
      name: 'ACME',
      street: '1 rue de la Paix',
      postal_code: '75002',
      city: 'Paris',
      updated_at: new Date().toISOString(),
    });
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
    await smtp?.stop();
  });

  const password = 'correct horse battery staple';
  const api = (path: string, token?: string, method = 'GET', body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Registers, activates from the emailed link, and signs in: the bearer token and user id. */
  async function newUser(email: string, firstName: string) {
    expect(
      (await api('/accounts', undefined, 'POST', { email, firstName, lastName: 'Martin', acceptTerms: true }))
        .status,
    ).toBe(201);
    const link = /https?:\/\/\S+token=[\w-]+/.exec((await smtp.next(email)).text ?? '')![0];
    const token = new URL(link).searchParams.get('token');
    expect((await api('/accounts/activate', undefined, 'POST', { email, token, password })).status).toBe(200);
    const session = await json(await api('/sessions', undefined, 'POST', { email, password }));
    return { token: session.token as string, userId: session.account.id as string };
  }

  it('goes from registration to acting for the structure', async () => {
    const manager = await newUser('alice@acme.example', 'Alice');
    const created = await api('/structures', manager.token, 'POST', {
      identifierType: 'SIRET',
      identifier: '73282932000074',
      vatNumber: 'FR44732829320',
    });
    expect(created.status).toBe(201);
    const structure = await json(created);
    expect(structure).toMatchObject({ name: 'ACME', address: { city: 'Paris' }, public: false });
    expect(
      (
        await api(`/structures/${structure.id}/services`, manager.token, 'POST', {
          code: 'ACHATS',
          name: 'Achats',
        })
      ).status,
    ).toBe(201);

    const colleague = await newUser('bob@acme.example', 'Bob');
    expect((await api(`/structures/${structure.id}`, colleague.token)).status).toBe(403);
    const asked = await api(`/structures/${structure.id}/attachment-requests`, colleague.token, 'POST', {
      services: ['ACHATS'],
    });
    expect(asked.status).toBe(202);
    const prompt = await smtp.next('alice@acme.example', 1);
    expect(prompt.subject).toBe('demande de rattachement à ACME');
    expect(prompt.text).toContain('bob@acme.example');

    const pending = await json(await api('/attachment-requests', manager.token));
    expect(pending.items).toEqual([
      expect.objectContaining({ userId: colleague.userId, status: 'EN_ATTENTE', services: ['ACHATS'] }),
    ]);
    const approved = await api(
      `/structures/${structure.id}/attachment-requests/${colleague.userId}/decision`,
      manager.token,
      'POST',
      { approve: true, role: 'UTILISATEUR' },
    );
    expect(await json(approved)).toMatchObject({ status: 'APPROUVEE', services: ['ACHATS'] });
    expect((await smtp.next('bob@acme.example', 1)).subject).toBe('Demande de rattachement à ACME approuvée');

    const read = await api(`/structures/${structure.id}`, colleague.token);
    expect(read.status).toBe(200);
    expect((await json(read)).name).toBe('ACME');
    const services = await json(await api(`/structures/${structure.id}/services`, colleague.token));
    expect(services.items.map((s: { code: string }) => s.code)).toEqual(['ACHATS']);
    expect((await api(`/structures/${structure.id}/members`, colleague.token)).status).toBe(403);
  });
});
