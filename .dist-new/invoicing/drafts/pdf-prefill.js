"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readInvoiceFacts = readInvoiceFacts;
const pdf_layout_1 = require("./pdf-layout");
const pdf_lines_1 = require("./pdf-lines");
const pdf_parties_1 = require("./pdf-parties");
// French amounts: "1 234,56" with plain, no-break or narrow no-break spaces between thousands.
const AMOUNT = String.raw `(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?)`;
/**
 * Reads the facts from the pages' lines: positioned cells (readPdfLayout) keep the columns of side by
 * side blocks and of the line table apart; text lines (readPdfText) give the facts without the lines.
 */
function readInvoiceFacts(pages) {
    const lines = (0, pdf_layout_1.documentLines)(pages);
    const texts = lines.map((l) => l.text);
    const text = texts.join('\n');
    const first = (re) => re.exec(text)?.[1];
    const table = (0, pdf_lines_1.readLineTable)(lines);
    const parties = (0, pdf_parties_1.partiesOf)(lines, table.used);
    const noVat = /293 ?B|TVA non applicable/i.test(text);
    const totals = readTotals(lines, table.used, noVat);
    const onlyRate = singleRate(lines, table.used);
    return {
        number: invoiceNumber(lines, table.used),
        issueDate: issueDate(lines, table.used),
        dueDate: (0, pdf_layout_1.valueOf)(lines, DUE, (t) => (0, pdf_layout_1.dateIn)(t), { skip: table.used }),
        ...parties,
        engagementNumber: first(/N° d'engagement(?: juridique)?\s*:?\s*(\S+)/i),
        serviceCode: first(/Code service\s*:?\s*(\S+)/i),
        iban: first(/IBAN\s*:?\s*([A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8})/)?.replace(/ /g, ''),
        totals,
        vat: vatRows(texts),
        lines: table.lines.map((l) => ({ ...l, vatRate: l.vatRate ?? (noVat ? '0' : onlyRate) })),
    };
}
const NUMBER_LABELS = [
    /^(?:facture|avoir)\s*(?:n°|no\.?|n o|numero|num\.?)\s*:?/,
    /^(?:n°|no\.?|numero|num\.?)\s*(?:de\s*(?:la\s*)?)?facture\s*:?/,
    /^numero\s*:?/,
    /^n°\s*:?/,
    /^ref(?:erence)?\.?(?: de (?:la )?facture)?\s*:/,
];
function invoiceNumber(lines, skip) {
    const value = (t) => {
        const token = t.trim().split(/\s+/)[0] ?? '';
        return /\d/.test(token) && /^[A-Za-z0-9][\w\-/.]{0,39}$/.test(token) ? token : undefined;
    };
    for (const label of NUMBER_LABELS) {
        const found = (0, pdf_layout_1.valueOf)(lines, label, value, { skip });
        if (found)
            return found;
    }
    return undefined;
}
const ISSUE = /^(?:date (?:de (?:la )?facture|d'emission|de facturation|d'edition)|date(?! d'echeance| limite| de (?:paiement|livraison|reglement|commande|tva|fin|debut))|emise? le|facture (?:emise )?(?:du|le)|fait le)\s*:?/;
const DUE = /(?:date d'echeance|^echeance(?: de (?:paiement|reglement))?|a regler (?:avant )?le|payable (?:avant )?le|a payer avant le|date limite(?: de (?:paiement|reglement))?|paiement (?:au plus tard )?le|date de (?:paiement|reglement))\s*:?/;
function issueDate(lines, skip) {
    return ((0, pdf_layout_1.valueOf)(lines, ISSUE, (t) => (0, pdf_layout_1.dateIn)(t), { skip }) ??
        // "FACTURE N° 12 du 02/03/2026"; "Lyon, le 2 décembre 2026" above a letter-style invoice.
        (0, pdf_layout_1.valueOf)(lines, /^(?:facture|avoir)\b.*? du /, (t) => (0, pdf_layout_1.dateIn)(t), { skip }) ??
        (0, pdf_layout_1.valueOf)(lines, /(?:^|, )le /, (t) => (0, pdf_layout_1.dateIn)(t), { skip }));
}
const HT = /^(?:total|montant|sous-total|total net)\s*h\.? ?t\.?(?![a-z])/;
const TTC = /^(?:total|montant)\s*t\.? ?t\.? ?c\.?(?![a-z])/;
const DUE_AMOUNT = /^(?:net a payer|reste a payer|montant a payer|total a payer|montant du)(?![a-z])/;
const VAT = /^(?:total |montant )?t\.? ?v\.? ?a\.?(?: \(?(\d{1,2}(?:[,.]\d{1,2})?) ?%\)?)?\s*:?$/;
function readTotals(lines, skip, noVat) {
    const money = (t) => trimCents((0, pdf_layout_1.amountIn)(t));
    const opts = { skip, last: true };
    const withoutVat = (0, pdf_layout_1.valueOf)(lines, HT, money, opts);
    const amountDue = (0, pdf_layout_1.valueOf)(lines, DUE_AMOUNT, money, opts);
    let vat = vatTotal(lines, skip);
    if (vat === undefined && noVat && withoutVat !== undefined)
        vat = '0.00';
    const withVat = (0, pdf_layout_1.valueOf)(lines, TTC, money, opts) ?? (noVat ? (amountDue ?? withoutVat) : undefined);
    return { withoutVat, vat, withVat, amountDue };
}
/** "Total TVA" when printed, else the sum of the "TVA 20 %" lines of the totals. */
function vatTotal(lines, skip) {
    let total;
    let sum = 0;
    let rates = 0;
    for (const line of lines) {
        if (skip.has(line.cells[0].line))
            continue;
        for (const [k, cell] of line.cells.entries()) {
            const m = VAT.exec((0, pdf_layout_1.norm)(cell.text));
            const value = m && line.cells[k + 1] && (0, pdf_layout_1.amountIn)(line.cells[k + 1].text);
            if (!m || value === undefined || value === null)
                continue;
            if (m[1] === undefined)
                total = value;
            else {
                sum += Math.round(Number(value) * 100);
                rates += 1;
            }
        }
    }
    if (total !== undefined)
        return trimCents(total);
    return rates ? (sum / 100).toFixed(2) : undefined;
}
/** The one VAT rate the totals name ("TVA 20 %"), for a line table without a VAT column. */
function singleRate(lines, skip) {
    const rates = new Set();
    for (const line of lines)
        for (const cell of line.cells) {
            const m = !skip.has(cell.line) && VAT.exec((0, pdf_layout_1.norm)(cell.text));
            if (m && m[1])
                rates.add((0, pdf_layout_1.trimZeros)(m[1].replace(',', '.')));
        }
    return rates.size === 1 ? [...rates][0] : undefined;
}
/** Amounts keep two decimals, as invoices print them ("1200" → "1200.00"). */
function trimCents(s) {
    if (s === undefined)
        return undefined;
    const [units, dec = ''] = s.split('.');
    return `${units}.${dec.padEnd(2, '0')}`;
}
/** VAT breakdown rows: a rate, then its base and its tax, after the breakdown's header line. */
function vatRows(lines) {
    const header = lines.findIndex((l) => /\bTaux\b.*\bBase\b.*\bTVA\b/i.test(l));
    if (header < 0)
        return [];
    const row = new RegExp(`(\\d+(?:,\\d+)?) ?% ${AMOUNT} ${AMOUNT}(?: |$)`);
    const rows = [];
    for (const line of lines.slice(header + 1)) {
        if (/Net à payer/i.test(line))
            break;
        const m = row.exec(line.replace(/[\u00a0\u202f]/g, ' '));
        if (m)
            rows.push({ rate: decimal(m[1]), taxableAmount: decimal(m[2]), taxAmount: decimal(m[3]) });
    }
    return rows;
}
const decimal = (s) => s.replace(/ /g, '').replace(',', '.');
//# sourceMappingURL=pdf-prefill.js.map