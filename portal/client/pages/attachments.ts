import { digitsOnly } from '../../../invoice/platform-rules/french-ids';
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

bindForm(form('find-structure'), async (v) => {
  const { items } = await api<{ items: DirectoryEntry[] }>(
    'GET',
    '/structure-directory',
    undefined,
    new URLSearchParams({ identifier: digitsOnly(String(v.identifier)) }).toString(),
  );
  const area = $('[data-found]');
  if (!items.length) {
    area.innerHTML =
      '<div class="fr-alert fr-alert--info fr-mt-2w"><p>Aucune structure ne porte cet identifiant.</p></div>';
    return;
  }
  area.innerHTML = items
    .map(
      (
        s,
      ) => `<form class="ff-box fr-mt-2w" data-ask="${esc(s.id)}" novalidate><div data-error-summary tabindex="-1"></div>
<p><strong>${esc(s.name)}</strong> — ${esc(s.identifierType)} ${esc(s.identifier)}${s.public ? ' (structure publique)' : ''}</p>
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
<button class="fr-btn" type="submit">Demander le rattachement</button></form>`,
    )
    .join('');
  area.querySelectorAll<HTMLFormElement>('form[data-ask]').forEach((f) =>
    f.addEventListener('submit', async (event) => {
      event.preventDefault();
      const services = Array.from(f.querySelectorAll<HTMLInputElement>('input[name="services"]:checked')).map(
        (i) => i.value,
      );
      try {
        await api('POST', `/structures/${encodeURIComponent(f.dataset.ask!)}/attachment-requests`, {
          services,
        });
        f.remove();
        notify('Votre demande est envoyée aux gestionnaires de la structure.');
        await refresh(f.dataset.ask);
      } catch (err) {
        showProblems(f, problemsOf(err));
      }
    }),
  );
});
