import crypto from 'node:crypto';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { createCipher } from '../../connectors/credentials';
import { createRegistry } from '../../connectors/registry';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { allowHosts } from '../../platform/public-host';
import { startEvoliz } from '../connectors/simulators/evoliz';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { frenchIban } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { waitForInvoice } from '../deposits/support/wait';
import { registerRecipient, registerSupplier } from '../deposits/support/flows';
import { ORDINARY_UBL } from './hostile';

/** Every string of every text column of every table, with where it was read. */
async function textColumns(db: Db): Promise<{ where: string; text: string }[]> {
  const tables: string[] =
    db.client.config.client === 'pg'
      ? await db('information_schema.tables').whereRaw('table_schema = current_schema()').pluck('table_name')
      : await db('sqlite_master').where({ type: 'table' }).pluck('name');
  const found: { where: string; text: string }[] = [];
  for (const table of tables) {
    for (const row of await db(table).select('*'))
      for (const [column, value] of Object.entries(row as Record<string, unknown>)) {
        if (typeof value === 'string') found.push({ where: `${table}.${column}`, text: value });
        else if (Buffer.isBuffer(value))
          found.push({ where: `${table}.${column}`, text: value.toString('utf8') });
      }
  }
  return found;
}

/** A workflow history as text, every payload decoded (JSON payloads are UTF-8 bytes). */
function historyText(history: unknown): string {
  return JSON.stringify(history, (_key, value: unknown) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value,
  );
}

/**
 * After a full journey (account created, activated and signed in; technical account with its
 * password; an API application's OAuth client secret; an ERP connection with its credentials; a bank
 * account; a deposit), no secret is found in clear in the API's log output, in any text column of the
 * database, or in any workflow history. IBANs are stored in clear by design (platform/secrets.ts seals
 * nothing but connector credentials; bank details are shown to the structure's managers): one is
 * allowed in structure_bank_accounts.iban only, never in logs or histories.
 */
describeWithCorpus('secrets after a full journey', () => {
  let p: TestPlatform;
  let erp: Awaited<ReturnType<typeof startEvoliz>>;
  const logs: string[] = [];
  const secrets: Record<string, string> = {
    password: 'Un mot de passe personnel 2026',
    technicalPassword: 'Mot de passe technique ERP 77',
    erpSecretKey: `sk-erp-${crypto.randomBytes(12).toString('hex')}`,
  };
  const iban = frenchIban('30006000011234567890189');

  beforeAll(async () => {
    erp = await startEvoliz({ publicKey: 'pk-erp-0001', secretKey: secrets.erpSecretKey });
    allowHosts(['127.0.0.1', 'localhost']);
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    p = await startTestPlatform({
      app: {
        logger: createLogger('debug', sink),
        connectors: {
          registry: createRegistry(),
          cipher: createCipher(crypto.randomBytes(32)),
          syncIntervalMinutes: 60,
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    allowHosts([]);
    await p?.stop();
    await erp?.stop();
  });

  const call = async (path: string, token: string | undefined, method = 'GET', body?: unknown) => {
    const res = await fetch(`${p.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: res.status === 204 ? undefined : await json(res) };
  };

  async function journey(): Promise<void> {
    const email = 'claire.martin@example.fr';
    expect(
      (
        await call('/api/v1/accounts', undefined, 'POST', {
          email,
          firstName: 'Claire',
          lastName: 'Martin',
          acceptTerms: true,
        })
      ).status,
    ).toBe(201);
    // The activation email is sent by the account's workflow, a moment after the answer.
    let [mail] = await p.outbox!.list();
    while (!mail) {
      await new Promise((r) => setTimeout(r, 200));
      [mail] = await p.outbox!.list();
    }
    const link = new URL((await p.outbox!.message(mail.id))!.links.find((l) => l.includes('token='))!);
    secrets.activationToken = link.searchParams.get('token')!;
    const activation = { email, token: secrets.activationToken, password: secrets.password };
    expect((await call('/api/v1/accounts/activate', undefined, 'POST', activation)).status).toBe(200);
    const session = await call('/api/v1/sessions', undefined, 'POST', { email, password: secrets.password });
    expect(session.status).toBe(201);
    const token: string = session.body.token;
    secrets.sessionToken = token;

    const userId: string = (await p.db('users').where({ email }).first()).id;
    await registerSupplier(p.db, userId);
    await registerRecipient(p.db);
    const structure = '/api/v1/structures/st-flow-supplier';
    const technical = await call(`${structure}/technical-account`, token, 'PUT', {
      password: secrets.technicalPassword,
    });
    expect(technical.status).toBe(200);
    const application = await call(`${structure}/api-applications`, token, 'POST', { name: 'ERP' });
    expect(application.status).toBe(201);
    secrets.clientSecret = application.body.clientSecret;
    const oauth = await fetch(`${p.url}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: application.body.clientId,
        client_secret: secrets.clientSecret,
        scope: 'openid',
      }),
    });
    expect(oauth.status).toBe(200);
    secrets.accessToken = (await json(oauth)).access_token;
    const connection = await call(`${structure}/connections`, token, 'POST', {
      connectorId: 'evoliz',
      label: 'Evoliz',
      config: { baseUrl: erp.url },
      credentials: { public_key: 'pk-erp-0001', secret_key: secrets.erpSecretKey },
    });
    expect(connection.status).toBe(201);
    expect((await call(`${structure}/bank-accounts`, token, 'POST', { iban, bic: 'BNPAFRPP' })).status).toBe(
      201,
    );

    const invoice = fs.readFileSync(corpusPath(ORDINARY_UBL));
    const res = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: invoice,
    });
    expect(res.status).toBe(202);
    await waitForInvoice(p.url, token, (await json(res)).id, ['MISE_A_DISPOSITION'], 120_000);
  }

  it('finds no secret in clear in the logs, the database or the workflow histories', async () => {
    await journey();
    const places: { where: string; text: string }[] = [
      ...logs.map((text, i) => ({ where: `log line ${i + 1}`, text })),
      ...(await textColumns(p.db)),
    ];
    const workflows: string[] = [];
    for await (const wf of p.env.client.workflow.list()) workflows.push(wf.workflowId);
    expect(workflows).toEqual(expect.arrayContaining([expect.stringMatching(/^account\//)]));
    for (const id of workflows) {
      const history = await p.env.client.workflow.getHandle(id).fetchHistory();
      places.push({ where: `workflow ${id}`, text: historyText(history) });
    }
    // Logged requests are there: the scan reads real output.
    expect(logs.join('')).toContain('/api/v1/sessions');

    const leaks = Object.entries(secrets).flatMap(([name, secret]) =>
      places
        .filter((p) => p.text.includes(secret) || p.text.includes(Buffer.from(secret).toString('base64')))
        .map((p) => `${name} in ${p.where}`),
    );
    expect(leaks).toEqual([]);
    expect(places.filter((p) => p.text.includes(iban)).map((p) => p.where)).toEqual([
      'structure_bank_accounts.iban',
    ]);
  }, 300_000);
});
