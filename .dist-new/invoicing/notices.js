"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTICE_EVENT_NAMES = exports.NOTICE_EVENTS = void 0;
exports.noticeEventOf = noticeEventOf;
exports.invoicePageUrl = invoicePageUrl;
exports.noticeSubject = noticeSubject;
exports.notifyStatusChange = notifyStatusChange;
exports.notifyDelivery = notifyDelivery;
exports.notifyLatePayment = notifyLatePayment;
const transitions_1 = require("./lifecycle/transitions");
const lifecycle_1 = require("./store/lifecycle");
const subscriptions_1 = require("./store/subscriptions");
const digest_1 = require("./store/digest");
/** The kinds of invoice email a member may turn on or off, with their defaults. */
exports.NOTICE_EVENTS = {
    REJET: { label: 'Rejet d’une facture émise', on: true, statuses: ['REJETEE'] },
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
};
exports.NOTICE_EVENT_NAMES = Object.keys(exports.NOTICE_EVENTS);
/** The event a status belongs to; statuses nobody acts on (DEPOSEE, EN_COURS_ACHEMINEMENT) have none. */
function noticeEventOf(status) {
    return exports.NOTICE_EVENT_NAMES.find((e) => exports.NOTICE_EVENTS[e].statuses.includes(status));
}
/** The portal page of an invoice, absolute when the public URL is known. */
function invoicePageUrl(publicUrl, invoiceId) {
    return `${publicUrl ?? ''}/factures/${invoiceId.split('/').map(encodeURIComponent).join('/')}`;
}
/** The subject users read in their inbox: the invoice number and what happened, in words. */
function noticeSubject(status, row) {
    const from = row.supplier_name ? ` de ${row.supplier_name}` : '';
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
            return `Votre facture ${row.number} est ${transitions_1.STATUS_LABELS[status].toLowerCase()}`;
    }
}
/** What the reader should do next, by status. */
const NEXT_STEP = {
    SUSPENDUE: 'Complétez-la depuis sa page (pièce jointe ou commentaire) pour que l’acheteur reprenne son traitement.',
    REJETEE: 'Une facture rejetée ne se modifie plus : corrigez ce qui est signalé et déposez une nouvelle facture.',
    A_RECYCLER: 'Corrigez le destinataire, le code service ou le numéro d’engagement et renvoyez-la sous le même numéro.',
    MISE_A_DISPOSITION: 'Elle vous attend dans vos factures reçues.',
    COMPLETEE: 'Le fournisseur a répondu à la suspension : vous pouvez reprendre son traitement.',
    A_VALIDER_1: 'Validez-la ou refusez-la depuis sa page.',
};
function noticeText(status, row, entry, link) {
    const parties = [
        row.supplier_name && `émise par ${row.supplier_name}`,
        row.recipient_name && `adressée à ${row.recipient_name}`,
    ]
        .filter(Boolean)
        .join(', ');
    return [
        'Bonjour,',
        '',
        `La facture ${row.number}${parties ? ` (${parties})` : ''} est désormais « ${transitions_1.STATUS_LABELS[status]} ».`,
        ...(entry?.reason ? [`Motif : ${entry.reason}`] : []),
        ...(entry?.comment ? [`Commentaire : ${entry.comment}`] : []),
        ...(NEXT_STEP[status] ? [NEXT_STEP[status]] : []),
        '',
        `Voir la facture : ${link}`,
        '',
        'Vous recevez ce message selon vos préférences de notification pour cette structure.',
    ].join('\n');
}
async function sendAll(mailer, to, subject, text, key) {
    for (const address of to)
        await mailer.send({ to: address, subject, text, idempotencyKey: `${key}/${address}` });
}
/** The structure whose members hear of a status: the validator's, the buyer's, else the supplier's. */
function audienceOf(row, status) {
    if (status === 'A_VALIDER_1')
        return row.validator_structure_id;
    if (status === 'COMPLETEE' || status === 'MISE_A_DISPOSITION')
        return row.recipient_structure_id;
    return row.supplier_structure_id;
}
/**
 * Tells the other side of a new status: the supplier of the buyer's and the validator's steps, the
 * validator of A_VALIDER_1, the buyer of a new (MISE_A_DISPOSITION) or completed (COMPLETEE) invoice.
 */
async function notifyStatusChange({ db, mailer, publicUrl }, invoiceId, status) {
    const event = noticeEventOf(status);
    if (!event)
        return;
    const row = (await (0, lifecycle_1.invoiceRow)(db, invoiceId));
    const entry = await (0, lifecycle_1.latestEntryWithStatus)(db, invoiceId, status);
    const key = `${invoiceId}/status/${entry?.seq ?? status}`;
    let to = await (0, subscriptions_1.notifiedEmails)(db, audienceOf(row, status), event, exports.NOTICE_EVENTS[event].on);
    if (status === 'COMPLETEE') {
        const members = await (0, subscriptions_1.notifiedMembers)(db, audienceOf(row, status), event, exports.NOTICE_EVENTS[event].on);
        to = await holdDailyOnes(db, members, { row, kind: 'COMPLETEE', key });
    }
    await sendAll(mailer, to, noticeSubject(status, row), noticeText(status, row, entry, invoicePageUrl(publicUrl, invoiceId)), key);
}
/**
 * New invoices of the members who chose a daily digest for the structure are held for it (keyed, so
 * a retry holds nothing twice); answers the addresses to email now.
 */
async function holdDailyOnes(db, members, { row, kind, key }) {
    const now = [];
    for (const m of members) {
        if (!m.daily || !row.recipient_structure_id) {
            now.push(m.email);
            continue;
        }
        const amounts = row;
        await (0, digest_1.holdForDigest)(db, {
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
        }, new Date());
    }
    return now;
}
/**
 * The invoice reached the buyer's space: its members who want new invoices hear of it, with the
 * format it was put there in (and why, when the preferred one would have been invalid).
 */
async function notifyDelivery({ db, mailer, publicUrl }, invoiceId, d) {
    const row = (await (0, lifecycle_1.invoiceRow)(db, invoiceId));
    const text = noticeText('MISE_A_DISPOSITION', row, undefined, invoicePageUrl(publicUrl, invoiceId)).replace('Elle vous attend', `Elle vous attend, au format ${d.format}${d.why},`);
    const members = await (0, subscriptions_1.notifiedMembers)(db, d.structureId, 'NOUVELLE_FACTURE', exports.NOTICE_EVENTS.NOUVELLE_FACTURE.on);
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
async function notifyLatePayment({ db, mailer, publicUrl }, { invoiceId, dueDate, charges }) {
    const row = (await (0, lifecycle_1.invoiceRow)(db, invoiceId));
    await (0, lifecycle_1.markLate)(db, invoiceId, charges);
    const currency = row.currency ?? 'EUR';
    await sendAll(mailer, await (0, subscriptions_1.notifiedEmails)(db, row.supplier_structure_id, 'RETARD_PAIEMENT', exports.NOTICE_EVENTS.RETARD_PAIEMENT.on), `Votre facture ${row.number} n’est pas payée dans le délai`, [
        'Bonjour,',
        '',
        `Le délai de paiement de la facture ${row.number} a expiré le ${frenchDate(dueDate)} sans mise en paiement.`,
        `Intérêts moratoires : ${frenchNumber(charges.annualRate)} % l’an, soit ${frenchNumber(charges.dailyInterest)} ${currency} par jour de retard, ` +
            `et une indemnité forfaitaire de 40 ${currency} pour frais de recouvrement.`,
        '',
        `Voir la facture : ${invoicePageUrl(publicUrl, invoiceId)}`,
    ].join('\n'), `${invoiceId}/late`);
}
const frenchNumber = (n) => String(n).replace('.', ',');
/** YYYY-MM-DD as dd/mm/yyyy; anything else as given. */
const frenchDate = (d) => d.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, '$3/$2/$1');
//# sourceMappingURL=notices.js.map