"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.workPages = workPages;
const html_1 = require("../html");
const SYNTAXES = [
    ['IN_DP_E1_UBL_INVOICE', 'E1 — UBL 2.1 (XML seul)'],
    ['IN_DP_E1_CII_16B', 'E1 — CII D16B (XML seul)'],
    ['IN_DP_E2_UBL_INVOICE_MIN', 'E2 — UBL avec image PDF'],
    ['IN_DP_E2_CII_MIN_16B', 'E2 — CII avec image PDF'],
    ['IN_DP_E2_CII_FACTURX', 'E2 — Factur-X (PDF/A-3)'],
    ['IN_DP_E3_UBL_INVOICE', 'E3 — Mémoires de frais de justice (UBL)'],
];
/** Suivi des flux, Applications (ERP connections) and the support request form. */
function workPages() {
    return [
        {
            path: '/flux',
            signedIn: true,
            page: () => ({
                title: 'Suivi des flux',
                script: 'flows',
                content: `<h1>Suivi des flux</h1>
<p>Un flux dépose plusieurs factures à la fois (archive zip ou tar.gz, ou un seul fichier) ; chacune est intégrée ou rejetée, et le compte rendu d’intégration liste les erreurs.</p>
<form data-form="flow" novalidate>
${html_1.errorSummary}
${(0, html_1.select)({ name: 'syntaxeFlux', label: 'Syntaxe du flux', required: true, options: SYNTAXES })}
<div class="fr-upload-group" data-field="file"><label class="fr-label" for="f-flow-file">Fichier du flux<span class="fr-hint-text">zip, tar.gz, XML ou PDF ; 500 factures au plus.</span></label>
<input class="fr-upload" type="file" id="f-flow-file" name="file" required aria-describedby="f-flow-file-error"><p class="fr-error-text" id="f-flow-file-error" hidden></p></div>
${(0, html_1.submit)('Déposer le flux')}
</form>
${html_1.notice}
<h2 class="fr-mt-4w">Mes flux</h2>
<div data-flows aria-live="polite"><p>Chargement…</p></div>
<div data-report></div>`,
            }),
        },
        {
            path: '/applications',
            signedIn: true,
            page: () => ({
                title: 'Applications',
                script: 'applications',
                content: `<h1>Applications</h1>
<p>Connectez votre logiciel de facturation : la plateforme récupère ses factures, les dépose une seule fois chacune, et lui renvoie les statuts des acheteurs. Une facture non déposée ou rejetée apparaît avec son motif : corrigez-la dans le logiciel, puis « Réessayer ».</p>
${(0, html_1.select)({ name: 'structureId', label: 'Structure', options: [], placeholder: 'Choisir une structure' })}
${html_1.notice}
<h2 class="fr-mt-4w">Connexions</h2>
<div data-connections aria-live="polite"><p>Choisissez une structure.</p></div>
<h2 class="fr-mt-4w">Ajouter une connexion</h2>
<form data-form="connection" novalidate>
${html_1.errorSummary}
${(0, html_1.select)({ name: 'connectorId', label: 'Logiciel', required: true, options: [], placeholder: 'Choisir un logiciel' })}
${(0, html_1.input)({ name: 'label', label: 'Libellé' })}
<div data-connector-fields></div>
${(0, html_1.submit)('Tester et enregistrer la connexion')}
</form>
<dialog data-delete-dialog aria-labelledby="delete-connection-title" aria-describedby="delete-connection-text">
<h2 id="delete-connection-title" class="fr-h5">Supprimer la connexion « <span data-delete-name></span> » ?</h2>
<p id="delete-connection-text">Sa synchronisation s’arrête et ses identifiants sont effacés. Les factures déjà déposées et leur historique restent.</p>
<ul class="fr-btns-group fr-btns-group--inline-sm"><li><button type="button" class="fr-btn" data-delete-confirm>Supprimer la connexion</button></li><li><button type="button" class="fr-btn fr-btn--secondary" data-delete-cancel>Annuler</button></li></ul>
</dialog>`,
            }),
        },
        {
            path: '/raccordements',
            signedIn: true,
            page: (_params, caller) => ({
                title: 'Raccordements',
                script: 'connections',
                content: `<h1>Raccordements</h1>
<p>Le mode Service : vos logiciels déposent et suivent les factures par l’API de la plateforme (la même que celle de la plateforme de l’État), avec le compte technique de la structure. Un raccordement passe d’abord en qualification (trois dépôts acceptés, jamais transmis aux acheteurs), puis en production une fois validé par le support.</p>
${(0, html_1.select)({ name: 'structureId', label: 'Structure', options: [], placeholder: 'Choisir une structure' })}
${html_1.notice}
<div data-secret></div>
<h2 class="fr-mt-4w">Compte technique</h2>
<div data-technical><p>Choisissez une structure.</p></div>
<p><button type="button" class="fr-btn fr-btn--secondary" data-technical-set disabled>Créer le compte technique ou générer un nouveau mot de passe</button></p>
<h2 class="fr-mt-4w">Applications raccordées</h2>
<div data-applications><p>Choisissez une structure.</p></div>
<h3 class="fr-h5 fr-mt-3w">Demander un raccordement</h3>
<form data-form="application" novalidate>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'name', id: 'f-application-name', label: 'Nom de l’application', required: true })}
${(0, html_1.select)({
                    name: 'kind',
                    label: 'Type de raccordement',
                    options: [
                        ['API', 'Service (API)'],
                        ['EDI', 'EDI (flux)'],
                    ],
                    value: 'API',
                })}
${(0, html_1.submit)('Demander le raccordement')}
</form>
${caller?.operator
                    ? '<h2 class="fr-mt-4w">Raccordements qualifiés à valider</h2><div data-qualified><p>Chargement…</p></div>'
                    : ''}`,
            }),
        },
        {
            path: '/aide/demande',
            signedIn: false,
            page: () => ({
                title: 'Déposer une demande',
                script: 'support-request',
                content: `<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8">
<h1>Déposer une demande</h1>
<p>Le support de la plateforme, ou le service de l’acheteur concerné, vous répond par courriel.</p>
<form data-form="support-request" novalidate>
${html_1.errorSummary}
${(0, html_1.select)({ name: 'category', label: 'Catégorie', required: true, options: [], placeholder: 'Choisir une catégorie' })}
${(0, html_1.select)({ name: 'subcategory', label: 'Sous-catégorie', required: true, options: [], placeholder: 'Choisir d’abord une catégorie' })}
<div data-buyer hidden>${(0, html_1.input)({ name: 'buyerIdentifier', label: 'SIRET de la structure publique concernée', required: true })}${(0, html_1.input)({ name: 'serviceCode', label: 'Code service (facultatif)' })}</div>
${(0, html_1.input)({ name: 'contactEmail', label: 'Votre adresse électronique', type: 'email', hint: 'Si vous êtes connecté, celle de votre compte par défaut.' })}
${(0, html_1.input)({ name: 'subject', label: 'Objet', required: true })}
${(0, html_1.textarea)({ name: 'text', label: 'Votre demande', required: true })}
${(0, html_1.submit)('Envoyer la demande')}
</form>
${html_1.notice}
<h2 class="fr-mt-4w" data-mine-title hidden>Mes demandes</h2><div data-mine></div>
</div></div>`,
            }),
        },
    ];
}
//# sourceMappingURL=work.js.map