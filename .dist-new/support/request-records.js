"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordRequest = recordRequest;
exports.recordRequestStatus = recordRequestStatus;
exports.recordRequestMessage = recordRequestMessage;
exports.emailAdvisors = emailAdvisors;
exports.emailRequester = emailRequester;
const store_1 = require("./store");
const STATUS_LABELS = {
    NOUVELLE: 'nouvelle',
    EN_COURS: 'en cours',
    EN_ATTENTE_UTILISATEUR: 'en attente de votre réponse',
    REPONDUE: 'répondue',
    CLOTUREE: 'clôturée',
};
async function recordRequest(db, request) {
    await (0, store_1.insertRequest)(db, request);
}
async function recordRequestStatus(db, change) {
    await (0, store_1.updateRequestStatus)(db, change);
}
async function recordRequestMessage(db, requestId, message) {
    await (0, store_1.insertRequestMessage)(db, requestId, message);
}
/** Tells the advisors of a new request; each email carries an idempotency key, so a retry sends none twice. */
async function emailAdvisors(mailer, request, advisors) {
    for (const a of advisors)
        await mailer.send({
            to: a.email,
            subject: `Nouvelle sollicitation : ${request.subject}`,
            text: `${request.contactEmail} a fait une sollicitation (${request.category} / ${request.subcategory}) :\n\n${request.text}`,
            idempotencyKey: `${request.id}/advisors/${a.userId}`,
        });
}
/** Emails the requester an answer (with the request's new status) or the closing of the request. */
async function emailRequester(mailer, { request, message, status, }) {
    const follow = request.userId
        ? 'Suivez-la depuis votre espace.'
        : 'Pour poursuivre, faites une nouvelle sollicitation.';
    await mailer.send({
        to: request.contactEmail,
        subject: message
            ? `Réponse à votre sollicitation : ${request.subject}`
            : `Sollicitation clôturée : ${request.subject}`,
        text: message
            ? `${message.text}\n\nVotre sollicitation est ${STATUS_LABELS[status]}. ${follow}`
            : `Votre sollicitation « ${request.subject} » est clôturée.`,
        idempotencyKey: `${request.id}/${message ? `answer/${message.seq}` : 'closed'}`,
    });
}
//# sourceMappingURL=request-records.js.map