"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FACTURX_FILENAME = void 0;
exports.toFacturX = toFacturX;
const pdf_lib_1 = require("pdf-lib");
const write_1 = require("../cii/write");
const render_1 = require("../pdf/render");
const format_1 = require("../pdf/format");
const xml_1 = require("../xml");
const pdfa_1 = require("./pdfa");
const profiles_1 = require("./profiles");
const write_error_1 = require("./write-error");
const xmp_write_1 = require("./xmp-write");
exports.FACTURX_FILENAME = 'factur-x.xml';
/** Checks the XML is a CII invoice written for the profile we are about to declare in the XMP. */
function checkCii(xml, profile) {
    let root;
    try {
        root = (0, xml_1.parseXml)(xml);
    }
    catch (err) {
        throw new write_error_1.FacturXWriteError('FACTURX_CII_NOT_INVOICE', `the CII to embed is not readable XML: ${err.message}`);
    }
    if (root.name !== 'CrossIndustryInvoice') {
        throw new write_error_1.FacturXWriteError('FACTURX_CII_NOT_INVOICE', `the XML to embed has root ${root.name}, not CrossIndustryInvoice`);
    }
    const guideline = (0, xml_1.textAt)(root, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID');
    if (guideline !== (0, profiles_1.profileFacts)(profile).guidelineId) {
        throw new write_error_1.FacturXWriteError('FACTURX_PROFILE_MISMATCH', `profile ${profile} needs BT-24 "${(0, profiles_1.profileFacts)(profile).guidelineId}", the CII has "${guideline ?? ''}"`);
    }
}
/**
 * A Factur-X 1.0 PDF/A-3b: the French rendering of the invoice with its CII embedded as factur-x.xml,
 * declared in the catalog's /AF with the relationship the profile calls for (see profileFacts).
 */
async function toFacturX(invoice, options) {
    const { profile } = options;
    const cii = options.cii ?? (0, write_1.toCii)(invoice, profile);
    const xml = typeof cii === 'string' ? Buffer.from(cii, 'utf8') : cii;
    checkCii(xml, profile);
    const date = options.date ?? new Date();
    const doc = await pdf_lib_1.PDFDocument.create({ updateMetadata: false });
    (0, render_1.setDocumentInfo)(doc, invoice, date);
    await (0, render_1.renderInvoice)(doc, invoice);
    embedInvoiceXml(doc, xml, (0, profiles_1.profileFacts)(profile).relationship, date);
    const xmp = (0, xmp_write_1.facturXXmp)({
        title: (0, render_1.pdfTitle)(invoice),
        author: invoice.seller.name,
        subject: `${(0, format_1.documentTitle)(invoice)} ${invoice.number}`,
        creatorTool: render_1.PRODUCER,
        producer: render_1.PRODUCER,
        date,
        conformanceLevel: (0, profiles_1.profileFacts)(profile).conformanceLevel,
        documentFileName: exports.FACTURX_FILENAME,
    });
    (0, pdfa_1.addPdfAParts)(doc, xmp, `${invoice.seller.name ?? ''}|${invoice.number}|${date.toISOString()}`);
    // Classic cross-reference tables: allowed by PDF/A-3 either way, and readable by every older validator.
    return doc.save({ useObjectStreams: false });
}
function embedInvoiceXml(doc, xml, relationship, date) {
    const { context, catalog } = doc;
    const stream = context.flateStream(xml, {
        Type: 'EmbeddedFile',
        // Serialised as /text#2Fxml, the escaped form the Factur-X specification shows.
        Subtype: 'text/xml',
        Params: { Size: xml.byteLength, ModDate: pdf_lib_1.PDFString.fromDate(date) },
    });
    const streamRef = context.register(stream);
    const spec = context.register(context.obj({
        Type: 'Filespec',
        F: pdf_lib_1.PDFString.of(exports.FACTURX_FILENAME),
        UF: pdf_lib_1.PDFHexString.fromText(exports.FACTURX_FILENAME),
        Desc: pdf_lib_1.PDFString.of('Factur-X invoice'),
        AFRelationship: relationship,
        EF: { F: streamRef, UF: streamRef },
    }));
    catalog.set(pdf_lib_1.PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: [pdf_lib_1.PDFString.of(exports.FACTURX_FILENAME), spec] } }));
    catalog.set(pdf_lib_1.PDFName.of('AF'), context.obj([spec]));
}
//# sourceMappingURL=write.js.map