import type { Db } from '../../platform/db';
import type { Mailer, OutgoingEmail } from '../../platform/mailer';
import { closeTestDb, countRows, testDb } from '../support/stores';
import { seedUser } from '../support/people';
import { createDigestActivities } from '../../activities/digest';
import { parisDay } from '../../invoicing/digest';
import { claimDigest, holdForDigest, type DigestItem } from '../../invoicing/store/digest';

const USER = 'digest-member';

/**
 * The digest's sending step at fixed instants, against the database and a mailer that records what
 * it is asked to send (idempotent by key, as the platform's mailer is): only notices held before the
 * run's instant, each in exactly one email, an interrupted run finished under its own key, and no
 * email when nothing is held.
 */
describe('sending the daily digest', () => {
  let db: Db;
  const sent: OutgoingEmail[] = [];
  const keys = new Set<string>();
  const mailer: Mailer = {
    async send(email) {
      if (keys.has(email.idempotencyKey)) return;
      keys.add(email.idempotencyKey);
      sent.push(email);
    },
  };
  let activities: ReturnType<typeof createDigestActivities>;

  beforeAll(async () => {
    db = await testDb();
    await seedUser(db, USER);
    activities = createDigestActivities({ db, mailer, publicUrl: 'https://ff.example.org' });
  });
  afterAll(() => closeTestDb(db));

  const item = (number: string, kind: DigestItem['kind'] = 'NOUVELLE'): DigestItem => ({
    itemKey: `invoice/s/2026/${number}/delivered/1/${USER}`,
    userId: USER,
    structureId: 'st-buyer',
    toEmail: `${USER}@example.org`,
    invoiceId: `invoice/s/2026/${number}`,
    kind,
    number,
    supplierName: 'Atelier Dupont SARL',
    recipientName: 'Commune de Villefranche',
    amount: '1234.5',
    currency: 'EUR',
  });
  const run = async (at: string) => {
    let n = 0;
    for (const r of await activities.dueNotificationDigests({ at }))
      n += await activities.sendNotificationDigest({ ...r, at });
    return n;
  };

  it('sends nothing when nothing is held', async () => {
    expect(await run('2026-03-01T07:00:00.000Z')).toBe(0);
    expect(sent).toEqual([]);
  });

  it('lists the notices held before the run, and keeps later ones for the next day', async () => {
    await holdForDigest(db, item('A-1'), new Date('2026-03-02T09:00:00Z'));
    await holdForDigest(db, item('A-2', 'COMPLETEE'), new Date('2026-03-02T15:00:00Z'));
    // Held twice (a retried activity): still one notice.
    await holdForDigest(db, item('A-2', 'COMPLETEE'), new Date('2026-03-02T15:00:01Z'));
    await holdForDigest(db, item('A-3'), new Date('2026-03-03T07:30:00Z'));

    expect(await run('2026-03-03T07:00:00.000Z')).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe(
      'Récapitulatif du 03/03/2026 : 2 nouvelles factures reçues pour Commune de Villefranche',
    );
    expect(sent[0].text).toMatch(/- Facture A-1 d'Atelier Dupont SARL : 1\s234,50 EUR\n/);
    expect(sent[0].text).toContain("- Facture A-2 d'Atelier Dupont SARL : 1\u202f234,50 EUR (complétée");
    expect(sent[0].text).toContain('Voir la facture : https://ff.example.org/factures/invoice/s/2026/A-1');
    expect(sent[0].text).not.toContain('A-3');
    // A second attempt of the same run (an activity retry) sends nothing more.
    expect(await run('2026-03-03T07:00:00.000Z')).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('finishes a digest an interrupted run had claimed, under its own key, and sends each notice once', async () => {
    await holdForDigest(db, item('B-1'), new Date('2026-03-03T10:00:00Z'));
    // The run of the 4th claimed its notices (A-3, B-1), then its worker stopped before the email.
    await claimDigest(db, {
      userId: USER,
      structureId: 'st-buyer',
      at: new Date('2026-03-04T07:00:00Z'),
      digestKey: 'digest/st-buyer/digest-member/2026-03-04T07:00:00.000Z',
    });
    await holdForDigest(db, item('C-1'), new Date('2026-03-04T12:00:00Z'));

    expect(await run('2026-03-05T07:00:00.000Z')).toBe(2);
    const [interrupted, today] = sent.slice(1);
    expect(interrupted.idempotencyKey).toBe('digest/st-buyer/digest-member/2026-03-04T07:00:00.000Z');
    expect(interrupted.subject).toMatch(/: 2 nouvelles factures reçues/);
    expect(interrupted.text).toContain('A-3');
    expect(interrupted.text).toContain('B-1');
    expect(today.subject).toMatch(/: 1 nouvelle facture reçue pour/);
    expect(today.text).toContain('C-1');
    expect(await countRows(db, 'notification_digest_items', { sent_at: null })).toBe(0);
    expect(await run('2026-03-06T07:00:00.000Z')).toBe(0);
  });

  it('dates the digest by the day in Paris (CET in winter, CEST in summer)', () => {
    expect(parisDay(new Date('2026-12-02T23:30:00Z'))).toBe('03/12/2026');
    expect(parisDay(new Date('2026-07-01T21:59:00Z'))).toBe('01/07/2026');
    expect(parisDay(new Date('2026-07-01T22:00:00Z'))).toBe('02/07/2026');
  });
});
