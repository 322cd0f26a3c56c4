import { PDFDocument } from 'pdf-lib';
import { createPdf } from './flate';
import { Invoice } from '../model';
import { Canvas, COLORS, CONTENT_WIDTH, PAGE } from './canvas';
import { embedFonts } from './fonts';
import { documentTitle, identifierLabel } from './format';
import { drawHeader } from './render-header';
import { drawLines } from './render-lines';
import { drawPayment, drawTotals } from './render-totals';

export const PRODUCER = 'facturflow';

/** "Facture F-2024-001 — ACME SAS": the document title, shared by the Info dictionary and XMP. */
export function pdfTitle(inv: Invoice): string {
  return [`${documentTitle(inv)} ${inv.number}`, inv.seller.name].filter(Boolean).join(' — ');
}

/** Draws the French human-readable invoice into `doc` (fonts embedded, one or more A4 pages). */
export async function renderInvoice(doc: PDFDocument, inv: Invoice): Promise<void> {
  const canvas = new Canvas(doc, await embedFonts(doc));
  drawHeader(canvas, inv);
  const runningHeader = (c: Canvas) => {
    c.text(`${documentTitle(inv)} N° ${inv.number} (suite)`, PAGE.margin, c.y - 10, { bold: true, size: 10 });
    c.text(
      inv.seller.name ?? '',
      PAGE.margin,
      c.y - 10,
      { size: 8, color: COLORS.muted },
      'right',
      CONTENT_WIDTH,
    );
    c.y -= 26;
  };
  canvas.onNewPage = runningHeader;
  drawLines(canvas, inv, runningHeader);
  drawTotals(canvas, inv);
  drawPayment(canvas, inv);
  drawFooters(canvas, inv);
}

function drawFooters(canvas: Canvas, inv: Invoice): void {
  const legal = inv.seller.legalRegistrationId;
  const left = [inv.seller.name, legal && identifierLabel(legal), `${documentTitle(inv)} N° ${inv.number}`]
    .filter(Boolean)
    .join(' · ');
  const style = { size: 7, color: COLORS.muted };
  canvas.pages.forEach((page, i) => {
    canvas.page = page;
    canvas.rule(PAGE.margin, PAGE.margin + 12, CONTENT_WIDTH);
    canvas.text(left, PAGE.margin, PAGE.margin, style);
    canvas.text(
      `Page ${i + 1} / ${canvas.pages.length}`,
      PAGE.margin,
      PAGE.margin,
      style,
      'right',
      CONTENT_WIDTH,
    );
  });
}

/** Document information shared by both writers; dates are passed in so output can be reproducible. */
export function setDocumentInfo(doc: PDFDocument, inv: Invoice, date: Date): void {
  doc.setTitle(pdfTitle(inv));
  if (inv.seller.name) doc.setAuthor(inv.seller.name);
  doc.setSubject(`${documentTitle(inv)} ${inv.number}`);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('fr-FR');
}

/** The invoice as a plain PDF for reading and printing (no embedded XML, no PDF/A claims). */
export async function toPdf(inv: Invoice, options: { date?: Date } = {}): Promise<Uint8Array> {
  const doc = await createPdf();
  setDocumentInfo(doc, inv, options.date ?? new Date());
  await renderInvoice(doc, inv);
  return doc.save();
}
