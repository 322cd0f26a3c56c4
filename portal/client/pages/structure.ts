import { api, ApiFailure, session } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDay, notify, param, problemsOf } from '../form';
import { AttachmentRequest, renderDecisions } from '../decisions';
import { ROLES } from '../messages';

startPage();

interface Structure {
  id: string;
  identifierType: string;
  identifier: string;
  name: string;
  public: boolean;
  address?: Record<string, string>;
  vatNumber?: string;
  rcs?: string;
  email?: string;
  parameters: Record<string, boolean>;
  spaces?: string[];
  /** false: no company registry confirmed the SIRET (none configured when it was created). */
  identityVerified?: boolean;
}

const id = $('[data-structure-id]').dataset.structureId!;
const base = `/structures/${encodeURIComponent(id)}`;
const managerOnly = '<p>Réservé aux gestionnaires de la structure.</p>';

function fill(f: HTMLFormElement, values: Record<string, unknown>, prefix = '') {
  for (const [k, v] of Object.entries(values)) {
    if (v && typeof v === 'object' && !Array.isArray(v))
      fill(f, v as Record<string, unknown>, `${prefix}${k}.`);
    const el = f.elements.namedItem(`${prefix}${k}`);
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = !!v;
    else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = String(v ?? '');
  }
}

const shown = (err: unknown) =>
  err instanceof ApiFailure && err.status === 403 ? managerOnly : `<p>${esc(problemsOf(err)[0].message)}</p>`;

async function load() {
  const s = await api<Structure>('GET', base);
  $('[data-structure-title]').textContent = s.name;
  document.title = `${s.name} — Fiche structure — facturflow`;
  $('[data-structure-identity]').textContent =
    `${s.identifierType} ${s.identifier} — structure ${s.public ? 'publique' : 'privée'}` +
    (s.identityVerified === false
      ? s.public
        ? ' — identité non vérifiée (en attente de vérification par le support)'
        : ' — identité non vérifiée (SIRET non confirmé par le répertoire)'
      : '');
  fill(form('general'), {
    name: s.name,
    vatNumber: s.vatNumber,
    rcs: s.rcs,
    email: s.email,
    address: s.address ?? {},
  });
  fill(form('parameters'), s.parameters);
  for (const el of Array.from(form('spaces').querySelectorAll<HTMLInputElement>('input[type="checkbox"]')))
    el.checked = (s.spaces ?? []).includes(el.name.replace(/^space-/, ''));
  return s;
}

async function bankAccounts() {
  const area = $('[data-bank-accounts]');
  try {
    const { items } = await api<{
      items: { id: string; iban: string; bic: string; label?: string; factor: boolean }[];
    }>('GET', `${base}/bank-accounts`);
    area.innerHTML = items.length
      ? `<div class="fr-table"><table><caption>Coordonnées bancaires</caption><thead><tr><th scope="col">Libellé</th><th scope="col">IBAN</th><th scope="col">BIC</th><th scope="col">Affactureur</th><th scope="col">Action</th></tr></thead><tbody>${items
          .map(
            (b) =>
              `<tr><td>${esc(b.label ?? '')}</td><td>${esc(b.iban)}</td><td>${esc(b.bic)}</td><td>${b.factor ? 'Oui' : 'Non'}</td><td><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" data-remove-bank="${esc(b.id)}">Supprimer</button></td></tr>`,
          )
          .join('')}</tbody></table></div>`
      : '<p>Aucune coordonnée bancaire.</p>';
  } catch (err) {
    area.innerHTML = shown(err);
  }
}

interface Service {
  code: string;
  name: string;
  active?: boolean;
  validFrom?: string;
  validTo?: string;
  engagementRequired?: boolean;
}

async function services() {
  const area = $('[data-services]');
  try {
    const { items } = await api<{ items: Service[] }>('GET', `${base}/services`);
    area.innerHTML = items.length
      ? `<div class="fr-table"><table><caption>Services</caption><thead><tr><th scope="col">Code</th><th scope="col">Nom</th><th scope="col">Validité</th><th scope="col">N° d'engagement obligatoire</th><th scope="col">État</th></tr></thead><tbody>${items
          .map(
            (s) =>
              `<tr><td>${esc(s.code)}</td><td>${esc(s.name)}</td><td>${esc([frDay(s.validFrom), frDay(s.validTo)].filter(Boolean).join(' → '))}</td><td>${s.engagementRequired ? 'Oui' : 'Non'}</td><td><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" data-toggle-service="${esc(s.code)}" data-active="${s.active !== false}">${s.active !== false ? 'Actif — désactiver' : 'Inactif — activer'}</button></td></tr>`,
          )
          .join('')}</tbody></table></div>`
      : '<p>Aucun service.</p>';
  } catch (err) {
    area.innerHTML = shown(err);
  }
}

interface Member {
  userId: string;
  email?: string;
  role: string;
  services: string[];
}

/**
 * What the viewer may do to a member: the main manager (and support) changes roles and hands the
 * main-manager role over; any manager withdraws plain users. The main manager's own row has no action:
 * the structure always keeps one.
 */
function memberActions(m: Member, me: { id: string; operator: boolean }, myRole?: string): string {
  if (m.userId === me.id || m.role === 'PRINCIPAL') return '';
  const who = m.email ? `<span class="fr-sr-only"> ${esc(m.email)}</span>` : '';
  const appoints = myRole === 'PRINCIPAL' || me.operator;
  const select = `<div class="fr-select-group fr-mb-1w"><label class="fr-label fr-sr-only" for="role-${esc(m.userId)}">Rôle de ${esc(m.email ?? m.userId)}</label><select class="fr-select" id="role-${esc(m.userId)}" data-role-of="${esc(m.userId)}">${Object.entries(
    ROLES,
  )
    .map(([v, l]) => `<option value="${v}"${v === m.role ? ' selected' : ''}>${esc(l)}</option>`)
    .join('')}</select></div>`;
  const change = `<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-change-role="${esc(m.userId)}">Changer le rôle${who}</button>`;
  const revoke = `<button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" data-revoke-member="${esc(m.userId)}">Retirer${who}</button>`;
  if (appoints)
    return `${select}<ul class="fr-btns-group fr-btns-group--inline-sm"><li>${change}</li><li>${revoke}</li></ul>`;
  return m.role === 'UTILISATEUR' ? revoke : '';
}

async function manager() {
  const me = (await session())!.account;
  const membersArea = $('[data-members]');
  try {
    const { items } = await api<{ items: Member[] }>('GET', `${base}/members`);
    const myRole = items.find((m) => m.userId === me.id)?.role;
    membersArea.innerHTML = `<div class="fr-table fr-table--no-caption"><table><caption>Utilisateurs de la structure</caption><thead><tr><th scope="col">Utilisateur</th><th scope="col">Rôle</th><th scope="col">Services</th><th scope="col">Action</th></tr></thead><tbody>${items
      .map(
        (m) =>
          `<tr data-member="${esc(m.userId)}"><td>${esc(m.email ?? m.userId)}${m.userId === me.id ? ' (vous)' : ''}</td><td data-member-role>${esc(ROLES[m.role] ?? m.role)}</td><td>${esc(m.services.join(', ') || 'Tous')}</td><td>${memberActions(m, me, myRole)}</td></tr>`,
      )
      .join('')}</tbody></table></div>${
      myRole === 'PRINCIPAL'
        ? '<p class="fr-hint-text">Vous êtes le gestionnaire principal : pour quitter ce rôle, choisissez « Gestionnaire principal » pour un autre membre ; vous resterez gestionnaire secondaire.</p>'
        : ''
    }`;
  } catch (err) {
    membersArea.innerHTML = shown(err);
  }
  const { items } = await api<{ items: AttachmentRequest[] }>('GET', '/attachment-requests');
  renderDecisions(
    $('[data-to-decide]'),
    items.filter((r) => r.structureId === id && r.userId !== me.id),
    new Map([[id, $('[data-structure-title]').textContent ?? id]]),
    () => {
      notify('La décision est enregistrée.');
      void manager();
    },
  );
}

const CREATED = 'La structure est créée : vous en êtes le gestionnaire principal.';
if (param('creee')) notify(CREATED);
void load().then((s) => {
  // A public structure's longer message waits for its details, and never covers a newer notice (the
  // user may have acted on the page before the structure's details came back).
  const notice = document.querySelector('[data-notice]')?.textContent?.trim();
  if (param('creee') && s.public && s.identityVerified === false && notice === CREATED)
    notify(
      'La structure publique est créée : vous en êtes le gestionnaire principal. Le support vérifie son identité ; elle paraîtra ensuite dans l’annuaire et pourra recevoir des factures.',
    );
  void manager();
});
void bankAccounts();
void services();

const subscription = $('[data-subscription]') as HTMLInputElement;
// The box starts as the server has it, unless the user changed it before that answer came back: their
// choice wins, and every message speaks of the choice made, not of the box's state when the answer comes.
let subscriptionTouched = false;
void api<{ items: { structureId: string }[] }>('GET', '/invoice-subscriptions').then(({ items }) => {
  if (!subscriptionTouched) subscription.checked = items.some((i) => i.structureId === id);
});
subscription.addEventListener('change', async () => {
  subscriptionTouched = true;
  const wanted = subscription.checked;
  try {
    await api(wanted ? 'PUT' : 'DELETE', `${base}/invoice-subscription`);
    notify(
      wanted
        ? 'Vous recevrez un courriel à chaque étape des factures de la structure.'
        : 'Vous ne recevrez plus ces courriels.',
    );
  } catch (err) {
    subscription.checked = !wanted;
    notify(problemsOf(err)[0].message, 'error');
  }
});

bindForm(form('general'), async (v) => {
  await api('PATCH', base, v);
  notify('Les informations générales sont enregistrées.');
});
bindForm(form('bank-account'), async (v) => {
  await api('POST', `${base}/bank-accounts`, { ...v, factor: !!v.factor });
  form('bank-account').reset();
  notify('Les coordonnées bancaires sont ajoutées.');
  await bankAccounts();
});
bindForm(form('service'), async (v) => {
  await api('POST', `${base}/services`, { ...v, engagementRequired: !!v.engagementRequired });
  form('service').reset();
  notify('Le service est ajouté.');
  await services();
});
bindForm(form('parameters'), async (v) => {
  await api('PATCH', base, {
    parameters: {
      codeServiceDoitEtreRenseigne: !!v.codeServiceDoitEtreRenseigne,
      numeroEJDoitEtreRenseigne: !!v.numeroEJDoitEtreRenseigne,
      gestionNumeroEJOuCodeService: !!v.gestionNumeroEJOuCodeService,
    },
  });
  notify('Les paramètres destinataire sont enregistrés.');
});
bindForm(form('spaces'), async (v) => {
  const spaces = Object.keys(v)
    .filter((k) => k.startsWith('space-') && v[k] === true)
    .map((k) => k.slice('space-'.length));
  await api('PATCH', base, { spaces });
  notify('La personnalisation est enregistrée.');
});

const CHANGED: Record<string, string> = {
  PRINCIPAL:
    'Le rôle de gestionnaire principal est transmis ; l’ancien gestionnaire principal devient gestionnaire secondaire.',
  SECONDAIRE: 'L’utilisateur est désormais gestionnaire secondaire.',
  UTILISATEUR: 'L’utilisateur a désormais le rôle Utilisateur.',
};

$('[data-members]').addEventListener('click', async (e) => {
  const changing = (e.target as HTMLElement).closest<HTMLElement>('[data-change-role]')?.dataset.changeRole;
  if (changing) {
    const role = $(`[data-role-of="${CSS.escape(changing)}"]`) as HTMLSelectElement;
    try {
      await api('PATCH', `${base}/members/${encodeURIComponent(changing)}`, { role: role.value });
      notify(CHANGED[role.value]);
      await manager();
    } catch (err) {
      notify(problemsOf(err)[0].message, 'error');
    }
    return;
  }
  const userId = (e.target as HTMLElement).closest<HTMLElement>('[data-revoke-member]')?.dataset.revokeMember;
  if (!userId) return;
  try {
    await api('DELETE', `${base}/members/${encodeURIComponent(userId)}`);
    notify('L’utilisateur n’est plus rattaché à la structure.');
    await manager();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
  }
});
$('[data-bank-accounts]').addEventListener('click', async (e) => {
  const bank = (e.target as HTMLElement).closest<HTMLElement>('[data-remove-bank]')?.dataset.removeBank;
  if (!bank) return;
  await api('DELETE', `${base}/bank-accounts/${encodeURIComponent(bank)}`);
  notify('Les coordonnées bancaires sont supprimées.');
  await bankAccounts();
});
$('[data-services]').addEventListener('click', async (e) => {
  const button = (e.target as HTMLElement).closest<HTMLElement>('[data-toggle-service]');
  if (!button) return;
  await api('PATCH', `${base}/services/${encodeURIComponent(button.dataset.toggleService!)}`, {
    active: button.dataset.active !== 'true',
  });
  await services();
});
