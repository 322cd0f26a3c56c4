"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CADRES = void 0;
exports.invoicePages = invoicePages;
const attachments_1 = require("../../invoicing/attachments");
const cadres_1 = require("../../invoice/platform-rules/cadres");
const transitions_1 = require("../../invoicing/lifecycle/transitions");
const cadres_2 = require("../cadres");
const html_1 = require("../html");
exports.CADRES = cadres_1.CADRES_DE_FACTURATION.map((c) => [c, (0, cadres_2.cadreLabel)(c)]);
function listing(side) {
    const counterpart = side === 'emises' ? 'Destinataire (identifiant ou nom)' : 'Fournisseur (identifiant ou nom)';
    return `<form data-form="filters" class="fr-mb-3w" novalidate>${html_1.errorSummary}
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-4">${(0, html_1.select)({ name: 'status', label: 'Statut', options: [['', 'Tous les statuts'], ...transitions_1.STATUS_OPTIONS] })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: 'counterpart', label: counterpart })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: 'number', label: 'Numéro de facture' })}</div>
<div class="fr-col-6 fr-col-md-3">${(0, html_1.input)({ name: 'from', label: 'Déposée à partir du', type: 'date' })}</div>
<div class="fr-col-6 fr-col-md-3">${(0, html_1.input)({ name: 'to', label: 'Déposée jusqu’au', type: 'date' })}</div>
<div class="fr-col-6 fr-col-md-3">${(0, html_1.input)({ name: 'minAmount', label: 'Montant TTC minimum', attrs: 'inputmode="decimal"' })}</div>
<div class="fr-col-6 fr-col-md-3">${(0, html_1.input)({ name: 'maxAmount', label: 'Montant TTC maximum', attrs: 'inputmode="decimal"' })}</div>
</div>
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left"><li><button class="fr-btn" type="submit">Rechercher</button></li><li><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" data-csv href="#">Exporter en CSV</a></li></ul>
</form>
<div data-results aria-live="polite"><p>Chargement…</p></div>`;
}
const issuedInvoices = {
    path: '/factures/emises',
    signedIn: true,
    page: () => ({
        title: 'Factures émises',
        script: 'issued',
        content: `<h1>Factures émises</h1>
<p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/factures/depot">Déposer une facture</a></p>
<h2 class="fr-h4">Brouillons</h2><div data-drafts><p>Chargement…</p></div>
<h2 class="fr-h4 fr-mt-3w">Factures</h2>
${listing('emises')}`,
    }),
};
const receivedInvoices = {
    path: '/factures/recues',
    signedIn: true,
    page: () => ({
        title: 'Factures reçues',
        script: 'received',
        content: `<h1>Factures reçues</h1>
<p>Les factures adressées aux structures publiques (et à leurs services) auxquelles vous êtes rattaché.</p>
<p>Les demandes (sollicitations) que les fournisseurs adressent à vos services se traitent dans l’<a href="/conseillers">espace conseillers</a>.</p>
${listing('recues')}`,
    }),
};
const depositPage = {
    path: '/factures/depot',
    signedIn: true,
    page: () => ({
        title: 'Déposer une facture',
        script: 'deposit',
        content: `<h1>Déposer une facture</h1>
<div class="fr-callout" data-no-structure hidden><h2 class="fr-callout__title">Rattachez d’abord votre compte à une structure</h2>
<p class="fr-callout__text">Une facture se dépose au nom d’une structure : votre entreprise ou votre établissement. Si elle n’est pas encore inscrite, créez-la : vous en deviendrez le gestionnaire principal. Si elle l’est déjà, demandez à y être rattaché : ses gestionnaires accepteront votre demande.</p>
<ul class="fr-btns-group fr-btns-group--inline-md fr-mt-2w"><li><a class="fr-btn" href="/structures">Créer ma structure</a></li><li><a class="fr-btn fr-btn--secondary" href="/rattachements">Demander un rattachement</a></li></ul></div>
<form data-form="deposit" novalidate>
${html_1.errorSummary}
${(0, html_1.select)({ name: 'structureId', label: 'Structure émettrice', required: true, options: [], placeholder: 'Choisir une structure' })}
<fieldset class="fr-fieldset" data-field="mode"><legend class="fr-fieldset__legend">Comment voulez-vous déposer la facture ?</legend>
<div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="mode-saisie" name="mode" value="saisie" checked><label class="fr-label" for="mode-saisie">Saisie<span class="fr-hint-text">Vous remplissez le formulaire de facture.</span></label></div></div>
<div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="mode-pdf" name="mode" value="pdf"><label class="fr-label" for="mode-pdf">PDF<span class="fr-hint-text">Un PDF non structuré : il pré-remplit le formulaire, que vous vérifiez et complétez.</span></label></div></div>
<div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="mode-xml" name="mode" value="xml"><label class="fr-label" for="mode-xml">XML ou Factur-X<span class="fr-hint-text">Une facture structurée (UBL, CII ou PDF Factur-X), déposée telle quelle.</span></label></div></div>
</fieldset>
<div data-when="saisie">
${(0, html_1.input)({ name: 'recipientId', label: 'Identifiant du destinataire (SIRET)', required: true, hint: 'La structure publique à qui la facture est adressée.' })}
${(0, html_1.select)({ name: 'cadreDeFacturation', label: 'Cadre de facturation', options: exports.CADRES, value: 'A1_FACTURE_FOURNISSEUR' })}
</div>
<div data-when="pdf" hidden>
<div class="fr-upload-group" data-field="pdf"><label class="fr-label" for="f-pdf">Facture PDF<span class="fr-hint-text">Un PDF avec du texte (pas un document numérisé).</span></label>
<input class="fr-upload" type="file" id="f-pdf" name="pdf" accept="application/pdf,.pdf" required aria-describedby="f-pdf-error"><p class="fr-error-text" id="f-pdf-error" hidden></p></div>
</div>
<div data-when="xml" hidden>
<p class="fr-text--sm">Le fournisseur est lu dans le fichier : vous devez être rattaché à sa structure.</p>
<div class="fr-upload-group" data-field="file"><label class="fr-label" for="f-file">Fichier de la facture<span class="fr-hint-text">XML UBL 2.1 ou CII D16B, ou PDF Factur-X ; 120 Mo au plus.</span></label>
<input class="fr-upload" type="file" id="f-file" name="file" accept=".xml,.pdf,application/xml,text/xml,application/pdf" required aria-describedby="f-file-error"><p class="fr-error-text" id="f-file-error" hidden></p></div>
${(0, html_1.select)({ name: 'cadreFacturation', label: 'Cadre de facturation', options: exports.CADRES, value: 'A1_FACTURE_FOURNISSEUR' })}
</div>
${(0, html_1.submit)('Continuer')}
</form>
${html_1.notice}`,
    }),
};
const draftPage = {
    path: '/factures/brouillon',
    signedIn: true,
    page: () => ({
        title: 'Saisie de la facture',
        script: 'draft',
        content: `<h1>Saisie de la facture</h1>
<p data-draft-state></p>
<form data-form="draft" novalidate>
${html_1.errorSummary}
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-6"><div class="ff-box"><h2 class="fr-h5">Fournisseur</h2><div data-seller></div></div></div>
<div class="fr-col-12 fr-col-md-6"><div class="ff-box"><h2 class="fr-h5">Destinataire</h2>
${(0, html_1.input)({ name: 'buyer.name', label: 'Raison sociale', required: true })}
${(0, html_1.input)({ name: 'buyer.id', label: 'SIRET du destinataire', required: true, hint: 'La raison sociale et l’adresse sont reprises de l’annuaire de la plateforme.' })}
<p class="fr-hint-text" data-directory-lookup aria-live="polite"></p>
${(0, html_1.input)({ name: 'buyer.street', label: 'Adresse' })}
<div class="fr-grid-row fr-grid-row--gutters"><div class="fr-col-12 fr-col-sm-4">${(0, html_1.input)({ name: 'buyer.postCode', label: 'Code postal' })}</div>
<div class="fr-col-12 fr-col-sm-8">${(0, html_1.input)({ name: 'buyer.city', label: 'Ville' })}</div></div>
${(0, html_1.input)({ name: 'buyer.countryCode', label: 'Pays (code ISO)', value: 'FR', hint: 'FR pour la France.' })}
</div></div></div>
<h2 class="fr-h4 fr-mt-4w">Facture</h2>
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-4">${(0, html_1.select)({ name: 'cadreDeFacturation', label: 'Cadre de facturation', options: exports.CADRES })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.select)({
            name: 'typeCode',
            label: 'Type',
            options: [
                ['380', 'Facture'],
                ['381', 'Avoir'],
            ],
        })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: 'number', label: 'Numéro de facture', required: true })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: 'issueDate', label: 'Date de facture', type: 'date', required: true })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: 'dueDate', label: 'Date d’échéance', type: 'date' })}</div>
<div class="fr-col-12 fr-col-md-4">${(0, html_1.input)({ name: 'currencyCode', label: 'Devise', value: 'EUR', hint: 'Code ISO 4217, EUR pour un destinataire public.' })}</div>
<div class="fr-col-12 fr-col-md-6">${(0, html_1.input)({ name: 'buyerReference', label: 'Code service', hint: 'Le service du destinataire (obligatoire si le destinataire l’exige) : ses services actifs sont proposés.', attrs: 'list="buyer-services" autocomplete="off"' })}
<datalist id="buyer-services"></datalist><p class="fr-hint-text" data-services-offered aria-live="polite"></p></div>
<div class="fr-col-12 fr-col-md-6">${(0, html_1.input)({ name: 'purchaseOrderReference', label: 'Numéro d’engagement', hint: '50 caractères au plus (bon de commande, engagement juridique).' })}</div>
</div>
<h2 class="fr-h4 fr-mt-4w">Lignes</h2>
<div data-field="lines"><p class="fr-error-text" id="f-lines-error" hidden></p></div>
<div class="fr-table fr-table--no-caption"><table><caption>Lignes de la facture</caption>
<thead><tr><th scope="col">Désignation</th><th scope="col">Quantité</th><th scope="col">Unité</th><th scope="col">Prix unitaire HT</th><th scope="col">TVA</th><th scope="col">Montant HT</th><th scope="col"><span class="fr-sr-only">Action</span></th></tr></thead>
<tbody data-lines></tbody></table></div>
<button type="button" class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" data-add-line>Ajouter une ligne</button>
<div class="fr-grid-row fr-grid-row--gutters fr-mt-3w">
<div class="fr-col-12 fr-col-md-6"><div class="fr-table"><table><caption>Récapitulatif de la TVA</caption><thead><tr><th scope="col">Taux</th><th scope="col">Base HT</th><th scope="col">TVA</th></tr></thead><tbody data-vat></tbody></table></div></div>
<div class="fr-col-12 fr-col-md-6"><dl class="ff-totals" data-totals aria-live="polite"></dl></div>
</div>
<h2 class="fr-h4 fr-mt-4w">Pièces jointes</h2>
<p class="fr-hint-text">${attachments_1.ATTACHMENT_MAX_BYTES / 1024 / 1024} Mo au plus par fichier, ${attachments_1.INVOICE_WITH_ATTACHMENTS_MAX_BYTES / 1024 / 1024} Mo avec la facture ; nom de ${attachments_1.ATTACHMENT_NAME_MAX_LENGTH} caractères au plus ; formats : ${attachments_1.ATTACHMENT_EXTENSIONS.join(', ')}.</p>
<div data-attachments></div>
<div class="fr-upload-group" data-field="attachment"><label class="fr-label" for="f-attachment">Ajouter une pièce jointe</label>
<input class="fr-upload" type="file" id="f-attachment" name="attachment" aria-describedby="f-attachment-error"><p class="fr-error-text" id="f-attachment-error" hidden></p></div>
<div data-findings></div>
<ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
<li><button class="fr-btn fr-btn--secondary" type="submit" value="save">Enregistrer</button></li>
<li><button class="fr-btn fr-btn--secondary" type="submit" value="validate">Valider</button></li>
<li><button class="fr-btn" type="submit" value="send">Envoyer</button></li>
</ul>
</form>
${html_1.notice}`,
    }),
};
const invoicePage = {
    path: '/factures/*invoiceId',
    signedIn: true,
    page: ({ invoiceId }) => ({
        title: 'Facture',
        script: 'invoice',
        content: `<div data-invoice-id="${(0, html_1.esc)(invoiceId)}"></div>
<h1 data-invoice-title>Facture</h1>
${html_1.notice}
<div data-invoice><p>Chargement…</p></div>
<div data-actions></div>
<template data-status-form><form data-form="status" class="ff-box fr-mt-3w" novalidate><h2 class="fr-h4">Traiter la facture</h2>
${html_1.errorSummary}
${(0, html_1.select)({ name: 'status', label: 'Nouveau statut', required: true, options: [], placeholder: 'Choisir un statut' })}
${(0, html_1.textarea)({ name: 'reason', label: 'Motif', hint: 'Obligatoire pour suspendre, rejeter ou demander un recyclage.' })}
${(0, html_1.input)({ name: 'mandateNumber', label: 'Numéro de mandat', hint: 'Obligatoire pour « Mandatée ».' })}
${(0, html_1.textarea)({ name: 'comment', id: 'f-status-comment', label: 'Commentaire' })}
${(0, html_1.submit)('Enregistrer le statut')}
</form></template>
<template data-completion-form><form data-form="completion" class="ff-box fr-mt-3w" novalidate><h2 class="fr-h4">Compléter la facture suspendue</h2>
${html_1.errorSummary}
${(0, html_1.textarea)({ name: 'comment', id: 'f-completion-comment', label: 'Commentaire' })}
<div class="fr-upload-group" data-field="attachments"><label class="fr-label" for="f-completion-files">Pièces jointes<span class="fr-hint-text">${attachments_1.ATTACHMENT_MAX_BYTES / 1024 / 1024} Mo au plus par fichier ; formats : ${attachments_1.ATTACHMENT_EXTENSIONS.join(', ')}.</span></label>
<input class="fr-upload" type="file" id="f-completion-files" name="files" multiple aria-describedby="f-completion-files-error"><p class="fr-error-text" id="f-completion-files-error" hidden></p></div>
${(0, html_1.submit)('Compléter la facture')}
</form></template>
<template data-recycling-form><form data-form="recycling" class="ff-box fr-mt-3w" novalidate><h2 class="fr-h4">Recycler la facture</h2>
<p>Seules les données d’acheminement peuvent changer ; la facture garde son numéro.</p>
${html_1.errorSummary}
${(0, html_1.input)({ name: 'recipientId', label: 'Identifiant du destinataire (SIRET)' })}
${(0, html_1.input)({ name: 'serviceCode', label: 'Code service' })}
${(0, html_1.input)({ name: 'engagementNumber', label: 'Numéro d’engagement' })}
${(0, html_1.textarea)({ name: 'comment', id: 'f-recycling-comment', label: 'Commentaire' })}
${(0, html_1.submit)('Recycler la facture')}
</form></template>`,
    }),
};
/** Factures émises (list, deposit, form, drafts), an invoice's page, and Factures reçues. */
function invoicePages() {
    return [issuedInvoices, receivedInvoices, depositPage, draftPage, invoicePage];
}
//# sourceMappingURL=invoices.js.map