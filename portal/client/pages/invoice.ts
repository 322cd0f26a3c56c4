import { digitsOnly } from '../../../invoice/platform-rules/french-ids';
import { api, invoicePath } from '../api';
import { startPage } from '../common';
import {
  $,
  bindForm,
  esc,
  form,
  frDate,
  frDay,
  money,
  notify,
  param,
  problemsOf,
  showProblems,
} from '../form';
import { cadreLabel } from '../../cadres';
import { statusLabel } from '../../../invoicing/lifecycle/transitions';
import { frenchError } from '../messages';

startPage();

interface HistoryRow {
  status: string;
  at: string;
  by?: string;
  comment?: string;
  reason?: string;
  mandateNumber?: string;
  reformCode?: number;
  attachments?: { filename?: string; sha256: string }[];
  reasons?: { rule: string; message: string }[];
}

interface Invoice {
  id: string;
  number?: string;
  status: string;
  depositedAt?: string;
  format?: string;
  depositMode?: string;
  cadre?: string;
  supplier?: { id: string; name?: string };
  recipient?: { id?: string; name?: string; serviceCode?: string; engagementNumber?: string };
  issueDate?: string;
  currency?: string;
  totals?: { withoutVat?: string; vat?: string; withVat?: string; amountDue?: string };
  mandateNumber?: string;
  certificate?: { sha256: string };
  payment?: { dueDate: string; late: boolean; paidAt?: string; interest?: string; indemnity?: string };
  rejectionAcknowledgedAt?: string;
  ruleSets?: string[];
  sides?: string[];
  allowedActions?: { status: string; by: string; needs: string[] }[];
  history: HistoryRow[];
}

const ACTORS: Record<string, string> = {
  platform: 'plateforme',
  supplier: 'fournisseur',
  recipient: 'destinataire',
  validator: 'valideur',
};

const id = $('[data-invoice-id]').dataset.invoiceId!;
const path = `/invoices/${invoicePath(id)}`;
/** Statuses the platform passes through by itself: the page follows them until they settle. */
const MOVING = ['DEPOSEE', 'EN_COURS_ACHEMINEMENT'];

const badge = (status: string) =>
  `<p class="fr-badge fr-badge--no-icon${status === 'REJETEE' ? ' fr-badge--error' : status === 'MISE_EN_PAIEMENT' ? ' fr-badge--success' : status === 'SUSPENDUE' || status === 'A_RECYCLER' ? ' fr-badge--warning' : ' fr-badge--info'}" data-current-status="${esc(status)}">${esc(statusLabel(status))}</p>`;

function render(inv: Invoice) {
  $('[data-invoice-title]').textContent = `Facture ${inv.number ?? ''}`.trim();
  document.title = `Facture ${inv.number ?? ''} — ${statusLabel(inv.status)} — facturflow`;
  const row = (label: string, value?: string) =>
    value ? `<dt class="fr-text--bold">${esc(label)}</dt><dd class="fr-mb-1w">${esc(value)}</dd>` : '';
  const downloads = inv.number
    ? `<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">${[
        ['original', 'Fichier déposé'],
        ['pdf', 'PDF'],
        ['ubl', 'UBL'],
        ['cii', 'CII'],
        ['facturx', 'Factur-X'],
      ]
        .map(
          ([f, label]) =>
            `<li><a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line" href="/api/v1${path}/files/${f}" download>${label}</a></li>`,
        )
        .join('')}${
        inv.certificate
          ? `<li><a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line" href="/api/v1${path}/certificate" download>Attestation de dépôt</a></li>`
          : ''
      }</ul>`
    : '';
  const timeline = inv.history.length
    ? `<ol class="ff-timeline">${inv.history
        .map(
          (h) =>
            `<li><p class="fr-mb-0"><strong>${esc(statusLabel(h.status))}</strong>${h.reformCode ? ` <span class="fr-text--xs">(${h.reformCode})</span>` : ''} — ${esc(frDate(h.at))}${h.by ? `, ${esc(ACTORS[h.by] ?? h.by)}` : ''}</p>${
              h.reason ? `<p class="fr-mb-0">Motif : ${esc(h.reason)}</p>` : ''
            }${h.comment ? `<p class="fr-mb-0">Commentaire : ${esc(h.comment)}</p>` : ''}${h.mandateNumber ? `<p class="fr-mb-0">Mandat n° ${esc(h.mandateNumber)}</p>` : ''}${
              h.attachments?.length
                ? `<p class="fr-mb-0">Pièces jointes : ${h.attachments
                    .map(
                      (a) =>
                        `<a href="/api/v1${path}/attachments/${esc(a.sha256)}" download>${esc(a.filename ?? a.sha256.slice(0, 12))}</a>`,
                    )
                    .join(', ')}</p>`
                : ''
            }${h.reasons?.length ? `<ul>${h.reasons.map((r) => `<li>${esc(r.rule)} : ${esc(r.message.split(' / ')[0])}</li>`).join('')}</ul>` : ''}</li>`,
        )
        .join('')}</ol>`
    : '<p>Dépôt en cours de traitement…</p>';
  $('[data-invoice]').innerHTML = `<div class="fr-mb-3w">${badge(inv.status)}</div>
<div class="fr-grid-row fr-grid-row--gutters">
<div class="fr-col-12 fr-col-md-6"><h2 class="fr-h4">Informations</h2><dl>
${row('Fournisseur', [inv.supplier?.name, inv.supplier?.id].filter(Boolean).join(' — '))}
${row('Destinataire', [inv.recipient?.name, inv.recipient?.id].filter(Boolean).join(' — '))}
${row('Code service', inv.recipient?.serviceCode)}
${row('Numéro d’engagement', inv.recipient?.engagementNumber)}
${row('Cadre de facturation', inv.cadre && cadreLabel(inv.cadre))}
${row('Date de facture', frDay(inv.issueDate))}
${row('Déposée le', frDate(inv.depositedAt))}
${row('Règles appliquées', inv.ruleSets?.join(', '))}
${row('Total HT', money(inv.totals?.withoutVat, inv.currency))}
${row('TVA', money(inv.totals?.vat, inv.currency))}
${row('Total TTC', money(inv.totals?.withVat, inv.currency))}
${row('Échéance de paiement', frDay(inv.payment?.dueDate))}
${row('Intérêts de retard', inv.payment?.interest ? `${money(inv.payment.interest)} + indemnité de ${money(inv.payment.indemnity)}` : undefined)}
${row('Numéro de mandat', inv.mandateNumber)}
</dl>${downloads}</div>
<div class="fr-col-12 fr-col-md-6"><h2 class="fr-h4">Historique des statuts</h2>${timeline}</div></div>`;
}

function fromTemplate(name: string): HTMLFormElement {
  const t = document.querySelector<HTMLTemplateElement>(`template[data-${name}-form]`)!;
  $('[data-actions]').append(t.content.cloneNode(true));
  return form(name);
}

function actions(inv: Invoice) {
  $('[data-actions]').innerHTML = '';
  const allowed = inv.allowedActions ?? [];
  const bySupplier = (to: string) => allowed.some((a) => a.by === 'supplier' && a.status === to);
  const decisions = allowed.filter((a) => a.by !== 'supplier');
  if (decisions.length) {
    const f = fromTemplate('status');
    const select = f.elements.namedItem('status') as HTMLSelectElement;
    select.insertAdjacentHTML(
      'beforeend',
      decisions
        .map((a) => `<option value="${esc(a.status)}">${esc(statusLabel(a.status))}</option>`)
        .join(''),
    );
    bindForm(
      f,
      async (v) => {
        await api('POST', `${path}/status`, v);
        await refresh(`Le statut « ${statusLabel(String(v.status))} » est enregistré.`);
      },
      {
        check: (v) => {
          const needs = decisions.find((a) => a.status === v.status)?.needs ?? [];
          return [
            ...(needs.includes('reason') && !v.reason
              ? [{ field: 'reason', message: frenchError('REASON_REQUIRED') }]
              : []),
            ...(needs.includes('mandateNumber') && !v.mandateNumber
              ? [{ field: 'mandateNumber', message: frenchError('MANDATE_NUMBER_REQUIRED') }]
              : []),
          ];
        },
      },
    );
  }
  if (bySupplier('COMPLETEE')) {
    const f = fromTemplate('completion');
    bindForm(f, async (v) => {
      const files = Array.from((f.elements.namedItem('files') as HTMLInputElement).files ?? []);
      const attachments: string[] = [];
      for (const file of files) {
        const body = new FormData();
        body.append('file', file, file.name);
        try {
          attachments.push((await api<{ sha256: string }>('POST', '/files', body)).sha256);
        } catch (err) {
          showProblems(
            f,
            problemsOf(err).map((p) => ({
              ...p,
              message: `${file.name} : ${p.message}`,
              field: 'attachments',
            })),
          );
          return;
        }
      }
      await api('POST', `${path}/completion`, { comment: v.comment, attachments });
      await refresh('La facture est complétée : elle retourne chez l’acheteur.');
    });
  }
  if (bySupplier('EN_COURS_ACHEMINEMENT')) {
    const f = fromTemplate('recycling');
    (f.elements.namedItem('recipientId') as HTMLInputElement).value = inv.recipient?.id ?? '';
    (f.elements.namedItem('serviceCode') as HTMLInputElement).value = inv.recipient?.serviceCode ?? '';
    (f.elements.namedItem('engagementNumber') as HTMLInputElement).value =
      inv.recipient?.engagementNumber ?? '';
    bindForm(f, async (v) => {
      const recipientId =
        v.recipientId === undefined ? {} : { recipientId: digitsOnly(String(v.recipientId)) };
      await api('POST', `${path}/recycling`, { ...v, ...recipientId });
      await refresh('La facture est recyclée : elle est de nouveau acheminée.');
    });
  }
  if (inv.status === 'REJETEE' && inv.sides?.includes('supplier') && !inv.rejectionAcknowledgedAt) {
    $('[data-actions]').insertAdjacentHTML(
      'beforeend',
      `<div class="ff-box fr-mt-3w"><h2 class="fr-h4">Facture rejetée</h2><p>Émettez une nouvelle facture, puis prenez acte du rejet.</p><button type="button" class="fr-btn" data-acknowledge>Prendre acte du rejet</button></div>`,
    );
    $('[data-acknowledge]').addEventListener('click', async () => {
      try {
        await api('POST', `${path}/rejection-acknowledgement`, {});
        await refresh('Vous avez pris acte du rejet.');
      } catch (err) {
        notify(problemsOf(err)[0].message, 'error');
      }
    });
  }
}

/** Looks for the deposit certificate this many more times once the status settled (it is issued apart). */
let certificateChecks = 10;
/** The status the actions were drawn for: they are drawn again only when it changes (not to lose typing). */
let actionsFor: string | undefined;

async function refresh(message?: string): Promise<void> {
  const inv = await api<Invoice>('GET', path);
  render(inv);
  if (message || inv.status !== actionsFor) actions(inv);
  actionsFor = inv.status;
  // The green "déposée" banner never stays over an invoice the platform's checks rejected.
  if (inv.status === 'REJETEE' && arrivalPending) notify(REJECTED_ON_ARRIVAL, 'error');
  else if (message) notify(message);
  if (!MOVING.includes(inv.status)) arrivalPending = false;
  const waitingForCertificate = !inv.certificate && inv.number !== undefined && certificateChecks-- > 0;
  if (MOVING.includes(inv.status) || waitingForCertificate) setTimeout(() => void refresh(), 1000);
}

const REJECTED_ON_ARRIVAL =
  'La facture a été rejetée par les contrôles de la plateforme (motifs ci-dessous) : elle n’a pas été ' +
  'transmise au destinataire. Corrigez-la et déposez-la à nouveau, sous le même numéro.';

const arrival =
  param('envoyee') || param('deposee')
    ? 'La facture est déposée : elle est contrôlée puis acheminée vers le destinataire.'
    : param('deja')
      ? 'Ce fichier avait déjà été déposé : voici la facture.'
      : undefined;
let arrivalPending = !!(param('envoyee') || param('deposee'));
void refresh(arrival).catch((err) => notify(problemsOf(err)[0].message, 'error'));
