import { Amount, Invoice } from '../model';
import { flow, labelled, Run, runs } from './blocks';
import { Canvas, COLORS, CONTENT_WIDTH, lineHeight, PAGE, TextStyle } from './canvas';
import {
  formatAmount,
  formatDate,
  formatIban,
  formatNumber,
  formatRate,
  negated,
  paymentMeansLabel,
  vatCategoryLabel,
} from './format';

const TOTALS_WIDTH = 215;
const TOTALS_X = PAGE.margin + CONTENT_WIDTH - TOTALS_WIDTH;
const VAT_WIDTH = CONTENT_WIDTH - TOTALS_WIDTH - 24;
const ROW = 14;
const HEADING = { size: 8, color: COLORS.muted };

/** Document-level allowances (BG-20) and charges (BG-21), which the line table does not show. */
function drawAllowancesCharges(canvas: Canvas, inv: Invoice): void {
  const entries = [
    ...inv.allowances.map((a) => ({ kind: 'Remise', ...a })),
    ...inv.charges.map((c) => ({ kind: 'Frais', ...c })),
  ];
  if (!entries.length) return;
  canvas.ensure(ROW * (entries.length + 1));
  flow(canvas, PAGE.margin, CONTENT_WIDTH, [{ text: 'Remises et frais sur le total', style: HEADING }]);
  for (const e of entries) {
    const detail = [
      e.reason,
      e.percentage && e.baseAmount
        ? `${formatRate(e.percentage)} de ${formatNumber(e.baseAmount.value)}`
        : undefined,
      e.vatRate !== undefined ? `TVA ${formatRate(e.vatRate)}` : vatCategoryLabel(e.vatCategoryCode),
    ]
      .filter(Boolean)
      .join(' — ');
    canvas.ensure(ROW);
    canvas.y -= ROW;
    canvas.text(`${e.kind}${detail ? ` : ${detail}` : ''}`, PAGE.margin, canvas.y + 4);
    const sign = e.kind === 'Remise' ? '-' : '';
    canvas.text(
      sign + formatAmount(e.amount?.value, inv.currencyCode),
      TOTALS_X,
      canvas.y + 4,
      {},
      'right',
      TOTALS_WIDTH,
    );
  }
  canvas.y -= 10;
}

function vatRows(inv: Invoice): Array<{ cells: string[]; reason?: string }> {
  return inv.vatBreakdowns.map((v) => ({
    cells: [
      vatCategoryLabel(v.categoryCode),
      formatRate(v.rate),
      formatNumber(v.taxableAmount?.value),
      formatNumber(v.taxAmount?.value),
    ],
    reason: [v.exemptionReason, v.exemptionReasonCode].filter(Boolean).join(' — ') || undefined,
  }));
}

function totalRows(inv: Invoice): Array<{ label: string; amount?: Amount; style?: TextStyle }> {
  const t = inv.totals;
  const strong = { bold: true };
  return [
    { label: 'Total HT des lignes', amount: t.lineNetTotal },
    {
      label: 'Remises',
      amount: t.allowanceTotal && { value: negated(t.allowanceTotal.value) },
    },
    { label: 'Frais', amount: t.chargeTotal },
    { label: 'Total HT', amount: t.taxExclusiveAmount, style: strong },
    { label: 'Total TVA', amount: t.vatTotal },
    { label: 'Total TTC', amount: t.taxInclusiveAmount, style: strong },
    { label: 'Déjà payé', amount: t.paidAmount && { value: negated(t.paidAmount.value) } },
    { label: 'Arrondi', amount: t.roundingAmount },
  ].filter((r) => r.amount && r.amount.value !== '');
}

/** TVA breakdown on the left, totals on the right, "Net à payer" last and prominent. */
export function drawTotals(canvas: Canvas, inv: Invoice): void {
  drawAllowancesCharges(canvas, inv);
  const vat = vatRows(inv);
  const totals = totalRows(inv);
  const vatHeight = ROW * (vat.length + 1) + vat.filter((v) => v.reason).length * ROW;
  canvas.ensure(Math.max(vatHeight, ROW * (totals.length + 2)) + 10);
  const top = canvas.y;

  const widths = [VAT_WIDTH - 180, 40, 70, 70];
  const header = ['TVA', 'Taux', 'Base HT', 'Montant TVA'];
  let y = top - ROW;
  canvas.rect(PAGE.margin, y, VAT_WIDTH, ROW, COLORS.band);
  const drawRow = (cells: string[], rowY: number, style: TextStyle) => {
    let x = PAGE.margin;
    cells.forEach((cell, i) => {
      canvas.text(cell, x + 4, rowY + 4, style, i === 0 ? 'left' : 'right', widths[i] - 8);
      x += widths[i];
    });
  };
  drawRow(header, y, { bold: true, size: 7.5 });
  for (const row of vat) {
    y -= ROW;
    drawRow(row.cells, y, { size: 8.5 });
    if (row.reason) {
      y -= ROW;
      canvas.text(row.reason, PAGE.margin + 4, y + 4, { size: 7.5, color: COLORS.muted });
    }
  }

  let ty = top;
  for (const r of totals) {
    ty -= ROW;
    canvas.text(r.label, TOTALS_X, ty + 4, r.style);
    canvas.text(
      formatAmount(r.amount!.value, inv.currencyCode),
      TOTALS_X,
      ty + 4,
      r.style,
      'right',
      TOTALS_WIDTH,
    );
  }
  ty -= ROW + 8;
  canvas.rect(TOTALS_X - 6, ty, TOTALS_WIDTH + 6, ROW + 6, COLORS.accent);
  const due = { bold: true, size: 10.5, color: COLORS.band };
  canvas.text('Net à payer', TOTALS_X, ty + 6, due);
  canvas.text(
    formatAmount(inv.totals.amountDue?.value, inv.currencyCode),
    TOTALS_X,
    ty + 6,
    due,
    'right',
    TOTALS_WIDTH - 4,
  );
  canvas.y = Math.min(y, ty) - 18;
}

/** How and when to pay: what a public accountant needs to settle the invoice. */
export function drawPayment(canvas: Canvas, inv: Invoice): void {
  const p = inv.paymentInstructions;
  const means = p && [paymentMeansLabel(p.typeCode), p.text].filter(Boolean).join(' — ');
  const items: Run[] = runs(
    labelled('Échéance', formatDate(inv.dueDate), { bold: true }),
    labelled('Conditions', inv.paymentTerms),
    labelled('Moyen de paiement', means || undefined),
    ...(p?.creditTransfers ?? []).flatMap((t) =>
      runs(
        labelled('IBAN', t.accountId && formatIban(t.accountId), { bold: true }),
        labelled('BIC', t.serviceProviderId),
        labelled('Titulaire du compte', t.accountName),
      ),
    ),
    labelled('Référence à rappeler', p?.remittanceInformation),
    labelled('Mandat de prélèvement', p?.directDebit?.mandateReference),
    labelled('ICS', p?.directDebit?.creditorId),
    labelled('Compte débité', p?.directDebit?.debitedAccountId),
    labelled('Bénéficiaire', inv.payee?.name),
  );
  if (!items.length) return;
  canvas.ensure(lineHeight() * Math.min(items.length + 1, 6));
  flow(canvas, PAGE.margin, CONTENT_WIDTH, [{ text: 'Règlement', style: HEADING }, ...items]);
}
