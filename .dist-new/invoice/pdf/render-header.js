"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.drawHeader = drawHeader;
const blocks_1 = require("./blocks");
const canvas_1 = require("./canvas");
const format_1 = require("./format");
const COLUMN_GAP = 24;
const RIGHT_WIDTH = 220;
const LEFT_WIDTH = canvas_1.CONTENT_WIDTH - RIGHT_WIDTH - COLUMN_GAP;
const RIGHT_X = canvas_1.PAGE.margin + LEFT_WIDTH + COLUMN_GAP;
const SMALL = { size: 8, color: canvas_1.COLORS.muted };
const COUNTRIES = {
    FR: 'France',
    DE: 'Allemagne',
    BE: 'Belgique',
    LU: 'Luxembourg',
    CH: 'Suisse',
    IT: 'Italie',
    ES: 'Espagne',
    NL: 'Pays-Bas',
    GB: 'Royaume-Uni',
};
function addressRuns(a) {
    if (!a)
        return [];
    const cityLine = [a.postCode, a.city].filter(Boolean).join(' ');
    const country = a.countryCode ? (COUNTRIES[a.countryCode] ?? a.countryCode) : undefined;
    return (0, blocks_1.runs)(a.line1, a.line2, a.line3, cityLine, a.countrySubdivision, country);
}
function sellerRuns(s) {
    const ids = s.identifiers.filter((i) => i.value !== s.legalRegistrationId?.value);
    return (0, blocks_1.runs)({ text: s.name ?? '', style: { bold: true, size: 12 } }, s.tradingName && s.tradingName !== s.name ? s.tradingName : undefined, ...addressRuns(s.address), s.legalRegistrationId && (0, format_1.identifierLabel)(s.legalRegistrationId), ...ids.map(format_1.identifierLabel), (0, blocks_1.labelled)('N° TVA', s.vatId), (0, blocks_1.labelled)('N° fiscal', s.taxRegistrationId), (0, blocks_1.labelled)('Contact', s.contact?.name), (0, blocks_1.labelled)('Tél.', s.contact?.telephone), (0, blocks_1.labelled)('Courriel', s.contact?.email), s.additionalLegalInfo && { text: s.additionalLegalInfo, style: SMALL });
}
function buyerRuns(b) {
    return (0, blocks_1.runs)({ text: 'Adressé à', style: SMALL }, { text: b.name ?? '', style: { bold: true, size: 10.5 } }, b.tradingName && b.tradingName !== b.name ? b.tradingName : undefined, ...addressRuns(b.address), b.legalRegistrationId && (0, format_1.identifierLabel)(b.legalRegistrationId), b.identifier && b.identifier.value !== b.legalRegistrationId?.value
        ? (0, format_1.identifierLabel)(b.identifier)
        : undefined, (0, blocks_1.labelled)('N° TVA', b.vatId), (0, blocks_1.labelled)('Contact', b.contact?.name), (0, blocks_1.labelled)('Courriel', b.contact?.email));
}
function titleRuns(inv) {
    return (0, blocks_1.runs)({ text: (0, format_1.documentTitle)(inv).toUpperCase(), style: { bold: true, size: 18, color: canvas_1.COLORS.accent } }, { text: `N° ${inv.number}`, style: { bold: true, size: 11 } }, (0, blocks_1.labelled)("Date d'émission", (0, format_1.formatDate)(inv.issueDate)), (0, blocks_1.labelled)("Date d'échéance", (0, format_1.formatDate)(inv.dueDate)), (0, blocks_1.labelled)('Date de TVA', (0, format_1.formatDate)(inv.vatPointDate)), inv.currencyCode && inv.currencyCode !== 'EUR' ? (0, blocks_1.labelled)('Devise', inv.currencyCode) : undefined);
}
/** Chorus Pro routing data first: a public buyer sorts invoices by service code and engagement number. */
function referenceRuns(inv) {
    const period = inv.invoicingPeriod;
    const periodText = period && (period.startDate || period.endDate)
        ? `du ${(0, format_1.formatDate)(period.startDate) || '…'} au ${(0, format_1.formatDate)(period.endDate) || '…'}`
        : undefined;
    const bold = { bold: true };
    return (0, blocks_1.runs)((0, blocks_1.labelled)('Code service', inv.buyerReference, bold), (0, blocks_1.labelled)("N° d'engagement", inv.purchaseOrderReference, bold), (0, blocks_1.labelled)('Marché', inv.contractReference), (0, blocks_1.labelled)('Projet', inv.projectReference), (0, blocks_1.labelled)('Commande fournisseur', inv.salesOrderReference), (0, blocks_1.labelled)('Bon de livraison', inv.despatchAdviceReference), (0, blocks_1.labelled)('Réf. comptable acheteur', inv.buyerAccountingReference), (0, blocks_1.labelled)('Période de facturation', periodText), (0, blocks_1.labelled)('Livraison', (0, format_1.formatDate)(inv.delivery?.actualDeliveryDate)), (0, blocks_1.labelled)('Livré à', inv.delivery?.name), ...inv.precedingInvoices.map((p) => (0, blocks_1.labelled)('Facture d’origine', [p.reference, p.issueDate && `du ${(0, format_1.formatDate)(p.issueDate)}`].filter(Boolean).join(' '))));
}
/** Seller and document title side by side, then references and buyer, then notes. */
function drawHeader(canvas, inv) {
    const top = canvas.y;
    const leftBottom = (0, blocks_1.drawBlock)(canvas, canvas_1.PAGE.margin, top, LEFT_WIDTH, sellerRuns(inv.seller));
    const rightBottom = (0, blocks_1.drawBlock)(canvas, RIGHT_X, top, RIGHT_WIDTH, titleRuns(inv));
    canvas.y = Math.min(leftBottom, rightBottom) - 14;
    canvas.rule(canvas_1.PAGE.margin, canvas.y + 6, canvas_1.CONTENT_WIDTH);
    const references = referenceRuns(inv);
    const buyer = buyerRuns(inv.buyer);
    const secondTop = canvas.y - 4;
    const refBottom = references.length
        ? (0, blocks_1.drawBlock)(canvas, canvas_1.PAGE.margin, secondTop, LEFT_WIDTH, [
            { text: 'Références', style: SMALL },
            ...references,
        ])
        : secondTop;
    canvas.rect(RIGHT_X - 8, secondTop - (0, blocks_1.blockHeight)(canvas, RIGHT_WIDTH, buyer) - 8, RIGHT_WIDTH + 8, (0, blocks_1.blockHeight)(canvas, RIGHT_WIDTH, buyer) + 10, canvas_1.COLORS.band);
    const buyerBottom = (0, blocks_1.drawBlock)(canvas, RIGHT_X, secondTop, RIGHT_WIDTH - 4, buyer);
    canvas.y = Math.min(refBottom, buyerBottom - 8) - 16;
    const notes = inv.notes.filter((n) => n.text.trim());
    if (notes.length) {
        canvas.ensure(40);
        (0, blocks_1.flow)(canvas, canvas_1.PAGE.margin, canvas_1.CONTENT_WIDTH, [
            { text: 'Mentions', style: SMALL },
            ...notes.map((n) => ({ text: n.text, style: { size: 8 } })),
        ]);
        canvas.y -= 12;
    }
}
//# sourceMappingURL=render-header.js.map