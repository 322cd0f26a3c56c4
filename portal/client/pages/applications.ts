import type { ConnectorSetting as Setting } from '../../../connectors/contract';
import { api } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDate, notify, PageProblem, problemsOf } from '../form';
import { myStructures } from '../structure-list';

startPage();

/** A connector as GET /connectors lists it, with the fields of its form as it declares them. */
interface Connector {
  id: string;
  name: string;
  settings: Setting[];
}
interface Connection {
  id: string;
  connectorId: string;
  label?: string;
  status: string;
  error?: string;
  lastReport?: { finishedAt?: string; imported?: number; alreadyKnown?: number; failed?: unknown[] };
}
/** An ERP record that did not reach its buyer (GET /connections/{id}/records). */
interface RecordProblem {
  externalId: string;
  kind: 'IMPORT' | 'REJETEE';
  code: string;
  message: string;
  at: string;
  number?: string;
}

const STATES: Record<string, string> = { ACTIVE: 'Active', PAUSED: 'En pause', ERROR: 'En erreur' };
const structureSelect = document.querySelector<HTMLSelectElement>('select[name="structureId"]')!;
const f = form('connection');
const connectorSelect = f.elements.namedItem('connectorId') as HTMLSelectElement;
let connectors: Connector[] = [];

void myStructures().then((items) => {
  structureSelect.insertAdjacentHTML(
    'beforeend',
    items.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join(''),
  );
  if (items.length === 1) {
    structureSelect.value = items[0].id;
    void list();
  }
});
void api<{ items: Connector[] }>('GET', '/connectors').then(({ items }) => {
  connectors = items;
  if (!items.length)
    $('[data-connector-fields]').innerHTML =
      '<div class="fr-alert fr-alert--info fr-alert--sm"><p>Cette installation ne propose aucun logiciel à connecter.</p></div>';
  connectorSelect.insertAdjacentHTML(
    'beforeend',
    items.map((c) => `<option value="${esc(c.id)}">${esc(c.name)}</option>`).join(''),
  );
  // The connections are named after their software once the connectors are known.
  if (structureSelect.value) void list();
});

const INPUT_TYPES: Record<Setting['type'], string> = {
  text: 'text',
  secret: 'password',
  url: 'url',
  number: 'number',
};

/** One field of the form, drawn from the connector's declaration: its French label and help, never its key. */
function field(s: Setting): string {
  const name = `${s.part}.${s.key}`;
  const id = `f-${s.part}-${s.key}`;
  return `<div class="fr-fieldset__element"><div class="fr-input-group" data-field="${esc(name)}"><label class="fr-label" for="${esc(id)}">${esc(s.label)}${s.required ? ' *' : ''}${
    s.help ? `<span class="fr-hint-text">${esc(s.help)}</span>` : ''
  }</label><input class="fr-input" id="${esc(id)}" name="${esc(name)}" type="${INPUT_TYPES[s.type] ?? 'text'}" autocomplete="${s.type === 'secret' ? 'new-password' : 'off'}"${s.required ? ' required' : ''}${
    s.default !== undefined && s.type !== 'secret' ? ` value="${esc(s.default)}"` : ''
  } data-type="${esc(s.type)}" aria-describedby="${esc(id)}-error"><p class="fr-error-text" id="${esc(id)}-error" hidden></p></div></div>`;
}
const fieldset = (legend: string, settings: Setting[]) =>
  settings.length
    ? `<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">${esc(legend)}</legend>${settings.map(field).join('')}</fieldset>`
    : '';
connectorSelect.addEventListener('change', () => {
  const c = connectors.find((x) => x.id === connectorSelect.value);
  $('[data-connector-fields]').innerHTML = c
    ? fieldset(
        'Identifiants',
        c.settings.filter((s) => s.part === 'credentials'),
      ) +
      fieldset(
        'Réglages',
        c.settings.filter((s) => s.part === 'config'),
      )
    : '';
});

const nameOf = (c: Connection) =>
  c.label || connectors.find((x) => x.id === c.connectorId)?.name || c.connectorId;

/** The connection's records that did not reach their buyer, each with a retry. */
async function problems(c: Connection): Promise<string> {
  const { items } = await api<{ items: RecordProblem[] }>(
    'GET',
    `/connections/${encodeURIComponent(c.id)}/records`,
  );
  if (!items.length) return '';
  return `<div class="fr-table" data-records="${esc(c.id)}"><table><caption>Factures en erreur — ${esc(nameOf(c))}</caption><thead><tr><th scope="col">Référence dans le logiciel</th><th scope="col">Facture</th><th scope="col">Motif</th><th scope="col">Date</th><th scope="col">Action</th></tr></thead><tbody>${items
    .map(
      (r) =>
        `<tr data-record="${esc(r.externalId)}"><td>${esc(r.externalId)}</td><td>${esc(r.number ?? '—')}${
          r.kind === 'REJETEE' ? ' (rejetée par la plateforme)' : ' (non déposée)'
        }</td><td><code>${esc(r.code)}</code> ${esc(r.message)}</td><td>${esc(frDate(r.at))}</td><td><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-retry="${esc(r.externalId)}" data-id="${esc(c.id)}">Réessayer</button></td></tr>`,
    )
    .join('')}</tbody></table></div>`;
}

const button = (act: string, c: Connection, text: string) =>
  `<li><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-act="${act}" data-id="${esc(c.id)}">${text}</button></li>`;

function row(c: Connection): string {
  const r = c.lastReport;
  return `<tr data-connection="${esc(c.id)}"><td>${esc(nameOf(c))}</td><td>${esc(STATES[c.status] ?? c.status)}${c.error ? ` — ${esc(c.error)}` : ''}</td><td>${
    r?.finishedAt
      ? `${esc(frDate(r.finishedAt))} : ${r.imported ?? 0} importée(s), ${r.failed?.length ?? 0} en erreur`
      : 'Jamais'
  }</td><td><ul class="fr-btns-group fr-btns-group--inline-sm">${button('test', c, 'Tester')}${button('sync', c, 'Synchroniser')}${button(
    c.status === 'ACTIVE' ? 'pause' : 'resume',
    c,
    c.status === 'ACTIVE' ? 'Mettre en pause' : 'Reprendre',
  )}<li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" data-delete="${esc(c.id)}" data-name="${esc(nameOf(c))}">Supprimer</button></li></ul></td></tr>`;
}

let shown: Connection[] = [];
async function list(): Promise<void> {
  const area = $('[data-connections]');
  if (!structureSelect.value) return;
  try {
    const { items } = await api<{ items: Connection[] }>(
      'GET',
      `/structures/${encodeURIComponent(structureSelect.value)}/connections`,
    );
    shown = items;
    const records = await Promise.all(items.map(problems));
    area.innerHTML = items.length
      ? `<div class="fr-table"><table><caption>Connexions de la structure</caption><thead><tr><th scope="col">Logiciel</th><th scope="col">État</th><th scope="col">Dernière synchronisation</th><th scope="col">Actions</th></tr></thead><tbody>${items
          .map(row)
          .join('')}</tbody></table></div>${records.join('')}`
      : '<p>Aucune connexion.</p>';
  } catch (err) {
    area.innerHTML = `<p>${esc(problemsOf(err)[0].message)}</p>`;
  }
}
structureSelect.addEventListener('change', () => void list());

const DONE: Record<string, string> = {
  test: 'Le logiciel répond et accepte les identifiants.',
  sync: 'La synchronisation est demandée.',
  pause: 'La connexion est en pause.',
  resume: 'La connexion reprend.',
};

/** Runs a button's call; the list is drawn again afterwards. */
async function act(target: HTMLButtonElement, call: () => Promise<unknown>, done: string) {
  target.disabled = true;
  try {
    await call();
    notify(done);
    await list();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
    target.disabled = false;
  }
}

const dialog = document.querySelector<HTMLDialogElement>('[data-delete-dialog]')!;
$('[data-connections]').addEventListener('click', async (e) => {
  const target = e.target as HTMLElement;
  const action = target.closest<HTMLButtonElement>('[data-act]');
  const retry = target.closest<HTMLButtonElement>('[data-retry]');
  const remove = target.closest<HTMLButtonElement>('[data-delete]');
  if (action) {
    const path = `/connections/${encodeURIComponent(action.dataset.id!)}/${action.dataset.act}`;
    await act(action, () => api('POST', path, {}), DONE[action.dataset.act!]);
  } else if (retry) {
    const path = `/connections/${encodeURIComponent(retry.dataset.id!)}/records/${encodeURIComponent(retry.dataset.retry!)}/retry`;
    await act(
      retry,
      () => api('POST', path, {}),
      'La facture est relue dans le logiciel et déposée de nouveau ; la liste se met à jour en quelques instants.',
    );
  } else if (remove) {
    // Nothing is deleted before the person confirms in the dialog.
    dialog.dataset.id = remove.dataset.delete;
    $('[data-delete-name]', dialog).textContent = remove.dataset.name ?? '';
    dialog.showModal();
  }
});
dialog.addEventListener('click', async (e) => {
  const target = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
  if (!target) return;
  if (target.hasAttribute('data-delete-cancel')) return dialog.close();
  if (!target.hasAttribute('data-delete-confirm')) return;
  const id = dialog.dataset.id!;
  dialog.close();
  const name = shown.find((c) => c.id === id);
  await act(
    target,
    () => api('DELETE', `/connections/${encodeURIComponent(id)}`),
    `La connexion${name ? ` « ${nameOf(name)} »` : ''} est supprimée : sa synchronisation est arrêtée et ses identifiants effacés ; les factures déjà déposées restent.`,
  );
  target.disabled = false;
});

bindForm(f, async (v) => {
  if (!structureSelect.value) throw new PageProblem('Choisissez une structure.');
  const typed = (group: 'config' | 'credentials') =>
    Object.fromEntries(
      Object.entries((v[group] ?? {}) as Record<string, string>).map(([k, value]) => {
        const type = f.querySelector<HTMLInputElement>(`[name="${group}.${k}"]`)?.dataset.type;
        return [k, type === 'number' ? Number(value) : value];
      }),
    );
  await api('POST', `/structures/${encodeURIComponent(structureSelect.value)}/connections`, {
    connectorId: v.connectorId,
    ...(v.label ? { label: v.label } : {}),
    config: typed('config'),
    credentials: typed('credentials'),
  });
  f.reset();
  $('[data-connector-fields]').innerHTML = '';
  notify('La connexion est testée et enregistrée.');
  await list();
});
