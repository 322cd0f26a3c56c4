"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readXmp = readXmp;
const xml_1 = require("../xml");
const PDFAID_NS = 'http://www.aiim.org/pdfa/ns/id/';
/** Factur-X 1.0, ZUGFeRD 2.0/2.1 and ZUGFeRD 1.0 extension namespaces all share this shape. */
const INVOICE_SCHEMA_NS = /^urn:(factur-x|zugferd|ferd):pdfa:CrossIndustryDocument:/;
/**
 * Reads PDF/A identification and the invoice conformance level. XMP properties may be written as
 * elements or as attributes of rdf:Description; both are accepted. XMP is advisory here: an unreadable
 * packet yields no facts and a message rather than a failure, because the embedded XML remains the authority.
 */
function readXmp(packet) {
    let root;
    try {
        root = (0, xml_1.parseXml)(packet);
    }
    catch (err) {
        return { error: `XMP metadata is not well-formed XML: ${err.message}` };
    }
    // The tree keeps attribute qnames but not xmlns declarations, so prefixes are resolved from the text.
    const prefixes = declaredPrefixes(Buffer.from(packet).toString('utf8'));
    const part = property(root, prefixes, (ns) => ns === PDFAID_NS, 'part');
    const conformance = property(root, prefixes, (ns) => ns === PDFAID_NS, 'conformance');
    const level = property(root, prefixes, (ns) => INVOICE_SCHEMA_NS.test(ns), 'ConformanceLevel');
    const facts = {};
    if (part && /^\d+$/.test(part))
        facts.pdfa = { part: Number(part), conformance: (conformance ?? '').toUpperCase() };
    if (level)
        facts.conformanceLevel = level;
    return facts;
}
function declaredPrefixes(text) {
    const map = new Map();
    for (const m of text.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g))
        map.set(m[1], m[2]);
    return map;
}
function property(root, prefixes, nsMatches, local) {
    const stack = [root];
    while (stack.length) {
        const el = stack.pop();
        if (el.name === local && nsMatches(el.ns) && el.children.length === 0)
            return el.text.trim();
        if (el.name === 'Description') {
            for (const [qname, value] of Object.entries(el.attrs)) {
                const [prefix, name] = qname.split(':');
                if (name === local && nsMatches(prefixes.get(prefix) ?? ''))
                    return value.trim();
            }
        }
        stack.push(...[...el.children].reverse());
    }
    return undefined;
}
//# sourceMappingURL=xmp-read.js.map