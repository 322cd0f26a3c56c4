import { api } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDate, notify, PageProblem, problemsOf } from '../form';
import { myStructures } from '../structure-list';

startPage();

interface JsonSchema {
  properties?: Record<string, { type?: string; format?: string; default?: unknown; description?: string }>;
  required?: string[];
}
interface Connector {
  id: string;
  name: string;
  configSchema: JsonSchema;
  credentialsSchema: JsonSchema;
}
interface Connection {
  id: string;
  connectorId: string;
  label?: string;
  status: string;
  error?: string;
  lastReport?: { finishedAt?: string; imported?: number; alreadyKnown?: number; failed?: unknown[] };
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
});

/** The connector's settings and credentials, as fields drawn from its JSON Schemas. */
function fields(group: 'config' | 'credentials', schema: JsonSchema): string {
  return Object.entries(schema.properties ?? {})
    .map(([name, p]) => {
      const id = `f-${group}-${name}`;
      const required = schema.required?.includes(name);
      const secret = group === 'credentials';
      return `<div class="fr-input-group" data-field="${group}.${esc(name)}"><label class="fr-label" for="${id}">${esc(name)}${required ? ' *' : ''}${
        p.description ? `<span class="fr-hint-text">${esc(p.description)}</span>` : ''
      }</label><input class="fr-input" id="${id}" name="${group}.${esc(name)}" type="${secret ? 'password' : 'text'}" autocomplete="off"${required ? ' required' : ''}${
        p.default !== undefined ? ` value="${esc(p.default)}"` : ''
      } data-type="${esc(p.type ?? 'string')}" aria-describedby="${id}-error"><p class="fr-error-text" id="${id}-error" hidden></p></div>`;
    })
    .join('');
}
connectorSelect.addEventListener('change', () => {
  const c = connectors.find((x) => x.id === connectorSelect.value);
  $('[data-connector-fields]').innerHTML = c
    ? `<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Identifiants</legend>${fields('credentials', c.credentialsSchema)}</fieldset>` +
      `<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Réglages</legend>${fields('config', c.configSchema)}</fieldset>`
    : '';
});

async function list(): Promise<void> {
  const area = $('[data-connections]');
  if (!structureSelect.value) return;
  try {
    const { items } = await api<{ items: Connection[] }>(
      'GET',
      `/structures/${encodeURIComponent(structureSelect.value)}/connections`,
    );
    area.innerHTML = items.length
      ? `<div class="fr-table"><table><caption>Connexions de la structure</caption><thead><tr><th scope="col">Logiciel</th><th scope="col">État</th><th scope="col">Dernière synchronisation</th><th scope="col">Actions</th></tr></thead><tbody>${items
          .map((c) => {
            const r = c.lastReport;
            return `<tr><td>${esc(c.label || c.connectorId)}</td><td>${esc(STATES[c.status] ?? c.status)}${c.error ? ` — ${esc(c.error)}` : ''}</td><td>${
              r?.finishedAt
                ? `${esc(frDate(r.finishedAt))} : ${r.imported ?? 0} importée(s), ${r.failed?.length ?? 0} en erreur`
                : 'Jamais'
            }</td><td><ul class="fr-btns-group fr-btns-group--inline-sm"><li><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-act="test" data-id="${esc(c.id)}">Tester</button></li><li><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-act="sync" data-id="${esc(c.id)}">Synchroniser</button></li><li><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-act="${c.status === 'ACTIVE' ? 'pause' : 'resume'}" data-id="${esc(c.id)}">${c.status === 'ACTIVE' ? 'Mettre en pause' : 'Reprendre'}</button></li></ul></td></tr>`;
          })
          .join('')}</tbody></table></div>`
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
$('[data-connections]').addEventListener('click', async (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-act]');
  if (!button) return;
  button.disabled = true;
  try {
    await api('POST', `/connections/${encodeURIComponent(button.dataset.id!)}/${button.dataset.act}`, {});
    notify(DONE[button.dataset.act!]);
    await list();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
    button.disabled = false;
  }
});

bindForm(f, async (v) => {
  if (!structureSelect.value) throw new PageProblem('Choisissez une structure.');
  const typed = (group: 'config' | 'credentials') =>
    Object.fromEntries(
      Object.entries((v[group] ?? {}) as Record<string, string>).map(([k, value]) => {
        const type = f.querySelector<HTMLInputElement>(`[name="${group}.${k}"]`)?.dataset.type;
        return [k, type === 'integer' || type === 'number' ? Number(value) : value];
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
