import { digitsOnly } from '../../../invoice/platform-rules/french-ids';
import { api, session } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDate, notify, PageProblem } from '../form';
import { REQUEST_STATUSES } from '../messages';

startPage();

interface Category {
  code: string;
  label: string;
  routing: 'PLATEFORME' | 'SERVICE_ACHETEUR';
  subcategories: { code: string; label: string }[];
}

const f = form('support-request');
const category = f.elements.namedItem('category') as HTMLSelectElement;
const subcategory = f.elements.namedItem('subcategory') as HTMLSelectElement;
const buyer = $('[data-buyer]');
let categories: Category[] = [];

function showBuyer(on: boolean) {
  buyer.hidden = !on;
  buyer.querySelectorAll('input').forEach((i) => (i.disabled = !on));
}
showBuyer(false);

void api<{ items: Category[] }>('GET', '/support/categories').then(({ items }) => {
  categories = items;
  category.insertAdjacentHTML(
    'beforeend',
    items.map((c) => `<option value="${esc(c.code)}">${esc(c.label)}</option>`).join(''),
  );
});
category.addEventListener('change', () => {
  const c = categories.find((x) => x.code === category.value);
  subcategory.innerHTML =
    '<option value="" disabled selected hidden>Choisir une sous-catégorie</option>' +
    (c?.subcategories ?? []).map((s) => `<option value="${esc(s.code)}">${esc(s.label)}</option>`).join('');
  showBuyer(c?.routing === 'SERVICE_ACHETEUR');
});

async function mine() {
  if (!(await session())) return;
  const { items } = await api<{
    items: { id: string; subject?: string; status: string; createdAt?: string }[];
  }>('GET', '/support/requests');
  if (!items.length) return;
  $('[data-mine-title]').hidden = false;
  $('[data-mine]').innerHTML = `<ul>${items
    .map(
      (r) =>
        `<li>${esc(r.subject ?? r.id)} — ${esc(REQUEST_STATUSES[r.status] ?? r.status)}${r.createdAt ? `, ${esc(frDate(r.createdAt))}` : ''}${
          r.status === 'EN_ATTENTE_UTILISATEUR'
            ? `<form class="fr-mt-1w" data-reply="${esc(r.id)}" novalidate><div data-error-summary tabindex="-1"></div><div class="fr-input-group" data-field="text"><label class="fr-label" for="reply-${esc(r.id)}">Votre réponse</label><textarea class="fr-input" id="reply-${esc(r.id)}" name="text" required></textarea><p class="fr-error-text" hidden></p></div><button class="fr-btn fr-btn--sm" type="submit">Répondre</button></form>`
            : ''
        }</li>`,
    )
    .join('')}</ul>`;
  $('[data-mine]')
    .querySelectorAll<HTMLFormElement>('form[data-reply]')
    .forEach((reply) =>
      bindForm(reply, async (v) => {
        await api('POST', `/support/requests/${encodeURIComponent(reply.dataset.reply!)}/replies`, {
          text: v.text,
        });
        notify('Votre réponse est transmise.');
        await mine();
      }),
    );
}
void mine();

bindForm(f, async (v) => {
  let structureId: string | undefined;
  if (!buyer.hidden) {
    const { items } = await api<{ items: { id: string }[] }>(
      'GET',
      '/structure-directory',
      undefined,
      new URLSearchParams({ identifier: digitsOnly(String(v.buyerIdentifier)) }).toString(),
    );
    structureId = items[0]?.id;
    if (!structureId) throw new PageProblem('Aucune structure ne porte cet identifiant.');
  }
  await api('POST', '/support/requests', {
    category: v.category,
    subcategory: v.subcategory,
    subject: v.subject,
    text: v.text,
    ...(v.contactEmail ? { contactEmail: v.contactEmail } : {}),
    ...(structureId ? { structureId, ...(v.serviceCode ? { serviceCode: v.serviceCode } : {}) } : {}),
  });
  f.reset();
  notify('Votre demande est envoyée : la réponse vous parviendra par courriel.');
  await mine();
});
