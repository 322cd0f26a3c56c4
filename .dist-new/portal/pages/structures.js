"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDENTIFIER_TYPES = void 0;
exports.serviceRow = serviceRow;
exports.structurePages = structurePages;
const html_1 = require("../html");
exports.IDENTIFIER_TYPES = [
    ['SIRET', 'SIRET'],
    ['UE_HORS_FRANCE', 'Structure européenne hors France'],
    ['HORS_UE', 'Structure hors Union européenne'],
    ['RIDET', 'RIDET (Nouvelle-Calédonie)'],
    ['TAHITI', 'Numéro TAHITI (Polynésie française)'],
    ['PARTICULIER', 'Particulier'],
    ['AUTRE', 'Autre'],
];
const SPACES = [
    ['FACTURES_EMISES', 'Factures émises'],
    ['FACTURES_RECUES', 'Factures reçues'],
    ['FACTURES_TRAVAUX', 'Factures de travaux'],
    ['MEMOIRES_JUSTICE', 'Mémoires de justice'],
    ['ENGAGEMENTS', 'Engagements'],
    ['SOLLICITATIONS', 'Sollicitations'],
];
const address = [
    (0, html_1.input)({ name: 'address.street', label: 'Adresse', autocomplete: 'street-address' }),
    (0, html_1.input)({ name: 'address.postalCode', label: 'Code postal', autocomplete: 'postal-code' }),
    (0, html_1.input)({ name: 'address.city', label: 'Ville', autocomplete: 'address-level2' }),
    (0, html_1.input)({ name: 'address.countryCode', label: 'Pays (code ISO)', hint: 'FR si vide.' }),
].join('');
const TABS = [
    ['general', 'Informations générales'],
    ['bank', 'Coordonnées bancaires'],
    ['services', 'Services'],
    ['parameters', 'Paramètres destinataire'],
    ['spaces', 'Personnalisation'],
    ['manager', 'Activités du gestionnaire'],
];
/** One service of the creation form: code, name, engagement number required (row `n`, or a template). */
function serviceRow(n) {
    // Labels number the rows from 1, so that an error in the form's summary says which row it is about.
    const nth = typeof n === 'number' ? String(n + 1) : '__NTH__';
    return `<div class="fr-grid-row fr-grid-row--gutters" data-service-row="${n}">
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: `services.${n}.code`, label: `Code service ${nth}` })}</div>
<div class="fr-col-12 fr-col-md-5">${(0, html_1.input)({ name: `services.${n}.name`, label: `Nom du service ${nth}` })}</div>
<div class="fr-col-12 fr-col-md-3 fr-mt-md-4w">${(0, html_1.checkbox)({ name: `services.${n}.engagementRequired`, label: "Numéro d'engagement obligatoire" })}</div>
</div>`;
}
/** What the creator of a structure says about it as a recipient: public buyer, services, required data. */
const recipientSetup = `<fieldset class="fr-fieldset fr-mt-3w"><legend class="fr-fieldset__legend">Structure destinataire de factures</legend>
<div class="fr-fieldset__element">${(0, html_1.checkbox)({
    name: 'public',
    label: 'Structure publique (commune, établissement public, administration…)',
    hint: 'Le support vérifie l’identité d’une structure publique avant qu’elle ne paraisse dans l’annuaire et ne reçoive des factures.',
})}</div>
<div class="fr-fieldset__element">${(0, html_1.checkbox)({ name: 'parameters.codeServiceDoitEtreRenseigne', label: 'Les factures doivent porter un code service' })}</div>
<div class="fr-fieldset__element">${(0, html_1.checkbox)({ name: 'parameters.numeroEJDoitEtreRenseigne', label: "Les factures doivent porter un numéro d'engagement" })}</div>
</fieldset>
<fieldset class="fr-fieldset" data-services-rows><legend class="fr-fieldset__legend">Services <span class="fr-hint-text">Facultatif : les services auxquels les fournisseurs adressent leurs factures ; une ligne vide est ignorée. Code : lettres, chiffres, tiret, point, souligné.</span></legend>
${serviceRow(0)}${serviceRow(1)}
</fieldset>
<template data-service-template>${serviceRow('__N__')}</template>
<p><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-add-service>Ajouter un service</button></p>`;
function panel(id, content, selected) {
    return `<div id="panel-${id}" class="fr-tabs__panel${selected ? ' fr-tabs__panel--selected' : ''}" role="tabpanel" aria-labelledby="tab-${id}" tabindex="0">${content}</div>`;
}
/** Mes structures (list, create) and the fiche structure with its tabs. */
function structurePages() {
    return [
        {
            path: '/structures',
            signedIn: true,
            page: () => ({
                title: 'Mes structures',
                script: 'structures',
                content: `<h1>Mes structures</h1>
<div data-structures><p>Chargement…</p></div>
<h2 class="fr-mt-4w">Créer une structure</h2>
<p>Vous en deviendrez le gestionnaire principal. Un SIRET est vérifié auprès du répertoire des entreprises, qui complète la raison sociale et l'adresse laissées vides. Une commune ou un autre acheteur public crée ici sa structure publique et ses services.</p>
<form data-form="structure-create" novalidate>
${html_1.errorSummary}
<div class="fr-grid-row fr-grid-row--gutters"><div class="fr-col-12 fr-col-md-6">
${(0, html_1.select)({ name: 'identifierType', label: "Type d'identifiant", required: true, options: exports.IDENTIFIER_TYPES, value: 'SIRET' })}
${(0, html_1.input)({ name: 'identifier', label: 'Identifiant', required: true, hint: 'Pour un SIRET : 14 chiffres, espaces et points acceptés (ex. 412 345 678 00012).' })}
${(0, html_1.input)({ name: 'name', label: 'Raison sociale', hint: 'Facultative pour un SIRET connu du répertoire.' })}
${(0, html_1.input)({ name: 'vatNumber', label: 'Numéro de TVA intracommunautaire', hint: 'Par exemple FR44732829320.' })}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique de la structure', type: 'email' })}
</div><div class="fr-col-12 fr-col-md-6">${address}</div></div>
${recipientSetup}
${(0, html_1.submit)('Créer la structure')}
</form>
${html_1.notice}`,
            }),
        },
        {
            path: '/structures/:structureId',
            signedIn: true,
            page: ({ structureId }) => ({
                title: 'Fiche structure',
                script: 'structure',
                content: `<div data-structure-id="${(0, html_1.esc)(structureId)}"></div>
<h1 data-structure-title>Fiche structure</h1>
<p data-structure-identity></p>
${html_1.notice}
<div class="fr-tabs">
<ul class="fr-tabs__list" role="tablist" aria-label="Fiche structure">
${TABS.map(([id, label], i) => `<li role="presentation"><button type="button" id="tab-${id}" class="fr-tabs__tab" tabindex="${i === 0 ? 0 : -1}" role="tab" aria-selected="${i === 0}" aria-controls="panel-${id}">${label}</button></li>`).join('')}
</ul>
${panel('general', `<form data-form="general" novalidate>${html_1.errorSummary}
<div class="fr-grid-row fr-grid-row--gutters"><div class="fr-col-12 fr-col-md-6">
${(0, html_1.input)({ name: 'name', label: 'Raison sociale', required: true })}
${(0, html_1.input)({ name: 'vatNumber', label: 'Numéro de TVA intracommunautaire' })}
${(0, html_1.input)({ name: 'rcs', label: 'RCS' })}
${(0, html_1.input)({ name: 'email', label: 'Adresse électronique', type: 'email' })}
</div><div class="fr-col-12 fr-col-md-6">${address}</div></div>
${(0, html_1.submit)('Enregistrer')}</form>`, true)}
${panel('bank', `<div data-bank-accounts><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Ajouter des coordonnées bancaires</h2>
<form data-form="bank-account" novalidate>${html_1.errorSummary}
${(0, html_1.input)({ name: 'iban', label: 'IBAN', required: true, hint: 'Par exemple FR76 3000 6000 0112 3456 7890 189.' })}
${(0, html_1.input)({ name: 'bic', label: 'BIC', required: true, hint: '8 ou 11 caractères.' })}
${(0, html_1.input)({ name: 'label', id: 'f-bank-label', label: 'Libellé' })}
${(0, html_1.checkbox)({ name: 'factor', label: "Compte d'un affactureur (factor)" })}
${(0, html_1.submit)('Ajouter')}</form>`, false)}
${panel('services', `<div data-services><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Ajouter un service</h2>
<form data-form="service" novalidate>${html_1.errorSummary}
${(0, html_1.input)({ name: 'code', label: 'Code service', required: true, hint: 'Lettres, chiffres, tiret, point, souligné.' })}
${(0, html_1.input)({ name: 'name', id: 'f-service-name', label: 'Nom du service', required: true })}
${(0, html_1.input)({ name: 'validFrom', label: 'Début de validité', type: 'date' })}
${(0, html_1.input)({ name: 'validTo', label: 'Fin de validité', type: 'date' })}
${(0, html_1.checkbox)({ name: 'engagementRequired', label: "Numéro d'engagement obligatoire pour ce service" })}
${(0, html_1.submit)('Ajouter le service')}</form>`, false)}
${panel('parameters', `<p>Ce que doivent porter les factures adressées à cette structure.</p>
<form data-form="parameters" novalidate>${html_1.errorSummary}
<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Données obligatoires</legend>
<div class="fr-fieldset__element">${(0, html_1.checkbox)({ name: 'codeServiceDoitEtreRenseigne', label: 'Le code service doit être renseigné' })}</div>
<div class="fr-fieldset__element">${(0, html_1.checkbox)({ name: 'numeroEJDoitEtreRenseigne', label: "Le numéro d'engagement doit être renseigné" })}</div>
<div class="fr-fieldset__element">${(0, html_1.checkbox)({ name: 'gestionNumeroEJOuCodeService', label: "Le code service ou le numéro d'engagement doit être renseigné" })}</div>
</fieldset>
${(0, html_1.submit)('Enregistrer les paramètres')}</form>`, false)}
${panel('spaces', `<p>Les espaces du portail que la structure utilise.</p>
<form data-form="spaces" novalidate>${html_1.errorSummary}
<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Espaces</legend>
${SPACES.map(([v, l]) => `<div class="fr-fieldset__element">${(0, html_1.checkbox)({ name: `space-${v}`, label: l })}</div>`).join('')}
</fieldset>
${(0, html_1.submit)('Enregistrer la personnalisation')}</form>
<h2 class="fr-h5 fr-mt-4w">Notifications</h2>
<div class="fr-toggle"><input type="checkbox" class="fr-toggle__input" id="f-subscription" data-subscription aria-describedby="f-subscription-hint">
<label class="fr-toggle__label" for="f-subscription">Recevoir un courriel à chaque étape des factures de cette structure</label>
<p class="fr-hint-text" id="f-subscription-hint">Pour vous seul : arrivée d’une facture dans l’espace de l’acheteur, traitement par l’acheteur.</p></div>`, false)}
${panel('manager', `<h2 class="fr-h4">Demandes de rattachement à traiter</h2><div data-to-decide><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Utilisateurs de la structure</h2><div data-members><p>Chargement…</p></div>`, false)}
</div>`,
            }),
        },
    ];
}
//# sourceMappingURL=structures.js.map