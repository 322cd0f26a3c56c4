import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Why a PDF's text could not be read: encrypted, no text layer (a scan), or not a PDF at all. */
export type PdfTextErrorCode = 'PDF_ENCRYPTED' | 'PDF_NO_TEXT' | 'PDF_UNREADABLE';

export class PdfTextError extends Error {
  constructor(
    readonly code: PdfTextErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfTextError';
  }
}

const MESSAGES: Record<PdfTextErrorCode, string> = {
  PDF_ENCRYPTED: 'The PDF is password-protected: deposit an unprotected PDF.',
  PDF_NO_TEXT:
    'The PDF has no text layer (a scanned image?): deposit a PDF produced by your invoicing software, or enter the invoice in the form.',
  PDF_UNREADABLE: 'The file cannot be read as a PDF.',
};

/** A piece of text as the PDF placed it: its left and right edges and font size, in points. */
export interface PdfCell {
  x: number;
  x2: number;
  size: number;
  text: string;
}

/** One line of a page: the cells on one baseline (y, from the bottom of the page), left to right. */
export interface PdfLine {
  y: number;
  cells: PdfCell[];
}

/**
 * The lines of a PDF's first pages with where each piece of text stands (pdf.js in a worker thread,
 * one per call: plain-PDF deposits are rare, and a thread that is gone cannot leak a document's memory).
 */
export async function readPdfLayout(bytes: Uint8Array, maxPages = 5): Promise<PdfLine[][]> {
  const worker = new Worker(path.join(__dirname, 'pdf-text-worker.mjs'), { workerData: { maxPages } });
  try {
    const reply = await new Promise<{ pages?: PdfLine[][]; error?: PdfTextErrorCode }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(new Uint8Array(bytes));
    });
    if (reply.error) throw new PdfTextError(reply.error, MESSAGES[reply.error]);
    const pages = reply.pages ?? [];
    if (pages.every((lines) => lines.length === 0))
      throw new PdfTextError('PDF_NO_TEXT', MESSAGES.PDF_NO_TEXT);
    return pages;
  } finally {
    await worker.terminate();
  }
}

/** The text lines of a PDF's first pages, as a reader sees them (cells joined by a space). */
export async function readPdfText(bytes: Uint8Array, maxPages = 5): Promise<string[][]> {
  return (await readPdfLayout(bytes, maxPages)).map(linesText);
}

export const linesText = (lines: PdfLine[]): string[] =>
  lines.map((l) => l.cells.map((c) => c.text).join(' '));
