"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ENGAGEMENT_LENGTH = void 0;
exports.routingFactsOf = routingFactsOf;
exports.FF_RECIPIENT_01 = FF_RECIPIENT_01;
exports.FF_RECIPIENT_02 = FF_RECIPIENT_02;
exports.FF_SERVICE_01 = FF_SERVICE_01;
exports.FF_EJ_01 = FF_EJ_01;
exports.FF_EJ_02 = FF_EJ_02;
exports.FF_EUR_01 = FF_EUR_01;
const finding_1 = require("./finding");
/** Longest engagement number (numéro d'engagement juridique) the platform accepts. */
exports.MAX_ENGAGEMENT_LENGTH = 50;
function routingFactsOf(invoice) {
    const { legalRegistrationId, identifier, electronicAddress, vatId } = invoice.buyer;
    const termed = [
        ['BT-47', legalRegistrationId],
        ['BT-46', identifier],
        ['BT-48', vatId ? { value: vatId } : undefined],
        ['BT-49', electronicAddress],
    ];
    return {
        recipient: [legalRegistrationId, identifier, electronicAddress].find((id) => (0, finding_1.given)(id?.value)),
        recipientIdentifiers: termed.flatMap(([term, id]) => {
            const value = (0, finding_1.given)(id?.value);
            return value ? [{ term, value, ...((0, finding_1.given)(id?.schemeId) && { scheme: (0, finding_1.given)(id?.schemeId) }) }] : [];
        }),
        serviceCode: invoice.buyerReference,
        engagementNumber: invoice.purchaseOrderReference,
    };
}
/** The recipient's service named by the service code (BT-10), if any. */
function chosenService(facts, recipient) {
    const code = (0, finding_1.given)(facts.serviceCode);
    return code === undefined ? undefined : recipient.services.find((service) => service.code === code);
}
/** FF-RECIPIENT-01: the buyer is a structure the platform's directory knows. */
function FF_RECIPIENT_01(facts, recipient) {
    if (recipient)
        return [];
    const id = facts.recipient;
    const shown = id ? `"${id.value.trim()}"${id.schemeId ? ` (${id.schemeId})` : ''}` : '(aucun / none)';
    return [
        (0, finding_1.platformFinding)('FF-RECIPIENT-01', `Destinataire inconnu de l'annuaire : ${shown}. / Recipient unknown to the directory: ${shown}.`, 'BG-7'),
    ];
}
/**
 * FF-RECIPIENT-02: the buyer's structure has a confirmed identity. Whoever claims an identifier
 * first does not receive the invoices addressed to it until the registry or an operator confirms it.
 */
function FF_RECIPIENT_02(facts, recipient) {
    if (!recipient || recipient.identityVerified !== false)
        return [];
    const shown = facts.recipient ? `"${facts.recipient.value.trim()}"` : '';
    return [
        (0, finding_1.platformFinding)('FF-RECIPIENT-02', `Le destinataire ${shown} est inscrit mais son identité n'est pas vérifiée : la facture ne lui est pas acheminée. / ` +
            `Recipient ${shown} is registered but its identity is not verified: the invoice is not routed to it.`, 'BG-7'),
    ];
}
/** FF-SERVICE-01: the service code (BT-10) is given when required, and names an active service. */
function FF_SERVICE_01(facts, recipient) {
    const code = (0, finding_1.given)(facts.serviceCode);
    if (code === undefined) {
        if (!recipient.codeServiceDoitEtreRenseigne)
            return [];
        return [
            (0, finding_1.platformFinding)('FF-SERVICE-01', 'Le code service est obligatoire pour ce destinataire. / This recipient requires a service code (BT-10).', 'BT-10'),
        ];
    }
    const service = chosenService(facts, recipient);
    if (service?.active)
        return [];
    const [fr, en] = service ? ['inactif', 'inactive'] : ['inconnu', 'unknown'];
    return [
        (0, finding_1.platformFinding)('FF-SERVICE-01', `Code service "${code}" ${fr} chez ce destinataire. / Service code "${code}" is ${en} for this recipient.`, 'BT-10'),
    ];
}
/**
 * FF-EJ-01: the engagement number (BT-13) is at most 50 characters, and is given when the recipient
 * (numeroEJDoitEtreRenseigne) or the chosen service (numeroEngagement) requires it.
 */
function FF_EJ_01(facts, recipient) {
    const engagement = (0, finding_1.given)(facts.engagementNumber);
    if (engagement !== undefined) {
        if (engagement.length <= exports.MAX_ENGAGEMENT_LENGTH)
            return [];
        return [
            (0, finding_1.platformFinding)('FF-EJ-01', `Le numéro d'engagement dépasse ${exports.MAX_ENGAGEMENT_LENGTH} caractères (${engagement.length}). / ` +
                `The engagement number exceeds ${exports.MAX_ENGAGEMENT_LENGTH} characters (${engagement.length}).`, 'BT-13'),
        ];
    }
    if (!recipient)
        return [];
    const service = chosenService(facts, recipient);
    const requiredBy = recipient.numeroEJDoitEtreRenseigne
        ? ['ce destinataire', 'this recipient']
        : service?.engagementRequired
            ? [`le service ${service.code}`, `service ${service.code}`]
            : undefined;
    if (!requiredBy)
        return [];
    const [fr, en] = requiredBy;
    return [
        (0, finding_1.platformFinding)('FF-EJ-01', `Le numéro d'engagement est obligatoire pour ${fr}. / An engagement number (BT-13) is required by ${en}.`, 'BT-13'),
    ];
}
/** FF-EJ-02: a recipient with gestionNumeroEJOuCodeService needs the service code or the engagement number. */
function FF_EJ_02(facts, recipient) {
    if (!recipient.gestionNumeroEJOuCodeService)
        return [];
    if ((0, finding_1.given)(facts.serviceCode) || (0, finding_1.given)(facts.engagementNumber))
        return [];
    return [
        (0, finding_1.platformFinding)('FF-EJ-02', "Le code service ou le numéro d'engagement est obligatoire pour ce destinataire. / " +
            'This recipient requires a service code (BT-10) or an engagement number (BT-13).', 'BT-10'),
    ];
}
/** FF-EUR-01: invoices to a public buyer are in euros (BT-5). */
function FF_EUR_01(invoice, recipient) {
    const currency = invoice.currencyCode?.trim();
    if (!recipient.public || currency === 'EUR')
        return [];
    return [
        (0, finding_1.platformFinding)('FF-EUR-01', `Une facture à un destinataire public doit être en EUR, pas en ${currency || '(vide)'}. / ` +
            `Invoices to a public buyer must be in EUR, not ${currency || '(empty)'}.`, 'BT-5'),
    ];
}
//# sourceMappingURL=routing.js.map