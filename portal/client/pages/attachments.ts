import { api, session } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDate, notify, problemsOf, showProblems } from '../form';
import { AttachmentRequest, renderDecisions } from '../decisions';
import { ATTACHMENT_STATUSES } from '../messages';

startPage();

interface DirectoryEntry {
  id: string;
  identifierType: string;
  identifier: string;
  name: string;
  public: boolean;
  address?: { postalCode?: string; city?: string };
  services: { code: string; name: string }[];
}

/** Structure names of the requests, from the directory. */
async function namesOf(requests: AttachmentRequest[]): Promise<Map<string, string>> {
  const ids = [...new Set(requests.map((r) => r.structureId))];
  if (!ids.length) return new Map();
  const { items } = await api<{ items: DirectoryEntry[] }>(
    'GET',
    '/structure-directory',
    undefined,
    new URLSearchParams({ ids: ids.join(',') }).toString(),
  );
  return new Map(items.map((s) => [s.id, `${s.name} (${s.identifier})`]));
}

/**
 * My requests and those I may decide. A request just made is filed by its workflow a moment later:
 * `expected` (its structure) is waited for a few seconds.
 */
async function refresh(expected?: string) {
  const me = (await session())!.account;
  let { items } = await api<{ items: AttachmentRequest[] }>('GET', '/attachment-requests');
  for (let tries = 0; expected && tries < 20; tries++) {
    if (items.some((r) => r.userId === me.id && r.structureId === expected)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
    ({ items } = await api<{ items: AttachmentRequest[] }>('GET', '/attachment-requests'));
  }
  const names = await namesOf(items);
  const mine = items.filter((r) => r.userId === me.id);
  $('[data-mine]').innerHTML = mine.length
    ? `<div class="fr-table"><table><caption>Mes demandes de rattachement</caption><thead><tr><th scope="col">Structure</th><th scope="col">Demandée le</th><th scope="col">État</th><th scope="col">Action</th></tr></thead><tbody>${mine
        .map(
          (r) =>
            `<tr><td>${esc(names.get(r.structureId) ?? r.structureId)}</td><td>${esc(frDate(r.requestedAt))}</td><td>${esc(ATTACHMENT_STATUSES[r.status] ?? r.status)}${r.reason ? ` — ${esc(r.reason)}` : ''}</td><td>${
              r.status === 'EN_ATTENTE' || r.status === 'ESCALADEE'
                ? `<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-withdraw="${esc(r.structureId)}">Retirer</button>`
                : ''
            }</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '<p>Aucune demande.</p>';
  renderDecisions(
    $('[data-to-decide]'),
    items.filter((r) => r.userId !== me.id),
    names,
    () => void refresh(),
  );
}
void refresh();

$('[data-mine]').addEventListener('click', async (e) => {
  const structureId = (e.target as HTMLElement).closest<HTMLElement>('[data-withdraw]')?.dataset.withdraw;
  if (!structureId) return;
  const me = (await session())!.account;
  await api(
    'POST',
    `/structures/${encodeURIComponent(structureId)}/attachment-requests/${encodeURIComponent(me.id)}/withdrawal`,
  );
  notify('Votre demande est retirée.');
  void refresh();
});

/** One structure found, as a form asking to be attached to it (to some of its services, if any). */
function askForm(s: DirectoryEntry): string {
  const town = [s.address?.postalCode, s.address?.city].filter(Boolean).join(' ');
  return `<form class="ff-box fr-mt-2w" data-ask="${esc(s.id)}" novalidate><div data-error-summary tabindex="-1"></div>
<p><strong>${esc(s.name)}</strong> — ${esc(s.identifierType)} ${esc(s.identifier)}${town ? ` — ${esc(town)}` : ''}${s.public ? ' (structure publique)' : ''}</p>
${
  s.services.length
    ? `<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend fr-text--regular">Services (facultatif : aucun coché, toute la structure)</legend>${s.services
        .map(
          (svc, i) =>
            `<div class="fr-fieldset__element"><div class="fr-checkbox-group"><input type="checkbox" id="svc-${esc(s.id)}-${i}" name="services" value="${esc(svc.code)}"><label class="fr-label" for="svc-${esc(s.id)}-${i}">${esc(svc.name)} (${esc(svc.code)})</label></div></div>`,
        )
        .join('')}</fieldset>`
    : ''
}
<button class="fr-btn" type="submit">Demander le rattachement</button></form>`;
}

const PER_PAGE = 10;
const found = $('[data-found]');
let search = { q: '', page: 1 };

/** A page of the directory search; the first replaces the results, the next ones follow them. */
async function showResults(q: string, page: number) {
  const result = await api<{ total: number; items: DirectoryEntry[] }>(
    'GET',
    '/structure-directory',
    undefined,
    new URLSearchParams({ q, page: String(page), perPage: String(PER_PAGE) }).toString(),
  );
  search = { q, page };
  found.querySelector('[data-more]')?.remove();
  if (page === 1)
    found.innerHTML = result.total
      ? `<p class="fr-mt-2w" data-count role="status">${result.total === 1 ? '1 structure trouvée' : `${result.total} structures trouvées`}</p>`
      : '<div class="fr-alert fr-alert--info fr-mt-2w"><p>Aucune structure ne correspond à votre recherche. Vérifiez l’orthographe, ou cherchez par SIRET.</p></div>';
  found.insertAdjacentHTML('beforeend', result.items.map(askForm).join(''));
  if (page * PER_PAGE < result.total)
    found.insertAdjacentHTML(
      'beforeend',
      '<p class="fr-mt-2w"><button type="button" class="fr-btn fr-btn--tertiary" data-more>Afficher plus de structures</button></p>',
    );
}

bindForm(form('find-structure'), (v) => showResults(String(v.identifier).trim(), 1), {
  check: (v) =>
    String(v.identifier).replace(/[^\p{L}\p{N}]/gu, '').length < 2
      ? [{ field: 'identifier', message: 'Saisissez au moins deux lettres ou chiffres.' }]
      : [],
  fieldOfError: () => 'identifier',
});

found.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('[data-more]')) return;
  void showResults(search.q, search.page + 1).catch((err) => notify(problemsOf(err)[0].message, 'error'));
});

found.addEventListener('submit', async (event) => {
  const f = (event.target as HTMLElement).closest<HTMLFormElement>('form[data-ask]');
  if (!f) return;
  event.preventDefault();
  const services = Array.from(f.querySelectorAll<HTMLInputElement>('input[name="services"]:checked')).map(
    (i) => i.value,
  );
  try {
    await api('POST', `/structures/${encodeURIComponent(f.dataset.ask!)}/attachment-requests`, { services });
    f.remove();
    notify('Votre demande est envoyée aux gestionnaires de la structure.');
    await refresh(f.dataset.ask);
  } catch (err) {
    showProblems(f, problemsOf(err));
  }
});
