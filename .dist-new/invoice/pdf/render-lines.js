"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.drawLines = drawLines;
const blocks_1 = require("./blocks");
const canvas_1 = require("./canvas");
const format_1 = require("./format");
const FIXED = [
    { title: 'Qté', width: 44, align: 'right' },
    { title: 'Unité', width: 44, align: 'left' },
    { title: 'P.U. HT', width: 62, align: 'right' },
    { title: 'TVA', width: 40, align: 'right' },
    { title: 'Montant HT', width: 70, align: 'right' },
];
const ID_WIDTH = 30;
const DESIGNATION_WIDTH = canvas_1.CONTENT_WIDTH - ID_WIDTH - FIXED.reduce((w, c) => w + c.width, 0);
const COLUMNS = [
    { title: 'N°', width: ID_WIDTH, align: 'left' },
    { title: 'Désignation', width: DESIGNATION_WIDTH, align: 'left' },
    ...FIXED,
];
const PAD = 4;
const CELL = { size: 8.5 };
const DETAIL = { size: 7.5, color: canvas_1.COLORS.muted };
const HEADER_HEIGHT = 16;
/** A row never breaks across pages, so one line's text is capped to what a page can hold. */
const MAX_DESIGNATION_LINES = 60;
function designationRuns(line, currency) {
    const period = line.period;
    const sign = (label, amount, reason) => amount ? `${label}${reason ? ` (${reason})` : ''}\u00a0: ${(0, format_1.formatNumber)(amount)} ${currency}` : undefined;
    return (0, blocks_1.runs)({ text: line.item.name ?? '', style: CELL }, line.item.description && { text: line.item.description, style: DETAIL }, line.item.sellerId && { text: `Réf. ${line.item.sellerId}`, style: DETAIL }, period &&
        (period.startDate || period.endDate) && {
        text: `Période du ${(0, format_1.formatDate)(period.startDate) || '…'} au ${(0, format_1.formatDate)(period.endDate) || '…'}`,
        style: DETAIL,
    }, line.note && { text: line.note, style: DETAIL }, ...line.allowances.map((a) => ({ text: sign('Remise', a.amount?.value, a.reason) ?? '', style: DETAIL })), ...line.charges.map((c) => ({ text: sign('Frais', c.amount?.value, c.reason) ?? '', style: DETAIL })));
}
function cells(line) {
    return [
        line.id,
        '',
        (0, format_1.formatQuantity)(line.quantity?.value),
        (0, format_1.unitLabel)(line.quantity?.unitCode),
        (0, format_1.formatNumber)(line.price?.netPrice?.value),
        line.vatRate !== undefined ? (0, format_1.formatRate)(line.vatRate) : (line.vatCategoryCode ?? ''),
        (0, format_1.formatNumber)(line.netAmount?.value),
    ];
}
function drawTableHeader(canvas, currency) {
    canvas.y -= HEADER_HEIGHT;
    canvas.rect(canvas_1.PAGE.margin, canvas.y, canvas_1.CONTENT_WIDTH, HEADER_HEIGHT, canvas_1.COLORS.accent);
    let x = canvas_1.PAGE.margin;
    for (const col of COLUMNS) {
        const title = col.title === 'Montant HT' ? `Montant HT (${currency})` : col.title;
        const style = { bold: true, size: 7.5, color: canvas_1.COLORS.band };
        canvas.text(title, x + PAD, canvas.y + 5, style, col.align, col.width - 2 * PAD);
        x += col.width;
    }
}
/** The invoice lines, with the column header repeated on every page the table spans. */
function drawLines(canvas, inv, runningHeader) {
    const currency = inv.currencyCode === 'EUR' ? '€' : inv.currencyCode;
    canvas.ensure(HEADER_HEIGHT + 40);
    drawTableHeader(canvas, currency);
    canvas.onNewPage = (c) => {
        runningHeader(c);
        drawTableHeader(c, currency);
    };
    inv.lines.forEach((line, index) => {
        const designation = designationRuns(line, currency)
            .flatMap((r) => canvas.wrap(r.text, DESIGNATION_WIDTH - 2 * PAD, r.style).map((text) => ({ text, style: r.style })))
            .slice(0, MAX_DESIGNATION_LINES);
        const height = Math.max((0, canvas_1.lineHeight)(CELL), designation.reduce((h, r) => h + (0, canvas_1.lineHeight)(r.style), 0)) +
            2 * PAD;
        canvas.ensure(height);
        const top = canvas.y;
        if (index % 2 === 1)
            canvas.rect(canvas_1.PAGE.margin, top - height, canvas_1.CONTENT_WIDTH, height, canvas_1.COLORS.band);
        const baseline = top - PAD - (0, canvas_1.lineHeight)(CELL) * 0.8;
        let x = canvas_1.PAGE.margin;
        cells(line).forEach((value, i) => {
            const col = COLUMNS[i];
            if (i === 1) {
                let y = top - PAD;
                for (const r of designation) {
                    y -= (0, canvas_1.lineHeight)(r.style);
                    canvas.text(r.text, x + PAD, y + (0, canvas_1.lineHeight)(r.style) * 0.2, r.style);
                }
            }
            else {
                canvas.text(value, x + PAD, baseline, CELL, col.align, col.width - 2 * PAD);
            }
            x += col.width;
        });
        canvas.y = top - height;
    });
    canvas.rule(canvas_1.PAGE.margin, canvas.y, canvas_1.CONTENT_WIDTH, canvas_1.COLORS.accent);
    canvas.onNewPage = runningHeader;
    canvas.y -= 14;
}
//# sourceMappingURL=render-lines.js.map