"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ATTACHMENT_KINDS = void 0;
exports.downloadType = downloadType;
exports.normalizedFileName = normalizedFileName;
exports.detectKind = detectKind;
exports.checkedAttachmentName = checkedAttachmentName;
const node_zlib_1 = __importDefault(require("node:zlib"));
const domain_error_1 = require("./domain-error");
/**
 * The kinds of file the platform keeps as pièces jointes, recognised by their content (magic bytes),
 * never by their name alone: the name's extension must name the kind the content is. Anything a
 * browser could run (HTML, XHTML, SVG, scripts) is refused, whatever it is called.
 */
exports.ATTACHMENT_KINDS = {
    pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
    png: { mediaType: 'image/png', extensions: ['png'] },
    jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
    tiff: { mediaType: 'image/tiff', extensions: ['tif', 'tiff'] },
    gif: { mediaType: 'image/gif', extensions: ['gif'] },
    bmp: { mediaType: 'image/bmp', extensions: ['bmp'] },
    xml: { mediaType: 'application/xml', extensions: ['xml'] },
    text: { mediaType: 'text/plain', extensions: ['txt', 'csv', 'eml'] },
    rtf: { mediaType: 'application/rtf', extensions: ['rtf'] },
    /** ZIP and the office formats built on it (OpenDocument, Office Open XML). */
    zip: {
        mediaType: 'application/zip',
        extensions: ['zip', 'odt', 'ods', 'odp', 'docx', 'xlsx', 'pptx'],
    },
    /** A detached CMS/PKCS #7 signature, DER or PEM. */
    p7s: { mediaType: 'application/pkcs7-signature', extensions: ['p7s'] },
};
/** Media types a download may carry: the allow-list's; anything else is served as bytes. */
const DOWNLOAD_TYPES = new Set([
    ...Object.values(exports.ATTACHMENT_KINDS).map((k) => k.mediaType),
    'text/csv',
    'message/rfc822',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);
/** The media type to send a stored file with: one of the allow-list, else application/octet-stream. */
function downloadType(mediaType) {
    const bare = (mediaType ?? '').split(';')[0].trim().toLowerCase();
    return DOWNLOAD_TYPES.has(bare) ? bare : 'application/octet-stream';
}
/** Bidirectional controls (U+061C, U+200E-200F, U+202A-202E, U+2066-2069) and C0/C1 controls. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A file name as people will see it: NFC, without control or bidirectional characters, trimmed. */
function normalizedFileName(name) {
    return name.normalize('NFC').replace(INVISIBLE, '').trim();
}
const startsWith = (bytes, magic, at = 0) => {
    const m = typeof magic === 'string' ? [...magic].map((c) => c.charCodeAt(0)) : magic;
    return bytes.length >= at + m.length && m.every((b, i) => bytes[at + i] === b);
};
/** What the content is, from its first bytes; undefined when it is none of the allowed kinds. */
function detectKind(bytes) {
    const head = Buffer.from(bytes.subarray(0, 1024));
    if (head.indexOf('%PDF-') >= 0)
        return 'pdf';
    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        return 'png';
    if (startsWith(bytes, [0xff, 0xd8, 0xff]))
        return 'jpeg';
    if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
        return 'tiff';
    if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a'))
        return 'gif';
    if (startsWith(bytes, 'BM') && bytes.length > 26 && startsWith(bytes, [0, 0], 6))
        return 'bmp';
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
        return 'zip';
    if (startsWith(bytes, '{\\rtf'))
        return 'rtf';
    if (startsWith(bytes, [0x30, 0x82]) || startsWith(bytes, [0x30, 0x80]))
        return 'p7s';
    return textKind(bytes);
}
/** Text: no NUL byte; HTML (or XML that is XHTML or SVG) is told apart, since a browser would run it. */
function textKind(bytes) {
    if (bytes.includes(0))
        return undefined;
    const start = Buffer.from(bytes.subarray(0, 4096))
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    const lead = start.trimStart().toLowerCase();
    if (/^<(!doctype\s+html|html|head|body|script|iframe|svg|\?xml-stylesheet)\b/.test(lead))
        return 'html';
    if (/<(html|script|svg)\b|xmlns(:\w+)?\s*=\s*["']http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg)/.test(lead))
        return lead.startsWith('<') ? 'html' : 'text';
    if (lead.startsWith('-----begin pkcs7') || lead.startsWith('-----begin cms'))
        return 'p7s';
    if (lead.startsWith('<'))
        return 'xml';
    return 'text';
}
const ALLOWED_EXTENSIONS = new Set(Object.values(exports.ATTACHMENT_KINDS).flatMap((k) => k.extensions));
/**
 * Refused whatever they hold: web pages (a browser runs them) and the legacy binary Office formats
 * (macros that cannot be checked; their OpenDocument or Office Open XML forms are accepted).
 */
const REFUSED_EXTENSIONS = new Set(['htm', 'html', 'xhtml', 'svg', 'js', 'doc', 'xls', 'ppt', 'msg']);
const refuse = (code, message) => new domain_error_1.DomainError(code, message, { field: 'file' });
/**
 * The attachment's name, normalised, once its content has been checked: an allowed kind whose name's
 * extension says what it is; a PDF that is complete, not encrypted and runs nothing. Throws
 * ATTACHMENT_TYPE_NOT_ALLOWED (HTML, executables, unknown content), ATTACHMENT_TYPE_MISMATCH (a PNG
 * called .pdf), PDF_ENCRYPTED, PDF_TRUNCATED or ATTACHMENT_ACTIVE_CONTENT.
 */
function checkedAttachmentName(name, bytes) {
    const normalized = normalizedFileName(name);
    if (bytes.byteLength === 0)
        return normalized;
    const kind = detectKind(bytes);
    const extension = /\.([A-Za-z0-9]+)$/.exec(normalized)?.[1]?.toLowerCase() ?? '';
    // Another extension is for the name rules to refuse (ATTACHMENT_EXTENSION_NOT_ALLOWED), unless it
    // names a kind refused here whatever the content.
    if (!ALLOWED_EXTENSIONS.has(extension) && !REFUSED_EXTENSIONS.has(extension) && kind !== 'html')
        return normalized;
    if (!kind || kind === 'html' || REFUSED_EXTENSIONS.has(extension))
        throw refuse('ATTACHMENT_TYPE_NOT_ALLOWED', `"${normalized}" is not an allowed kind of attachment (${allowedList()}); web pages and programs are refused.`);
    // XML is text too: it may also be called .txt.
    const accepted = kind === 'xml' ? ['xml', 'txt'] : exports.ATTACHMENT_KINDS[kind].extensions;
    if (!accepted.includes(extension))
        throw refuse('ATTACHMENT_TYPE_MISMATCH', `"${normalized}" holds ${kind.toUpperCase()} content, not what its name says: name it .${accepted[0]}.`);
    if (kind === 'pdf')
        checkPdf(normalized, Buffer.from(bytes));
    return normalized;
}
function allowedList() {
    return [...ALLOWED_EXTENSIONS].join(', ');
}
/** Most bytes inflated from a PDF's streams when looking for active content. */
const PDF_INFLATE_BUDGET = 64 * 1024 * 1024;
/** Names of PDF actions that run something: scripts, programs, forms posting elsewhere. */
const ACTIVE = /\/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia|GoToE)\b/;
/**
 * A PDF attachment must end (%%EOF), carry no /Encrypt dictionary, and hold no action that runs
 * something — looked for in the file and in its compressed streams (object streams hide dictionaries).
 */
function checkPdf(name, pdf) {
    if (pdf.lastIndexOf('%%EOF') < Math.max(0, pdf.length - 2048))
        throw refuse('PDF_TRUNCATED', `"${name}" is an incomplete PDF (no %%EOF at its end).`);
    const text = pdf.toString('latin1');
    if (/\/Encrypt\b/.test(text))
        throw refuse('PDF_ENCRYPTED', `"${name}" is encrypted: send it without a password or encryption.`);
    const active = ACTIVE.exec(text) ?? activeInStreams(pdf);
    if (active)
        throw refuse('ATTACHMENT_ACTIVE_CONTENT', `"${name}" holds an action that runs something (${active[0]}): send it without scripts or launch actions.`);
}
function activeInStreams(pdf) {
    let budget = PDF_INFLATE_BUDGET;
    for (let at = pdf.indexOf('stream'); at >= 0 && budget > 0; at = pdf.indexOf('stream', at + 6)) {
        let start = at + 6;
        if (pdf[start] === 0x0d)
            start++;
        if (pdf[start] === 0x0a)
            start++;
        const end = pdf.indexOf('endstream', start);
        if (end < 0)
            break;
        try {
            const inflated = node_zlib_1.default.inflateSync(pdf.subarray(start, end), { maxOutputLength: budget });
            budget -= inflated.length;
            const found = ACTIVE.exec(inflated.toString('latin1'));
            if (found)
                return found;
        }
        catch {
            // Not a Flate stream (an image, a font), or over the budget: nothing to read here.
        }
        at = end;
    }
    return null;
}
//# sourceMappingURL=attachment-types.js.map