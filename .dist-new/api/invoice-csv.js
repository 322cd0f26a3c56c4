"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invoicesCsv = invoicesCsv;
const transitions_1 = require("../invoicing/lifecycle/transitions");
const cell = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    // Quoted always; a leading formula character is neutralised so spreadsheets do not run it.
    return `"${(/^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};
/** YYYY-MM-DD… as dd/mm/yyyy; an instant is first read in Paris time. */
const parisDay = (iso) => {
    if (!iso)
        return '';
    const day = iso.length > 10 ? new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '';
    return day || iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
};
const decimalComma = (n) => (n ? n.replace('.', ',') : '');
const INTERNATIONAL = [
    'id',
    'number',
    'status',
    'reformCode',
    'depositedAt',
    'issueDate',
    'cadre',
    'supplier',
    'recipient',
    'serviceCode',
    'currency',
    'totalWithVat',
    'amountDue',
];
const FRENCH = [
    'Numéro',
    'Statut',
    'Code statut',
    'Code réforme',
    'Date de dépôt',
    'Date de facture',
    'Cadre de facturation',
    'Fournisseur',
    'Identifiant fournisseur',
    'Destinataire',
    'Identifiant destinataire',
    'Code service',
    'Devise',
    'Montant TTC',
    'Montant à payer',
    'Identifiant de la facture',
];
/**
 * The listing as CSV. `csv` opens as is in a French spreadsheet: UTF-8 BOM, `;` between cells, French
 * headers, dates dd/mm/yyyy (Paris time) and a decimal comma. `csv-international` keeps `,`, ISO 8601
 * and dotted decimals with the API's field names, for programs.
 */
function invoicesCsv(items, variant) {
    const french = variant === 'csv';
    const sep = french ? ';' : ',';
    const rows = items.map((i) => french
        ? [
            i.number,
            (0, transitions_1.statusLabel)(i.status),
            i.status,
            i.reformCode,
            parisDay(i.depositedAt),
            parisDay(i.issueDate),
            i.cadre,
            i.supplier.name,
            i.supplier.id,
            i.recipient.name,
            i.recipient.id,
            i.recipient.serviceCode,
            i.currency,
            decimalComma(i.totalWithVat),
            decimalComma(i.amountDue),
            i.id,
        ]
        : [
            i.id,
            i.number,
            i.status,
            i.reformCode,
            i.depositedAt,
            i.issueDate,
            i.cadre,
            i.supplier.id,
            i.recipient.id,
            i.recipient.serviceCode,
            i.currency,
            i.totalWithVat,
            i.amountDue,
        ]);
    const header = french ? FRENCH : INTERNATIONAL;
    const body = [header.join(sep), ...rows.map((r) => r.map(cell).join(sep))].join('\r\n') + '\r\n';
    return french ? `\uFEFF${body}` : body;
}
//# sourceMappingURL=invoice-csv.js.map