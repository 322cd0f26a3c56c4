import { api, invoicePath } from './api';
import { $, bindForm, esc, form, frDate, frDay, money, values } from './form';
import { statusLabel } from '../../invoicing/lifecycle/transitions';

interface Row {
  id: string;
  number: string;
  status: string;
  depositedAt?: string;
  issueDate?: string;
  supplier: { id: string; name?: string };
  recipient: { id?: string; name?: string; serviceCode?: string };
  currency?: string;
  totalWithVat?: string;
  amountDue?: string;
}

/** Factures émises / reçues: filters, results table with paging, and the CSV export of the same filters. */
export function invoiceListing(resource: 'issued-invoices' | 'received-invoices') {
  const f = form('filters');
  const results = $('[data-results]');
  const csv = f.querySelector<HTMLAnchorElement>('[data-csv]')!;
  const issued = resource === 'issued-invoices';
  let page = 1;

  const query = () => {
    const q = new URLSearchParams(values(f) as Record<string, string>);
    q.set('page', String(page));
    q.set('pageSize', '20');
    return q;
  };

  async function search() {
    const q = query();
    const csvQuery = new URLSearchParams(q);
    csvQuery.delete('page');
    csvQuery.delete('pageSize');
    csvQuery.set('format', 'csv');
    csv.href = `/api/v1/${resource}?${csvQuery}`;
    results.setAttribute('aria-busy', 'true');
    const r = await api<{ total: number; page: number; pageSize: number; items: Row[] }>(
      'GET',
      `/${resource}`,
      undefined,
      q.toString(),
    );
    results.removeAttribute('aria-busy');
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    results.innerHTML = r.items.length
      ? `<div class="fr-table"><table><caption>${r.total} facture${r.total > 1 ? 's' : ''}</caption><thead><tr><th scope="col">Numéro</th><th scope="col">${issued ? 'Destinataire' : 'Fournisseur'}</th><th scope="col">Date de facture</th><th scope="col">Déposée le</th><th scope="col">Montant TTC</th><th scope="col">Statut</th></tr></thead><tbody>${r.items
          .map((i) => {
            const other = issued ? i.recipient : i.supplier;
            return `<tr><td><a href="/factures/${invoicePath(i.id)}">${esc(i.number)}</a></td><td>${esc(other.name ?? '')} ${esc(other.id ?? '')}${
              !issued && i.recipient.serviceCode ? ` — service ${esc(i.recipient.serviceCode)}` : ''
            }</td><td>${esc(frDay(i.issueDate))}</td><td>${esc(frDate(i.depositedAt))}</td><td>${esc(money(i.totalWithVat ?? i.amountDue, i.currency))}</td><td><p class="fr-badge fr-badge--sm fr-badge--no-icon" data-status="${esc(i.status)}">${esc(statusLabel(i.status))}</p></td></tr>`;
          })
          .join('')}</tbody></table></div>` +
        (pages > 1
          ? `<nav role="navigation" class="fr-pagination" aria-label="Pagination"><ul class="fr-pagination__list">${Array.from(
              { length: pages },
              (_x, k) => k + 1,
            )
              .map(
                (n) =>
                  `<li><a class="fr-pagination__link" href="#" data-page="${n}"${n === r.page ? ' aria-current="page"' : ''} title="Page ${n}">${n}</a></li>`,
              )
              .join('')}</ul></nav>`
          : '')
      : '<p>Aucune facture ne correspond à ces critères.</p>';
  }

  results.addEventListener('click', (e) => {
    const n = (e.target as HTMLElement).closest<HTMLElement>('[data-page]')?.dataset.page;
    if (!n) return;
    e.preventDefault();
    page = Number(n);
    void search();
  });
  bindForm(f, async () => {
    page = 1;
    await search();
  });
  void search();
}
