"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseInvoice = parseInvoice;
const xml_1 = require("./xml");
const detect_1 = require("./detect");
const errors_1 = require("./errors");
const read_1 = require("./ubl/read");
const read_2 = require("./cii/read");
const profile_1 = require("./cii/profile");
/**
 * Reads UBL 2.1 (Invoice, CreditNote) or CII D16B bytes into the EN 16931 model. A PDF is refused with
 * PDF_NEEDS_EXTRACTION: Factur-X/ZUGFeRD PDFs must first go through the Factur-X extractor
 * (invoice/facturx/extract.ts), whose embedded XML is then given here. Throws only XmlError (bad XML)
 * or InvoiceFormatError (not an invoice, unsupported syntax). The XML limits (depth, elements, lines…)
 * are checked while the XML is read, before any of the model is built.
 */
function parseInvoice(bytes, limits = xml_1.DEFAULT_XML_LIMITS) {
    const format = (0, detect_1.detectFormat)(bytes);
    if (format === 'pdf') {
        throw new errors_1.InvoiceFormatError('PDF_NEEDS_EXTRACTION', 'a PDF must go through the Factur-X extractor first');
    }
    const xml = (0, xml_1.parseXml)(bytes, limits);
    if (format === 'ubl-invoice' || format === 'ubl-creditnote')
        return { format, invoice: (0, read_1.readUbl)(xml), xml };
    if (format === 'cii') {
        const invoice = (0, read_2.readCii)(xml);
        const profile = (0, profile_1.profileOfGuideline)(invoice.specificationId);
        return profile ? { format, profile, invoice, xml } : { format, invoice, xml };
    }
    throw new errors_1.InvoiceFormatError('UNSUPPORTED_FORMAT', `root element {${xml.ns}}${xml.name} is neither UBL 2.1 Invoice/CreditNote nor CII D16B CrossIndustryInvoice`);
}
//# sourceMappingURL=parse.js.map