import { PDFDocument } from 'pdf-lib';
import { toPdf } from '../../invoice';
import type { Invoice } from '../../invoice/model';
import { json, startTestPlatform, TestPlatform } from '../support/platform';
import { seedUser } from '../support/people';
import { countRows } from '../support/stores';
import { waitForInvoice } from './support/wait';
import { BUYER_SIRET, seedParties, SUPPLIER_IBAN, SUPPLIER_SIRET } from './support/structures';
import { completedDraft } from './support/completed-draft';

describe('invoice drafts: form entry, validate, send, attachments', () => {
  let p: TestPlatform;
  let auth: Record<string, string>;
  let token: string;
  beforeAll(async () => {
    p = await startTestPlatform({ maxUploadBytes: 20 * 1024 * 1024 });
    token = await seedUser(p.db, 'supplier-user');
    auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await seedParties(p.db, 'supplier-user');
  }, 120_000);
  afterAll(() => p?.stop());

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${p.url}/api/v1${path}`, {
      method,
      headers: auth,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('pre-fills a draft, saves, validates and sends it to MISE_A_DISPOSITION; sending again files nothing new', async () => {
    const created = await call('POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET });
    expect(created.status).toBe(201);
    const draft = await json(created);
    expect(draft).toMatchObject({
      status: 'BROUILLON',
      modeDepot: 'SAISIE_API',
      cadreDeFacturation: 'A1_FACTURE_FOURNISSEUR',
    });
    expect(draft.invoice.seller).toMatchObject({
      name: 'Atelier Dupont SARL',
      legalRegistrationId: { value: SUPPLIER_SIRET, schemeId: '0009' },
      address: { line1: '12 rue des Lilas', postCode: '69003', city: 'Lyon', countryCode: 'FR' },
    });
    expect(draft.invoice.buyer).toMatchObject({
      name: 'Commune de Villefranche',
      legalRegistrationId: { value: BUYER_SIRET },
    });
    expect(draft.invoice.paymentInstructions.creditTransfers).toEqual([
      { accountId: SUPPLIER_IBAN, serviceProviderId: 'AGRIFRPP' },
    ]);

    const saved = await call('PUT', `/drafts/${draft.id}`, {
      invoice: completedDraft(draft.invoice, 'SAI-2026-001'),
      cadreDeFacturation: 'A1_FACTURE_FOURNISSEUR',
      modeDepot: 'SAISIE_PORTAIL',
    });
    expect(saved.status).toBe(200);

    const validated = await json(await call('POST', `/drafts/${draft.id}/validate`));
    expect(validated.findings.filter((f: { severity: string }) => f.severity === 'fatal')).toEqual([]);
    expect(validated.valid).toBe(true);
    expect(await countRows(p.db, 'invoices', {})).toBe(0);

    const sent = await call('POST', `/drafts/${draft.id}/send`);
    expect(sent.status).toBe(202);
    const { invoiceId } = await json(sent);
    expect(invoiceId).toBe(`invoice/${SUPPLIER_SIRET}/2026/SAI-2026-001`);
    const invoice = await waitForInvoice(
      p.url,
      token,
      invoiceId,
      ['MISE_A_DISPOSITION', 'REJETEE', 'A_RECYCLER'],
      60_000,
    );
    expect(invoice).toMatchObject({ status: 'MISE_A_DISPOSITION', depositMode: 'SAISIE_PORTAIL' });

    const again = await call('POST', `/drafts/${draft.id}/send`);
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ invoiceId, created: false });
    expect((await call('PUT', `/drafts/${draft.id}`, { invoice: draft.invoice })).status).toBe(409);

    // Another draft under the same number and year is a duplicate, refused before anything is filed.
    const other = await json(
      await call('POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }),
    );
    const changed = completedDraft(other.invoice, 'SAI-2026-001');
    await call('PUT', `/drafts/${other.id}`, { invoice: { ...changed, dueDate: '2026-05-01' } });
    const duplicate = await call('POST', `/drafts/${other.id}/send`);
    expect(duplicate.status).toBe(409);
    expect((await json(duplicate)).error.code).toBe('DUPLICATE_INVOICE');
  }, 90_000);

  it('refuses what is not of the model or the official lists, naming the field', async () => {
    const draft = await json(await call('POST', '/structures/st-supplier/drafts', {}));
    const bad = await call('PUT', `/drafts/${draft.id}`, {
      invoice: { ...draft.invoice, issueDate: '02/03/2026' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((await json(bad)).error)).toContain('issueDate');
    const cadre = await call('PUT', `/drafts/${draft.id}`, {
      invoice: draft.invoice,
      cadreDeFacturation: 'A99_INCONNU',
    });
    expect(cadre.status).toBe(400);
    expect(JSON.stringify((await json(cadre)).error)).toContain('cadreDeFacturation');
    const outsider = await fetch(`${p.url}/api/v1/drafts/${draft.id}`, {
      headers: { authorization: `Bearer ${await seedUser(p.db, 'outsider')}` },
    });
    expect(outsider.status).toBe(403);
  });

  it('keeps attachments within the limits, idempotently, and refuses the others with a stable code', async () => {
    const draft = await json(await call('POST', '/structures/st-supplier/drafts', {}));
    const attach = (name: string, bytes: Uint8Array) =>
      fetch(`${p.url}/api/v1/drafts/${draft.id}/attachments?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { authorization: auth.authorization, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
    // The smallest a PDF can be and still end as one (%%EOF); its content is checked on upload.
    const pdf = Buffer.from('%PDF-1.4 bon de commande\n%%EOF\n');
    expect((await attach('bon-de-commande.pdf', pdf)).status).toBe(201);
    expect((await attach('bon-de-commande.pdf', pdf)).status).toBe(201);
    const refusals = [
      [
        await attach('bon-de-commande.pdf', Buffer.from('%PDF-1.4 autre\n%%EOF\n')),
        409,
        'ATTACHMENT_NAME_TAKEN',
      ],
      [await attach(`${'x'.repeat(47)}.pdf`, pdf), 400, 'ATTACHMENT_NAME_INVALID'],
      [await attach('programme.exe', pdf), 400, 'ATTACHMENT_EXTENSION_NOT_ALLOWED'],
      [await attach('photo.png', Buffer.alloc(10 * 1024 * 1024 + 1)), 413, 'ATTACHMENT_TOO_LARGE'],
    ] as const;
    for (const [res, status, code] of refusals) {
      expect(res.status).toBe(status);
      expect((await json(res)).error.code).toBe(code);
    }
    const list = await json(await call('GET', `/drafts/${draft.id}/attachments`));
    expect(list.items).toEqual([
      expect.objectContaining({ name: 'bon-de-commande.pdf', size: pdf.length, main: false }),
    ]);
  });

  it('files the draft’s attachments with the invoice, downloadable by its parties only', async () => {
    const draft = await json(
      await call('POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }),
    );
    const order = Buffer.from('%PDF-1.4 bon de commande EJ-2026-0042\n%%EOF\n');
    const added = await fetch(`${p.url}/api/v1/drafts/${draft.id}/attachments?name=bon-de-commande.pdf`, {
      method: 'POST',
      headers: { authorization: auth.authorization, 'content-type': 'application/octet-stream' },
      body: order,
    });
    expect(added.status).toBe(201);
    await call('PUT', `/drafts/${draft.id}`, { invoice: completedDraft(draft.invoice, 'SAI-2026-PJ1') });
    const { invoiceId } = await json(await call('POST', `/drafts/${draft.id}/send`));
    const invoice = await waitForInvoice(p.url, token, invoiceId, ['MISE_A_DISPOSITION'], 60_000);
    const [filed] = invoice.history[0].attachments;
    expect(filed).toMatchObject({
      filename: 'bon-de-commande.pdf',
      size: order.length,
      mediaType: 'application/pdf',
    });

    const download = await fetch(`${p.url}/api/v1/invoices/${invoiceId}/attachments/${filed.sha256}`, {
      headers: { authorization: auth.authorization },
    });
    expect(download.status).toBe(200);
    // Never drawn by the browser: saved as a file, of the type the allow-list gives, never sniffed.
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(order);
    const unknown = await fetch(`${p.url}/api/v1/invoices/${invoiceId}/attachments/${'0'.repeat(64)}`, {
      headers: { authorization: auth.authorization },
    });
    expect((await json(unknown)).error.code).toBe('ATTACHMENT_NOT_FOUND');
    const outsider = await fetch(`${p.url}/api/v1/invoices/${invoiceId}/attachments/${filed.sha256}`, {
      headers: { authorization: `Bearer ${await seedUser(p.db, 'attachment-outsider')}` },
    });
    // Someone else's invoice answers as a missing one.
    expect(outsider.status).toBe(404);
  }, 90_000);

  it('pre-fills a draft from a plain PDF the core rendered, and keeps the PDF as its main attachment', async () => {
    const prefilled = (
      await json(await call('POST', '/structures/st-supplier/drafts', { recipientId: BUYER_SIRET }))
    ).invoice;
    const invoice = completedDraft(prefilled, 'PDF-2026-017');
    const pdf = Buffer.from(await toPdf(invoice));
    const res = await fetch(`${p.url}/api/v1/structures/st-supplier/drafts/from-pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(res.status).toBe(201);
    const draft = await json(res);
    const read: Invoice = draft.invoice;
    expect(read).toMatchObject({
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      purchaseOrderReference: invoice.purchaseOrderReference,
      seller: { legalRegistrationId: { value: SUPPLIER_SIRET }, vatId: invoice.seller.vatId },
      buyer: { legalRegistrationId: { value: BUYER_SIRET }, name: 'Commune de Villefranche' },
      totals: {
        taxExclusiveAmount: invoice.totals.taxExclusiveAmount,
        vatTotal: invoice.totals.vatTotal,
        taxInclusiveAmount: invoice.totals.taxInclusiveAmount,
        amountDue: invoice.totals.amountDue,
      },
      vatBreakdowns: invoice.vatBreakdowns,
      paymentInstructions: { creditTransfers: [{ accountId: SUPPLIER_IBAN }] },
    });
    const attachments = await json(await call('GET', `/drafts/${draft.id}/attachments`));
    expect(attachments.items).toEqual([
      expect.objectContaining({ name: 'PDF-2026-017.pdf', size: pdf.length, main: true }),
    ]);

    // A scan has no text layer: the supplier is told to deposit another PDF or use the form.
    const blank = await PDFDocument.create();
    blank.addPage();
    const scan = await fetch(`${p.url}/api/v1/structures/st-supplier/drafts/from-pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: Buffer.from(await blank.save()),
    });
    expect(scan.status).toBe(422);
    expect((await json(scan)).error).toMatchObject({ code: 'PDF_NO_TEXT', details: { field: 'file' } });
  }, 60_000);
});
