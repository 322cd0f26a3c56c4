import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { elide } from '../platform/mail/french';
import { localizeFinding } from '../invoice/messages';
import { STATUS_LABELS, type InvoiceStatusCode } from './lifecycle/transitions';
import { invoiceRow, latestEntryWithStatus, markLate, type LifecycleInvoiceRow } from './store/lifecycle';
import { notifiedEmails, notifiedMembers, type NotifiedMember } from './store/subscriptions';
import { holdForDigest } from './store/digest';
import type { Finding, LatePayment } from './types';

/**
 * Emails about an invoice's lifecycle, in French, with a link to the invoice's page in the portal.
 * Each carries an idempotency key made of the invoice id and the event, so a retried activity sends
 * nothing twice. Who receives them: the members of the structure concerned, for each kind of event
 * either as they chose (notification preferences) or by the event's default.
 */
export interface NoticeDeps {
  db: Db;
  mailer: Mailer;
  /** The portal's public URL (PUBLIC_URL): emails link to its pages. */
  publicUrl?: string;
}

/** The kinds of invoice email a member may turn on or off, with their defaults. */
export const NOTICE_EVENTS = {
  REJET: {
    label: 'Rejet d’une facture émise (par l’acheteur, ou par les contrôles de la plateforme au dépôt)',
    on: true,
    statuses: ['REJETEE'],
  },
  SUSPENSION: { label: 'Suspension d’une facture émise', on: true, statuses: ['SUSPENDUE'] },
  MISE_A_DISPOSITION_REFUSEE: {
    label: 'Mise à disposition refusée (facture à recycler, refus du valideur)',
    on: true,
    statuses: ['A_RECYCLER', 'REFUSEE_1'],
  },
  MISE_EN_PAIEMENT: {
    label: 'Mise en paiement d’une facture émise',
    on: true,
    statuses: ['MISE_EN_PAIEMENT'],
  },
  RETARD_PAIEMENT: { label: 'Délai de paiement dépassé', on: true, statuses: [] },
  SUIVI: {
    label: 'Autres étapes du traitement (service fait, mandatée, comptabilisée…)',
    on: false,
    statuses: [
      'SERVICE_FAIT',
      'MANDATEE',
      'MISE_A_DISPOSITION_COMPTABLE',
      'COMPTABILISEE',
      'VALIDEE_1',
      'ABSENCE_VALIDATION_1_HORS_DELAI',
    ],
  },
  NOUVELLE_FACTURE: {
    label: 'Nouvelle facture reçue (ou complétée par le fournisseur)',
    on: true,
    statuses: ['MISE_A_DISPOSITION', 'COMPLETEE'],
  },
  A_VALIDER: { label: 'Facture à valider (valideur)', on: true, statuses: ['A_VALIDER_1'] },
} as const satisfies Record<string, { label: string; on: boolean; statuses: readonly InvoiceStatusCode[] }>;

export type NoticeEvent = keyof typeof NOTICE_EVENTS;
export const NOTICE_EVENT_NAMES = Object.keys(NOTICE_EVENTS) as NoticeEvent[];

/** The event a status belongs to; statuses nobody acts on (DEPOSEE, EN_COURS_ACHEMINEMENT) have none. */
export function noticeEventOf(status: InvoiceStatusCode): NoticeEvent | undefined {
  return NOTICE_EVENT_NAMES.find((e) => (NOTICE_EVENTS[e].statuses as readonly string[]).includes(status));
}

/** The portal page of an invoice, absolute when the public URL is known. */
export function invoicePageUrl(publicUrl: string | undefined, invoiceId: string): string {
  return `${publicUrl ?? ''}/factures/${invoiceId.split('/').map(encodeURIComponent).join('/')}`;
}

/** The subject users read in their inbox: the invoice number and what happened, in words. */
export function noticeSubject(
  status: InvoiceStatusCode,
  row: Pick<LifecycleInvoiceRow, 'number' | 'supplier_name'>,
) {
  const from = row.supplier_name ? ` ${elide('de', row.supplier_name)}` : '';
  switch (status) {
    case 'MISE_A_DISPOSITION':
      return `Nouvelle facture ${row.number}${from}`;
    case 'COMPLETEE':
      return `La facture ${row.number}${from} a été complétée`;
    case 'A_VALIDER_1':
      return `Facture ${row.number}${from} à valider`;
    case 'REFUSEE_1':
      return `Votre facture ${row.number} est refusée par le valideur`;
    case 'A_RECYCLER':
      return `Votre facture ${row.number} est à recycler`;
    case 'MISE_EN_PAIEMENT':
      return `Votre facture ${row.number} est mise en paiement`;
    default:
      return `Votre facture ${row.number} est ${STATUS_LABELS[status].toLowerCase()}`;
  }
}

/** A deposit the platform refused never reached the buyer: its number serves again. */
const PLATFORM_REJECTION_NEXT_STEP =
  'Elle n’a pas été transmise à l’acheteur : corrigez ce qui est signalé et déposez-la à nouveau, sous le même numéro si vous le souhaitez.';

/** What the reader should do next, by status. */
const NEXT_STEP: Partial<Record<InvoiceStatusCode, string>> = {
  SUSPENDUE:
    'Complétez-la depuis sa page (pièce jointe ou commentaire) pour que l’acheteur reprenne son traitement.',
  REJETEE:
    'Une facture rejetée ne se modifie plus : corrigez ce qui est signalé et déposez une nouvelle facture.',
  A_RECYCLER:
    'Corrigez le destinataire, le code service ou le numéro d’engagement et renvoyez-la sous le même numéro.',
  MISE_A_DISPOSITION: 'Elle vous attend dans vos factures reçues.',
  COMPLETEE: 'Le fournisseur a répondu à la suspension : vous pouvez reprendre son traitement.',
  A_VALIDER_1: 'Validez-la ou refusez-la depuis sa page.',
};

/** A history entry as its notice tells it: who set the status, and why. */
interface NoticeEntry {
  actor?: string;
  reason?: string | null;
  comment?: string | null;
  /** The findings (JSON) of the platform's checks, for a status the platform set. */
  reasons?: string | null;
}

/** How many of the platform's reasons an email lists; the invoice's page shows them all. */
const LISTED_REASONS = 3;

/**
 * Why the platform's checks rejected the deposit, in French: the first fatal findings' messages, and
 * how many more the invoice's page lists.
 */
export function platformRejectionReasons(findings: Finding[]): string[] {
  const fatal = findings.filter((f) => f.severity === 'fatal');
  if (fatal.length === 0) return [];
  const rest = fatal.length - LISTED_REASONS;
  return [
    fatal.length === 1 ? 'Motif du rejet :' : 'Motifs du rejet :',
    ...fatal.slice(0, LISTED_REASONS).map((f) => `- ${frenchText(f)} (${f.rule})`),
    ...(rest > 0
      ? [
          `- et ${rest === 1 ? 'un autre motif, indiqué' : `${rest} autres motifs, indiqués`} sur la page de la facture.`,
        ]
      : []),
  ];
}

/** A finding in French: from the catalogue, else the French half of the platform's "français. / English.". */
function frenchText(f: Finding): string {
  const { message } = localizeFinding(f, 'fr');
  const split = message.indexOf('. / ');
  return split >= 0 ? message.slice(0, split + 1) : message;
}

const rejectedByPlatform = (status: InvoiceStatusCode, entry: NoticeEntry | undefined) =>
  status === 'REJETEE' && entry?.actor === 'platform';

function noticeText(
  status: InvoiceStatusCode,
  row: LifecycleInvoiceRow,
  entry: NoticeEntry | undefined,
  link: string,
): string {
  const byPlatform = rejectedByPlatform(status, entry);
  const parties = [
    row.supplier_name && `émise par ${row.supplier_name}`,
    row.recipient_name && `adressée à ${row.recipient_name}`,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    'Bonjour,',
    '',
    `La facture ${row.number}${parties ? ` (${parties})` : ''} est désormais « ${STATUS_LABELS[status]} »` +
      (byPlatform ? ' : les contrôles de la plateforme l’ont refusée à son dépôt.' : '.'),
    ...(entry?.reason ? [`Motif : ${entry.reason}`] : []),
    ...(byPlatform && entry?.reasons ? platformRejectionReasons(JSON.parse(entry.reasons) as Finding[]) : []),
    ...(entry?.comment ? [`Commentaire : ${entry.comment}`] : []),
    ...(byPlatform ? [PLATFORM_REJECTION_NEXT_STEP] : NEXT_STEP[status] ? [NEXT_STEP[status]!] : []),
    '',
    `Voir la facture : ${link}`,
    '',
    'Vous recevez ce message selon vos préférences de notification pour cette structure.',
  ].join('\n');
}

async function sendAll(mailer: Mailer, to: string[], subject: string, text: string, key: string) {
  for (const address of to)
    await mailer.send({ to: address, subject, text, idempotencyKey: `${key}/${address}` });
}

/** The structure whose members hear of a status: the validator's, the buyer's, else the supplier's. */
function audienceOf(row: LifecycleInvoiceRow, status: InvoiceStatusCode): string | null {
  if (status === 'A_VALIDER_1') return row.validator_structure_id;
  if (status === 'COMPLETEE' || status === 'MISE_A_DISPOSITION') return row.recipient_structure_id;
  return row.supplier_structure_id;
}

/**
 * Tells the other side of a new status: the supplier of the buyer's and the validator's steps and of
 * a rejection by the platform's checks (whatever the deposit's channel, with their reasons), the
 * validator of A_VALIDER_1, the buyer of a new (MISE_A_DISPOSITION) or completed (COMPLETEE) invoice.
 */
export async function notifyStatusChange(
  { db, mailer, publicUrl }: NoticeDeps,
  invoiceId: string,
  status: InvoiceStatusCode,
): Promise<void> {
  const event = noticeEventOf(status);
  if (!event) return;
  const row = (await invoiceRow(db, invoiceId))!;
  const entry = await latestEntryWithStatus(db, invoiceId, status);
  // A deposit the platform rejected may be deposited again under the same id: its file tells them apart.
  const key = rejectedByPlatform(status, entry)
    ? `${invoiceId}/rejected/${row.blob_sha256}`
    : `${invoiceId}/status/${entry?.seq ?? status}`;
  const members = await notifiedMembers(db, audienceOf(row, status), event, NOTICE_EVENTS[event].on);
  // A completed invoice is news for the buyer, as a new one is: in the digest of those who chose it.
  const to =
    status === 'COMPLETEE'
      ? await holdDailyOnes(db, members, { row, kind: 'COMPLETEE', key })
      : members.map((m) => m.email);
  await sendAll(
    mailer,
    to,
    noticeSubject(status, row),
    noticeText(status, row, entry, invoicePageUrl(publicUrl, invoiceId)),
    key,
  );
}

/**
 * New invoices of the members who chose a daily digest for the structure are held for it (keyed, so
 * a retry holds nothing twice); answers the addresses to email now.
 */
async function holdDailyOnes(
  db: Db,
  members: NotifiedMember[],
  { row, kind, key }: { row: LifecycleInvoiceRow; kind: 'NOUVELLE' | 'COMPLETEE'; key: string },
): Promise<string[]> {
  const now: string[] = [];
  for (const m of members) {
    if (!m.daily || !row.recipient_structure_id) {
      now.push(m.email);
      continue;
    }
    const amounts = row as LifecycleInvoiceRow & {
      total_with_vat?: string | null;
      amount_due?: string | null;
    };
    await holdForDigest(
      db,
      {
        itemKey: `${key}/${m.userId}`,
        userId: m.userId,
        structureId: row.recipient_structure_id,
        toEmail: m.email,
        invoiceId: row.id,
        kind,
        number: row.number,
        supplierName: row.supplier_name,
        recipientName: row.recipient_name,
        amount: amounts.total_with_vat ?? amounts.amount_due ?? null,
        currency: row.currency,
      },
      new Date(),
    );
  }
  return now;
}

/**
 * The invoice reached the buyer's space: its members who want new invoices hear of it, with the
 * format it was put there in (and why, when the preferred one would have been invalid).
 */
export async function notifyDelivery(
  { db, mailer, publicUrl }: NoticeDeps,
  invoiceId: string,
  d: { structureId?: string; format: string; why: string; seq: number },
): Promise<void> {
  const row = (await invoiceRow(db, invoiceId))!;
  const text = noticeText('MISE_A_DISPOSITION', row, undefined, invoicePageUrl(publicUrl, invoiceId)).replace(
    'Elle vous attend',
    `Elle vous attend, au format ${d.format}${d.why},`,
  );
  const members = await notifiedMembers(
    db,
    d.structureId,
    'NOUVELLE_FACTURE',
    NOTICE_EVENTS.NOUVELLE_FACTURE.on,
  );
  const key = `${invoiceId}/delivered/${d.seq}`;
  for (const to of await holdDailyOnes(db, members, {
    row: { ...row, recipient_structure_id: d.structureId ?? row.recipient_structure_id },
    kind: 'NOUVELLE',
    key,
  }))
    await mailer.send({
      to,
      subject: noticeSubject('MISE_A_DISPOSITION', row),
      text,
      idempotencyKey: `${key}/${to}`,
    });
}

/** The payment period ended without MISE_EN_PAIEMENT: the supplier's members learn what they are owed. */
export async function notifyLatePayment(
  { db, mailer, publicUrl }: NoticeDeps,
  { invoiceId, dueDate, charges }: LatePayment,
): Promise<void> {
  const row = (await invoiceRow(db, invoiceId))!;
  await markLate(db, invoiceId, charges);
  const currency = row.currency ?? 'EUR';
  await sendAll(
    mailer,
    await notifiedEmails(db, row.supplier_structure_id, 'RETARD_PAIEMENT', NOTICE_EVENTS.RETARD_PAIEMENT.on),
    `Votre facture ${row.number} n’est pas payée dans le délai`,
    [
      'Bonjour,',
      '',
      `Le délai de paiement de la facture ${row.number} a expiré le ${frenchDate(dueDate)} sans mise en paiement.`,
      `Intérêts moratoires : ${frenchNumber(charges.annualRate)} % l’an, soit ${frenchNumber(charges.dailyInterest)} ${currency} par jour de retard, ` +
        `et une indemnité forfaitaire de 40 ${currency} pour frais de recouvrement.`,
      '',
      `Voir la facture : ${invoicePageUrl(publicUrl, invoiceId)}`,
    ].join('\n'),
    `${invoiceId}/late`,
  );
}

const frenchNumber = (n: string | number) => String(n).replace('.', ',');
/** YYYY-MM-DD as dd/mm/yyyy; anything else as given. */
const frenchDate = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, '$3/$2/$1');
