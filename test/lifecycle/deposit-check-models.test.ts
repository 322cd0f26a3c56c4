import fs from 'node:fs';
import { checkDepositedInvoice } from '../../invoicing/checks';
import { createParsedInvoices } from '../../invoicing/parsed-invoices';
import { DocumentPool } from '../../platform/document-pool';
import type { Db } from '../../platform/db';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { closeTestDb, testBlobs, testDb } from '../support/stores';

/**
 * A deposit's check keeps the model for the rendering when it is small enough to keep, and otherwise
 * files the invoice by the identity the document thread sends instead: the filing findings are the same.
 */
describeWithCorpus('the check of a deposit and the model it keeps', () => {
  let db: Db;
  let pool: DocumentPool;
  const blobs = testBlobs();
  const file = () =>
    fs.readFileSync(corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml'));
  // The example without its seller's identifiers: FF-ROUTE-03 is then among the findings.
  const unfiled = () =>
    Buffer.from(
      file()
        .toString('utf8')
        .replace(/<cac:PartyLegalEntity>[\s\S]*?<\/cac:PartyLegalEntity>/, '')
        .replace(/<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/g, '')
        .replace(/<cac:PartyIdentification>[\s\S]*?<\/cac:PartyIdentification>/g, '')
        .replace(/<cbc:EndpointID[^>]*>[^<]*<\/cbc:EndpointID>/g, ''),
    );

  beforeAll(async () => {
    db = await testDb();
    pool = new DocumentPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await closeTestDb(db);
  });

  it('keeps the model of an invoice within the budget, not one over it, with the same findings', async () => {
    const { sha256 } = await blobs.put(unfiled(), { mediaType: 'application/xml' });
    const kept = createParsedInvoices(64, 100);
    const findings = await checkDepositedInvoice(
      { db, blobs, parsed: kept, documents: pool },
      { blob: { sha256 } },
    );
    expect(findings.map((f) => f.rule)).toContain('FF-ROUTE-03');
    // Bytes that cannot be parsed prove the model was kept.
    expect((await kept.get(sha256, Buffer.from('not an invoice'))).number).toBe('TOSL108');

    const tooLarge = createParsedInvoices(64, 0);
    const byIdentity = await checkDepositedInvoice(
      { db, blobs, parsed: tooLarge, documents: pool },
      { blob: { sha256 } },
    );
    expect(byIdentity).toEqual(findings);
    await expect(tooLarge.get(sha256, Buffer.from('not an invoice'))).rejects.toThrow();
  }, 60_000);
});
