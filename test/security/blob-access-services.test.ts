import { citableBlobs } from '../../invoicing/blob-access';
import type { Db } from '../../platform/db';
import { seedUser } from '../support/people';
import { closeTestDb, testDb } from '../support/stores';

const SUPPLIER = '73282932000074';
const hash = (c: string) => c.repeat(64);
/** The buyer's invoices: one per service, one without a service; the SERV2 one carries an attachment. */
const FILES = { serv1: hash('a'), serv2: hash('b'), none: hash('c'), attachedToServ2: hash('d') };

const caller = (userId: string) => ({ userId, email: `${userId}@example.org`, operator: false });

/**
 * Citing a file (attachments, drafts, Service mode) requires that the caller may read it: a member of
 * the buyer attached to some services reads only those services' invoices, so only their files.
 */
describe('cited files follow the services a buyer member is attached to', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDb();
    const now = new Date().toISOString();
    await db('structures').insert({
      id: 'st-buyer',
      identifier: '21690266800013',
      name: 'Métropole',
      created_at: now,
      updated_at: now,
    });
    for (const user of ['clerk', 'head', 'whole']) await seedUser(db, user);
    await db('structure_members').insert([
      {
        structure_id: 'st-buyer',
        user_id: 'clerk',
        role: 'UTILISATEUR',
        services: '["SERV1"]',
        created_at: now,
      },
      {
        structure_id: 'st-buyer',
        user_id: 'head',
        role: 'SECONDAIRE',
        services: '["SERV1"]',
        created_at: now,
      },
      { structure_id: 'st-buyer', user_id: 'whole', role: 'UTILISATEUR', services: '[]', created_at: now },
    ]);
    await db('blobs').insert(
      Object.values(FILES).map((sha256) => ({
        sha256,
        size: 1,
        media_type: 'application/xml',
        created_at: now,
      })),
    );
    const invoice = (number: string, blob: string, service: string | null) => ({
      id: `invoice/${SUPPLIER}/2026/${number}`,
      supplier_id: SUPPLIER,
      recipient_structure_id: 'st-buyer',
      service_code: service,
      number,
      year: 2026,
      format: 'ubl',
      deposit_mode: 'UPLOAD_API',
      blob_sha256: blob,
      status: 'MISE_A_DISPOSITION',
      status_at: now,
      deposited_at: now,
    });
    await db('invoices').insert([
      invoice('F-1', FILES.serv1, 'SERV1'),
      invoice('F-2', FILES.serv2, 'SERV2'),
      invoice('F-3', FILES.none, null),
    ]);
    await db('invoice_status_history').insert({
      invoice_id: `invoice/${SUPPLIER}/2026/F-2`,
      seq: 1,
      status: 'MISE_A_DISPOSITION',
      at: now,
      attachments: JSON.stringify([{ sha256: FILES.attachedToServ2, filename: 'bon.pdf' }]),
    });
  });
  afterAll(() => closeTestDb(db));

  it('a member attached to SERV1 may cite only the files of SERV1 invoices', async () => {
    const citable = await citableBlobs(db, caller('clerk'), Object.values(FILES));
    expect([...citable]).toEqual([FILES.serv1]);
  });

  it('managers and members attached to no particular service may cite every file of the buyer', async () => {
    for (const user of ['head', 'whole']) {
      const citable = await citableBlobs(db, caller(user), Object.values(FILES));
      expect([...citable].sort()).toEqual(Object.values(FILES).sort());
    }
  });
});
