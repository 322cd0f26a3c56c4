import Decimal from 'decimal.js';
import { Identifier, Invoice, isCreditNote } from '../model';

/**
 * French presentation of invoice values. Amounts stay exact: decimal text in, decimal text out,
 * through decimal.js, never through binary floats.
 */

const NBSP = '\u00a0';

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** "1234.5" → "1 234,50"; unreadable text is shown as written so a bad amount stays visible. */
export function formatNumber(text: string | undefined, minFractionDigits = 2): string {
  if (text === undefined || text === '') return '';
  let d: Decimal;
  try {
    d = new Decimal(text.trim());
  } catch {
    return text;
  }
  const fraction = Math.max(minFractionDigits, d.decimalPlaces());
  const [int, frac] = d.abs().toFixed(fraction).split('.');
  return (d.isNegative() && !d.isZero() ? '-' : '') + groupThousands(int) + (frac ? ',' + frac : '');
}

export function formatAmount(text: string | undefined, currency: string): string {
  const n = formatNumber(text);
  if (!n) return '';
  return currency === 'EUR' ? `${n}${NBSP}€` : `${n}${NBSP}${currency}`;
}

/** Quantities and rates keep only the digits they have: "2.000" → "2", "5.5" → "5,5". */
export function formatQuantity(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  try {
    const d = new Decimal(text.trim());
    return formatNumber(d.toFixed(), 0);
  } catch {
    return text;
  }
}

export function formatRate(text: string | undefined): string {
  const q = formatQuantity(text);
  return q ? `${q}${NBSP}%` : '';
}

/** ISO date → jj/mm/aaaa; anything else as written. */
export function formatDate(text: string | undefined): string {
  if (!text) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
}

/** IBAN in groups of four, as printed on French RIBs. */
export function formatIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '');
  return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : iban;
}

const TITLES: Record<string, string> = {
  '380': 'Facture',
  '381': 'Avoir',
  '384': 'Facture rectificative',
  '386': "Facture d'acompte",
  '389': 'Autofacture',
  '261': 'Autofacture (avoir)',
  '751': 'Facture — informations comptables',
};

/** UNTDID 1001 type code → French document title. */
export function documentTitle(invoice: Pick<Invoice, 'typeCode'>): string {
  return TITLES[invoice.typeCode] ?? (isCreditNote(invoice) ? 'Avoir' : 'Facture');
}

/** ISO 6523 ICD codes used for French company identifiers. */
const SCHEME_LABELS: Record<string, string> = {
  '0002': 'SIREN',
  '0009': 'SIRET',
  '0088': 'GLN',
  '0060': 'DUNS',
};

export function identifierLabel(id: Identifier): string {
  const label = id.schemeId ? SCHEME_LABELS[id.schemeId] : undefined;
  return `${label ?? 'Identifiant'}${NBSP}: ${id.value}`;
}

/** UNCL 5305 VAT categories as a French reader knows them. */
const VAT_CATEGORIES: Record<string, string> = {
  S: 'Taux normal',
  Z: 'Taux zéro',
  E: 'Exonéré',
  AE: 'Autoliquidation',
  K: 'Livraison intracommunautaire',
  G: 'Exportation hors UE',
  O: 'Hors champ de la TVA',
  L: 'IGIC (Canaries)',
  M: 'IPSI (Ceuta et Melilla)',
};

export function vatCategoryLabel(code: string | undefined): string {
  if (!code) return '';
  return VAT_CATEGORIES[code] ?? code;
}

/** UNTDID 4461 payment means. */
const PAYMENT_MEANS: Record<string, string> = {
  '10': 'Espèces',
  '20': 'Chèque',
  '30': 'Virement',
  '31': 'Virement',
  '42': 'Virement',
  '48': 'Carte bancaire',
  '49': 'Prélèvement',
  '57': 'Virement permanent',
  '58': 'Virement SEPA',
  '59': 'Prélèvement SEPA',
  '97': 'Compensation',
};

export function paymentMeansLabel(code: string | undefined): string {
  if (!code) return '';
  return PAYMENT_MEANS[code] ?? `Code ${code}`;
}

/** UN/ECE Rec 20/21 units most seen on invoices; other codes are shown as written. */
const UNITS: Record<string, string> = {
  C62: 'unité',
  H87: 'pièce',
  EA: 'unité',
  XPP: 'pièce',
  HUR: 'heure',
  DAY: 'jour',
  WEE: 'semaine',
  MON: 'mois',
  ANN: 'an',
  KGM: 'kg',
  TNE: 't',
  MTR: 'm',
  MTK: 'm²',
  MTQ: 'm³',
  KMT: 'km',
  LTR: 'l',
  KWH: 'kWh',
  LS: 'forfait',
  SET: 'lot',
};

export function unitLabel(code: string | undefined): string {
  if (!code) return '';
  return UNITS[code] ?? code;
}

/** "12.50" → "-12.50" for amounts shown as deductions; unreadable text is left as written. */
export function negated(text: string): string {
  try {
    return new Decimal(text.trim()).negated().toFixed();
  } catch {
    return text;
  }
}
