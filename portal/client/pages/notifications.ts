import { api } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, notify } from '../form';
import { myStructures, type StructureSummary } from '../structure-list';

/** Mes notifications: for each structure, which invoice emails the user receives, and the daily digest. */
interface Preference {
  event: string;
  label: string;
  enabled: boolean;
  byDefault: boolean;
}
interface Settings {
  items: Preference[];
  digest: boolean;
}

const path = (structureId: string) =>
  `/structures/${encodeURIComponent(structureId)}/notification-preferences`;
const slug = (s: string) => s.replace(/[^\w-]/g, '-');

function eventBox(structureId: string, p: Preference): string {
  const id = `f-${slug(structureId)}-${p.event}`;
  const name = `events.${p.event}`;
  return (
    `<div class="fr-fieldset__element"><div class="fr-checkbox-group" data-field="${esc(name)}">` +
    `<input type="checkbox" id="${id}" name="${esc(name)}"${p.enabled ? ' checked' : ''} aria-describedby="${id}-error">` +
    `<label class="fr-label" for="${id}">${esc(p.label)}<span class="fr-hint-text">${
      p.byDefault ? 'Activé par défaut' : 'Désactivé par défaut'
    }</span></label><p class="fr-error-text" id="${id}-error" hidden></p></div></div>`
  );
}

function digestChoice(structureId: string, digest: boolean): string {
  const id = `f-${slug(structureId)}-digest`;
  const radio = (value: boolean, label: string, hint: string) =>
    `<div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="${id}-${value}" name="digest" value="${value}"${
      value === digest ? ' checked' : ''
    }><label class="fr-label" for="${id}-${value}">${esc(label)}<span class="fr-hint-text">${esc(hint)}</span></label></div></div>`;
  return (
    `<fieldset class="fr-fieldset" data-field="digest" id="${id}" aria-labelledby="${id}-legend">` +
    `<legend class="fr-fieldset__legend" id="${id}-legend">Nouvelles factures reçues</legend>` +
    radio(false, 'Un e-mail par facture', 'Dès que la facture arrive.') +
    radio(
      true,
      'Un récapitulatif quotidien',
      'Un seul e-mail par jour, à heure fixe, qui liste les factures arrivées depuis le précédent.',
    ) +
    `<p class="fr-error-text" id="${id}-error" hidden></p></fieldset>`
  );
}

function structureForm(s: StructureSummary, settings: Settings): string {
  return (
    `<section class="fr-mt-4w" data-structure="${esc(s.id)}"><h2>${esc(s.name)}</h2>` +
    `<form data-form="notifications" data-structure-id="${esc(s.id)}" novalidate>` +
    `<div class="ff-error-summary" data-error-summary tabindex="-1"></div>` +
    `<fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Courriels sur les factures</legend>` +
    settings.items.map((p) => eventBox(s.id, p)).join('') +
    `</fieldset>${digestChoice(s.id, settings.digest)}` +
    `<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit">Enregistrer</button></li></ul>` +
    `</form></section>`
  );
}

async function show(): Promise<void> {
  const structures = await myStructures();
  const area = $('[data-preferences]');
  if (!structures.length) {
    area.innerHTML =
      '<p>Vous n’êtes rattaché à aucune structure : vous ne recevez aucun courriel sur des factures.</p>' +
      '<p><a class="fr-btn fr-btn--secondary" href="/structures">Créer une structure</a> <a class="fr-btn fr-btn--secondary" href="/rattachements">Demander un rattachement</a></p>';
    return;
  }
  const all = await Promise.all(structures.map((s) => api<Settings>('GET', path(s.id))));
  area.innerHTML = structures.map((s, i) => structureForm(s, all[i])).join('');
  area.querySelectorAll<HTMLFormElement>('form[data-form="notifications"]').forEach((form, i) =>
    bindForm(form, async (v) => {
      const saved = await api<Settings>('PUT', path(structures[i].id), {
        events: v.events ?? {},
        digest: v.digest === 'true',
      });
      notify(
        `Vos préférences pour ${structures[i].name} sont enregistrées${
          saved.digest ? ' : les nouvelles factures arriveront dans un récapitulatif quotidien' : ''
        }.`,
      );
    }),
  );
}

startPage();
void show();
