import fs from 'node:fs';
import { ajv } from '../../api/schemas';
import { lifecycleDepositQuery } from '../../api/invoice-schemas';
import { seedUser } from '../support/people';
import { registerStructure } from '../support/parties';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { countRows } from '../support/stores';
import { json, startTestPlatform, TestPlatform, waitForStatus } from '../support/platform';

const examples = 'ConnectingEurope/eInvoicing-EN16931';
const read = (p: string) => fs.readFileSync(corpusPath(examples, p));

describeWithCorpus('invoices API', () => {
  let p: TestPlatform;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  beforeAll(async () => {
    p = await startTestPlatform({ maxUploadBytes: 200_000 });
    // Deposits are made by members of the seller's structure, to registered recipients.
    token = await seedUser(p.db, 'depositor');
    for (const [identifier, role] of [
      ['1234567890', 'seller'],
      ['17131139', 'seller'],
      ['549910', 'seller'],
      ['1234512345', 'buyer'],
      ['1081119', 'buyer'],
      ['GE2020211', 'buyer'],
    ])
      await registerStructure(p.db, {
        identifier,
        members: role === 'seller' ? [{ userId: 'depositor' }] : [],
        // issue116.xml names this service (BT-10): a recipient must know the service code it is sent.
        services: identifier === '1234512345' ? [{ code: 'Buyer reference' }] : [],
      });
  }, 120_000);
  afterAll(() => p?.stop());

  const postXml = (body: string | Buffer, query = '', type = 'application/xml') =>
    fetch(`${p.url}/api/v1/invoices${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...auth() },
      body,
    });

  it('deposits a raw UBL body and serves its status and history', async () => {
    // issue116 declares Peppol BIS, whose rules it breaks (PEPPOL-COMMON-R049): deposited as plain EN 16931.
    const plain = read('ubl/examples/issue116.xml')
      .toString()
      .replace(/(<cbc:CustomizationID>)[^<]*/, '$1urn:cen.eu:en16931:2017');
    const res = await postXml(plain);
    expect(res.status).toBe(202);
    const body = await json(res);
    expect(body).toEqual({
      id: 'invoice/1234567890/2018/2018210',
      created: true,
      links: { self: '/api/v1/invoices/invoice/1234567890/2018/2018210' },
    });
    expect(res.headers.get('location')).toBe(body.links.self);

    const invoice = await waitForStatus(p.url, body.id, ['MISE_A_DISPOSITION', 'REJETEE'], 30_000, token);
    expect(invoice).toMatchObject({
      id: body.id,
      number: '2018210',
      status: 'MISE_A_DISPOSITION',
      supplier: { id: '1234567890', name: 'SÄLJARNAMNET' },
      recipient: { id: '1234512345', name: 'Project services AB' },
      currency: 'SEK',
      totals: { withoutVat: '700', vat: '130', withVat: '830', amountDue: '830' },
      depositMode: 'UPLOAD_API',
      ruleSets: ['en16931', 'platform'],
    });
    expect(invoice.history.map((h: { status: string }) => h.status)).toEqual([
      'DEPOSEE',
      'EN_COURS_ACHEMINEMENT',
      'MISE_A_DISPOSITION',
    ]);
    // The id may also be sent URL-encoded, as one path segment.
    const encoded = await fetch(`${p.url}/api/v1/invoices/${encodeURIComponent(body.id)}`, {
      headers: auth(),
    });
    expect((await json(encoded)).status).toBe('MISE_A_DISPOSITION');
  });

  it('deposits a CII file sent as multipart, and answers 200 with the same id when it comes again', async () => {
    const form = () => {
      const f = new FormData();
      f.append(
        'file',
        new Blob([read('cii/examples/CII_example8.xml')], { type: 'application/xml' }),
        'CII_example8.xml',
      );
      return f;
    };
    const first = await fetch(`${p.url}/api/v1/invoices?modeDepot=UPLOAD_PORTAIL`, {
      method: 'POST',
      headers: auth(),
      body: form(),
    });
    expect(first.status).toBe(202);
    const { id } = await json(first);
    const invoice = await waitForStatus(p.url, id, ['MISE_A_DISPOSITION', 'REJETEE'], 30_000, token);
    expect(invoice).toMatchObject({
      format: 'cii',
      depositMode: 'UPLOAD_PORTAIL',
      status: 'MISE_A_DISPOSITION',
    });

    const again = await fetch(`${p.url}/api/v1/invoices?modeDepot=UPLOAD_PORTAIL`, {
      method: 'POST',
      headers: auth(),
      body: form(),
    });
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ id, created: false });
    expect(await countRows(p.db, 'invoices', { id })).toBe(1);
  });

  it('deposits a Factur-X PDF, filed under the invoice XML it carries', async () => {
    const pdf = fs.readFileSync(corpusPath('ZUGFeRD/corpus/XML-Rechnung/FX/EN16931_Einfach.pdf'));
    const res = await postXml(pdf, '?modeDepot=DEPOT_PDF_API', 'application/pdf');
    expect(res.status).toBe(202);
    const { id } = await json(res);
    const invoice = await waitForStatus(p.url, id, ['MISE_A_DISPOSITION', 'REJETEE'], 30_000, token);
    expect(invoice).toMatchObject({
      format: 'facturx',
      depositMode: 'DEPOT_PDF_API',
      status: 'MISE_A_DISPOSITION',
    });
    expect(id).toBe(`invoice/${invoice.supplier.id}/${invoice.issueDate.slice(0, 4)}/${invoice.number}`);
  });

  it('refuses a PDF that carries no invoice XML', async () => {
    const pdf = fs.readFileSync(
      corpusPath('ZUGFeRD/mustangproject/Mustang-CLI/src/test/resources/EmptyPDFA1.pdf'),
    );
    const res = await postXml(pdf, '', 'application/pdf');
    expect(res.status).toBe(415);
    expect((await json(res)).error.code).toBe('PDF_NO_INVOICE_XML');
  });

  it.each([
    ['an empty body', '', '', 400, 'EMPTY_INVOICE'],
    ['XML that is not well-formed', '<Invoice><cbc:ID>', '', 400, 'INVOICE_NOT_WELL_FORMED'],
    [
      'XML with a DOCTYPE (entity expansion)',
      '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>',
      '',
      400,
      'INVOICE_NOT_WELL_FORMED',
    ],
    ['XML that is no invoice', '<order xmlns="urn:x"/>', '', 415, 'NOT_AN_INVOICE'],
    ['an unknown deposit mode', '<a/>', '?modeDepot=FAX', 400, 'INVALID_INPUT'],
    ['an unknown query parameter', '<a/>', '?foo=1', 400, 'INVALID_INPUT'],
  ])('refuses %s with a stable code', async (_label, payload, query, status, code) => {
    const res = await postXml(payload, query);
    expect(res.status).toBe(status);
    const { error } = await json(res);
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
    expect(error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses an anonymous deposit, and a deposit for a structure the caller does not belong to', async () => {
    const anonymous = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: read('ubl/examples/issue116.xml'),
    });
    expect(anonymous.status).toBe(401);
    expect((await json(anonymous)).error.code).toBe('UNAUTHENTICATED');
    const outsider = await seedUser(p.db, 'outsider');
    const res = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${outsider}` },
      body: read('ubl/examples/issue116.xml'),
    });
    expect(res.status).toBe(403);
    expect((await json(res)).error).toMatchObject({
      code: 'NOT_A_MEMBER',
      details: { field: 'body.seller' },
    });
    // A seller no structure answers to is named as such, not as a membership problem.
    const unknownSeller = await fetch(`${p.url}/api/v1/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${outsider}` },
      body: read('ubl/examples/guide-example2.xml'),
    });
    expect(unknownSeller.status).toBe(422);
    expect((await json(unknownSeller)).error).toMatchObject({
      code: 'PARTY_UNRESOLVED',
      details: { field: 'BT-29', party: 'seller' },
    });
  });

  it('names the offending field of a bad query parameter', async () => {
    const res = await postXml('<a/>', '?modeDepot=FAX');
    expect((await json(res)).error.details.errors[0].field).toBe('query.modeDepot');
  });

  it('refuses an invoice that cannot be filed, listing what is missing', async () => {
    const xml = read('ubl/examples/guide-example2.xml')
      .toString('utf8')
      .replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '');
    const res = await postXml(xml);
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.code).toBe('INVOICE_UNIDENTIFIABLE');
    expect(body.error.details.missing).toEqual(['BT-2 issue date (YYYY-MM-DD)']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await postXml(Buffer.alloc(300_000, 0x20));
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 with the JSON error shape for an unknown invoice and an unknown route', async () => {
    const unknown = await fetch(`${p.url}/api/v1/invoices/invoice/1/2020/none`, { headers: auth() });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('INVOICE_NOT_FOUND');
    const route = await fetch(`${p.url}/nowhere`);
    expect(route.status).toBe(404);
    expect((await json(route)).error.code).toBe('NOT_FOUND');
  });

  it('reports health of the database and Temporal', async () => {
    const res = await fetch(`${p.url}/health`);
    expect(res.status).toBe(200);
    const up = { status: 'up', required: true, latencyMs: expect.any(Number) };
    expect(await json(res)).toEqual({ status: 'ok', checks: { database: up, temporal: up, blobs: up } });
  });

  it('publishes an OpenAPI document built from the schemas that check input', async () => {
    const doc = await json(await fetch(`${p.url}/api/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/api/v1/invoices'].post;
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: 'modeDepot', in: 'query' }));
    expect(post.parameters[0].schema).toEqual(
      JSON.parse(JSON.stringify(lifecycleDepositQuery.properties.modeDepot)),
    );
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['202', '200', '400', '409', '413', '415', '422']),
    );
    expect(doc.paths['/api/v1/invoices/{id}'].get).toBeDefined();
    expect(doc.paths['/health'].get).toBeDefined();
    // Every response schema in the document compiles.
    for (const op of [post, doc.paths['/api/v1/invoices/{id}'].get]) {
      for (const r of Object.values(op.responses) as { content?: Record<string, { schema: object }> }[]) {
        for (const c of Object.values(r.content ?? {})) expect(() => ajv.compile(c.schema)).not.toThrow();
      }
    }
  });
});
