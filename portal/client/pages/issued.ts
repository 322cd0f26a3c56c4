import { api } from '../api';
import { startPage } from '../common';
import { $, esc, frDate } from '../form';
import { invoiceListing } from '../listing';

startPage();
invoiceListing('issued-invoices');

interface DraftRow {
  id: string;
  structureName: string;
  number?: string;
  recipientName?: string;
  updatedAt: string;
}
void api<{ items: DraftRow[] }>('GET', '/drafts').then(({ items }) => {
  $('[data-drafts]').innerHTML = items.length
    ? `<ul>${items
        .map(
          (d) =>
            `<li><a href="/factures/brouillon?id=${encodeURIComponent(d.id)}">${esc(d.number || 'Facture sans numéro')}</a> — ${esc(d.structureName)}${d.recipientName ? ` → ${esc(d.recipientName)}` : ''}, modifié le ${esc(frDate(d.updatedAt))}</li>`,
        )
        .join('')}</ul>`
    : '<p>Aucun brouillon.</p>';
});
