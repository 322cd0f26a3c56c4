"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatNumber = formatNumber;
exports.formatAmount = formatAmount;
exports.formatQuantity = formatQuantity;
exports.formatRate = formatRate;
exports.formatDate = formatDate;
exports.formatIban = formatIban;
exports.documentTitle = documentTitle;
exports.identifierLabel = identifierLabel;
exports.vatCategoryLabel = vatCategoryLabel;
exports.paymentMeansLabel = paymentMeansLabel;
exports.unitLabel = unitLabel;
exports.negated = negated;
const decimal_js_1 = __importDefault(require("decimal.js"));
const model_1 = require("../model");
/**
 * French presentation of invoice values. Amounts stay exact: decimal text in, decimal text out,
 * through decimal.js, never through binary floats.
 */
const NBSP = '\u00a0';
function groupThousands(integerDigits) {
    return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}
/** "1234.5" → "1 234,50"; unreadable text is shown as written so a bad amount stays visible. */
function formatNumber(text, minFractionDigits = 2) {
    if (text === undefined || text === '')
        return '';
    let d;
    try {
        d = new decimal_js_1.default(text.trim());
    }
    catch {
        return text;
    }
    const fraction = Math.max(minFractionDigits, d.decimalPlaces());
    const [int, frac] = d.abs().toFixed(fraction).split('.');
    return (d.isNegative() && !d.isZero() ? '-' : '') + groupThousands(int) + (frac ? ',' + frac : '');
}
function formatAmount(text, currency) {
    const n = formatNumber(text);
    if (!n)
        return '';
    return currency === 'EUR' ? `${n}${NBSP}€` : `${n}${NBSP}${currency}`;
}
/** Quantities and rates keep only the digits they have: "2.000" → "2", "5.5" → "5,5". */
function formatQuantity(text) {
    if (text === undefined || text === '')
        return '';
    try {
        const d = new decimal_js_1.default(text.trim());
        return formatNumber(d.toFixed(), 0);
    }
    catch {
        return text;
    }
}
function formatRate(text) {
    const q = formatQuantity(text);
    return q ? `${q}${NBSP}%` : '';
}
/** ISO date → jj/mm/aaaa; anything else as written. */
function formatDate(text) {
    if (!text)
        return '';
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
}
/** IBAN in groups of four, as printed on French RIBs. */
function formatIban(iban) {
    const compact = iban.replace(/\s+/g, '');
    return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : iban;
}
const TITLES = {
    '380': 'Facture',
    '381': 'Avoir',
    '384': 'Facture rectificative',
    '386': "Facture d'acompte",
    '389': 'Autofacture',
    '261': 'Autofacture (avoir)',
    '751': 'Facture — informations comptables',
};
/** UNTDID 1001 type code → French document title. */
function documentTitle(invoice) {
    return TITLES[invoice.typeCode] ?? ((0, model_1.isCreditNote)(invoice) ? 'Avoir' : 'Facture');
}
/** ISO 6523 ICD codes used for French company identifiers. */
const SCHEME_LABELS = {
    '0002': 'SIREN',
    '0009': 'SIRET',
    '0088': 'GLN',
    '0060': 'DUNS',
};
function identifierLabel(id) {
    const label = id.schemeId ? SCHEME_LABELS[id.schemeId] : undefined;
    return `${label ?? 'Identifiant'}${NBSP}: ${id.value}`;
}
/** UNCL 5305 VAT categories as a French reader knows them. */
const VAT_CATEGORIES = {
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
function vatCategoryLabel(code) {
    if (!code)
        return '';
    return VAT_CATEGORIES[code] ?? code;
}
/** UNTDID 4461 payment means. */
const PAYMENT_MEANS = {
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
function paymentMeansLabel(code) {
    if (!code)
        return '';
    return PAYMENT_MEANS[code] ?? `Code ${code}`;
}
/** UN/ECE Rec 20/21 units most seen on invoices; other codes are shown as written. */
const UNITS = {
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
function unitLabel(code) {
    if (!code)
        return '';
    return UNITS[code] ?? code;
}
/** "12.50" → "-12.50" for amounts shown as deductions; unreadable text is left as written. */
function negated(text) {
    try {
        return new decimal_js_1.default(text.trim()).negated().toFixed();
    }
    catch {
        return text;
    }
}
//# sourceMappingURL=format.js.map