"use strict";
/** Server-side HTML helpers: escaping and the DSFR form fields every page uses. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.notice = exports.errorSummary = exports.fieldId = void 0;
exports.esc = esc;
exports.input = input;
exports.textarea = textarea;
exports.select = select;
exports.checkbox = checkbox;
exports.submit = submit;
function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
/** The id of a field's element: the client finds fields by name and errors by this id. */
const fieldId = (name) => `f-${name.replace(/[^\w-]/g, '-')}`;
exports.fieldId = fieldId;
function group(o, control, kind = 'input') {
    const id = o.id ?? (0, exports.fieldId)(o.name);
    const hint = o.hint ? `<span class="fr-hint-text">${esc(o.hint)}</span>` : '';
    return (`<div class="fr-${kind}-group" data-field="${esc(o.name)}">` +
        `<label class="fr-label" for="${id}">${esc(o.label)}${o.required ? ' <span aria-hidden="true">*</span>' : ''}${hint}</label>` +
        control +
        `<p class="fr-error-text" id="${id}-error" hidden></p></div>`);
}
function input(o) {
    const id = o.id ?? (0, exports.fieldId)(o.name);
    return group(o, `<input class="fr-input" id="${id}" name="${esc(o.name)}" type="${o.type ?? 'text'}"` +
        `${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.required ? ' required' : ''}` +
        `${o.value !== undefined ? ` value="${esc(o.value)}"` : ''} aria-describedby="${id}-error" ${o.attrs ?? ''}>`);
}
function textarea(o) {
    const id = o.id ?? (0, exports.fieldId)(o.name);
    return group(o, `<textarea class="fr-input" id="${id}" name="${esc(o.name)}"${o.required ? ' required' : ''} aria-describedby="${id}-error" ${o.attrs ?? ''}>${esc(o.value)}</textarea>`);
}
function select(o) {
    const id = o.id ?? (0, exports.fieldId)(o.name);
    const options = [
        ...(o.placeholder ? [`<option value="" disabled selected hidden>${esc(o.placeholder)}</option>`] : []),
        ...o.options.map(([v, l]) => `<option value="${esc(v)}"${v === o.value ? ' selected' : ''}>${esc(l)}</option>`),
    ];
    return group(o, `<select class="fr-select" id="${id}" name="${esc(o.name)}"${o.required ? ' required' : ''} aria-describedby="${id}-error" ${o.attrs ?? ''}>${options.join('')}</select>`, 'select');
}
function checkbox(o) {
    const id = o.id ?? (0, exports.fieldId)(o.name);
    return (`<div class="fr-checkbox-group" data-field="${esc(o.name)}">` +
        `<input type="checkbox" id="${id}" name="${esc(o.name)}"${o.checked ? ' checked' : ''}${o.required ? ' required' : ''} aria-describedby="${id}-error">` +
        `<label class="fr-label" for="${id}">${esc(o.label)}${o.hint ? `<span class="fr-hint-text">${esc(o.hint)}</span>` : ''}</label>` +
        `<p class="fr-error-text" id="${id}-error" hidden></p></div>`);
}
/** Where a form's error summary (a DSFR alert linking to each field) is shown. */
exports.errorSummary = '<div class="ff-error-summary" data-error-summary tabindex="-1"></div>';
/** Where a page reports the outcome of an action (role=status, read out by screen readers). */
exports.notice = '<div class="ff-notice" data-notice role="status" aria-live="polite"></div>';
function submit(label, extra = '') {
    return `<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit">${esc(label)}</button></li>${extra}</ul>`;
}
//# sourceMappingURL=html.js.map