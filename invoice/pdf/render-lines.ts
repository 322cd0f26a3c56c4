import { Invoice, InvoiceLine } from '../model';
import { Run, runs } from './blocks';
import { Canvas, COLORS, CONTENT_WIDTH, lineHeight, PAGE } from './canvas';
import { formatDate, formatNumber, formatQuantity, formatRate, unitLabel } from './format';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

const FIXED: Column[] = [
  { title: 'Qté', width: 44, align: 'right' },
  { title: 'Unité', width: 44, align: 'left' },
  { title: 'P.U. HT', width: 62, align: 'right' },
  { title: 'TVA', width: 40, align: 'right' },
  { title: 'Montant HT', width: 70, align: 'right' },
];
const ID_WIDTH = 30;
const DESIGNATION_WIDTH = CONTENT_WIDTH - ID_WIDTH - FIXED.reduce((w, c) => w + c.width, 0);
const COLUMNS: Column[] = [
  { title: 'N°', width: ID_WIDTH, align: 'left' },
  { title: 'Désignation', width: DESIGNATION_WIDTH, align: 'left' },
  ...FIXED,
];
const PAD = 4;
const CELL = { size: 8.5 };
const DETAIL = { size: 7.5, color: COLORS.muted };
const HEADER_HEIGHT = 16;
/** A row never breaks across pages, so one line's text is capped to what a page can hold. */
const MAX_DESIGNATION_LINES = 60;

function designationRuns(line: InvoiceLine, currency: string): Run[] {
  const period = line.period;
  const sign = (label: string, amount: string | undefined, reason?: string) =>
    amount ? `${label}${reason ? ` (${reason})` : ''}\u00a0: ${formatNumber(amount)} ${currency}` : undefined;
  return runs(
    { text: line.item.name ?? '', style: CELL },
    line.item.description && { text: line.item.description, style: DETAIL },
    line.item.sellerId && { text: `Réf. ${line.item.sellerId}`, style: DETAIL },
    period &&
      (period.startDate || period.endDate) && {
        text: `Période du ${formatDate(period.startDate) || '…'} au ${formatDate(period.endDate) || '…'}`,
        style: DETAIL,
      },
    line.note && { text: line.note, style: DETAIL },
    ...line.allowances.map((a) => ({ text: sign('Remise', a.amount?.value, a.reason) ?? '', style: DETAIL })),
    ...line.charges.map((c) => ({ text: sign('Frais', c.amount?.value, c.reason) ?? '', style: DETAIL })),
  );
}

function cells(line: InvoiceLine): string[] {
  return [
    line.id,
    '',
    formatQuantity(line.quantity?.value),
    unitLabel(line.quantity?.unitCode),
    formatNumber(line.price?.netPrice?.value),
    line.vatRate !== undefined ? formatRate(line.vatRate) : (line.vatCategoryCode ?? ''),
    formatNumber(line.netAmount?.value),
  ];
}

function drawTableHeader(canvas: Canvas, currency: string): void {
  canvas.y -= HEADER_HEIGHT;
  canvas.rect(PAGE.margin, canvas.y, CONTENT_WIDTH, HEADER_HEIGHT, COLORS.accent);
  let x = PAGE.margin;
  for (const col of COLUMNS) {
    const title = col.title === 'Montant HT' ? `Montant HT (${currency})` : col.title;
    const style = { bold: true, size: 7.5, color: COLORS.band };
    canvas.text(title, x + PAD, canvas.y + 5, style, col.align, col.width - 2 * PAD);
    x += col.width;
  }
}

/** The invoice lines, with the column header repeated on every page the table spans. */
export function drawLines(canvas: Canvas, inv: Invoice, runningHeader: (c: Canvas) => void): void {
  const currency = inv.currencyCode === 'EUR' ? '€' : inv.currencyCode;
  canvas.ensure(HEADER_HEIGHT + 40);
  drawTableHeader(canvas, currency);
  canvas.onNewPage = (c) => {
    runningHeader(c);
    drawTableHeader(c, currency);
  };
  inv.lines.forEach((line, index) => {
    const designation = designationRuns(line, currency)
      .flatMap((r) =>
        canvas.wrap(r.text, DESIGNATION_WIDTH - 2 * PAD, r.style).map((text) => ({ text, style: r.style })),
      )
      .slice(0, MAX_DESIGNATION_LINES);
    const height =
      Math.max(
        lineHeight(CELL),
        designation.reduce((h, r) => h + lineHeight(r.style), 0),
      ) +
      2 * PAD;
    canvas.ensure(height);
    const top = canvas.y;
    if (index % 2 === 1) canvas.rect(PAGE.margin, top - height, CONTENT_WIDTH, height, COLORS.band);
    const baseline = top - PAD - lineHeight(CELL) * 0.8;
    let x = PAGE.margin;
    cells(line).forEach((value, i) => {
      const col = COLUMNS[i];
      if (i === 1) {
        let y = top - PAD;
        for (const r of designation) {
          y -= lineHeight(r.style);
          canvas.text(r.text, x + PAD, y + lineHeight(r.style) * 0.2, r.style);
        }
      } else {
        canvas.text(value, x + PAD, baseline, CELL, col.align, col.width - 2 * PAD);
      }
      x += col.width;
    });
    canvas.y = top - height;
  });
  canvas.rule(PAGE.margin, canvas.y, CONTENT_WIDTH, COLORS.accent);
  canvas.onNewPage = runningHeader;
  canvas.y -= 14;
}
