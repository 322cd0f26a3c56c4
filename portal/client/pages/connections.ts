import { api } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDate, frDay, notify, problemsOf } from '../form';
import { myStructures } from '../structure-list';

startPage();

interface TechnicalAccount {
  login: string;
  passwordSetAt: string;
  passwordExpiresAt: string;
  expired: boolean;
  password?: string;
}
interface Application {
  id: string;
  structureId: string;
  name: string;
  kind: string;
  clientId: string;
  mode: string;
  acceptedDeposits: number;
  requiredDeposits: number;
  createdAt: string;
  clientSecret?: string;
}

const MODES: Record<string, string> = {
  QUALIFICATION: 'En qualification',
  QUALIFIEE: 'Qualifiée, en attente de validation',
  PRODUCTION: 'En production',
  REVOKED: 'Révoquée',
};
const structureSelect = document.querySelector<HTMLSelectElement>('select[name="structureId"]')!;
const setButton = $('[data-technical-set]') as HTMLButtonElement;
const base = () => `/structures/${encodeURIComponent(structureSelect.value)}`;

/** A secret the API answers once: shown here once, to be copied. */
function showOnce(title: string, rows: [string, string][]) {
  $('[data-secret]').innerHTML =
    `<div class="fr-alert fr-alert--warning fr-mt-3w" role="alert"><h2 class="fr-alert__title">${esc(title)}</h2><p>Copiez-les maintenant : ils ne seront plus affichés.</p><dl>${rows
      .map(
        ([k, v]) =>
          `<dt class="fr-text--bold">${esc(k)}</dt><dd><code data-secret-value="${esc(k)}">${esc(v)}</code></dd>`,
      )
      .join('')}</dl></div>`;
}

async function technical() {
  const area = $('[data-technical]');
  try {
    const t = await api<TechnicalAccount>('GET', `${base()}/technical-account`);
    area.innerHTML = `<dl><dt class="fr-text--bold">Identifiant</dt><dd>${esc(t.login)}</dd><dt class="fr-text--bold">Mot de passe valable jusqu’au</dt><dd>${esc(frDay(t.passwordExpiresAt))}${t.expired ? ' — expiré : générez-en un nouveau' : ''}</dd></dl>`;
  } catch (err) {
    area.innerHTML = `<p>${esc(problemsOf(err)[0].message)}</p>`;
  }
}

async function applications() {
  const area = $('[data-applications]');
  try {
    const { items } = await api<{ items: Application[] }>('GET', `${base()}/api-applications`);
    area.innerHTML = items.length
      ? `<div class="fr-table fr-table--no-caption"><table><caption>Applications de la structure</caption><thead><tr><th scope="col">Application</th><th scope="col">Type</th><th scope="col">Identifiant client</th><th scope="col">État</th><th scope="col">Dépôts de qualification</th><th scope="col">Action</th></tr></thead><tbody>${items
          .map(
            (a) =>
              `<tr><td>${esc(a.name)}</td><td>${esc(a.kind)}</td><td><code>${esc(a.clientId)}</code></td><td>${esc(MODES[a.mode] ?? a.mode)}</td><td>${a.acceptedDeposits} / ${a.requiredDeposits}</td><td>${
                a.mode === 'REVOKED'
                  ? ''
                  : `<button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" data-revoke="${esc(a.id)}">Révoquer</button>`
              }</td></tr>`,
          )
          .join('')}</tbody></table></div>`
      : '<p>Aucune application raccordée.</p>';
  } catch (err) {
    area.innerHTML = `<p>${esc(problemsOf(err)[0].message)}</p>`;
  }
}

async function qualified() {
  const area = document.querySelector<HTMLElement>('[data-qualified]');
  if (!area) return;
  const { items } = await api<{ items: Application[] }>('GET', '/raccordements', undefined, 'mode=QUALIFIEE');
  area.innerHTML = items.length
    ? `<ul>${items
        .map(
          (a) =>
            `<li>${esc(a.name)} (${esc(a.kind)}), demandé le ${esc(frDate(a.createdAt))} <button type="button" class="fr-btn fr-btn--sm" data-approve="${esc(a.id)}">Passer en production</button></li>`,
        )
        .join('')}</ul>`
    : '<p>Aucun raccordement qualifié en attente.</p>';
}

const refresh = async () => {
  setButton.disabled = !structureSelect.value;
  if (!structureSelect.value) return;
  await Promise.all([technical(), applications()]);
};
void myStructures().then((items) => {
  structureSelect.insertAdjacentHTML(
    'beforeend',
    items.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join(''),
  );
  if (items.length === 1) structureSelect.value = items[0].id;
  void refresh();
});
void qualified();
structureSelect.addEventListener('change', () => void refresh());

setButton.addEventListener('click', async () => {
  setButton.disabled = true;
  try {
    const t = await api<TechnicalAccount>('PUT', `${base()}/technical-account`, {});
    showOnce('Compte technique', [
      ['Identifiant', t.login],
      ['Mot de passe', t.password ?? ''],
    ]);
    await technical();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
  } finally {
    setButton.disabled = false;
  }
});

const f = form('application');
bindForm(f, async (v) => {
  const a = await api<Application>('POST', `${base()}/api-applications`, { name: v.name, kind: v.kind });
  f.reset();
  showOnce(`Application « ${a.name} »`, [
    ['Identifiant client (client_id)', a.clientId],
    ['Secret (client_secret)', a.clientSecret ?? ''],
  ]);
  await applications();
});

document.addEventListener('click', async (e) => {
  const target = e.target as HTMLElement;
  const revoke = target.closest<HTMLElement>('[data-revoke]')?.dataset.revoke;
  const approve = target.closest<HTMLElement>('[data-approve]')?.dataset.approve;
  try {
    if (revoke) {
      await api('DELETE', `/api-applications/${encodeURIComponent(revoke)}`);
      notify('L’application est révoquée : ses jetons sont refusés.');
      await applications();
    }
    if (approve) {
      await api('POST', `/api-applications/${encodeURIComponent(approve)}/approval`);
      notify('Le raccordement passe en production.');
      await Promise.all([qualified(), applications()]);
    }
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
  }
});
