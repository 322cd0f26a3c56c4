import { api, Account } from '../api';
import { startPage } from '../common';
import { $, esc } from '../form';
import { myStructures, structureTable } from '../structure-list';

startPage();
void api<Account>('GET', '/accounts/me').then((a) => {
  const row = (label: string, value?: string) =>
    value ? `<dt class="fr-text--bold">${esc(label)}</dt><dd class="fr-mb-2w">${esc(value)}</dd>` : '';
  $('[data-account]').innerHTML =
    `<dl>${row('Identifiant', a.email)}${row('Prénom', a.firstName)}${row('Nom', a.lastName)}${row('Téléphone', a.phone)}` +
    `${row('Adresse de contact', a.contactEmail)}${row('SIRET', a.siret)}${row('État', a.status === 'ACTIVE' ? 'Actif' : 'En attente d’activation')}</dl>`;
});
void myStructures().then((items) => ($('[data-structures]').innerHTML = structureTable(items)));
