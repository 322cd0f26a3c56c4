"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clean = void 0;
exports.norm = norm;
exports.documentLines = documentLines;
exports.valueOf = valueOf;
exports.dateIn = dateIn;
exports.amountIn = amountIn;
exports.quantityIn = quantityIn;
exports.rateIn = rateIn;
exports.trimZeros = trimZeros;
/** Lower case, no accents, one kind of apostrophe and of space: what labels are matched against. */
function norm(s) {
    return s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[’`]/g, "'")
        .replace(/[\u00a0\u202f\s]+/g, ' ')
        .trim()
        .toLowerCase();
}
const clean = (s) => s.replace(/[\u00a0\u202f\s]+/g, ' ').trim();
exports.clean = clean;
/** The document's lines; text-only pages (no positions known) become one cell per line. */
function documentLines(pages) {
    const lines = [];
    pages.forEach((page, p) => {
        page.forEach((l, i) => {
            const source = typeof l === 'string' ? { y: 800 - i * 12, cells: [{ x: 0, x2: 500, size: 10, text: l }] } : l;
            const n = lines.length;
            const cells = source.cells
                .map((c) => ({ ...c, text: (0, exports.clean)(c.text), line: n }))
                .filter((c) => c.text.length > 0);
            if (cells.length)
                lines.push({ page: p, y: source.y, cells, text: cells.map((c) => c.text).join(' ') });
        });
    });
    return lines;
}
const overlap = (a, b) => Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
/**
 * The value a label names: the rest of the label's cell, else the next cell on its line, else the
 * cell right under it (a row of labels over a row of values). `value` answers the value it reads in
 * a text, or undefined when the text is not one.
 */
function valueOf(lines, label, value, opts = {}) {
    const order = opts.last ? [...lines].reverse() : lines;
    for (const line of order) {
        if (opts.skip?.has(line.cells[0]?.line))
            continue;
        for (const [k, cell] of line.cells.entries()) {
            const m = label.exec(norm(cell.text));
            if (!m)
                continue;
            const found = read(lines, line, k, cell, m, value);
            if (found !== undefined)
                return found;
        }
    }
    return undefined;
}
function read(lines, line, k, cell, m, value) {
    // Cells are clean() text, which norm() maps character for character: the offsets are the same.
    const rest = cell.text.slice(m.index + m[0].length);
    const inCell = rest && value(rest.replace(/^[\s:.\-–]+/, ''));
    if (inCell !== undefined && inCell !== '')
        return inCell;
    // A label followed by other figures ("N° SIRET 123…") is another label.
    if (/\d/.test(rest))
        return undefined;
    const next = line.cells[k + 1];
    if (next) {
        const v = value(next.text.replace(/^[\s:]+/, ''));
        if (v !== undefined)
            return v;
    }
    const index = lines.indexOf(line);
    for (const below of lines.slice(index + 1, index + 3)) {
        if (below.page !== line.page || line.y - below.y > cell.size * 2.6)
            break;
        const under = below.cells.find((c) => overlap(c, cell) > 0);
        if (under) {
            const v = value(under.text);
            if (v !== undefined)
                return v;
        }
    }
    return undefined;
}
// ---------------------------------------------------------------- values as French invoices print them
const MONTHS = [
    'janvier',
    'fevrier',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'aout',
    'septembre',
    'octobre',
    'novembre',
    'decembre',
];
/** A date at the start of a text: 02/12/2026, 02.12.2026, 02-12-2026, 2026-12-02 or "2 décembre 2026". */
function dateIn(text, anywhere = false) {
    const t = norm(text);
    const at = anywhere ? '' : '^';
    const numeric = new RegExp(`${at}(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b`).exec(t);
    if (numeric)
        return isoDate(numeric[3], numeric[2], numeric[1]);
    const isoForm = new RegExp(`${at}(\\d{4})-(\\d{2})-(\\d{2})\\b`).exec(t);
    if (isoForm)
        return isoDate(isoForm[1], isoForm[2], isoForm[3]);
    const words = new RegExp(`${at}(\\d{1,2})(?:er)? (${MONTHS.join('|')}) (\\d{4})\\b`).exec(t);
    if (words)
        return isoDate(words[3], String(MONTHS.indexOf(words[2]) + 1), words[1]);
    return undefined;
}
function isoDate(y, m, d) {
    const [month, day] = [Number(m), Number(d)];
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return undefined;
    return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const SPACE = String.raw `[ \u00a0\u202f]`;
const AMOUNT = new RegExp(String.raw `^(-?(?:\d{1,3}(?:${SPACE}\d{3})+|\d{1,3}(?:\.\d{3})+|\d+)(?:[,.]\d{1,4})?)${SPACE}*(?:€|euros?|[A-Z]{3})?$`, 'i');
/** A French-printed number as a decimal text ("1 234,56 €" → "1234.56"); undefined if not one. */
function amountIn(text) {
    const m = AMOUNT.exec(text.trim());
    if (!m)
        return undefined;
    let s = m[1].replace(/[ \u00a0\u202f]/g, '');
    if (s.includes(','))
        s = s.replace(/\./g, '').replace(',', '.');
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(s))
        s = s.replace(/\./g, '');
    return s;
}
/** A quantity, possibly followed by its unit ("12 h", "3 jours"). */
function quantityIn(text) {
    const m = /^(-?\d+(?:[ \u00a0]\d{3})*(?:[,.]\d+)?)\s*[a-zA-Zé.]{0,8}$/.exec(text.trim());
    return m ? trimZeros(amountIn(m[1])) : undefined;
}
/** A VAT rate ("20 %", "5,5%", "20,00 %", "20"); undefined if not one. */
function rateIn(text) {
    const m = /^(\d{1,2}(?:[,.]\d{1,2})?)\s*%?$/.exec(text.trim());
    return m ? trimZeros(m[1].replace(',', '.')) : undefined;
}
function trimZeros(s) {
    return s?.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
//# sourceMappingURL=pdf-layout.js.map