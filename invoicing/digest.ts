import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { elide } from '../platform/mail/french';
import { invoicePageUrl } from './notices';
import { claimDigest, markDigestSent, pendingDigestRecipients, type DigestItem } from './store/digest';

/**
 * The daily digest of new invoices, for members who chose it for a structure: one email listing the
 * notices held since the last one (invoice number, supplier, amount, link), nothing when there is none.
 * Run once a day by the `notificationDigest` workflow, started by a Temporal schedule.
 */
export interface DigestDeps {
  db: Db;
  mailer: Mailer;
  publicUrl?: string;
}

/** A member's digest for one structure. */
export interface DigestRecipient {
  userId: string;
  structureId: string;
}

/** The digests due at `at`: members with notices held before it and not yet sent. */
export function dueDigests(db: Db, at: Date): Promise<DigestRecipient[]> {
  return pendingDigestRecipients(db, at);
}

/** The day of `at` in Paris, as dd/mm/yyyy: digests are daily in the buyers' time. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
}

/**
 * Sends the member's digest of the notices held before `at` and marks them sent in the same step.
 * The digest's key (member, structure, the run's instant) is the email's idempotency key: a retry after a crash
 * sends nothing twice. Answers how many digests went out (0 when nothing was held).
 */
export async function sendDigest(
  { db, mailer, publicUrl }: DigestDeps,
  { userId, structureId, at }: DigestRecipient & { at: Date },
): Promise<number> {
  const digestKey = `digest/${structureId}/${userId}/${at.toISOString()}`;
  const byDigest = await claimDigest(db, { userId, structureId, at, digestKey });
  for (const [key, items] of byDigest) {
    await mailer.send({
      to: items[0].toEmail,
      subject: digestSubject(items, at),
      text: digestText(items, publicUrl),
      idempotencyKey: key,
    });
    await markDigestSent(db, key, new Date());
  }
  return byDigest.size;
}

const count = (n: number) => (n === 1 ? '1 nouvelle facture reçue' : `${n} nouvelles factures reçues`);

export function digestSubject(items: DigestItem[], at: Date): string {
  const to = items[0].recipientName ? ` pour ${items[0].recipientName}` : '';
  return `Récapitulatif du ${parisDay(at)} : ${count(items.length)}${to}`;
}

/** An amount as French readers write it: 1 200,00 EUR. */
export function frenchAmount(amount: string | null, currency: string | null): string {
  if (amount === null || amount === '' || Number.isNaN(Number(amount))) return 'montant non indiqué';
  const n = Number(amount).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${n} ${currency ?? 'EUR'}`;
}

export function digestText(items: DigestItem[], publicUrl: string | undefined): string {
  const lines = items.flatMap((i) => [
    `- Facture ${i.number}${i.supplierName ? ` ${elide('de', i.supplierName)}` : ''} : ${frenchAmount(i.amount, i.currency)}` +
      (i.kind === 'COMPLETEE' ? ' (complétée par le fournisseur après suspension)' : ''),
    `  Voir la facture : ${invoicePageUrl(publicUrl, i.invoiceId)}`,
  ]);
  return [
    'Bonjour,',
    '',
    `${count(items.length)[0].toUpperCase()}${count(items.length).slice(1)} depuis le dernier récapitulatif${
      items[0].recipientName ? ` pour ${items[0].recipientName}` : ''
    } :`,
    '',
    ...lines,
    '',
    'Elles vous attendent dans vos factures reçues.',
    '',
    `Vous recevez ce récapitulatif quotidien selon vos préférences de notification pour cette structure : ${publicUrl ?? ''}/mon-compte/notifications`,
  ].join('\n');
}
