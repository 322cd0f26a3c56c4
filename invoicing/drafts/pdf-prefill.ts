import type { PdfLine } from './pdf-text';
import { amountIn, dateIn, documentLines, type Line, norm, trimZeros, valueOf } from './pdf-layout';
import { type PdfLineFacts, readLineTable } from './pdf-lines';
import { partiesOf } from './pdf-parties';

export type { PdfLineFacts } from './pdf-lines';

/**
 * The facts a supplier's plain PDF invoice most likely states, read from its text layer. Labels are
 * those French invoices use (and the platform's own rendering, invoice/pdf, writes); everything found
 * is a suggestion the supplier checks in the form, so a miss leaves a field empty, never wrong-typed.
 */
export interface PdfInvoiceFacts {
  number?: string;
  issueDate?: string;
  dueDate?: string;
  sellerName?: string;
  sellerSiret?: string;
  /** The seller's SIREN when the PDF gives no SIRET. */
  sellerSiren?: string;
  sellerVatId?: string;
  buyerName?: string;
  buyerSiret?: string;
  /** The buyer's SIREN when the PDF gives no SIRET. */
  buyerSiren?: string;
  buyerVatId?: string;
  /** BT-13: the engagement number (numéro d'engagement juridique). */
  engagementNumber?: string;
  /** BT-10: the recipient's service code. */
  serviceCode?: string;
  iban?: string;
  totals: { withoutVat?: string; vat?: string; withVat?: string; amountDue?: string };
  vat: { rate: string; taxableAmount: string; taxAmount: string }[];
  lines: PdfLineFacts[];
}

// French amounts: "1 234,56" with plain, no-break or narrow no-break spaces between thousands.
const AMOUNT = String.raw`(-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?)`;

/**
 * Reads the facts from the pages' lines: positioned cells (readPdfLayout) keep the columns of side by
 * side blocks and of the line table apart; text lines (readPdfText) give the facts without the lines.
 */
export function readInvoiceFacts(pages: PdfLine[][] | string[][]): PdfInvoiceFacts {
  const lines = documentLines(pages);
  const texts = lines.map((l) => l.text);
  const text = texts.join('\n');
  const first = (re: RegExp) => re.exec(text)?.[1];
  const table = readLineTable(lines);
  const parties = partiesOf(lines, table.used);
  const noVat = /293 ?B|TVA non applicable/i.test(text);
  const totals = readTotals(lines, table.used, noVat);
  const onlyRate = singleRate(lines, table.used);
  return {
    number: invoiceNumber(lines, table.used),
    issueDate: issueDate(lines, table.used),
    dueDate: valueOf(lines, DUE, (t) => dateIn(t), { skip: table.used }),
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

function invoiceNumber(lines: Line[], skip: Set<number>): string | undefined {
  const value = (t: string) => {
    const token = t.trim().split(/\s+/)[0] ?? '';
    return /\d/.test(token) && /^[A-Za-z0-9][\w\-/.]{0,39}$/.test(token) ? token : undefined;
  };
  for (const label of NUMBER_LABELS) {
    const found = valueOf(lines, label, value, { skip });
    if (found) return found;
  }
  return undefined;
}

const ISSUE =
  /^(?:date (?:de (?:la )?facture|d'emission|de facturation|d'edition)|date(?! d'echeance| limite| de (?:paiement|livraison|reglement|commande|tva|fin|debut))|emise? le|facture (?:emise )?(?:du|le)|fait le)\s*:?/;
const DUE =
  /(?:date d'echeance|^echeance(?: de (?:paiement|reglement))?|a regler (?:avant )?le|payable (?:avant )?le|a payer avant le|date limite(?: de (?:paiement|reglement))?|paiement (?:au plus tard )?le|date de (?:paiement|reglement))\s*:?/;

function issueDate(lines: Line[], skip: Set<number>): string | undefined {
  return (
    valueOf(lines, ISSUE, (t) => dateIn(t), { skip }) ??
    // "FACTURE N° 12 du 02/03/2026"; "Lyon, le 2 décembre 2026" above a letter-style invoice.
    valueOf(lines, /^(?:facture|avoir)\b.*? du /, (t) => dateIn(t), { skip }) ??
    valueOf(lines, /(?:^|, )le /, (t) => dateIn(t), { skip })
  );
}

const HT = /^(?:total|montant|sous-total|total net)\s*h\.? ?t\.?(?![a-z])/;
const TTC = /^(?:total|montant)\s*t\.? ?t\.? ?c\.?(?![a-z])/;
const DUE_AMOUNT = /^(?:net a payer|reste a payer|montant a payer|total a payer|montant du)(?![a-z])/;
const VAT = /^(?:total |montant )?t\.? ?v\.? ?a\.?(?: \(?(\d{1,2}(?:[,.]\d{1,2})?) ?%\)?)?\s*:?$/;

function readTotals(lines: Line[], skip: Set<number>, noVat: boolean): PdfInvoiceFacts['totals'] {
  const money = (t: string) => trimCents(amountIn(t));
  const opts = { skip, last: true };
  const withoutVat = valueOf(lines, HT, money, opts);
  const amountDue = valueOf(lines, DUE_AMOUNT, money, opts);
  let vat = vatTotal(lines, skip);
  if (vat === undefined && noVat && withoutVat !== undefined) vat = '0.00';
  const withVat = valueOf(lines, TTC, money, opts) ?? (noVat ? (amountDue ?? withoutVat) : undefined);
  return { withoutVat, vat, withVat, amountDue };
}

/** "Total TVA" when printed, else the sum of the "TVA 20 %" lines of the totals. */
function vatTotal(lines: Line[], skip: Set<number>): string | undefined {
  let total: string | undefined;
  let sum = 0;
  let rates = 0;
  for (const line of lines) {
    if (skip.has(line.cells[0].line)) continue;
    for (const [k, cell] of line.cells.entries()) {
      const m = VAT.exec(norm(cell.text));
      const value = m && line.cells[k + 1] && amountIn(line.cells[k + 1].text);
      if (!m || value === undefined || value === null) continue;
      if (m[1] === undefined) total = value;
      else {
        sum += Math.round(Number(value) * 100);
        rates += 1;
      }
    }
  }
  if (total !== undefined) return trimCents(total);
  return rates ? (sum / 100).toFixed(2) : undefined;
}

/** The one VAT rate the totals name ("TVA 20 %"), for a line table without a VAT column. */
function singleRate(lines: Line[], skip: Set<number>): string | undefined {
  const rates = new Set<string>();
  for (const line of lines)
    for (const cell of line.cells) {
      const m = !skip.has(cell.line) && VAT.exec(norm(cell.text));
      if (m && m[1]) rates.add(trimZeros(m[1].replace(',', '.'))!);
    }
  return rates.size === 1 ? [...rates][0] : undefined;
}

/** Amounts keep two decimals, as invoices print them ("1200" → "1200.00"). */
function trimCents(s?: string): string | undefined {
  if (s === undefined) return undefined;
  const [units, dec = ''] = s.split('.');
  return `${units}.${dec.padEnd(2, '0')}`;
}

/** VAT breakdown rows: a rate, then its base and its tax, after the breakdown's header line. */
function vatRows(lines: string[]): PdfInvoiceFacts['vat'] {
  const header = lines.findIndex((l) => /\bTaux\b.*\bBase\b.*\bTVA\b/i.test(l));
  if (header < 0) return [];
  const row = new RegExp(`(\\d+(?:,\\d+)?) ?% ${AMOUNT} ${AMOUNT}(?: |$)`);
  const rows: PdfInvoiceFacts['vat'] = [];
  for (const line of lines.slice(header + 1)) {
    if (/Net à payer/i.test(line)) break;
    const m = row.exec(line.replace(/[\u00a0\u202f]/g, ' '));
    if (m) rows.push({ rate: decimal(m[1]), taxableAmount: decimal(m[2]), taxAmount: decimal(m[3]) });
  }
  return rows;
}

const decimal = (s: string) => s.replace(/ /g, '').replace(',', '.');
