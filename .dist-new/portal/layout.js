"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.menuEntries = menuEntries;
exports.layout = layout;
const html_1 = require("./html");
/**
 * The menu entries the user's roles open, in menu order: supplier spaces when one of their structures
 * issues invoices (its "Factures émises" space), the buyer space when one receives them, the advisors'
 * page for operators and members of public structures (who answer the requests addressed to their
 * services), the operators' pages. Structures and memberships are for everyone: a user without a
 * structure finds there how to create or join one.
 */
function menuEntries({ caller, structures, devOutbox }) {
    const has = (space) => structures.some((s) => s.spaces.includes(space));
    const supplier = has('FACTURES_EMISES');
    const advisor = caller.operator || structures.some((s) => s.public);
    const entries = [
        ['/factures/emises', 'Factures émises', supplier],
        ['/factures/depot', 'Déposer une facture', supplier],
        ['/factures/recues', 'Factures reçues', has('FACTURES_RECUES')],
        ['/structures', 'Structures', true],
        ['/rattachements', 'Rattachements', true],
        ['/flux', 'Suivi des flux', supplier],
        ['/applications', 'Applications', supplier],
        // Operators validate the applications in qualification there.
        ['/raccordements', 'Raccordements', supplier || caller.operator],
        ['/conseillers', 'Conseillers', advisor],
        ['/outbox', 'Courriels envoyés', caller.operator && !!devOutbox],
    ];
    return entries.filter(([, , shown]) => shown).map(([href, label]) => [href, label]);
}
/** The DSFR page shell: skip links, header with navigation, main content, support panel, footer. */
function layout(page, opts) {
    const signedIn = !!opts.caller;
    const nav = opts.caller
        ? menuEntries({ caller: opts.caller, structures: opts.structures ?? [], devOutbox: opts.devOutbox })
        : [];
    const tools = signedIn
        ? `<li><a class="fr-btn fr-icon-account-circle-line" href="/mon-compte">Mon compte</a></li>` +
            `<li><a class="fr-btn fr-icon-notification-3-line" href="/mon-compte/notifications">Mes notifications</a></li>` +
            `<li><button class="fr-btn fr-icon-logout-box-r-line" type="button" data-sign-out>Se déconnecter</button></li>`
        : `<li><a class="fr-btn fr-icon-lock-line" href="/connexion">Se connecter</a></li>` +
            `<li><a class="fr-btn fr-icon-account-line" href="/creer-un-compte">Créer un compte</a></li>`;
    const help = `<li><button class="fr-btn fr-icon-question-line" type="button" aria-controls="support-panel" data-fr-opened="false">Aide</button></li>`;
    const menu = signedIn
        ? `<nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal"><ul class="fr-nav__list">` +
            nav
                .map(([href, label]) => `<li class="fr-nav__item"><a class="fr-nav__link" href="${href}"${opts.path === href || opts.path.startsWith(`${href}/`) ? ' aria-current="page"' : ''}>${label}</a></li>`)
                .join('') +
            `</ul></nav>`
        : '';
    return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>${(0, html_1.esc)(page.title)} — facturflow</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/dsfr/utility/icons/icons.min.css">
<link rel="stylesheet" href="/portail/portal.css">
<link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml">
</head>
<body>
<div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide"><ul class="fr-skiplinks__list">
<li><a class="fr-link" href="#contenu">Contenu</a></li>${signedIn ? '<li><a class="fr-link" href="#navigation">Menu</a></li>' : ''}
</ul></nav></div>
<header role="banner" class="fr-header">
<div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
<div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top">
<div class="fr-header__navbar"><button class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="menu-modal" aria-haspopup="menu" id="menu-button" title="Menu">Menu</button></div>
</div>
<div class="fr-header__service"><a href="/" title="Accueil — facturflow"><p class="fr-header__service-title">facturflow</p></a>
<p class="fr-header__service-tagline">La facturation électronique avec le secteur public</p></div>
</div>
<div class="fr-header__tools"><div class="fr-header__tools-links"><ul class="fr-btns-group">${help}${tools}</ul></div></div>
</div></div></div>
<div class="fr-header__menu fr-modal" id="menu-modal" aria-labelledby="menu-button"><div class="fr-container">
<button class="fr-btn--close fr-btn" aria-controls="menu-modal" title="Fermer">Fermer</button>
<div class="fr-header__menu-links"></div>
${menu}
</div></div>
</header>
<main id="contenu" role="main" tabindex="-1"><div class="fr-container fr-my-6w">
${page.content}
</div></main>
<dialog aria-labelledby="support-title" id="support-panel" class="fr-modal" role="dialog">
<div class="fr-container fr-container--fluid fr-container-md"><div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<div class="fr-modal__body"><div class="fr-modal__header"><button class="fr-btn--close fr-btn" aria-controls="support-panel" type="button">Fermer</button></div>
<div class="fr-modal__content">
<h1 id="support-title" class="fr-modal__title">Aide en ligne</h1>
<div class="ff-chat" data-chat-log aria-live="polite"><p>Posez votre question : l'assistant répond à tout moment.</p></div>
<div data-chat-offer></div>
<form data-chat-form>
<div class="fr-input-group"><label class="fr-label" for="support-question">Votre question</label>
<input class="fr-input" id="support-question" name="question" maxlength="1000" required></div>
<button class="fr-btn" type="submit">Envoyer</button>
</form>
</div></div></div></div></div>
</dialog>
<footer class="fr-footer" role="contentinfo" id="footer"><div class="fr-container">
<div class="fr-footer__body"><div class="fr-footer__brand"><a href="/" title="Accueil — facturflow">facturflow</a></div>
<div class="fr-footer__content"><p class="fr-footer__content-desc">Plateforme libre de facturation électronique pour les fournisseurs du secteur public et les acheteurs publics.</p>
<ul class="fr-footer__content-list"><li class="fr-footer__content-item"><a class="fr-footer__content-link" href="/api/openapi.json">API (OpenAPI)</a></li></ul></div></div>
<div class="fr-footer__bottom"><div class="fr-footer__bottom-copy"><p>Logiciel libre sous licence AGPL-3.0.</p></div></div>
</div></footer>
<script type="module" src="/dsfr/dsfr.module.min.js"></script>
<script type="module" src="/portail/js/${page.script}.js"></script>
</body>
</html>`;
}
//# sourceMappingURL=layout.js.map