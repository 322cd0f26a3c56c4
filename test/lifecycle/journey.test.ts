import crypto from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { readPdfText } from '../../invoicing/drafts/pdf-text';
import { invoiceLifecycle, invoiceState } from '../../workflows/invoice';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';
import { seedUser } from '../support/people';
import { startSmtpServer, TestSmtp } from '../support/mail';
import { registerStructure } from '../support/parties';
import { BUYER_SIRET, seedParties } from '../deposits/support/structures';
import { completedDraft } from '../deposits/support/completed-draft';

const SUPPLIER = 'supplier-user';
const BUYER = 'buyer-user';
const mail = (user: string) => `${user}@example.org`;

/**
 * Issue 5's done-when, through HTTP only: invoices entered in the form reach the public buyer, who
 * processes them; the supplier answers suspensions, recycles and rejections; every step is checked
 * against the workflow's own view, and emails travel over real SMTP.
 */
describe('invoice lifecycle journey through the API', () => {
  let p: TestPlatform;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpServer();
    p = await startTestPlatform({ mail: smtp.config });
    for (const user of [SUPPLIER, BUYER, 'outsider']) tokens[user] = await seedUser(p.db, user);
    await seedParties(p.db, SUPPLIER);
    // The public buyer: members, services, and a service code every invoice must carry.
    await p.db('structures').where({ id: 'st-buyer' }).update({
      service_code_required: true,
      payment_category: 'COLLECTIVITE',
    });
    for (const code of ['SERV-A', 'SERV-B'])
      await p.db('structure_services').insert({
        structure_id: 'st-buyer',
        code,
        name: code,
        active: true,
        engagement_required: false,
      });
    await p.db('structure_members').insert({
      structure_id: 'st-buyer',
      user_id: BUYER,
      role: 'PRINCIPAL',
      services: '[]',
      created_at: new Date().toISOString(),
    });
    // The outsider belongs to a structure of its own, a party to none of these invoices.
    await registerStructure(p.db, { identifier: '35600000000048', members: [{ userId: 'outsider' }] });
  }, 120_000);
  afterAll(async () => {
    await p?.stop();
    await smtp?.stop();
  });

  const call = (user: string, method: string, path: string, body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const invoice = async (id: string, user = BUYER) => json(await call(user, 'GET', `/invoices/${id}`));
  const act = (user: string, id: string, action: string, body: unknown = {}) =>
    call(user, 'POST', `/invoices/${id}/${action}`, body);

  /** Form entry → draft → validate → send, as the supplier; answers the invoice id. */
  const enterAndSend = async (number: string) => {
    const draft = await json(
      await call(SUPPLIER, 'POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }),
    );
    const saved = await call(SUPPLIER, 'PUT', `/drafts/${draft.id}`, {
      invoice: completedDraft(draft.invoice, number, 'SERV-A'),
      modeDepot: 'SAISIE_PORTAIL',
    });
    expect(saved.status).toBe(200);
    expect(await json(await call(SUPPLIER, 'POST', `/drafts/${draft.id}/validate`))).toMatchObject({
      valid: true,
    });
    const sent = await call(SUPPLIER, 'POST', `/drafts/${draft.id}/send`);
    expect(sent.status).toBe(202);
    return (await json(sent)).invoiceId as string;
  };

  /** The invoice has this status and reform code, and the read model's history is the workflow's. */
  const expectAt = async (id: string, status: string, reformCode: number) => {
    const shown = await invoice(id);
    expect(shown).toMatchObject({ status, reformCode });
    expect(shown.history.at(-1)).toMatchObject({ status, reformCode });
    const own = await p.env.client.workflow.getHandle<typeof invoiceLifecycle>(id).query(invoiceState);
    expect(own.status).toBe(status);
    // The read model adds the checks' findings to platform rows; the workflow keeps them apart.
    expect(shown.history.map(({ reasons: _, ...h }: { reasons?: unknown }) => h)).toEqual(own.history);
    return shown;
  };

  /** Refused with this HTTP status and code, and nothing changed. */
  const expectRefused = async (res: Promise<Response>, id: string, status: number, code: string) => {
    const before = (await invoice(id)).history.length;
    const answer = await res;
    expect({ status: answer.status, code: (await json(answer)).error?.code }).toEqual({ status, code });
    expect((await invoice(id)).history).toHaveLength(before);
  };

  /** The `nth` email to `user` whose subject contains `subject`, once it has arrived. */
  const emailTo = async (user: string, subject: string, nth = 1): Promise<ParsedMail> => {
    for (;;) {
      const all = smtp.received(mail(user));
      const found = all.filter((m) => m.subject?.includes(subject));
      if (found.length >= nth) return found[nth - 1];
      await smtp.next(mail(user), all.length);
    }
  };

  it('delivers four invoices entered in the form to the buyer, who subscribed to emails', async () => {
    for (const [user, structure] of [
      [BUYER, 'st-buyer'],
      [SUPPLIER, 'st-supplier'],
    ])
      expect((await call(user, 'PUT', `/structures/${structure}/invoice-subscription`)).status).toBe(200);
    for (const n of ['J-001', 'J-002', 'J-003', 'J-004']) ids[n] = await enterAndSend(n);
    for (const id of Object.values(ids)) {
      await waitForStatus(p.url, id, ['MISE_A_DISPOSITION', 'REJETEE'], 60_000, tokens[SUPPLIER]);
      const shown = await expectAt(id, 'MISE_A_DISPOSITION', 203);
      expect(shown.history.map((h: { status: string }) => h.status)).toEqual([
        'DEPOSEE',
        'EN_COURS_ACHEMINEMENT',
        'MISE_A_DISPOSITION',
      ]);
      // 30 days from the deposit for a local authority.
      const due = new Date(Date.parse(shown.depositedAt.slice(0, 10)) + 30 * 86_400_000);
      expect(shown.payment).toMatchObject({ dueDate: due.toISOString().slice(0, 10), late: false });
    }
    for (const n of Object.keys(ids))
      expect((await emailTo(BUYER, `Nouvelle facture ${n} `)).text).toContain(ids[n]);
  }, 120_000);

  it('takes J-001 through SERVICE_FAIT and MANDATEE to MISE_EN_PAIEMENT, refusing what the table forbids', async () => {
    const id = ids['J-001'];
    // Someone else's invoice answers as a missing one.
    await expectRefused(
      act('outsider', id, 'status', { status: 'SERVICE_FAIT' }),
      id,
      404,
      'INVOICE_NOT_FOUND',
    );
    await expectRefused(act(SUPPLIER, id, 'status', { status: 'SERVICE_FAIT' }), id, 403, 'NOT_A_MEMBER');
    await expectRefused(act(BUYER, id, 'status', { status: 'COMPLETEE' }), id, 409, 'TRANSITION_NOT_ALLOWED');
    await expectRefused(
      act(SUPPLIER, id, 'completion', { attachments: [] }),
      id,
      409,
      'TRANSITION_NOT_ALLOWED',
    );

    expect((await act(BUYER, id, 'status', { status: 'SERVICE_FAIT' })).status).toBe(200);
    await expectAt(id, 'SERVICE_FAIT', 204);
    await expectRefused(act(BUYER, id, 'status', { status: 'MANDATEE' }), id, 400, 'MANDATE_NUMBER_REQUIRED');
    await act(BUYER, id, 'status', { status: 'MANDATEE', mandateNumber: 'M-2026-118' });
    expect(await expectAt(id, 'MANDATEE', 205)).toMatchObject({ mandateNumber: 'M-2026-118' });
    await expectRefused(
      act(BUYER, id, 'status', { status: 'SERVICE_FAIT' }),
      id,
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    await act(BUYER, id, 'status', { status: 'MISE_EN_PAIEMENT' });
    const paid = await expectAt(id, 'MISE_EN_PAIEMENT', 211);
    expect(paid.payment.paidAt).toBeDefined();
    expect(paid.allowedActions).toEqual([]);
    // Nothing follows a final status, whether or not its workflow has ended yet.
    await expectRefused(
      act(BUYER, id, 'status', { status: 'SUSPENDUE', reason: 'trop tard' }),
      id,
      409,
      'INVOICE_CLOSED',
    );
    await p.env.client.workflow.getHandle(id).result();
    await expectRefused(
      act(BUYER, id, 'status', { status: 'REJETEE', reason: 'trop tard' }),
      id,
      409,
      'INVOICE_CLOSED',
    );
  }, 60_000);

  it('suspends J-002 with a reason; the supplier completes it with a comment and a file; it is back with the buyer', async () => {
    const id = ids['J-002'];
    await expectRefused(act(BUYER, id, 'status', { status: 'SUSPENDUE' }), id, 400, 'REASON_REQUIRED');
    await act(BUYER, id, 'status', { status: 'SUSPENDUE', reason: 'Bon de livraison manquant' });
    await expectAt(id, 'SUSPENDUE', 208);
    expect((await emailTo(SUPPLIER, 'Votre facture J-002 est suspendue')).text).toContain(
      'Bon de livraison manquant',
    );

    const upload = await fetch(`${p.url}/api/v1/files?name=bon-de-livraison.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[SUPPLIER]}`, 'content-type': 'application/pdf' },
      body: Buffer.from('%PDF-1.4 bon de livraison signé\n%%EOF\n'),
    });
    expect(upload.status).toBe(201);
    const file = await json(upload);
    const completion = { comment: 'Bon de livraison joint', attachments: [file.sha256] };
    await expectRefused(act(BUYER, id, 'completion', completion), id, 403, 'NOT_A_MEMBER');
    await expectRefused(act(SUPPLIER, id, 'completion', { attachments: [] }), id, 400, 'COMPLETION_EMPTY');
    expect((await act(SUPPLIER, id, 'completion', completion)).status).toBe(200);
    const back = await expectAt(id, 'COMPLETEE', 209);
    expect(back.history.at(-1)).toMatchObject({
      by: 'supplier',
      userId: SUPPLIER,
      comment: 'Bon de livraison joint',
      attachments: [{ sha256: file.sha256, filename: 'bon-de-livraison.pdf', mediaType: 'application/pdf' }],
    });
    expect(back.allowedActions.map((a: { status: string }) => a.status)).toContain('SERVICE_FAIT');
    await emailTo(BUYER, "J-002 d'Atelier Dupont SARL a été complétée");
    await act(BUYER, id, 'status', { status: 'SERVICE_FAIT' });
    await expectAt(id, 'SERVICE_FAIT', 204);
  }, 60_000);

  it('sends J-003 back for recycling; corrected to another service, it is routed again under the same number', async () => {
    const id = ids['J-003'];
    await act(BUYER, id, 'status', { status: 'A_RECYCLER', reason: 'Service SERV-B, pas SERV-A' });
    await expectAt(id, 'A_RECYCLER', 207);
    await expectRefused(act(BUYER, id, 'recycling', { serviceCode: 'SERV-B' }), id, 403, 'NOT_A_MEMBER');
    await expectRefused(
      act(SUPPLIER, id, 'recycling', { serviceCode: 'SERV-Z' }),
      id,
      422,
      'ROUTING_INVALID',
    );
    const res = await act(SUPPLIER, id, 'recycling', { serviceCode: 'SERV-B', comment: 'Service corrigé' });
    expect(res.status).toBe(200);
    const routed = await expectAt(id, 'MISE_A_DISPOSITION', 203);
    expect(routed).toMatchObject({ id, number: 'J-003', recipient: { serviceCode: 'SERV-B' } });
    expect(routed.history.slice(-3)).toMatchObject([
      { status: 'A_RECYCLER' },
      { status: 'EN_COURS_ACHEMINEMENT', by: 'supplier', userId: SUPPLIER, comment: 'Service corrigé' },
      { status: 'MISE_A_DISPOSITION', by: 'platform' },
    ]);
    // Delivered again: the buyer hears of it a second time.
    expect((await emailTo(BUYER, 'Nouvelle facture J-003 ', 2)).text).toContain(id);
  }, 60_000);

  it('rejects J-004 with a reason; the supplier is told and acknowledges it once', async () => {
    const id = ids['J-004'];
    await expectRefused(act(BUYER, id, 'status', { status: 'REJETEE' }), id, 400, 'REASON_REQUIRED');
    await expectRefused(act(SUPPLIER, id, 'rejection-acknowledgement'), id, 409, 'TRANSITION_NOT_ALLOWED');
    await act(BUYER, id, 'status', { status: 'REJETEE', reason: 'Prestation non commandée' });
    await expectAt(id, 'REJETEE', 210);
    expect((await emailTo(SUPPLIER, 'Votre facture J-004 est rejetée')).text).toContain(
      'Prestation non commandée',
    );
    await expectRefused(act(BUYER, id, 'rejection-acknowledgement'), id, 403, 'NOT_A_MEMBER');
    expect((await act(SUPPLIER, id, 'rejection-acknowledgement')).status).toBe(200);
    expect((await invoice(id, SUPPLIER)).rejectionAcknowledgedAt).toBeDefined();
    await expectRefused(act(SUPPLIER, id, 'rejection-acknowledgement'), id, 409, 'INVOICE_CLOSED');
  }, 60_000);

  it('lists issued and received invoices with a status filter and a CSV export', async () => {
    const list = async (user: string, path: string) => json(await call(user, 'GET', path));
    const numbers = (page: { items: { number: string }[] }) => page.items.map((i) => i.number).sort();
    expect(numbers(await list(SUPPLIER, '/issued-invoices'))).toEqual(['J-001', 'J-002', 'J-003', 'J-004']);
    expect(numbers(await list(SUPPLIER, '/issued-invoices?status=REJETEE'))).toEqual(['J-004']);
    expect(numbers(await list(BUYER, '/received-invoices?status=MISE_EN_PAIEMENT'))).toEqual(['J-001']);
    expect(numbers(await list(BUYER, '/received-invoices'))).toHaveLength(4);
    expect((await list(SUPPLIER, '/received-invoices')).total).toBe(0);
    expect((await list(BUYER, '/issued-invoices')).total).toBe(0);

    const csv = await call(BUYER, 'GET', '/received-invoices?format=csv-international&status=SERVICE_FAIT');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,number,status,reformCode,/);
    expect(lines.slice(1)).toEqual([expect.stringContaining('"J-002","SERVICE_FAIT","204"')]);
  });

  it('serves the invoice as UBL, CII and Factur-X, and a certificate with the deposited file’s SHA-256', async () => {
    const id = ids['J-001'];
    const download = async (path: string) => {
      const res = await call(BUYER, 'GET', `/invoices/${id}/${path}`);
      expect(res.status).toBe(200);
      return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const ubl = await download('files/ubl');
    expect(ubl.type).toMatch(/^application\/xml/);
    expect(ubl.bytes.toString()).toContain('<cbc:ID>J-001</cbc:ID>');
    const cii = await download('files/cii');
    expect(cii.type).toMatch(/^application\/xml/);
    expect(cii.bytes.toString()).toContain('CrossIndustryInvoice');
    const facturx = await download('files/facturx');
    expect(facturx.type).toBe('application/pdf');
    expect(facturx.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const original = await download('files/original');
    const sha256 = crypto.createHash('sha256').update(original.bytes).digest('hex');
    const certificate = await download('certificate');
    expect(certificate.type).toBe('application/pdf');
    const text = (await readPdfText(certificate.bytes)).flat().join('\n');
    expect(text).toContain(sha256);
    expect(text).toContain('J-001');
  }, 30_000);
});
