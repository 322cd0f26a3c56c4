"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readLineTable = readLineTable;
const pdf_layout_1 = require("./pdf-layout");
/** What a column header says the column holds; unit price is asked before unit, total before VAT. */
function kindOf(header) {
    const h = (0, pdf_layout_1.norm)(header).replace(/\s*\(.*\)$/, '');
    const starts = (words) => new RegExp(`^(?:${words})(?![a-z])`).test(h);
    if (starts('designation|description|libelle|prestations?|articles?|produits?|intitule|objet|detail'))
        return 'name';
    if (starts('qte|qty|quantite|quant\\.?|nb|nombre'))
        return 'quantity';
    if (starts('p\\.? ?u\\.?|prix|tarif'))
        return 'unitPrice';
    if (starts('total|montant|mt|sous-total'))
        return 'total';
    if (starts('(?:% ?)?t\\.?v\\.?a\\.?|taux'))
        return 'vatRate';
    if (/^(unite|u\.?)$/.test(h))
        return 'unit';
    if (/^(ref\.?|reference|code|n°|no|#)$/.test(h))
        return 'ref';
    return undefined;
}
/** A line holding the header of a line table: a designation column and two of the number columns. */
function headerOf(line) {
    const cols = line.cells.map((c) => ({ kind: kindOf(c.text), x: c.x, x2: c.x2 }));
    if (cols.some((c) => !c.kind))
        return undefined;
    const kinds = new Set(cols.map((c) => c.kind));
    const numbers = ['quantity', 'unitPrice', 'total', 'vatRate'].filter((k) => kinds.has(k));
    return kinds.has('name') && numbers.length >= 2 ? cols : undefined;
}
/** The column a cell stands in: the one it overlaps most, else the nearest. */
function columnOf(cell, cols) {
    const score = (c) => Math.min(cell.x2, c.x2) - Math.max(cell.x, c.x);
    return cols.reduce((best, c) => (score(c) > score(best) ? c : best));
}
const TOTALS = /^(?:total|sous-total|montant|net a payer|reste a payer|t\.?v\.?a\.?)(?![a-z])/;
/** A line of the totals (or of a VAT breakdown) under the table: a totals label outside the designations. */
function pastTable(line, cols) {
    return line.cells.some((c) => TOTALS.test((0, pdf_layout_1.norm)(c.text)) && (columnOf(c, cols).kind !== 'name' || c.x > cols[0].x + 40));
}
/**
 * The line tables of the document (one per page when it repeats its header), and the document lines
 * they are made of, so that the facts around them are not read from a table cell.
 */
function readLineTable(lines) {
    const out = [];
    const used = new Set();
    let cols;
    let page = -1;
    // The font size of the last row's designation: a line under it in the same size is its end.
    let nameSize;
    for (const [i, line] of lines.entries()) {
        const header = headerOf(line);
        if (header) {
            cols = header;
            page = line.page;
            used.add(i);
            nameSize = undefined;
            continue;
        }
        if (!cols || line.page !== page) {
            cols = undefined;
            continue;
        }
        if (pastTable(line, cols)) {
            cols = undefined;
            continue;
        }
        const row = rowOf(line, cols);
        if (row === 'stop') {
            cols = undefined;
            continue;
        }
        used.add(i);
        if (row) {
            out.push(row);
            nameSize = line.cells.find((c) => columnOf(c, cols).kind === 'name')?.size;
        }
        else if (nameSize !== undefined && Math.abs(line.cells[0].size - nameSize) < 0.5 && out.length)
            out[out.length - 1].name += ` ${line.cells[0].text}`;
        else
            nameSize = undefined;
    }
    return { lines: out, used };
}
/** One row of the table, undefined for a line under a row (a detail), 'stop' past the table. */
function rowOf(line, cols) {
    const by = new Map();
    for (const cell of line.cells) {
        const col = columnOf(cell, cols);
        by.set(col.kind, by.has(col.kind) ? `${by.get(col.kind)} ${cell.text}` : cell.text);
    }
    const quantity = by.has('quantity') ? (0, pdf_layout_1.quantityIn)(by.get('quantity')) : undefined;
    const unitPrice = by.has('unitPrice') ? (0, pdf_layout_1.trimZeros)((0, pdf_layout_1.amountIn)(by.get('unitPrice'))) : undefined;
    const total = by.has('total') ? (0, pdf_layout_1.trimZeros)((0, pdf_layout_1.amountIn)(by.get('total'))) : undefined;
    const vatRate = by.has('vatRate') ? (0, pdf_layout_1.rateIn)(by.get('vatRate')) : undefined;
    const numbers = [quantity, unitPrice, total].filter((v) => v !== undefined).length;
    const name = by.get('name');
    if (numbers === 0) {
        // A line of text only: the detail of the row above, or, when it is far from the table's columns
        // (a footer, a sentence across the page), the end of the table.
        return line.cells.length === 1 && name ? undefined : 'stop';
    }
    if (!name)
        return 'stop';
    return {
        name,
        quantity: quantity ?? (unitPrice === undefined ? undefined : '1'),
        unitPrice: unitPrice ?? (quantity && total ? divide(total, quantity) : undefined),
        vatRate,
        netAmount: total,
    };
}
function divide(total, quantity) {
    const q = Number(quantity);
    if (!q)
        return undefined;
    return (0, pdf_layout_1.trimZeros)((Number(total) / q).toFixed(2));
}
//# sourceMappingURL=pdf-lines.js.map