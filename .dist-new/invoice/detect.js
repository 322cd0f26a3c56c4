"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.detectFormat = detectFormat;
const xml_1 = require("./xml");
const namespaces_1 = require("./cii/namespaces");
const namespaces_2 = require("./ubl/namespaces");
const PDF_MAGIC = '%PDF-';
/** How far into the file the PDF header may start (PDF 1.7 §7.5.2 tolerates leading bytes; readers scan 1 KiB). */
const PDF_HEADER_WINDOW = 1024;
/** Enough bytes to hold the XML declaration, comments and the root start tag with its namespace declarations. */
const XML_SNIFF_BYTES = 64 * 1024;
/**
 * Tells the syntax of a file from its bytes alone: PDF by its header, XML by the root element's local
 * name and namespace. It never throws: unreadable or other XML is 'unknown'.
 */
function detectFormat(bytes) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, PDF_HEADER_WINDOW));
    if (head.includes(PDF_MAGIC))
        return 'pdf';
    const root = sniffRoot(bytes.subarray(0, XML_SNIFF_BYTES));
    if (!root)
        return 'unknown';
    if (root.local === 'Invoice' && root.ns === namespaces_2.UBL_NS.invoice)
        return 'ubl-invoice';
    if (root.local === 'CreditNote' && root.ns === namespaces_2.UBL_NS.creditNote)
        return 'ubl-creditnote';
    if (root.local === 'CrossIndustryInvoice' && root.ns === namespaces_1.CII_NS.rsm)
        return 'cii';
    return 'unknown';
}
/** Root element local name and namespace, read from the first start tag after prolog and comments. */
function sniffRoot(bytes) {
    let text;
    try {
        text = (0, xml_1.decodeXmlBytes)(bytes);
    }
    catch {
        // A cut in the middle of a multi-byte character fails strict UTF-8; the tag itself is ASCII.
        text = new TextDecoder('utf-8').decode(bytes);
    }
    const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
    const tag = /^\s*<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(body);
    if (!tag)
        return undefined;
    const [prefix, local] = tag[1].includes(':') ? tag[1].split(':') : ['', tag[1]];
    const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
    for (const m of tag[2].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (m[1] === nsAttr)
            return { local, ns: m[2] ?? m[3] };
    }
    return { local, ns: '' };
}
//# sourceMappingURL=detect.js.map