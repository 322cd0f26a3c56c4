"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readInvoiceFile = readInvoiceFile;
const detect_1 = require("../detect");
const facturx_1 = require("../facturx");
const parse_1 = require("../parse");
const xml_1 = require("../xml");
const findings_1 = require("./findings");
/**
 * Reads any deposited file into the EN 16931 model: a UBL or CII XML directly, a PDF through its
 * embedded Factur-X/ZUGFeRD XML. Never throws: every failure, typed or not, becomes one finding,
 * because a file a reader chokes on must be rejected, not retried.
 */
async function readInvoiceFile(bytes, limits) {
    const detected = (0, detect_1.detectFormat)(bytes);
    if (detected === 'unknown' && !looksLikeXml(bytes)) {
        return unreadable(detected, 'NOT_AN_INVOICE: neither a PDF nor an XML document');
    }
    let xmlBytes = bytes;
    let pdf;
    try {
        if (detected === 'pdf') {
            const { xml, ...facts } = await (0, facturx_1.extractFacturX)(bytes);
            xmlBytes = xml;
            pdf = facts;
        }
        // An ISO-8859-1 / windows-1252 invoice is read, and schema-checked, as the UTF-8 it converts to.
        xmlBytes = (0, xml_1.utf8XmlBytes)(xmlBytes);
        const parsed = (0, parse_1.parseInvoice)(xmlBytes, limits);
        const reportedFormat = detected === 'pdf' ? 'facturx' : parsed.format;
        return { ...parsed, readable: true, reportedFormat, xmlBytes, pdf };
    }
    catch (err) {
        const where = err instanceof xml_1.XmlError && err.line ? `line ${err.line}` : undefined;
        const inPdf = detected === 'pdf' && pdf ? ` (in embedded ${pdf.filename})` : '';
        return unreadable(detected, `${(0, findings_1.errorCode)(err)}: ${(0, findings_1.errorMessage)(err)}${inPdf}`, where);
    }
}
function unreadable(format, message, location) {
    return {
        readable: false,
        reportedFormat: format,
        finding: (0, findings_1.fatal)(findings_1.CHECK_RULES.unreadable, message, location),
    };
}
/** Lets the XML parser explain what is wrong with XML-ish bytes, instead of a bare "unknown". */
function looksLikeXml(bytes) {
    const head = Buffer.from(bytes.subarray(0, 512))
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    return /^\s*</.test(head) || bytes[0] === 0xff || bytes[0] === 0xfe;
}
//# sourceMappingURL=read.js.map