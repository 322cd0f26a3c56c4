import fs from 'node:fs';
import { prepareDeposit } from '../../invoicing/deposit';
import { identifyInvoice } from '../../invoice/identify';
import { DomainError } from '../../platform/domain-error';
import type { Db } from '../../platform/db';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { registerStructure } from '../support/parties';
import { closeTestDb, testBlobs, testDb } from '../support/stores';

describeWithCorpus('an ERP connection deposits for its own structure only', () => {
  // A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml).
  const bytes = fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'));
  const blobs = testBlobs();
  let db: Db;
  let seller: string;
  let other: string;

  beforeAll(async () => {
    db = await testDb();
    const identity = identifyInvoice(bytes);
    seller = await registerStructure(db, { identifier: identity.seller.id! });
    await registerStructure(db, { identifier: identity.buyer.id!, public: true });
    other = await registerStructure(db, { identifier: '55203253400646', name: 'AUTRE ENTREPRISE SA' });
  });
  afterAll(() => closeTestDb(db));

  it("refuses an invoice whose seller is not the connection's structure", async () => {
    const err = await prepareDeposit({ db, blobs }, bytes, {
      depositMode: 'UPLOAD_API',
      sellerStructureId: other,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('SELLER_NOT_CONNECTION_STRUCTURE');
  });

  it("files the invoice of the connection's own structure", async () => {
    const deposit = await prepareDeposit({ db, blobs }, bytes, {
      depositMode: 'UPLOAD_API',
      sellerStructureId: seller,
    });
    expect(deposit.invoiceId).toMatch(/^invoice\//);
  });
});
