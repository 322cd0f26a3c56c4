/** Server-side HTML helpers: escaping and the DSFR form fields every page uses. */

export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The id of a field's element: the client finds fields by name and errors by this id. */
export const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

interface FieldOptions {
  name: string;
  /** When two forms of a page share a field name, the id that keeps each label with its field. */
  id?: string;
  label: string;
  hint?: string;
  required?: boolean;
  value?: string;
  attrs?: string;
}

function group(o: FieldOptions, control: string, kind = 'input'): string {
  const id = o.id ?? fieldId(o.name);
  const hint = o.hint ? `<span class="fr-hint-text">${esc(o.hint)}</span>` : '';
  return (
    `<div class="fr-${kind}-group" data-field="${esc(o.name)}">` +
    `<label class="fr-label" for="${id}">${esc(o.label)}${o.required ? ' <span aria-hidden="true">*</span>' : ''}${hint}</label>` +
    control +
    `<p class="fr-error-text" id="${id}-error" hidden></p></div>`
  );
}

export function input(o: FieldOptions & { type?: string; autocomplete?: string }): string {
  const id = o.id ?? fieldId(o.name);
  return group(
    o,
    `<input class="fr-input" id="${id}" name="${esc(o.name)}" type="${o.type ?? 'text'}"` +
      `${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.required ? ' required' : ''}` +
      `${o.value !== undefined ? ` value="${esc(o.value)}"` : ''} aria-describedby="${id}-error" ${o.attrs ?? ''}>`,
  );
}

export function textarea(o: FieldOptions): string {
  const id = o.id ?? fieldId(o.name);
  return group(
    o,
    `<textarea class="fr-input" id="${id}" name="${esc(o.name)}"${o.required ? ' required' : ''} aria-describedby="${id}-error" ${o.attrs ?? ''}>${esc(o.value)}</textarea>`,
  );
}

export function select(o: FieldOptions & { options: [string, string][]; placeholder?: string }): string {
  const id = o.id ?? fieldId(o.name);
  const options = [
    ...(o.placeholder ? [`<option value="" disabled selected hidden>${esc(o.placeholder)}</option>`] : []),
    ...o.options.map(
      ([v, l]) => `<option value="${esc(v)}"${v === o.value ? ' selected' : ''}>${esc(l)}</option>`,
    ),
  ];
  return group(
    o,
    `<select class="fr-select" id="${id}" name="${esc(o.name)}"${o.required ? ' required' : ''} aria-describedby="${id}-error" ${o.attrs ?? ''}>${options.join('')}</select>`,
    'select',
  );
}

export function checkbox(o: FieldOptions & { checked?: boolean }): string {
  const id = o.id ?? fieldId(o.name);
  return (
    `<div class="fr-checkbox-group" data-field="${esc(o.name)}">` +
    `<input type="checkbox" id="${id}" name="${esc(o.name)}"${o.checked ? ' checked' : ''}${o.required ? ' required' : ''} aria-describedby="${id}-error">` +
    `<label class="fr-label" for="${id}">${esc(o.label)}${o.hint ? `<span class="fr-hint-text">${esc(o.hint)}</span>` : ''}</label>` +
    `<p class="fr-error-text" id="${id}-error" hidden></p></div>`
  );
}

/** Where a form's error summary (a DSFR alert linking to each field) is shown. */
export const errorSummary = '<div class="ff-error-summary" data-error-summary tabindex="-1"></div>';

/** Where a page reports the outcome of an action (role=status, read out by screen readers). */
export const notice = '<div class="ff-notice" data-notice role="status" aria-live="polite"></div>';

export function submit(label: string, extra = ''): string {
  return `<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit">${esc(label)}</button></li>${extra}</ul>`;
}
