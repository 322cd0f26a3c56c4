import fs from 'node:fs';
import path from 'node:path';
import { createInvoiceActivities } from '../../activities/invoice';
import { BlobNotFoundError, FsBlobStore } from '../../platform/blobs';
import { Db, migrate } from '../../platform/db';
import { closeTestDb, tempDir, testBlobs, testDb, countRows } from '../support/stores';
import { testMailer } from '../support/mail';
import type { InvoiceDeposit } from '../../invoicing/types';

const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';

describe(`read model persistence (${engine})`, () => {
  let db: Db;
  // One store for the files the tests deposit and the activities read back.
  const blobs = testBlobs();
  beforeAll(async () => {
    db = await testDb();
  });
  afterAll(() => closeTestDb(db));

  const deposit = (number: string, sha256: string): InvoiceDeposit => ({
    invoiceId: `invoice/35600000000048/2026/${number}`,
    supplierId: '35600000000048',
    supplierName: 'La Poste',
    recipientId: '11000201100044',
    number,
    year: 2026,
    issueDate: '2026-11-02',
    currency: 'EUR',
    totals: { withoutVat: '1000.10', vat: '200.02', withVat: '1200.12', amountDue: '1200.12' },
    blob: { sha256, size: 3, mediaType: 'application/xml' },
    format: 'ubl',
    depositMode: 'UPLOAD_API',
    depositedAt: '2026-11-02T08:00:00.000Z',
  });

  async function storedBlob(bytes: string) {
    const blob = await blobs.put(Buffer.from(bytes), { mediaType: 'application/xml' });
    await db('blobs').insert({
      sha256: blob.sha256,
      size: blob.size,
      media_type: blob.mediaType,
      created_at: new Date(),
    });
    return blob.sha256;
  }

  it('applies the migrations once, and again as a no-op', async () => {
    expect(await migrate(db)).toEqual([]);
    for (const table of ['structures', 'invoices', 'invoice_status_history', 'blobs']) {
      expect(await db.schema.hasTable(table)).toBe(true);
    }
  });

  it('keeps amounts exact, as decimal text', async () => {
    const acts = createInvoiceActivities({ db, blobs, mailer: testMailer(db).mailer });
    await acts.registerDeposit(deposit('EXACT-1', await storedBlob('exact')));
    const row = await db('invoices').where({ number: 'EXACT-1' }).first();
    expect([row.total_without_vat, row.total_vat, row.total_with_vat]).toEqual([
      '1000.10',
      '200.02',
      '1200.12',
    ]);
  });

  it('makes every activity write idempotent: retries duplicate nothing', async () => {
    const acts = createInvoiceActivities({ db, blobs, mailer: testMailer(db).mailer });
    const d = deposit('RETRY-1', await storedBlob('retry'));
    await acts.registerDeposit(d);
    await acts.registerDeposit(d);
    const status = {
      invoiceId: d.invoiceId,
      entry: {
        seq: 2,
        status: 'REJETEE' as const,
        reformCode: 213,
        by: 'platform' as const,
        at: '2026-11-02T08:00:01.000Z',
      },
    };
    const findings = [{ rule: 'FF-ROUTE-04', severity: 'fatal' as const, message: 'no recipient' }];
    await acts.recordStatus({ ...status, findings });
    await acts.recordStatus({ ...status, findings });

    const history = await db('invoice_status_history').where({ invoice_id: d.invoiceId }).orderBy('seq');
    expect(history.map((h) => [h.seq, h.status])).toEqual([
      [1, 'DEPOSEE'],
      [2, 'REJETEE'],
    ]);
    expect(JSON.parse(history[1].reasons)).toEqual(findings);
    expect((await db('invoices').where({ id: d.invoiceId }).first()).status).toBe('REJETEE');
    expect(await countRows(db, 'invoices', { id: d.invoiceId })).toBe(1);
  });

  it('links a delivered invoice to the recipient structure when it is registered', async () => {
    const acts = createInvoiceActivities({ db, blobs, mailer: testMailer(db).mailer });
    const now = new Date();
    await db('structures').insert({
      id: 'st-1',
      identifier: '11000201100044',
      name: 'Ministère',
      created_at: now,
      updated_at: now,
    });
    const d = deposit('DELIVER-1', await storedBlob('deliver'));
    await acts.registerDeposit(d);
    await acts.deliverToRecipient({
      invoiceId: d.invoiceId,
      routing: { recipientId: '11000201100044' },
      blob: d.blob,
    });
    expect((await db('invoices').where({ id: d.invoiceId }).first()).recipient_structure_id).toBe('st-1');
  });
});

describe('filesystem blob store', () => {
  it('stores content-addressed files, idempotently, and reads them back', async () => {
    const root = tempDir('blobstore');
    const store = new FsBlobStore(root);
    const a = await store.put(Buffer.from('<Invoice/>'), { mediaType: 'application/xml', filename: 'a.xml' });
    const b = await store.put(Buffer.from('<Invoice/>'), { mediaType: 'application/xml' });
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.get(a.sha256)).toString()).toBe('<Invoice/>');
    expect(fs.readdirSync(path.join(root, a.sha256.slice(0, 2), a.sha256.slice(2, 4)))).toEqual([a.sha256]);
  });

  it('answers a typed error for an unknown or malformed reference', async () => {
    const store = new FsBlobStore(tempDir('blobstore'));
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.has('0'.repeat(64))).toBe(false);
  });
});
