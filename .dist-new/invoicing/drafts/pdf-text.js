"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.linesText = exports.PdfTextError = void 0;
exports.readPdfLayout = readPdfLayout;
exports.readPdfText = readPdfText;
const node_path_1 = __importDefault(require("node:path"));
const node_worker_threads_1 = require("node:worker_threads");
class PdfTextError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'PdfTextError';
    }
}
exports.PdfTextError = PdfTextError;
const MESSAGES = {
    PDF_ENCRYPTED: 'The PDF is password-protected: deposit an unprotected PDF.',
    PDF_NO_TEXT: 'The PDF has no text layer (a scanned image?): deposit a PDF produced by your invoicing software, or enter the invoice in the form.',
    PDF_UNREADABLE: 'The file cannot be read as a PDF.',
};
/**
 * The lines of a PDF's first pages with where each piece of text stands (pdf.js in a worker thread,
 * one per call: plain-PDF deposits are rare, and a thread that is gone cannot leak a document's memory).
 */
async function readPdfLayout(bytes, maxPages = 5) {
    const worker = new node_worker_threads_1.Worker(node_path_1.default.join(__dirname, 'pdf-text-worker.mjs'), { workerData: { maxPages } });
    try {
        const reply = await new Promise((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(new Uint8Array(bytes));
        });
        if (reply.error)
            throw new PdfTextError(reply.error, MESSAGES[reply.error]);
        const pages = reply.pages ?? [];
        if (pages.every((lines) => lines.length === 0))
            throw new PdfTextError('PDF_NO_TEXT', MESSAGES.PDF_NO_TEXT);
        return pages;
    }
    finally {
        await worker.terminate();
    }
}
/** The text lines of a PDF's first pages, as a reader sees them (cells joined by a space). */
async function readPdfText(bytes, maxPages = 5) {
    return (await readPdfLayout(bytes, maxPages)).map(exports.linesText);
}
const linesText = (lines) => lines.map((l) => l.cells.map((c) => c.text).join(' '));
exports.linesText = linesText;
//# sourceMappingURL=pdf-text.js.map