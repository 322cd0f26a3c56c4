"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRODUCER = void 0;
exports.pdfTitle = pdfTitle;
exports.renderInvoice = renderInvoice;
exports.setDocumentInfo = setDocumentInfo;
exports.toPdf = toPdf;
const pdf_lib_1 = require("pdf-lib");
const canvas_1 = require("./canvas");
const fonts_1 = require("./fonts");
const format_1 = require("./format");
const render_header_1 = require("./render-header");
const render_lines_1 = require("./render-lines");
const render_totals_1 = require("./render-totals");
exports.PRODUCER = 'facturflow';
/** "Facture F-2024-001 — ACME SAS": the document title, shared by the Info dictionary and XMP. */
function pdfTitle(inv) {
    return [`${(0, format_1.documentTitle)(inv)} ${inv.number}`, inv.seller.name].filter(Boolean).join(' — ');
}
/** Draws the French human-readable invoice into `doc` (fonts embedded, one or more A4 pages). */
async function renderInvoice(doc, inv) {
    const canvas = new canvas_1.Canvas(doc, await (0, fonts_1.embedFonts)(doc));
    (0, render_header_1.drawHeader)(canvas, inv);
    const runningHeader = (c) => {
        c.text(`${(0, format_1.documentTitle)(inv)} N° ${inv.number} (suite)`, canvas_1.PAGE.margin, c.y - 10, { bold: true, size: 10 });
        c.text(inv.seller.name ?? '', canvas_1.PAGE.margin, c.y - 10, { size: 8, color: canvas_1.COLORS.muted }, 'right', canvas_1.CONTENT_WIDTH);
        c.y -= 26;
    };
    canvas.onNewPage = runningHeader;
    (0, render_lines_1.drawLines)(canvas, inv, runningHeader);
    (0, render_totals_1.drawTotals)(canvas, inv);
    (0, render_totals_1.drawPayment)(canvas, inv);
    drawFooters(canvas, inv);
}
function drawFooters(canvas, inv) {
    const legal = inv.seller.legalRegistrationId;
    const left = [inv.seller.name, legal && (0, format_1.identifierLabel)(legal), `${(0, format_1.documentTitle)(inv)} N° ${inv.number}`]
        .filter(Boolean)
        .join(' · ');
    const style = { size: 7, color: canvas_1.COLORS.muted };
    canvas.pages.forEach((page, i) => {
        canvas.page = page;
        canvas.rule(canvas_1.PAGE.margin, canvas_1.PAGE.margin + 12, canvas_1.CONTENT_WIDTH);
        canvas.text(left, canvas_1.PAGE.margin, canvas_1.PAGE.margin, style);
        canvas.text(`Page ${i + 1} / ${canvas.pages.length}`, canvas_1.PAGE.margin, canvas_1.PAGE.margin, style, 'right', canvas_1.CONTENT_WIDTH);
    });
}
/** Document information shared by both writers; dates are passed in so output can be reproducible. */
function setDocumentInfo(doc, inv, date) {
    doc.setTitle(pdfTitle(inv));
    if (inv.seller.name)
        doc.setAuthor(inv.seller.name);
    doc.setSubject(`${(0, format_1.documentTitle)(inv)} ${inv.number}`);
    doc.setCreator(exports.PRODUCER);
    doc.setProducer(exports.PRODUCER);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    doc.setLanguage('fr-FR');
}
/** The invoice as a plain PDF for reading and printing (no embedded XML, no PDF/A claims). */
async function toPdf(inv, options = {}) {
    const doc = await pdf_lib_1.PDFDocument.create({ updateMetadata: false });
    setDocumentInfo(doc, inv, options.date ?? new Date());
    await renderInvoice(doc, inv);
    return doc.save();
}
//# sourceMappingURL=render.js.map