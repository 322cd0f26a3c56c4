import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { csrfTokenFor } from '../../api/auth';
import { pollFlowInbox } from '../../inbox/flow-inbox';
import { hashToken, newToken } from '../../platform/secrets';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { seedUser } from '../support/people';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { waitForInvoice } from '../deposits/support/wait';
import { tempDir } from '../support/stores';
import { registerRecipient, registerSupplier } from '../deposits/support/flows';
import {
  hostileArchives,
  hostileAttachments,
  hostileInvoices,
  ORDINARY_UBL,
  tarGz,
  type HostileDocument,
} from './hostile';
import { seedServiceModeClient } from './service-mode-seed';

const SYNTAX = 'IN_DP_E1_UBL_INVOICE';
const SETTLED = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'];

/**
 * The hostile corpus through every way a file enters the platform: the native API, the portal's
 * upload (the form's multipart request, signed in by cookie), flows (API, portal, Service mode, the
 * inbox folder) and Service mode attachments. Each hostile file is refused with its stable code and
 * nothing of it is filed; the windows-1252 invoice is accepted; an ordinary invoice deposited
 * alongside is delivered, and the API still answers.
 */
describeWithCorpus('hostile corpus through every channel', () => {
  let p: TestPlatform;
  let token: string;
  let portal: Record<string, string>;
  let cpro: Awaited<ReturnType<typeof seedServiceModeClient>>;
  let archives: HostileDocument[];
  let attachments: HostileDocument[];
  const ordinary = (number: string) =>
    fs
      .readFileSync(corpusPath(ORDINARY_UBL), 'utf8')
      .replace('<cbc:ID>TOSL108</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`);
  /** The hostile invoices of one channel: its legitimate windows-1252 one numbered for it. */
  const invoicesOf = (channel: string) => hostileInvoices(ordinary(`${channel}-1252`));

  beforeAll(async () => {
    // Room for the 10,050-line invoice (about 25 MB): refused for its lines, not its size.
    p = await startTestPlatform({ maxUploadBytes: 40 * 1024 * 1024 });
    token = await seedUser(p.db, 'sender');
    await registerSupplier(p.db, 'sender');
    await registerRecipient(p.db);
    // The portal's session: a cookie, and the CSRF token the portal sends on every unsafe request.
    const session = newToken();
    await p.db('sessions').insert({
      token_hash: hashToken(session),
      user_id: 'sender',
      kind: 'cookie',
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    portal = { cookie: `ff_session=${session}`, 'x-csrf-token': csrfTokenFor(session) };
    cpro = await seedServiceModeClient(p.db, 'hostile', '12345678900011');
    await p.db('structure_members').insert({
      structure_id: 'st-flow-supplier',
      user_id: 'tech-hostile',
      role: 'PRINCIPAL',
      services: '[]',
      created_at: new Date().toISOString(),
    });
    archives = await hostileArchives();
    attachments = await hostileAttachments();
  }, 300_000);
  afterAll(() => p?.stop());

  const filedNumbers = async () => (await p.db('invoices').pluck('number')).sort();

  async function stillServing(channel: string) {
    expect((await fetch(`${p.url}/health`)).status).toBe(200);
    const res = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: ordinary(`${channel}-AFTER`),
    });
    expect(res.status).toBe(202);
    const delivered = await waitForInvoice(
      p.url,
      token,
      (await json(res)).id,
      ['MISE_A_DISPOSITION'],
      120_000,
    );
    expect(delivered.status).toBe('MISE_A_DISPOSITION');
  }

  /** Each file's answer, deposited all at once with an ordinary invoice that must be delivered. */
  async function depositAll(
    channel: string,
    send: (doc: HostileDocument) => Promise<Response>,
  ): Promise<void> {
    const docs = invoicesOf(channel);
    const before = await filedNumbers();
    const ordinaryDeposit = send({ name: 'ordinary.xml', bytes: Buffer.from(ordinary(channel)), expect: '' });
    const answers = await Promise.all(
      docs.map(async (doc) => {
        const res = await send(doc);
        const body = await json(res);
        return [doc.name, res.status < 300 ? 'ACCEPTED' : body.error?.code, res.status < 500];
      }),
    );
    expect(answers).toEqual(docs.map((d) => [d.name, d.depositCode ?? d.expect, true]));
    const ordinaryId = (await json(await ordinaryDeposit)).id;
    await waitForInvoice(p.url, token, ordinaryId, ['MISE_A_DISPOSITION'], 120_000);
    // Nothing of the refused files was filed: only the ordinary and the windows-1252 invoices.
    expect(await filedNumbers()).toEqual([...before, channel, `${channel}-1252`].sort());
    await stillServing(channel);
  }

  it('native API: refuses each hostile invoice with its code, accepts windows-1252', async () => {
    await depositAll('API', (doc) =>
      fetch(`${p.url}/api/v1/invoices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: doc.bytes,
      }),
    );
  }, 300_000);

  const multipart = (doc: HostileDocument, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([doc.bytes]), doc.name);
    return form;
  };

  it('portal upload: the deposit form’s request refuses each hostile invoice, accepts windows-1252', async () => {
    const query = 'modeDepot=UPLOAD_PORTAIL&cadreFacturation=A1_FACTURE_FOURNISSEUR';
    await depositAll('PORTAL', (doc) =>
      fetch(`${p.url}/api/v1/invoices?${query}`, { method: 'POST', headers: portal, body: multipart(doc) }),
    );
  }, 300_000);

  /** Whether any of the documents was kept as a blob (content-addressed: its sha-256). */
  const keptAny = async (docs: HostileDocument[]) =>
    p
      .db('blobs')
      .whereIn(
        'sha256',
        docs.map((d) => crypto.createHash('sha256').update(d.bytes).digest('hex')),
      )
      .pluck('sha256');

  it('portal and API attachments: refuses web pages and PDFs running JavaScript, storing nothing', async () => {
    for (const doc of attachments) {
      for (const headers of [portal, { authorization: `Bearer ${token}` }]) {
        const res = await fetch(`${p.url}/api/v1/files`, { method: 'POST', headers, body: multipart(doc) });
        expect([doc.name, res.status, (await json(res)).error?.code]).toEqual([doc.name, 415, doc.expect]);
      }
    }
    expect(await keptAny(attachments)).toEqual([]);
    await stillServing('FILES');
  }, 120_000);

  /** The hostile invoices of `channel` in one tar.gz flow, with an ordinary invoice. */
  const hostileFlow = (channel: string) =>
    tarGz(
      [
        ...invoicesOf(channel),
        { name: 'ordinary.xml', bytes: Buffer.from(ordinary(channel)), expect: '' },
      ].map((d) => ({ name: `factures/${d.name}`, size: d.bytes.length, data: d.bytes })),
    );

  async function settledFlow(numero: string) {
    for (;;) {
      const row = await p.db('flows').where({ numero }).first();
      if (SETTLED.includes(row.status))
        return {
          status: row.status as string,
          errors: JSON.parse(row.report).listeErreurDP as Record<string, string>[],
        };
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** What became of a flow of hostile invoices, and of each archive bomb, deposited by `send`. */
  async function flowsThrough(channel: string, send: (doc: HostileDocument) => Promise<string>) {
    const numero = await send({ name: 'lot.tar.gz', bytes: await hostileFlow(channel), expect: '' });
    const bombs: string[] = [];
    for (const bomb of archives) bombs.push(await send(bomb));
    const flow = await settledFlow(numero);
    expect(flow.status).toBe('IN_INTEGRE_PARTIEL');
    const refused = invoicesOf(channel).filter((d) => d.expect !== 'ACCEPTED');
    expect(
      refused.map((d) => [
        d.name,
        flow.errors.find((e) => e.fichier === `factures/${d.name}`)?.libelleErreurDP,
      ]),
    ).toEqual(
      refused.map((d) => [
        d.name,
        expect.stringMatching(new RegExp(`^(${d.expect}|${d.depositCode ?? d.expect})\\b`)),
      ]),
    );
    expect(flow.errors).toHaveLength(refused.length);
    expect(await filedNumbers()).toEqual(expect.arrayContaining([channel, `${channel}-1252`]));
    for (const [i, numeroBomb] of bombs.entries()) {
      const bomb = await settledFlow(numeroBomb);
      expect([archives[i].name, bomb.status, bomb.errors[0]?.libelleErreurDP]).toEqual([
        archives[i].name,
        'IN_REJETE',
        expect.stringContaining(archives[i].expect),
      ]);
    }
    await stillServing(channel);
  }

  it('flows through the API: hostile invoices refused one by one, archive bombs rejected', async () => {
    await flowsThrough('FLOW-API', async (doc) => {
      const res = await fetch(`${p.url}/api/v1/flows?syntaxeFlux=${SYNTAX}&nomFichier=${doc.name}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': doc.name.endsWith('.zip') ? 'application/zip' : 'application/gzip',
        },
        body: doc.bytes,
      });
      // 200: the same bytes deposited before answer the flow they made (the bombs of an earlier channel).
      expect([200, 202]).toContain(res.status);
      return (await json(res)).numeroFluxDepot;
    });
  }, 600_000);

  it('flows through the portal’s flow form', async () => {
    await flowsThrough('FLOW-PORTAL', async (doc) => {
      const res = await fetch(`${p.url}/api/v1/flows`, {
        method: 'POST',
        headers: portal,
        body: multipart(doc, { syntaxeFlux: SYNTAX }),
      });
      // 200: the same bytes deposited before answer the flow they made (the bombs of an earlier channel).
      expect([200, 202]).toContain(res.status);
      return (await json(res)).numeroFluxDepot;
    });
  }, 600_000);

  const service = (operation: string, body: unknown) =>
    fetch(`${p.url}/cpro/${operation}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${cpro.token}`,
        'cpro-account': cpro.account,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  it('Service mode deposer/flux', async () => {
    await flowsThrough('FLOW-CPRO', async (doc) => {
      const res = await service('factures/v1/deposer/flux', {
        fichierFlux: doc.bytes.toString('base64'),
        syntaxeFlux: SYNTAX,
        nomFichier: doc.name,
      });
      const body = await json(res);
      expect([res.status, body.codeRetour]).toEqual([200, 0]);
      return body.numeroFluxDepot;
    });
  }, 600_000);

  it('Service mode attachments for soumettre: refused by content, nothing kept to cite', async () => {
    for (const doc of attachments) {
      const res = await service('transverses/v1/ajouter/fichier', {
        pieceJointeFichier: doc.bytes.toString('base64'),
        pieceJointeNom: doc.name,
      });
      const body = await json(res);
      expect([doc.name, res.status, body.codeRetour, body.erreur?.code]).toEqual([
        doc.name,
        400,
        20004,
        doc.expect,
      ]);
    }
    expect(await keptAny(attachments)).toEqual([]);
    await stillServing('CPRO-FILES');
  }, 120_000);

  it('the inbox folder', async () => {
    const inbox = tempDir('hostile-inbox');
    fs.mkdirSync(path.join(inbox, SYNTAX));
    const deps = { db: p.db, blobs: p.blobs, client: p.env.client, taskQueue: 'api-test' };
    await flowsThrough('FLOW-INBOX', async (doc) => {
      fs.writeFileSync(path.join(inbox, SYNTAX, doc.name), doc.bytes);
      const { processed } = await pollFlowInbox(deps, inbox, Date.now() + 5000);
      expect(processed).toHaveLength(1);
      return processed[0];
    });
    expect(fs.readdirSync(path.join(inbox, SYNTAX))).toEqual([]);
  }, 600_000);
});
