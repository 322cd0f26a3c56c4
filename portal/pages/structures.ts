import { checkbox, errorSummary, esc, input, notice, select, submit } from '../html';
import type { PortalRoute } from '../server';

export const IDENTIFIER_TYPES: [string, string][] = [
  ['SIRET', 'SIRET'],
  ['UE_HORS_FRANCE', 'Structure européenne hors France'],
  ['HORS_UE', 'Structure hors Union européenne'],
  ['RIDET', 'RIDET (Nouvelle-Calédonie)'],
  ['TAHITI', 'Numéro TAHITI (Polynésie française)'],
  ['PARTICULIER', 'Particulier'],
  ['AUTRE', 'Autre'],
];

const SPACES: [string, string][] = [
  ['FACTURES_EMISES', 'Factures émises'],
  ['FACTURES_RECUES', 'Factures reçues'],
  ['FACTURES_TRAVAUX', 'Factures de travaux'],
  ['MEMOIRES_JUSTICE', 'Mémoires de justice'],
  ['ENGAGEMENTS', 'Engagements'],
  ['SOLLICITATIONS', 'Sollicitations'],
];

const address = [
  input({ name: 'address.street', label: 'Adresse', autocomplete: 'street-address' }),
  input({ name: 'address.postalCode', label: 'Code postal', autocomplete: 'postal-code' }),
  input({ name: 'address.city', label: 'Ville', autocomplete: 'address-level2' }),
  input({ name: 'address.countryCode', label: 'Pays (code ISO)', hint: 'FR si vide.' }),
].join('');

const TABS: [string, string][] = [
  ['general', 'Informations générales'],
  ['bank', 'Coordonnées bancaires'],
  ['services', 'Services'],
  ['parameters', 'Paramètres destinataire'],
  ['spaces', 'Personnalisation'],
  ['manager', 'Activités du gestionnaire'],
];

/** One service of the creation form: code, name, engagement number required (row `n`, or a template). */
export function serviceRow(n: number | '__N__'): string {
  // Labels number the rows from 1, so that an error in the form's summary says which row it is about.
  const nth = typeof n === 'number' ? String(n + 1) : '__NTH__';
  return `<div class="fr-grid-row fr-grid-row--gutters" data-service-row="${n}">
<div class="fr-col-12 fr-col-md-4">${input({ name: `services.${n}.code`, label: `Code service ${nth}` })}</div>
<div class="fr-col-12 fr-col-md-5">${input({ name: `services.${n}.name`, label: `Nom du service ${nth}` })}</div>
<div class="fr-col-12 fr-col-md-3 fr-mt-md-4w">${checkbox({ name: `services.${n}.engagementRequired`, label: "Numéro d'engagement obligatoire" })}</div>
</div>`;
}

/** What the creator of a structure says about it as a recipient: public buyer, services, required data. */
const recipientSetup = `<fieldset class="fr-fieldset fr-mt-3w"><legend class="fr-fieldset__legend">Structure destinataire de factures</legend>
<div class="fr-fieldset__element">${checkbox({
  name: 'public',
  label: 'Structure publique (commune, établissement public, administration…)',
  hint: 'Le support vérifie l’identité d’une structure publique avant qu’elle ne paraisse dans l’annuaire et ne reçoive des factures.',
})}</div>
<div class="fr-fieldset__element">${checkbox({ name: 'parameters.codeServiceDoitEtreRenseigne', label: 'Les factures doivent porter un code service' })}</div>
<div class="fr-fieldset__element">${checkbox({ name: 'parameters.numeroEJDoitEtreRenseigne', label: "Les factures doivent porter un numéro d'engagement" })}</div>
</fieldset>
<fieldset class="fr-fieldset" data-services-rows><legend class="fr-fieldset__legend">Services <span class="fr-hint-text">Facultatif : les services auxquels les fournisseurs adressent leurs factures ; une ligne vide est ignorée. Code : lettres, chiffres, tiret, point, souligné.</span></legend>
${serviceRow(0)}${serviceRow(1)}
</fieldset>
<template data-service-template>${serviceRow('__N__')}</template>
<p><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-add-service>Ajouter un service</button></p>`;

function panel(id: string, content: string, selected: boolean): string {
  return `<div id="panel-${id}" class="fr-tabs__panel${selected ? ' fr-tabs__panel--selected' : ''}" role="tabpanel" aria-labelledby="tab-${id}" tabindex="0">${content}</div>`;
}

/** Mes structures (list, create) and the fiche structure with its tabs. */
export function structurePages(): PortalRoute[] {
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
${errorSummary}
<div class="fr-grid-row fr-grid-row--gutters"><div class="fr-col-12 fr-col-md-6">
${select({ name: 'identifierType', label: "Type d'identifiant", required: true, options: IDENTIFIER_TYPES, value: 'SIRET' })}
${input({ name: 'identifier', label: 'Identifiant', required: true, hint: 'Pour un SIRET : 14 chiffres, espaces et points acceptés (ex. 412 345 678 00012).' })}
${input({ name: 'name', label: 'Raison sociale', hint: 'Facultative pour un SIRET connu du répertoire.' })}
${input({ name: 'vatNumber', label: 'Numéro de TVA intracommunautaire', hint: 'Par exemple FR44732829320.' })}
${input({ name: 'email', label: 'Adresse électronique de la structure', type: 'email' })}
</div><div class="fr-col-12 fr-col-md-6">${address}</div></div>
${recipientSetup}
${submit('Créer la structure')}
</form>
${notice}`,
      }),
    },
    {
      path: '/structures/:structureId',
      signedIn: true,
      page: ({ structureId }) => ({
        title: 'Fiche structure',
        script: 'structure',
        content: `<div data-structure-id="${esc(structureId)}"></div>
<h1 data-structure-title>Fiche structure</h1>
<p data-structure-identity></p>
${notice}
<div class="fr-tabs">
<ul class="fr-tabs__list" role="tablist" aria-label="Fiche structure">
${TABS.map(
  ([id, label], i) =>
    `<li role="presentation"><button type="button" id="tab-${id}" class="fr-tabs__tab" tabindex="${i === 0 ? 0 : -1}" role="tab" aria-selected="${i === 0}" aria-controls="panel-${id}">${label}</button></li>`,
).join('')}
</ul>
${panel(
  'general',
  `<form data-form="general" novalidate>${errorSummary}
<div class="fr-grid-row fr-grid-row--gutters"><div class="fr-col-12 fr-col-md-6">
${input({ name: 'name', label: 'Raison sociale', required: true })}
${input({ name: 'vatNumber', label: 'Numéro de TVA intracommunautaire' })}
${input({ name: 'rcs', label: 'RCS' })}
${input({ name: 'email', label: 'Adresse électronique', type: 'email' })}
</div><div class="fr-col-12 fr-col-md-6">${address}</div></div>
${submit('Enregistrer')}</form>`,
  true,
)}
${panel(
  'bank',
  `<div data-bank-accounts><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Ajouter des coordonnées bancaires</h2>
<form data-form="bank-account" novalidate>${errorSummary}
${input({ name: 'iban', label: 'IBAN', required: true, hint: 'Par exemple FR76 3000 6000 0112 3456 7890 189.' })}
${input({ name: 'bic', label: 'BIC', required: true, hint: '8 ou 11 caractères.' })}
${input({ name: 'label', id: 'f-bank-label', label: 'Libellé' })}
${checkbox({ name: 'factor', label: "Compte d'un affactureur (factor)" })}
${submit('Ajouter')}</form>`,
  false,
)}
${panel(
  'services',
  `<div data-services><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Ajouter un service</h2>
<form data-form="service" novalidate>${errorSummary}
${input({ name: 'code', label: 'Code service', required: true, hint: 'Lettres, chiffres, tiret, point, souligné.' })}
${input({ name: 'name', id: 'f-service-name', label: 'Nom du service', required: true })}
${input({ name: 'validFrom', label: 'Début de validité', type: 'date' })}
${input({ name: 'validTo', label: 'Fin de validité', type: 'date' })}
${checkbox({ name: 'engagementRequired', label: "Numéro d'engagement obligatoire pour ce service" })}
${submit('Ajouter le service')}</form>`,
  false,
)}
${panel(
  'parameters',
  `<p>Ce que doivent porter les factures adressées à cette structure.</p>
<form data-form="parameters" novalidate>${errorSummary}
<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Données obligatoires</legend>
<div class="fr-fieldset__element">${checkbox({ name: 'codeServiceDoitEtreRenseigne', label: 'Le code service doit être renseigné' })}</div>
<div class="fr-fieldset__element">${checkbox({ name: 'numeroEJDoitEtreRenseigne', label: "Le numéro d'engagement doit être renseigné" })}</div>
<div class="fr-fieldset__element">${checkbox({ name: 'gestionNumeroEJOuCodeService', label: "Le code service ou le numéro d'engagement doit être renseigné" })}</div>
</fieldset>
${submit('Enregistrer les paramètres')}</form>`,
  false,
)}
${panel(
  'spaces',
  `<p>Les espaces du portail que la structure utilise.</p>
<form data-form="spaces" novalidate>${errorSummary}
<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Espaces</legend>
${SPACES.map(([v, l]) => `<div class="fr-fieldset__element">${checkbox({ name: `space-${v}`, label: l })}</div>`).join('')}
</fieldset>
${submit('Enregistrer la personnalisation')}</form>
<h2 class="fr-h5 fr-mt-4w">Notifications</h2>
<div class="fr-toggle"><input type="checkbox" class="fr-toggle__input" id="f-subscription" data-subscription aria-describedby="f-subscription-hint">
<label class="fr-toggle__label" for="f-subscription">Recevoir un courriel à chaque étape des factures de cette structure</label>
<p class="fr-hint-text" id="f-subscription-hint">Pour vous seul : arrivée d’une facture dans l’espace de l’acheteur, traitement par l’acheteur.</p></div>`,
  false,
)}
${panel(
  'manager',
  `<h2 class="fr-h4">Demandes de rattachement à traiter</h2><div data-to-decide><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Utilisateurs de la structure</h2><div data-members><p>Chargement…</p></div>`,
  false,
)}
</div>`,
      }),
    },
  ];
}
