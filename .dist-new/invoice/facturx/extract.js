"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_EXTRACT_LIMITS = void 0;
exports.extractFacturX = extractFacturX;
const pdf_lib_1 = require("pdf-lib");
const xml_1 = require("../xml");
const pdf_error_1 = require("./pdf-error");
const pdf_objects_1 = require("./pdf-objects");
const xmp_read_1 = require("./xmp-read");
/** Chorus Pro accepts at most 120 MB for an invoice with its attachments. */
exports.DEFAULT_EXTRACT_LIMITS = {
    maxPdfBytes: 120 * 1024 * 1024,
    maxStreamBytes: 50 * 1024 * 1024,
};
/**
 * Names used by Factur-X 1.0, ZUGFeRD 2.x, XRechnung-in-PDF and ZUGFeRD 1.0, best first. When a PDF
 * carries several (e.g. a ZUGFeRD 1 and a Factur-X file), the current standard's name wins.
 */
const INVOICE_FILENAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];
const CII_ROOTS = new Set(['CrossIndustryInvoice', 'CrossIndustryDocument']);
/** Finds and returns the invoice XML embedded in a Factur-X / ZUGFeRD PDF, with the PDF's facts. */
async function extractFacturX(bytes, limits = exports.DEFAULT_EXTRACT_LIMITS) {
    if (bytes.byteLength > limits.maxPdfBytes) {
        throw new pdf_error_1.PdfError('PDF_TOO_LARGE', `PDF of ${bytes.byteLength} bytes exceeds the limit of ${limits.maxPdfBytes}`);
    }
    const doc = await loadPdf(bytes);
    const catalog = doc.catalog;
    const files = embeddedFiles(catalog);
    const invoice = chooseInvoiceFile(files, limits);
    const metadata = (0, pdf_objects_1.streamAt)(catalog, 'Metadata');
    const xmp = metadata ? (0, xmp_read_1.readXmp)((0, pdf_objects_1.decodeStream)(metadata, limits.maxStreamBytes)) : {};
    return {
        xml: invoice.xml,
        filename: invoice.file.filename,
        relationship: (0, pdf_objects_1.nameAt)(invoice.file.spec, 'AFRelationship'),
        profile: xmp.conformanceLevel,
        pdfa: xmp.pdfa,
        xmpError: xmp.error,
        attachments: files.map((f) => describe(f, limits)),
    };
}
async function loadPdf(bytes) {
    const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
    if (!head.includes('%PDF-'))
        throw new pdf_error_1.PdfError('PDF_UNREADABLE', 'not a PDF file (no %PDF- header)');
    // A file cut short loses its trailer and %%EOF; say so rather than a vague parse error.
    const truncated = !Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 2048))).includes('%%EOF');
    let doc;
    try {
        doc = await pdf_lib_1.PDFDocument.load(bytes, {
            ignoreEncryption: true,
            updateMetadata: false,
            throwOnInvalidObject: false,
        });
    }
    catch (err) {
        throw unreadable(truncated, err.message);
    }
    if (doc.isEncrypted)
        throw new pdf_error_1.PdfError('PDF_ENCRYPTED', 'encrypted PDFs are not accepted');
    if (!(doc.context.lookup(doc.context.trailerInfo.Root) instanceof pdf_lib_1.PDFDict)) {
        throw unreadable(truncated, 'no document catalog');
    }
    return doc;
}
function unreadable(truncated, detail) {
    return truncated
        ? new pdf_error_1.PdfError('PDF_TRUNCATED', `PDF is truncated (no %%EOF marker): ${detail}`)
        : new pdf_error_1.PdfError('PDF_UNREADABLE', `PDF cannot be read: ${detail}`);
}
/** File specifications from the EmbeddedFiles name tree and the catalog's /AF, without duplicates. */
function embeddedFiles(catalog) {
    const out = [];
    const seen = new Set();
    const add = (spec, key) => {
        if (!(spec instanceof pdf_lib_1.PDFDict) || seen.has(spec))
            return;
        if (!(0, pdf_objects_1.streamAt)((0, pdf_objects_1.dictAt)(spec, 'EF'), 'F') && !(0, pdf_objects_1.streamAt)((0, pdf_objects_1.dictAt)(spec, 'EF'), 'UF'))
            return;
        seen.add(spec);
        out.push({ filename: (0, pdf_objects_1.textAtKey)(spec, 'UF') ?? (0, pdf_objects_1.textAtKey)(spec, 'F') ?? key ?? '', spec });
    };
    for (const { key, value } of (0, pdf_objects_1.nameTreeValues)((0, pdf_objects_1.dictAt)((0, pdf_objects_1.dictAt)(catalog, 'Names'), 'EmbeddedFiles')))
        add(value, key);
    const af = (0, pdf_objects_1.arrayAt)(catalog, 'AF');
    for (let i = 0; af && i < af.size(); i++)
        add(af.lookup(i));
    return out;
}
function fileStream(file) {
    const ef = (0, pdf_objects_1.dictAt)(file.spec, 'EF');
    return ((0, pdf_objects_1.streamAt)(ef, 'UF') ?? (0, pdf_objects_1.streamAt)(ef, 'F'));
}
function chooseInvoiceFile(files, limits) {
    for (const name of INVOICE_FILENAMES) {
        const file = files.find((f) => f.filename.toLowerCase() === name);
        // A well-known name is trusted without parsing: a malformed invoice XML must reach the XML
        // reader so that the depositor gets the XML error, not "no invoice found".
        if (file)
            return { file, xml: (0, pdf_objects_1.decodeStream)(fileStream(file), limits.maxStreamBytes) };
    }
    const candidates = [];
    for (const file of files) {
        if (!/\.xml$/i.test(file.filename) && !/xml/.test(mimeTypeOf(file) ?? ''))
            continue;
        const xml = (0, pdf_objects_1.decodeStream)(fileStream(file), limits.maxStreamBytes);
        if (hasCiiRoot(xml))
            candidates.push({ file, xml });
    }
    if (candidates.length === 1)
        return candidates[0];
    const listed = files.map((f) => f.filename).join(', ') || 'none';
    throw new pdf_error_1.PdfError('PDF_NO_INVOICE_XML', candidates.length > 1
        ? `several embedded XML files look like invoices (${candidates.map((c) => c.file.filename).join(', ')}); none has a standard name`
        : `no embedded invoice XML found (embedded files: ${listed})`);
}
function hasCiiRoot(xml) {
    try {
        return CII_ROOTS.has((0, xml_1.parseXml)(xml).name);
    }
    catch {
        return false;
    }
}
function mimeTypeOf(file) {
    return (0, pdf_objects_1.nameAt)(fileStream(file).dict, 'Subtype');
}
function describe(file, limits) {
    const stream = fileStream(file);
    const declared = (0, pdf_objects_1.numberAt)((0, pdf_objects_1.dictAt)(stream.dict, 'Params'), 'Size');
    return {
        filename: file.filename,
        mimeType: mimeTypeOf(file),
        size: declared ?? (0, pdf_objects_1.decodeStream)(stream, limits.maxStreamBytes).byteLength,
    };
}
//# sourceMappingURL=extract.js.map