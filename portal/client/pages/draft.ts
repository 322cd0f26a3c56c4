import type { Invoice, InvoiceLine } from '../../../invoice/model';
import { digitsOnly } from '../../../invoice/platform-rules/french-ids';
import { api, invoicePath } from '../api';
import { startPage } from '../common';
import { formatDecimal, multiply, parseDecimal, percent } from '../decimal';
import type { Finding } from '../../../invoice/validate/finding';
import { findingField, findingMessage } from '../findings';
import {
  $,
  clearErrors,
  esc,
  form,
  money,
  notify,
  param,
  Problem,
  problemsOf,
  showProblems,
  values,
} from '../form';

startPage();

interface Draft {
  id: string;
  status: string;
  cadreDeFacturation: string;
  modeDepot: string;
  invoice: Invoice;
  invoiceId?: string;
  /** The form's fields pre-filled from a plain PDF. */
  prefilled?: string[];
}

interface DirectoryEntry {
  identifier: string;
  name: string;
  address?: { street?: string; postalCode?: string; city?: string; countryCode?: string };
  /** The recipient's services a supplier may address today. */
  services: { code: string; name: string }[];
}

const UNITS: [string, string][] = [
  ['C62', 'unité'],
  ['HUR', 'heure'],
  ['DAY', 'jour'],
  ['MON', 'mois'],
  ['KGM', 'kg'],
  ['MTR', 'mètre'],
  ['LTR', 'litre'],
  ['LS', 'forfait'],
];
const RATES = ['20', '10', '5.5', '2.1', '0'];

const draftId = param('id');
const f = form('draft');
const linesBody = $('[data-lines]');
let draft: Draft;

const field = (name: string) => f.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

function lineRow(line: Partial<InvoiceLine>, i: number, origin?: number): string {
  const n = i + 1;
  const unit = line.quantity?.unitCode ?? 'C62';
  const rate = line.vatRate ?? '20';
  const input = (cls: string, label: string, value: string, extra = '') =>
    `<input class="fr-input ff-line-input" data-line="${cls}" aria-label="${label}, ligne ${n}" value="${esc(value)}" ${extra}>`;
  return `<tr${origin === undefined ? '' : ` data-origin="${origin}"`}>
<td>${input('name', 'Désignation', line.item?.name ?? '')}</td>
<td>${input('quantity', 'Quantité', line.quantity?.value ?? '1', 'inputmode="decimal"')}</td>
<td><select class="fr-select" data-line="unit" aria-label="Unité, ligne ${n}">${UNITS.map(([c, l]) => `<option value="${c}"${c === unit ? ' selected' : ''}>${l}</option>`).join('')}</select></td>
<td>${input('price', 'Prix unitaire HT', line.price?.netPrice?.value ?? '', 'inputmode="decimal"')}</td>
<td><select class="fr-select" data-line="rate" aria-label="Taux de TVA, ligne ${n}">${RATES.map((r) => `<option value="${r}"${r === rate ? ' selected' : ''}>${r.replace('.', ',')} %</option>`).join('')}</select></td>
<td data-line-total></td>
<td><button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line" title="Supprimer la ligne ${n}" data-remove-line>Supprimer la ligne ${n}</button></td>
</tr>`;
}

interface LineEntry {
  /** The draft's line this row shows, if any: its other terms are kept. */
  origin?: number;
  name: string;
  quantity: string;
  unit: string;
  price: string;
  rate: string;
}

function lineEntries(): LineEntry[] {
  return Array.from(linesBody.querySelectorAll('tr')).map((tr) => {
    const get = (k: string) => (tr.querySelector<HTMLInputElement>(`[data-line="${k}"]`)?.value ?? '').trim();
    return {
      origin: tr.dataset.origin === undefined ? undefined : Number(tr.dataset.origin),
      name: get('name'),
      quantity: get('quantity'),
      unit: get('unit'),
      price: get('price'),
      rate: get('rate'),
    };
  });
}

/** Lines, VAT breakdown and totals from what is typed: recomputed at each keystroke. */
function computed() {
  const currencyId = (field('currencyCode').value || 'EUR').toUpperCase();
  const amount = (v: bigint) => ({ value: formatDecimal(v), currencyId });
  const byRate = new Map<string, bigint>();
  let lineTotal = 0n;
  // Each row's net amount, shown beside it; rows left blank are no line of the invoice.
  const rowNets: bigint[] = [];
  const lines: InvoiceLine[] = [];
  for (const e of lineEntries()) {
    const quantity = parseDecimal(e.quantity);
    const price = parseDecimal(e.price);
    const net = parseDecimal(formatDecimal(multiply(quantity ?? 0n, price ?? 0n)))!;
    rowNets.push(net);
    if (!e.name && price === undefined) continue;
    lineTotal += net;
    byRate.set(e.rate, (byRate.get(e.rate) ?? 0n) + net);
    // A number not yet readable is left out, so that an unfinished draft can still be saved.
    const decimal = (text: string, value?: bigint) =>
      value === undefined ? undefined : text.replace(',', '.').replace(/\s/g, '');
    const original = e.origin === undefined ? undefined : draft.invoice.lines[e.origin];
    lines.push({
      ...original,
      id: String(lines.length + 1),
      quantity:
        quantity === undefined ? undefined : { value: decimal(e.quantity, quantity)!, unitCode: e.unit },
      netAmount: amount(net),
      price:
        price === undefined
          ? original?.price
          : { ...original?.price, netPrice: { value: decimal(e.price, price)!, currencyId } },
      vatCategoryCode: e.rate === '0' ? 'Z' : 'S',
      vatRate: e.rate,
      item: {
        ...original?.item,
        classifications: original?.item.classifications ?? [],
        attributes: original?.item.attributes ?? [],
        name: e.name,
      },
      allowances: original?.allowances ?? [],
      charges: original?.charges ?? [],
    });
  }
  let vatTotal = 0n;
  const vatBreakdowns = [...byRate.entries()].map(([rate, base]) => {
    const tax = parseDecimal(formatDecimal(multiply(base, percent(parseDecimal(rate) ?? 0n))))!;
    vatTotal += tax;
    return {
      categoryCode: rate === '0' ? 'Z' : 'S',
      rate,
      taxableAmount: amount(base),
      taxAmount: amount(tax),
    };
  });
  const totals = {
    lineNetTotal: amount(lineTotal),
    taxExclusiveAmount: amount(lineTotal),
    vatTotal: amount(vatTotal),
    taxInclusiveAmount: amount(lineTotal + vatTotal),
    amountDue: amount(lineTotal + vatTotal),
  };
  return { lines, rowNets, vatBreakdowns, totals, currencyId };
}

function renderTotals() {
  const c = computed();
  linesBody.querySelectorAll<HTMLElement>('[data-line-total]').forEach((td, i) => {
    td.textContent = money(formatDecimal(c.rowNets[i] ?? 0n), c.currencyId);
  });
  $('[data-vat]').innerHTML =
    c.vatBreakdowns
      .map(
        (v) =>
          `<tr><td>${esc(v.rate.replace('.', ','))} %</td><td>${money(v.taxableAmount.value, c.currencyId)}</td><td>${money(v.taxAmount.value, c.currencyId)}</td></tr>`,
      )
      .join('') || '<tr><td colspan="3">Aucune ligne.</td></tr>';
  $('[data-totals]').innerHTML =
    `<dt>Total HT</dt><dd data-total="ht">${money(c.totals.taxExclusiveAmount.value, c.currencyId)}</dd>` +
    `<dt>Total TVA</dt><dd data-total="tva">${money(c.totals.vatTotal.value, c.currencyId)}</dd>` +
    `<dt class="fr-text--bold">Total TTC</dt><dd class="fr-text--bold" data-total="ttc">${money(c.totals.taxInclusiveAmount.value, c.currencyId)}</dd>`;
}

function addLine(line: Partial<InvoiceLine> = {}, origin?: number) {
  linesBody.insertAdjacentHTML('beforeend', lineRow(line, linesBody.children.length, origin));
  renderTotals();
}

/** The draft's invoice with what the form says. */
function invoiceFromForm(): Invoice {
  const v = values(f) as Record<string, string> & { buyer?: Record<string, string | undefined> };
  const c = computed();
  const buyerId = v.buyer?.id === undefined ? undefined : digitsOnly(v.buyer.id);
  const inv = draft.invoice;
  return {
    ...inv,
    number: v.number ?? '',
    issueDate: v.issueDate ?? '',
    dueDate: v.dueDate || undefined,
    typeCode: v.typeCode || '380',
    currencyCode: c.currencyId,
    buyerReference: v.buyerReference || undefined,
    purchaseOrderReference: v.purchaseOrderReference || undefined,
    buyer: {
      ...inv.buyer,
      name: v.buyer?.name,
      address: {
        ...inv.buyer.address,
        line1: v.buyer?.street,
        postCode: v.buyer?.postCode,
        city: v.buyer?.city,
        countryCode: v.buyer?.countryCode?.toUpperCase(),
      },
      legalRegistrationId: buyerId
        ? { value: buyerId, ...(/^\d{14}$/.test(buyerId) ? { schemeId: '0009' } : {}) }
        : undefined,
    },
    lines: c.lines,
    // Until lines are entered, the amounts read from a PDF stay as they were.
    vatBreakdowns: c.lines.length ? c.vatBreakdowns : inv.vatBreakdowns,
    totals: c.lines.length ? { ...inv.totals, ...c.totals } : inv.totals,
  };
}

function lineProblems(): Problem[] {
  const entries = lineEntries();
  const blank = (e: LineEntry) => !e.name && !e.price;
  if (entries.every(blank)) return [{ field: 'lines', message: 'Ajoutez au moins une ligne.' }];
  const bad = entries.findIndex(
    (e) =>
      !blank(e) && (!e.name || parseDecimal(e.quantity) === undefined || parseDecimal(e.price) === undefined),
  );
  return bad >= 0
    ? [
        {
          field: 'lines',
          message: `Ligne ${bad + 1} : désignation, quantité et prix unitaire sont obligatoires (nombres avec une virgule ou un point).`,
        },
      ]
    : [];
}

/** An API field of the saved body ("invoice.lines.0.item.name") as the form's field ("lines"). */
function draftField(path?: string): string | undefined {
  if (!path?.startsWith('invoice.')) return path;
  const rest = path.slice('invoice.'.length);
  if (rest.startsWith('lines') || rest.startsWith('vatBreakdowns') || rest.startsWith('totals'))
    return 'lines';
  if (rest.startsWith('buyer.name')) return 'buyer.name';
  if (rest.startsWith('buyer.address')) return 'buyer.street';
  if (rest.startsWith('buyer')) return 'buyer.id';
  return rest.split('.')[0];
}

async function save(): Promise<void> {
  draft = await api<Draft>('PUT', `/drafts/${encodeURIComponent(draftId)}`, {
    invoice: invoiceFromForm(),
    cadreDeFacturation: field('cadreDeFacturation').value,
    modeDepot: draft.modeDepot,
  });
}

/** Findings next to their fields and in the summary; answers whether the invoice may be sent. */
async function validate(): Promise<boolean> {
  const { valid, findings } = await api<{ valid: boolean; findings: Finding[] }>(
    'POST',
    `/drafts/${encodeURIComponent(draftId)}/validate`,
  );
  const fatal = findings.filter((x) => x.severity === 'fatal');
  const warnings = findings.filter((x) => x.severity !== 'fatal');
  $('[data-findings]').innerHTML = warnings.length
    ? `<div class="fr-alert fr-alert--warning fr-mt-3w"><h2 class="fr-alert__title">Avertissements</h2><ul>${warnings.map((w) => `<li>${esc(findingMessage(w))}</li>`).join('')}</ul></div>`
    : '';
  if (!valid)
    showProblems(
      f,
      fatal.map((x) => ({ field: findingField(x), message: findingMessage(x) })),
    );
  return valid;
}

async function attachments() {
  const { items } = await api<{ items: { name: string; size: number; main?: boolean }[] }>(
    'GET',
    `/drafts/${encodeURIComponent(draftId)}/attachments`,
  );
  $('[data-attachments]').innerHTML = items.length
    ? `<ul>${items
        .map(
          (a) =>
            `<li>${esc(a.name)} (${Math.ceil(a.size / 1024)} Ko)${a.main ? ' — pièce jointe principale' : ''} <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-remove-attachment="${esc(a.name)}">Retirer</button></li>`,
        )
        .join('')}</ul>`
    : '<p>Aucune pièce jointe.</p>';
}

async function load() {
  draft = await api<Draft>('GET', `/drafts/${encodeURIComponent(draftId)}`);
  if (draft.status !== 'BROUILLON') {
    f.hidden = true;
    notify(
      `Cette facture a été envoyée : <a href="/factures/${invoicePath(draft.invoiceId ?? '')}">voir la facture</a>.`,
      'info',
      true,
    );
    return;
  }
  const inv = draft.invoice;
  const seller = inv.seller;
  const iban = inv.paymentInstructions?.creditTransfers?.[0];
  $('[data-seller]').innerHTML =
    `<p class="fr-mb-1w"><strong>${esc(seller.name ?? '')}</strong></p><p class="fr-mb-1w">SIRET ${esc(seller.legalRegistrationId?.value ?? '')}${seller.vatId ? ` — TVA ${esc(seller.vatId)}` : ''}</p>` +
    `<p class="fr-mb-1w">${esc([seller.address?.line1, seller.address?.postCode, seller.address?.city].filter(Boolean).join(', '))}</p>` +
    (iban?.accountId
      ? `<p class="fr-mb-0">IBAN ${esc(iban.accountId)}${iban.serviceProviderId ? ` — BIC ${esc(iban.serviceProviderId)}` : ''}</p>`
      : '<p class="fr-mb-0">Aucune coordonnée bancaire : ajoutez-en dans la fiche structure.</p>');
  const set = (name: string, value?: string) => value !== undefined && (field(name).value = value);
  set('buyer.name', inv.buyer.name);
  set('buyer.id', inv.buyer.legalRegistrationId?.value ?? inv.buyer.identifier?.value);
  set('buyer.street', inv.buyer.address?.line1);
  set('buyer.postCode', inv.buyer.address?.postCode);
  set('buyer.city', inv.buyer.address?.city);
  set('buyer.countryCode', inv.buyer.address?.countryCode);
  set('cadreDeFacturation', draft.cadreDeFacturation);
  set('typeCode', inv.typeCode === '381' ? '381' : '380');
  set('number', inv.number);
  set('issueDate', inv.issueDate);
  set('dueDate', inv.dueDate);
  set('currencyCode', inv.currencyCode);
  set('buyerReference', inv.buyerReference);
  set('purchaseOrderReference', inv.purchaseOrderReference);
  inv.lines.forEach((l, i) => addLine(l, i));
  if (!inv.lines.length) addLine();
  markPrefilled(draft.prefilled ?? []);
  if (param('pdf')) {
    const t = inv.totals;
    const read = [
      ['HT', t.taxExclusiveAmount],
      ['TVA', t.vatTotal],
      ['TTC', t.taxInclusiveAmount],
    ].filter(([, a]) => a) as [string, { value: string }][];
    $('[data-draft-state]').textContent =
      'Le formulaire est pré-rempli à partir du PDF déposé : vérifiez chaque champ et complétez-le.' +
      (read.length
        ? ` Montants lus dans le PDF : ${read.map(([k, a]) => `${k} ${money(a.value, inv.currencyCode)}`).join(', ')}${inv.lines.length ? '.' : ' ; saisissez les lignes correspondantes.'}`
        : '');
  }
  await attachments();
  offerServicesOf(await recipientInDirectory());
  // Filled in: what is typed from now on is not overwritten (tests wait for this mark too).
  f.dataset.loaded = 'true';
}

const PREFILLED_BADGE =
  '<span class="fr-badge fr-badge--sm fr-badge--info fr-ml-1w" data-prefilled>pré-rempli depuis le PDF</span>';

/** A badge beside each field a plain PDF filled: the supplier checks those first. */
function markPrefilled(fields: string[]) {
  for (const name of fields) {
    if (name === 'lines')
      $('[data-field="lines"]').insertAdjacentHTML('afterbegin', `<p>${PREFILLED_BADGE}</p>`);
    else if (name === 'seller.id')
      $('[data-seller]').insertAdjacentHTML('afterbegin', `<p>${PREFILLED_BADGE}</p>`);
    else
      f.querySelector(`[data-field="${name}"] .fr-label`)?.insertAdjacentHTML('beforeend', PREFILLED_BADGE);
  }
}

// A field typed over is the supplier's own: its badge goes.
f.addEventListener('input', (e) => {
  const group = (e.target as HTMLElement).closest('[data-field]');
  group?.querySelector('[data-prefilled]')?.remove();
});

/** The directory entry of the recipient whose SIRET (or SIREN) is typed, if the platform knows it. */
async function recipientInDirectory(): Promise<DirectoryEntry | undefined> {
  const identifier = digitsOnly(field('buyer.id').value);
  if (!/^(\d{9}|\d{14})$/.test(identifier)) return undefined;
  const { items } = await api<{ items: DirectoryEntry[] }>(
    'GET',
    '/structure-directory',
    undefined,
    new URLSearchParams({ identifier }).toString(),
  );
  return items[0];
}

/** The code service field offers the recipient's active services (any other code may still be typed). */
function offerServicesOf(found: DirectoryEntry | undefined) {
  const services = found?.services ?? [];
  $('#buyer-services').innerHTML = services
    .map((s) => `<option value="${esc(s.code)}">${esc(s.name)}</option>`)
    .join('');
  $('[data-services-offered]').textContent = services.length
    ? `Services actifs du destinataire : ${services.map((s) => `${s.code} (${s.name})`).join(', ')}.`
    : '';
}

/** The recipient named by the SIRET typed: its name, address and services from the platform's directory. */
async function lookUpBuyer() {
  const status = $('[data-directory-lookup]');
  if (!/^(\d{9}|\d{14})$/.test(digitsOnly(field('buyer.id').value))) {
    status.textContent = '';
    offerServicesOf(undefined);
    return;
  }
  const found = await recipientInDirectory();
  offerServicesOf(found);
  if (!found) {
    status.textContent =
      'Aucune structure de l’annuaire ne porte cet identifiant : saisissez la raison sociale et l’adresse.';
    return;
  }
  const fill = (name: string, value?: string) => {
    if (value === undefined) return;
    field(name).value = value;
    f.querySelector(`[data-field="${name}"] [data-prefilled]`)?.remove();
  };
  fill('buyer.name', found.name);
  fill('buyer.street', found.address?.street);
  fill('buyer.postCode', found.address?.postalCode);
  fill('buyer.city', found.address?.city);
  fill('buyer.countryCode', found.address?.countryCode);
  status.textContent = `Destinataire repris de l’annuaire : ${found.name}.`;
}

field('buyer.id').addEventListener('change', () => {
  void lookUpBuyer().catch((err) => notify(problemsOf(err)[0].message, 'error'));
});

linesBody.addEventListener('input', renderTotals);
linesBody.addEventListener('change', renderTotals);
field('currencyCode').addEventListener('input', renderTotals);
linesBody.addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest('[data-remove-line]');
  if (!button) return;
  button.closest('tr')!.remove();
  renderTotals();
});
$('[data-add-line]').addEventListener('click', () => {
  addLine();
  linesBody.querySelector<HTMLInputElement>('tr:last-child [data-line="name"]')?.focus();
});

const upload = field('attachment') as HTMLInputElement;
upload.addEventListener('change', async () => {
  const file = upload.files?.[0];
  if (!file) return;
  clearErrors(f);
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    await api('POST', `/drafts/${encodeURIComponent(draftId)}/attachments`, body);
    upload.value = '';
    await attachments();
  } catch (err) {
    showProblems(
      f,
      problemsOf(err).map((p) => ({ ...p, field: 'attachment' })),
    );
  }
});
$('[data-attachments]').addEventListener('click', async (e) => {
  const name = (e.target as HTMLElement).closest<HTMLElement>('[data-remove-attachment]')?.dataset
    .removeAttachment;
  if (!name) return;
  await api('DELETE', `/drafts/${encodeURIComponent(draftId)}/attachments/${encodeURIComponent(name)}`);
  await attachments();
});

f.addEventListener('submit', async (event) => {
  event.preventDefault();
  const action = ((event as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'save';
  const required = ['number', 'issueDate', 'buyer.name', 'buyer.id']
    .filter((n) => !field(n).value.trim())
    .map((n) => ({ field: n, message: 'Ce champ est obligatoire.' }));
  const problems = [...required, ...lineProblems()];
  if (action !== 'save' && problems.length) return showProblems(f, problems);
  clearErrors(f);
  const buttons = Array.from(f.querySelectorAll<HTMLButtonElement>('button'));
  buttons.forEach((b) => (b.disabled = true));
  f.setAttribute('aria-busy', 'true');
  try {
    await save();
    if (action === 'save') {
      notify('Le brouillon est enregistré.');
      return;
    }
    const valid = await validate();
    if (!valid) return;
    if (action === 'validate') {
      notify('La facture est valide : vous pouvez l’envoyer.');
      return;
    }
    notify('Envoi de la facture…', 'info');
    const sent = await api<{ invoiceId: string }>('POST', `/drafts/${encodeURIComponent(draftId)}/send`);
    location.assign(`/factures/${invoicePath(sent.invoiceId)}?envoyee=1`);
  } catch (err) {
    showProblems(
      f,
      problemsOf(err).map((p) => ({ ...p, field: draftField(p.field) })),
    );
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    f.removeAttribute('aria-busy');
  }
});

void load().catch((err) => notify(problemsOf(err)[0].message, 'error'));
