"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.supportPages = supportPages;
const html_1 = require("../html");
/**
 * The advisors' page: live chats waiting for an advisor (support staff, i.e. operators) and the
 * requests (sollicitations) routed to support or to the buyer's services the caller belongs to.
 */
function supportPages() {
    return [
        {
            path: '/conseillers',
            signedIn: true,
            page: (_params, caller) => ({
                title: 'Espace conseillers',
                script: 'advisors',
                content: `<h1>Espace conseillers</h1>
${html_1.notice}
${caller?.operator
                    ? `<section data-chats><h2>Discussions en direct</h2>
<p><button type="button" class="fr-btn fr-btn--secondary" data-availability aria-pressed="false">Me rendre disponible</button></p>
<div data-chat-queue aria-live="polite"><p>Chargement…</p></div>
<div data-live hidden class="ff-box fr-mt-3w"><h3 class="fr-h5">Discussion en cours</h3>
<div class="ff-chat" data-live-log aria-live="polite"></div>
<form data-form="advisor-message" novalidate>${html_1.errorSummary}
${(0, html_1.textarea)({ name: 'text', id: 'f-advisor-text', label: 'Votre message', required: true })}
<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit">Envoyer</button></li><li><button class="fr-btn fr-btn--secondary" type="button" data-end-chat>Terminer la discussion</button></li></ul>
</form></div></section>`
                    : ''}
<section class="fr-mt-4w"><h2>Sollicitations à traiter</h2>
<p>Les demandes adressées ${caller?.operator ? 'au support et ' : ''}aux services des structures auxquelles vous êtes rattaché.</p>
<div data-request-queue aria-live="polite"><p>Chargement…</p></div>
<div data-request hidden class="ff-box fr-mt-3w"><h3 class="fr-h5" data-request-subject tabindex="-1"></h3>
<div data-request-messages></div>
<form data-form="answer" novalidate>${html_1.errorSummary}
${(0, html_1.textarea)({ name: 'text', id: 'f-answer-text', label: 'Votre réponse (envoyée par courriel au demandeur)', required: true })}
${(0, html_1.checkbox)({ name: 'needsUser', label: 'J’attends une réponse du demandeur' })}
${(0, html_1.submit)('Répondre', '<li><button class="fr-btn fr-btn--secondary" type="button" data-close-request>Clôturer la demande</button></li>')}
</form></div></section>`,
            }),
        },
    ];
}
//# sourceMappingURL=support.js.map