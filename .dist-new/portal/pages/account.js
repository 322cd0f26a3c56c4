"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accountPages = accountPages;
const html_1 = require("../html");
/**
 * Mon compte, Mes notifications (which invoice emails to receive, per structure, and the daily digest),
 * and Mes rattachements (ask to be attached to a structure, follow and decide requests).
 */
function accountPages() {
    return [
        {
            path: '/mon-compte',
            signedIn: true,
            page: () => ({
                title: 'Mon compte',
                script: 'account',
                content: `<h1>Mon compte</h1>
<div data-account><p>Chargement…</p></div>
<ul class="fr-links-group"><li><a class="fr-link" href="/mot-de-passe-oublie">Changer mon mot de passe</a></li><li><a class="fr-link" href="/mon-compte/notifications">Mes notifications</a></li></ul>
<h2 class="fr-mt-4w">Mes structures</h2>
<div data-structures><p>Chargement…</p></div>
<p><a class="fr-btn fr-btn--secondary" href="/structures">Créer une structure</a> <a class="fr-btn fr-btn--secondary" href="/rattachements">Demander un rattachement</a></p>`,
            }),
        },
        {
            path: '/mon-compte/notifications',
            signedIn: true,
            page: () => ({
                title: 'Mes notifications',
                script: 'notifications',
                content: `<h1>Mes notifications</h1>
<p>Choisissez, pour chacune de vos structures, les courriels que vous recevez sur ses factures. Les nouvelles factures reçues peuvent arriver une par une ou réunies dans un récapitulatif quotidien.</p>
${html_1.notice}
<div data-preferences><p>Chargement…</p></div>`,
            }),
        },
        {
            path: '/rattachements',
            signedIn: true,
            page: () => ({
                title: 'Mes rattachements',
                script: 'attachments',
                content: `<h1>Mes rattachements</h1>
<h2>Demander un rattachement à une structure</h2>
<p>Pour agir pour une structure déjà inscrite, demandez à y être rattaché : ses gestionnaires acceptent ou refusent votre demande.</p>
<form data-form="find-structure" role="search" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'identifier', label: 'Rechercher une structure', required: true, hint: 'Son nom, sa ville, ou son SIRET (ou ses premiers chiffres). Majuscules et accents sont sans importance.' })}
${(0, html_1.submit)('Rechercher')}
</form>
<div data-found></div>
${html_1.notice}
<h2 class="fr-mt-4w">Mes demandes</h2>
<div data-mine><p>Chargement…</p></div>
<h2 class="fr-mt-4w">Demandes à traiter</h2>
<p>Les demandes de rattachement aux structures dont vous êtes gestionnaire.</p>
<div data-to-decide><p>Chargement…</p></div>`,
            }),
        },
    ];
}
//# sourceMappingURL=account.js.map