"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authPages = authPages;
const html_1 = require("../html");
const password = (name, label, autocomplete) => (0, html_1.input)({
    name,
    label,
    type: 'password',
    required: true,
    autocomplete,
    hint: name === 'password' ? 'Au moins 12 caractères.' : undefined,
});
const welcome = {
    path: '/',
    signedIn: false,
    page: () => ({
        title: 'Accueil',
        script: 'home',
        content: `<h1>Facturez le secteur public, suivez vos factures</h1>
<p class="fr-text--lead">Déposez vos factures aux acheteurs publics, suivez leur traitement jusqu'à la mise en paiement, et traitez les factures que reçoit votre structure publique.</p>
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-4"><div class="fr-tile fr-enlarge-link"><div class="fr-tile__body"><div class="fr-tile__content"><h2 class="fr-tile__title"><a href="/factures/depot">Déposer une facture</a></h2><p class="fr-tile__desc">Saisie, PDF, XML ou Factur-X.</p></div></div></div></div>
<div class="fr-col-12 fr-col-md-4"><div class="fr-tile fr-enlarge-link"><div class="fr-tile__body"><div class="fr-tile__content"><h2 class="fr-tile__title"><a href="/factures/emises">Factures émises</a></h2><p class="fr-tile__desc">Statuts, historique, pièces, attestation de dépôt.</p></div></div></div></div>
<div class="fr-col-12 fr-col-md-4"><div class="fr-tile fr-enlarge-link"><div class="fr-tile__body"><div class="fr-tile__content"><h2 class="fr-tile__title"><a href="/factures/recues">Factures reçues</a></h2><p class="fr-tile__desc">Pour les structures publiques : traitement et mise en paiement.</p></div></div></div></div>
</div>
<p class="fr-mt-4w">Pas encore de compte ? <a href="/creer-un-compte">Créer un compte</a>. Déjà inscrit ? <a href="/connexion">Se connecter</a>.</p>`,
    }),
};
const signUp = {
    path: '/creer-un-compte',
    signedIn: false,
    page: () => ({
        title: 'Créer un compte',
        script: 'register',
        content: `<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<h1>Créer un compte</h1>
<p>Les champs marqués d'un astérisque (*) sont obligatoires.</p>
<form data-form="register" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique (identifiant)', type: 'email', required: true, autocomplete: 'email', hint: 'Format attendu : nom@domaine.fr' })}
${(0, html_1.input)({ name: 'firstName', label: 'Prénom', required: true, autocomplete: 'given-name' })}
${(0, html_1.input)({ name: 'lastName', label: 'Nom', required: true, autocomplete: 'family-name' })}
${(0, html_1.input)({ name: 'phone', label: 'Téléphone', type: 'tel', autocomplete: 'tel' })}
${(0, html_1.input)({ name: 'contactEmail', label: 'Adresse électronique de contact', type: 'email', hint: 'Par défaut, votre identifiant.' })}
${(0, html_1.input)({ name: 'siret', label: 'SIRET de votre entreprise', hint: '14 chiffres, facultatif.', attrs: 'inputmode="numeric"' })}
${(0, html_1.checkbox)({ name: 'acceptTerms', label: "J'accepte les conditions générales d'utilisation", required: true })}
${(0, html_1.submit)('Créer mon compte')}
</form>
${html_1.notice}
</div></div>`,
    }),
};
const activation = {
    path: '/activation',
    signedIn: false,
    page: () => ({
        title: 'Activer mon compte',
        script: 'activation',
        content: `<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<h1>Activer mon compte</h1>
<p>Choisissez votre mot de passe pour activer votre compte. Le lien reçu par courriel est valable 60 minutes.</p>
<form data-form="activation" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique', type: 'email', required: true, autocomplete: 'username' })}
${password('password', 'Mot de passe', 'new-password')}
${password('confirmation', 'Confirmation du mot de passe', 'new-password')}
${(0, html_1.submit)('Activer mon compte')}
</form>
${html_1.notice}
</div></div>`,
    }),
};
const signIn = {
    path: '/connexion',
    signedIn: false,
    page: () => ({
        title: 'Connexion',
        script: 'sign-in',
        content: `<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<h1>Se connecter</h1>
<form data-form="sign-in" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique', type: 'email', required: true, autocomplete: 'username' })}
${(0, html_1.input)({ name: 'password', label: 'Mot de passe', type: 'password', required: true, autocomplete: 'current-password' })}
<p><a href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
${(0, html_1.submit)('Se connecter')}
</form>
<hr><p>Vous n'avez pas de compte ? <a href="/creer-un-compte">Créer un compte</a></p>
</div></div>`,
    }),
};
const passwordForgotten = {
    path: '/mot-de-passe-oublie',
    signedIn: false,
    page: () => ({
        title: 'Mot de passe oublié',
        script: 'password-reset',
        content: `<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<h1>Mot de passe oublié</h1>
<p>Indiquez l'adresse de votre compte : un lien pour choisir un nouveau mot de passe vous sera envoyé (valable 60 minutes).</p>
<form data-form="password-reset" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique', type: 'email', required: true, autocomplete: 'username' })}
${(0, html_1.submit)('Recevoir un lien')}
</form>
${html_1.notice}
<h2 class="fr-mt-4w fr-h4">Lien d'activation perdu ou expiré ?</h2>
<form data-form="resend-activation" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'email', id: 'f-resend-email', label: 'Adresse électronique du compte à activer', type: 'email', required: true })}
${(0, html_1.submit)('Recevoir un nouveau lien d’activation')}
</form>
</div></div>`,
    }),
};
const passwordReset = {
    path: '/mot-de-passe/reinitialisation',
    signedIn: false,
    page: () => ({
        title: 'Nouveau mot de passe',
        script: 'password-confirm',
        content: `<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
<h1>Choisir un nouveau mot de passe</h1>
<form data-form="password-confirm" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique', type: 'email', required: true, autocomplete: 'username' })}
${password('password', 'Nouveau mot de passe', 'new-password')}
${password('confirmation', 'Confirmation du mot de passe', 'new-password')}
${(0, html_1.submit)('Changer mon mot de passe')}
</form>
${html_1.notice}
</div></div>`,
    }),
};
const outbox = {
    path: '/outbox',
    signedIn: true,
    operator: true,
    page: () => ({
        title: 'Courriels envoyés (développement)',
        script: 'outbox',
        content: `<h1>Courriels envoyés</h1>
<div class="fr-alert fr-alert--warning fr-mb-4w"><p>Aucun serveur de messagerie n'est configuré : les courriels de la plateforme sont conservés ici. À n'utiliser qu'en développement.</p></div>
<div data-outbox><p>Chargement…</p></div>
<div data-message></div>`,
    }),
};
/** Welcome, account creation, activation, sign-in, password reset and the development outbox. */
function authPages({ devOutbox }) {
    const pages = [welcome, signUp, activation, signIn, passwordForgotten, passwordReset];
    return devOutbox ? [...pages, outbox] : pages;
}
//# sourceMappingURL=auth.js.map