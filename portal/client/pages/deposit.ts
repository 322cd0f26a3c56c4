import { digitsOnly } from '../../../invoice/platform-rules/french-ids';
import { api, ApiFailure, invoicePath, upload } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, PageProblem, param, progress } from '../form';
import { myStructures } from '../structure-list';

startPage();
const f = form('deposit');
const structureSelect = f.elements.namedItem('structureId') as HTMLSelectElement;

void myStructures().then((items) => {
  structureSelect.insertAdjacentHTML(
    'beforeend',
    items.map((s) => `<option value="${esc(s.id)}">${esc(s.name)} (${esc(s.identifier)})</option>`).join(''),
  );
  const wanted = param('structure') || (items.length === 1 ? items[0].id : '');
  if (wanted) structureSelect.value = wanted;
  // Without a structure there is nothing to deposit for: the way to create or join one instead.
  if (!items.length) {
    f.hidden = true;
    $('[data-no-structure]').hidden = false;
  }
});

/** Only the chosen way's fields are shown and sent: the others are disabled. */
function showMode() {
  const mode = f.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? 'saisie';
  f.querySelectorAll<HTMLElement>('[data-when]').forEach((block) => {
    const on = block.dataset.when === mode;
    block.hidden = !on;
    block
      .querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')
      .forEach((el) => (el.disabled = !on));
  });
  // A structured file names its supplier itself.
  structureSelect.disabled = mode === 'xml';
}
f.addEventListener('change', (e) => {
  if ((e.target as HTMLInputElement).name === 'mode') showMode();
});
showMode();

/**
 * A file refused for identification says which party could not be matched and what to fill: the
 * platform's own sentence, not the generic text of its code.
 */
const IDENTIFICATION_CODES = ['PARTY_UNRESOLVED', 'PARTY_AMBIGUOUS', 'NOT_A_MEMBER'];
function identificationProblem(err: unknown): never {
  if (err instanceof ApiFailure && IDENTIFICATION_CODES.includes(err.code))
    throw new PageProblem(err.message);
  throw err;
}

const file = (name: string) => (f.elements.namedItem(name) as HTMLInputElement).files?.[0];

bindForm(
  f,
  async (v) => {
    const structure = encodeURIComponent(String(v.structureId));
    if (v.mode === 'saisie') {
      const draft = await api<{ id: string }>('POST', `/structures/${structure}/drafts`, {
        recipientId: digitsOnly(String(v.recipientId)),
        cadreDeFacturation: v.cadreDeFacturation,
        modeDepot: 'SAISIE_PORTAIL',
      });
      location.assign(`/factures/brouillon?id=${encodeURIComponent(draft.id)}`);
      return;
    }
    const body = new FormData();
    if (v.mode === 'pdf') {
      body.append('file', file('pdf')!, file('pdf')!.name);
      const draft = await upload<{ id: string }>(
        `/structures/${structure}/drafts/from-pdf`,
        body,
        progress('Envoi du PDF, puis lecture'),
      );
      location.assign(`/factures/brouillon?id=${encodeURIComponent(draft.id)}&pdf=1`);
      return;
    }
    body.append('file', file('file')!, file('file')!.name);
    const query = new URLSearchParams({
      modeDepot: 'UPLOAD_PORTAIL',
      cadreFacturation: String(v.cadreFacturation),
    });
    const deposited = await upload<{ id: string; created: boolean }>(
      '/invoices',
      body,
      progress('Envoi de la facture, puis contrôle'),
      query.toString(),
    ).catch(identificationProblem);
    location.assign(`/factures/${invoicePath(deposited.id)}?${deposited.created ? 'deposee=1' : 'deja=1'}`);
  },
  {
    // What the platform says of an uploaded file, it says next to that file.
    fieldOfError: (v) => ({ pdf: 'pdf', xml: 'file' })[String(v.mode)],
  },
);
