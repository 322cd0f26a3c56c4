"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.drawTotals = drawTotals;
exports.drawPayment = drawPayment;
const blocks_1 = require("./blocks");
const canvas_1 = require("./canvas");
const format_1 = require("./format");
const TOTALS_WIDTH = 215;
const TOTALS_X = canvas_1.PAGE.margin + canvas_1.CONTENT_WIDTH - TOTALS_WIDTH;
const VAT_WIDTH = canvas_1.CONTENT_WIDTH - TOTALS_WIDTH - 24;
const ROW = 14;
const HEADING = { size: 8, color: canvas_1.COLORS.muted };
/** Document-level allowances (BG-20) and charges (BG-21), which the line table does not show. */
function drawAllowancesCharges(canvas, inv) {
    const entries = [
        ...inv.allowances.map((a) => ({ kind: 'Remise', ...a })),
        ...inv.charges.map((c) => ({ kind: 'Frais', ...c })),
    ];
    if (!entries.length)
        return;
    canvas.ensure(ROW * (entries.length + 1));
    (0, blocks_1.flow)(canvas, canvas_1.PAGE.margin, canvas_1.CONTENT_WIDTH, [{ text: 'Remises et frais sur le total', style: HEADING }]);
    for (const e of entries) {
        const detail = [
            e.reason,
            e.percentage && e.baseAmount
                ? `${(0, format_1.formatRate)(e.percentage)} de ${(0, format_1.formatNumber)(e.baseAmount.value)}`
                : undefined,
            e.vatRate !== undefined ? `TVA ${(0, format_1.formatRate)(e.vatRate)}` : (0, format_1.vatCategoryLabel)(e.vatCategoryCode),
        ]
            .filter(Boolean)
            .join(' — ');
        canvas.ensure(ROW);
        canvas.y -= ROW;
        canvas.text(`${e.kind}${detail ? ` : ${detail}` : ''}`, canvas_1.PAGE.margin, canvas.y + 4);
        const sign = e.kind === 'Remise' ? '-' : '';
        canvas.text(sign + (0, format_1.formatAmount)(e.amount?.value, inv.currencyCode), TOTALS_X, canvas.y + 4, {}, 'right', TOTALS_WIDTH);
    }
    canvas.y -= 10;
}
function vatRows(inv) {
    return inv.vatBreakdowns.map((v) => ({
        cells: [
            (0, format_1.vatCategoryLabel)(v.categoryCode),
            (0, format_1.formatRate)(v.rate),
            (0, format_1.formatNumber)(v.taxableAmount?.value),
            (0, format_1.formatNumber)(v.taxAmount?.value),
        ],
        reason: [v.exemptionReason, v.exemptionReasonCode].filter(Boolean).join(' — ') || undefined,
    }));
}
function totalRows(inv) {
    const t = inv.totals;
    const strong = { bold: true };
    return [
        { label: 'Total HT des lignes', amount: t.lineNetTotal },
        {
            label: 'Remises',
            amount: t.allowanceTotal && { value: (0, format_1.negated)(t.allowanceTotal.value) },
        },
        { label: 'Frais', amount: t.chargeTotal },
        { label: 'Total HT', amount: t.taxExclusiveAmount, style: strong },
        { label: 'Total TVA', amount: t.vatTotal },
        { label: 'Total TTC', amount: t.taxInclusiveAmount, style: strong },
        { label: 'Déjà payé', amount: t.paidAmount && { value: (0, format_1.negated)(t.paidAmount.value) } },
        { label: 'Arrondi', amount: t.roundingAmount },
    ].filter((r) => r.amount && r.amount.value !== '');
}
/** TVA breakdown on the left, totals on the right, "Net à payer" last and prominent. */
function drawTotals(canvas, inv) {
    drawAllowancesCharges(canvas, inv);
    const vat = vatRows(inv);
    const totals = totalRows(inv);
    const vatHeight = ROW * (vat.length + 1) + vat.filter((v) => v.reason).length * ROW;
    canvas.ensure(Math.max(vatHeight, ROW * (totals.length + 2)) + 10);
    const top = canvas.y;
    const widths = [VAT_WIDTH - 180, 40, 70, 70];
    const header = ['TVA', 'Taux', 'Base HT', 'Montant TVA'];
    let y = top - ROW;
    canvas.rect(canvas_1.PAGE.margin, y, VAT_WIDTH, ROW, canvas_1.COLORS.band);
    const drawRow = (cells, rowY, style) => {
        let x = canvas_1.PAGE.margin;
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
            canvas.text(row.reason, canvas_1.PAGE.margin + 4, y + 4, { size: 7.5, color: canvas_1.COLORS.muted });
        }
    }
    let ty = top;
    for (const r of totals) {
        ty -= ROW;
        canvas.text(r.label, TOTALS_X, ty + 4, r.style);
        canvas.text((0, format_1.formatAmount)(r.amount.value, inv.currencyCode), TOTALS_X, ty + 4, r.style, 'right', TOTALS_WIDTH);
    }
    ty -= ROW + 8;
    canvas.rect(TOTALS_X - 6, ty, TOTALS_WIDTH + 6, ROW + 6, canvas_1.COLORS.accent);
    const due = { bold: true, size: 10.5, color: canvas_1.COLORS.band };
    canvas.text('Net à payer', TOTALS_X, ty + 6, due);
    canvas.text((0, format_1.formatAmount)(inv.totals.amountDue?.value, inv.currencyCode), TOTALS_X, ty + 6, due, 'right', TOTALS_WIDTH - 4);
    canvas.y = Math.min(y, ty) - 18;
}
/** How and when to pay: what a public accountant needs to settle the invoice. */
function drawPayment(canvas, inv) {
    const p = inv.paymentInstructions;
    const means = p && [(0, format_1.paymentMeansLabel)(p.typeCode), p.text].filter(Boolean).join(' — ');
    const items = (0, blocks_1.runs)((0, blocks_1.labelled)('Échéance', (0, format_1.formatDate)(inv.dueDate), { bold: true }), (0, blocks_1.labelled)('Conditions', inv.paymentTerms), (0, blocks_1.labelled)('Moyen de paiement', means || undefined), ...(p?.creditTransfers ?? []).flatMap((t) => (0, blocks_1.runs)((0, blocks_1.labelled)('IBAN', t.accountId && (0, format_1.formatIban)(t.accountId), { bold: true }), (0, blocks_1.labelled)('BIC', t.serviceProviderId), (0, blocks_1.labelled)('Titulaire du compte', t.accountName))), (0, blocks_1.labelled)('Référence à rappeler', p?.remittanceInformation), (0, blocks_1.labelled)('Mandat de prélèvement', p?.directDebit?.mandateReference), (0, blocks_1.labelled)('ICS', p?.directDebit?.creditorId), (0, blocks_1.labelled)('Compte débité', p?.directDebit?.debitedAccountId), (0, blocks_1.labelled)('Bénéficiaire', inv.payee?.name));
    if (!items.length)
        return;
    canvas.ensure((0, canvas_1.lineHeight)() * Math.min(items.length + 1, 6));
    (0, blocks_1.flow)(canvas, canvas_1.PAGE.margin, canvas_1.CONTENT_WIDTH, [{ text: 'Règlement', style: HEADING }, ...items]);
}
//# sourceMappingURL=render-totals.js.map