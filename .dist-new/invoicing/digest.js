"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dueDigests = dueDigests;
exports.parisDay = parisDay;
exports.sendDigest = sendDigest;
exports.digestSubject = digestSubject;
exports.frenchAmount = frenchAmount;
exports.digestText = digestText;
const notices_1 = require("./notices");
const digest_1 = require("./store/digest");
/** The digests due at `at`: members with notices held before it and not yet sent. */
function dueDigests(db, at) {
    return (0, digest_1.pendingDigestRecipients)(db, at);
}
/** The day of `at` in Paris, as dd/mm/yyyy: digests are daily in the buyers' time. */
function parisDay(at) {
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
async function sendDigest({ db, mailer, publicUrl }, { userId, structureId, at }) {
    const digestKey = `digest/${structureId}/${userId}/${at.toISOString()}`;
    const byDigest = await (0, digest_1.claimDigest)(db, { userId, structureId, at, digestKey });
    for (const [key, items] of byDigest) {
        await mailer.send({
            to: items[0].toEmail,
            subject: digestSubject(items, at),
            text: digestText(items, publicUrl),
            idempotencyKey: key,
        });
        await (0, digest_1.markDigestSent)(db, key, new Date());
    }
    return byDigest.size;
}
const count = (n) => (n === 1 ? '1 nouvelle facture reçue' : `${n} nouvelles factures reçues`);
function digestSubject(items, at) {
    const to = items[0].recipientName ? ` pour ${items[0].recipientName}` : '';
    return `Récapitulatif du ${parisDay(at)} : ${count(items.length)}${to}`;
}
/** An amount as French readers write it: 1 200,00 EUR. */
function frenchAmount(amount, currency) {
    if (amount === null || amount === '' || Number.isNaN(Number(amount)))
        return 'montant non indiqué';
    const n = Number(amount).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${n} ${currency ?? 'EUR'}`;
}
function digestText(items, publicUrl) {
    const lines = items.flatMap((i) => [
        `- Facture ${i.number}${i.supplierName ? ` de ${i.supplierName}` : ''} : ${frenchAmount(i.amount, i.currency)}` +
            (i.kind === 'COMPLETEE' ? ' (complétée par le fournisseur après suspension)' : ''),
        `  Voir la facture : ${(0, notices_1.invoicePageUrl)(publicUrl, i.invoiceId)}`,
    ]);
    return [
        'Bonjour,',
        '',
        `${count(items.length)[0].toUpperCase()}${count(items.length).slice(1)} depuis le dernier récapitulatif${items[0].recipientName ? ` pour ${items[0].recipientName}` : ''} :`,
        '',
        ...lines,
        '',
        'Elles vous attendent dans vos factures reçues.',
        '',
        `Vous recevez ce récapitulatif quotidien selon vos préférences de notification pour cette structure : ${publicUrl ?? ''}/mon-compte/notifications`,
    ].join('\n');
}
//# sourceMappingURL=digest.js.map