import { ApiFailure } from './api';
import { frenchError, frenchFieldMessage } from './messages';

/** A problem to show: next to a field (by its name) when it has one, and in the form's summary. */
export interface Problem {
  field?: string;
  message: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The form's fields as an object; dotted names nest (address.city), empty text is left out. */
export function values(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements) as Control[]) {
    if (!el.name || el.disabled || (el as HTMLInputElement).type === 'file') continue;
    let value: unknown;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') value = el.checked;
    else if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (!el.checked) continue;
      value = el.value;
    } else value = el.value.trim();
    if (value === '') continue;
    const keys = el.name.split('.');
    let target = out;
    for (const k of keys.slice(0, -1)) target = (target[k] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]] = value;
  }
  return out;
}

export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll('[data-field]').forEach((group) => {
    group.classList.remove(
      'fr-input-group--error',
      'fr-select-group--error',
      'fr-checkbox-group--error',
      'fr-upload-group--error',
    );
    group.querySelector('.fr-input, .fr-select')?.classList.remove('fr-input--error', 'fr-select--error');
    group.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
    const text = group.querySelector<HTMLElement>('.fr-error-text');
    if (text) text.hidden = true;
  });
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  if (summary) summary.innerHTML = '';
}

/** The API field path of an error ("body.address.city") as the form names it ("address.city"). */
export function fieldOf(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  return path.replace(/^(body|query|params)\.?/, '') || undefined;
}

/** A problem the page itself found (not the API), already in French. */
export class PageProblem extends Error {}

/** What an API failure means, in French, field by field. */
export function problemsOf(err: unknown): Problem[] {
  if (err instanceof PageProblem) return [{ message: err.message }];
  if (!(err instanceof ApiFailure))
    return [{ message: 'Le serveur ne répond pas : vérifiez votre connexion et réessayez.' }];
  const details = err.details ?? {};
  const listed = details.errors as { field?: string; message: string }[] | undefined;
  if (err.code === 'INVALID_INPUT' && listed?.length)
    return listed.map((e) => ({ field: fieldOf(e.field), message: frenchFieldMessage(e.message) }));
  return [{ field: fieldOf(details.field), message: frenchError(err.code, err.message) }];
}

/**
 * Shows problems next to their fields and in a DSFR alert at the top of the form, whose links lead to
 * each field; the alert takes the focus so screen readers announce it.
 */
export function showProblems(form: HTMLElement, problems: Problem[]): void {
  clearErrors(form);
  const items: string[] = [];
  for (const p of problems) {
    const group = p.field ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(p.field)}"]`) : null;
    const control = group?.querySelector<HTMLElement>('input, select, textarea');
    if (group && control) {
      const kind = (['select', 'checkbox', 'upload'] as const).find((k) =>
        group.classList.contains(`fr-${k}-group`),
      );
      group.classList.add(`fr-${kind ?? 'input'}-group--error`);
      if (kind === 'select') control.classList.add('fr-select--error');
      else if (!kind) control.classList.add('fr-input--error');
      control.setAttribute('aria-invalid', 'true');
      const text = group.querySelector<HTMLElement>('.fr-error-text')!;
      text.textContent = p.message;
      text.hidden = false;
      const label = group.querySelector('label')?.firstChild?.textContent?.trim() ?? p.field;
      items.push(`<li><a href="#${control.id}">${esc(label)} : ${esc(p.message)}</a></li>`);
    } else items.push(`<li>${esc(p.message)}</li>`);
  }
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  if (!summary) return;
  const many = problems.length > 1;
  summary.innerHTML = `<div class="fr-alert fr-alert--error fr-mb-3w"><h2 class="fr-alert__title">${
    many ? `Le formulaire contient ${problems.length} erreurs` : 'Le formulaire contient une erreur'
  }</h2><ul>${items.join('')}</ul></div>`;
  summary.focus();
}

/** Fields marked required and left empty: caught before asking the API. */
function missingRequired(form: HTMLFormElement): Problem[] {
  const out: Problem[] = [];
  for (const el of Array.from(form.elements) as Control[]) {
    if (!el.required || el.disabled || !el.name) continue;
    const empty = el instanceof HTMLInputElement && el.type === 'checkbox' ? !el.checked : !el.value.trim();
    if (empty)
      out.push({
        field: el.name,
        message:
          el instanceof HTMLInputElement && el.type === 'checkbox'
            ? 'Cette case doit être cochée.'
            : 'Ce champ est obligatoire.',
      });
  }
  return out;
}

/**
 * Submits a form through `handler`: required fields are checked first, the submit button shows the
 * request in progress, and any failure is shown in French next to its field.
 */
export function bindForm(
  form: HTMLFormElement,
  handler: (values: Record<string, unknown>, submitter?: HTMLButtonElement) => Promise<void>,
  opts: {
    check?: (values: Record<string, unknown>) => Problem[];
    /** The field an API error that names none is about (e.g. the file of an upload form). */
    fieldOfError?: (values: Record<string, unknown>) => string | undefined;
  } = {},
): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | undefined;
    const v = values(form);
    const problems = [...missingRequired(form), ...(opts.check?.(v) ?? [])];
    if (problems.length) return showProblems(form, problems);
    clearErrors(form);
    const buttons = Array.from(form.querySelectorAll<HTMLButtonElement>('button'));
    buttons.forEach((b) => (b.disabled = true));
    form.setAttribute('aria-busy', 'true');
    try {
      await handler(v, submitter);
    } catch (err) {
      document.querySelector('[data-notice] progress[data-upload]')?.closest('.fr-alert')?.remove();
      const fallback = opts.fieldOfError?.(v);
      showProblems(
        form,
        problemsOf(err).map((p) => ({ ...p, field: p.field ?? fallback })),
      );
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      form.removeAttribute('aria-busy');
    }
  });
}

/** A DSFR alert in the page's notice area (role=status). */
export function notify(
  message: string,
  type: 'success' | 'error' | 'info' | 'warning' = 'success',
  html = false,
) {
  const area = document.querySelector<HTMLElement>('[data-notice]');
  if (!area) return;
  area.innerHTML = `<div class="fr-alert fr-alert--${type} fr-mt-3w"><p>${html ? message : esc(message)}</p></div>`;
}

/** A progress bar in the notice area for an upload; announced in steps of a quarter, not at each byte. */
export function progress(label: string): (sent: number) => void {
  let announced = -1;
  return (sent) => {
    const percent = Math.round(sent * 100);
    const area = document.querySelector<HTMLElement>('[data-notice]');
    if (!area) return;
    const bar = area.querySelector<HTMLProgressElement>('progress[data-upload]');
    if (bar && Math.floor(percent / 25) === announced) {
      bar.value = percent;
      return;
    }
    announced = Math.floor(percent / 25);
    area.innerHTML = `<div class="fr-alert fr-alert--info fr-mt-3w"><p><label for="upload-progress">${esc(label)} : ${percent} %</label><br><progress id="upload-progress" data-upload max="100" value="${percent}">${percent} %</progress></p></div>`;
  };
}

export function form(name: string): HTMLFormElement {
  return $(`form[data-form="${name}"]`) as HTMLFormElement;
}

export const param = (name: string) => new URLSearchParams(location.search).get(name) ?? '';

export const frDate = (iso?: string) =>
  iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '';

export const frDay = (iso?: string) =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10).split('-').reverse().join('/') : (iso ?? '');

export const money = (value?: string, currency = 'EUR') =>
  value === undefined || value === null
    ? ''
    : `${Number(value).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency === 'EUR' ? '€' : currency}`;
