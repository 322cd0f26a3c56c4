"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.XmlBudget = exports.XmlError = exports.DEFAULT_XML_LIMITS = void 0;
exports.isLimitError = isLimitError;
exports.parseXml = parseXml;
exports.parseWithSaxes = parseWithSaxes;
exports.decodeXmlBytes = decodeXmlBytes;
exports.declaredEncoding = declaredEncoding;
exports.utf8XmlBytes = utf8XmlBytes;
exports.children = children;
exports.child = child;
exports.at = at;
exports.textAt = textAt;
exports.locationOf = locationOf;
const saxes_1 = require("saxes");
const xml_fast_1 = require("./xml-fast");
/**
 * Limits for any XML the platform reads. The counts leave room for the largest real invoices (the
 * platform's 9,999 lines, a 10 MB attachment embedded in base64) and bound the tree built from one
 * document to a few hundred megabytes.
 */
exports.DEFAULT_XML_LIMITS = {
    maxBytes: 50 * 1024 * 1024,
    maxDepth: 64,
    maxElements: 1_000_000,
    maxAttributes: 256,
    maxTextChars: 16 * 1024 * 1024,
    maxLines: 9999,
};
/** The local names of an invoice line in UBL 2.1 and CII D16B. */
const LINE_ELEMENTS = new Set(['InvoiceLine', 'CreditNoteLine', 'IncludedSupplyChainTradeLineItem']);
class XmlError extends Error {
    code;
    line;
    limit;
    constructor(code, message, line, 
    /** For a limit hit, the limit that was reached. */
    limit) {
        super(message);
        this.code = code;
        this.line = line;
        this.limit = limit;
        this.name = 'XmlError';
    }
}
exports.XmlError = XmlError;
/** Whether the error is a limit hit rather than broken XML. */
function isLimitError(err) {
    return LIMIT_CODES.has(err.code);
}
const LIMIT_CODES = new Set([
    'XML_TOO_LARGE',
    'XML_TOO_DEEP',
    'XML_TOO_MANY_ELEMENTS',
    'XML_TOO_MANY_ATTRIBUTES',
    'XML_TEXT_TOO_LARGE',
    'INVOICE_TOO_MANY_LINES',
]);
/**
 * Counts what a document holds as it is read, and throws at the first limit reached, so a hostile
 * document costs no more than the part of it that fits in the limits.
 */
class XmlBudget {
    elements = 0;
    lines = 0;
    limits;
    constructor(limits) {
        this.limits = { ...exports.DEFAULT_XML_LIMITS, ...limits };
    }
    /** A start tag at `depth` (the root is 1). */
    element(depth, local, line) {
        const { maxDepth, maxElements, maxLines } = this.limits;
        if (depth > maxDepth)
            throw limitHit('XML_TOO_DEEP', `XML nesting deeper than ${maxDepth} levels`, maxDepth, line);
        if (++this.elements > maxElements)
            throw limitHit('XML_TOO_MANY_ELEMENTS', `XML document with more than ${maxElements} elements`, maxElements, line);
        if (LINE_ELEMENTS.has(local) && ++this.lines > maxLines)
            throw limitHit('INVOICE_TOO_MANY_LINES', `invoice with more than ${maxLines} lines`, maxLines, line);
    }
    /** The start tag being read has `count` attributes so far. */
    attributes(count, line) {
        const { maxAttributes } = this.limits;
        if (count > maxAttributes)
            throw limitHit('XML_TOO_MANY_ATTRIBUTES', `XML element with more than ${maxAttributes} attributes`, maxAttributes, line);
    }
    /** The character data of one element has grown to `length`. */
    text(length, line) {
        const { maxTextChars } = this.limits;
        if (length > maxTextChars)
            throw limitHit('XML_TEXT_TOO_LARGE', `XML element text longer than ${maxTextChars} characters`, maxTextChars, line);
    }
}
exports.XmlBudget = XmlBudget;
function limitHit(code, message, limit, line) {
    return new XmlError(code, `${message} (limit ${limit})`, line, limit);
}
function parseXml(input, limits = exports.DEFAULT_XML_LIMITS) {
    const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
    const maxBytes = limits.maxBytes;
    if (size > maxBytes) {
        throw limitHit('XML_TOO_LARGE', `XML document of ${size} bytes, larger than allowed`, maxBytes);
    }
    const text = typeof input === 'string' ? input : decodeXmlBytes(input);
    const common = (0, xml_fast_1.parseCommonXml)(text, new XmlBudget(limits));
    if (common)
        return common;
    return parseWithSaxes(text, limits);
}
/** The reference parser: any document, with saxes' well-formedness errors and line numbers. */
function parseWithSaxes(text, limits = exports.DEFAULT_XML_LIMITS) {
    const parser = new saxes_1.SaxesParser({ xmlns: true, position: true });
    const budget = new XmlBudget(limits);
    const stack = [];
    let root;
    let failure;
    const fail = (err) => {
        failure ??= err;
    };
    let attributes = 0;
    const appendText = (t) => {
        const top = stack[stack.length - 1];
        if (!top)
            return;
        top.text += t;
        budget.text(top.text.length, parser.line);
    };
    parser.on('doctype', () => {
        fail(new XmlError('XML_DTD_FORBIDDEN', 'DOCTYPE declarations are not accepted in invoices', parser.line));
    });
    // Limits throw from the handlers: saxes lets the exception out, and parsing stops there.
    parser.on('opentagstart', (tag) => {
        attributes = 0;
        if (stack.length >= budget.limits.maxDepth)
            budget.element(stack.length + 1, tag.name, parser.line);
    });
    parser.on('attribute', () => {
        budget.attributes(++attributes, parser.line);
    });
    parser.on('opentag', (tag) => {
        budget.element(stack.length + 1, tag.local ?? tag.name, parser.line);
        const attrs = {};
        for (const [qname, attr] of Object.entries(tag.attributes)) {
            const a = attr;
            if (a.prefix === 'xmlns' || qname === 'xmlns')
                continue;
            attrs[qname] = a.value;
        }
        const el = {
            ns: tag.uri ?? '',
            name: tag.local ?? tag.name,
            qname: tag.name,
            attrs,
            children: [],
            text: '',
            parent: stack[stack.length - 1],
            line: parser.line,
        };
        if (el.parent)
            el.parent.children.push(el);
        else
            root = el;
        stack.push(el);
    });
    parser.on('closetag', () => {
        stack.pop();
    });
    parser.on('text', appendText);
    parser.on('cdata', appendText);
    parser.on('error', (err) => {
        fail(new XmlError('XML_NOT_WELL_FORMED', `XML is not well-formed: ${err.message}`, parser.line));
    });
    try {
        parser.write(text).close();
    }
    catch (err) {
        if (err instanceof XmlError)
            throw failure ?? err;
        fail(new XmlError('XML_NOT_WELL_FORMED', `XML is not well-formed: ${err.message}`, parser.line));
    }
    if (failure)
        throw failure;
    if (!root)
        throw new XmlError('XML_EMPTY', 'no XML root element found');
    return root;
}
// Decoders hold no state between whole-buffer decode() calls, and creating one costs more than a
// small invoice's decoding. Node's 'latin1' decoder reads ISO-8859-1 (not the windows-1252 the label
// means in the Encoding Standard), which is what sniffing a declaration needs.
const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Characters of windows-1252 bytes 0x80–0x9F (the Encoding Standard's index); undefined bytes stay C1. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';
const C1 = /[\x80-\x9f]/;
const C1_ALL = /[\x80-\x9f]/g;
/**
 * windows-1252, the encoding the Encoding Standard also gives to documents labelled ISO-8859-1:
 * invoices so labelled carry € as 0x80, and ISO-8859-1's own 0x80–0x9F are control characters no
 * invoice holds.
 */
function decodeWindows1252(bytes) {
    const text = LATIN1.decode(bytes);
    return C1.test(text) ? text.replace(C1_ALL, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : text;
}
/** The single-byte encodings of invoices in the wild, converted on reading; any other is refused. */
const WINDOWS_1252 = /^(iso[-_]?8859[-_]1|iso[-_]latin[-_]1|latin-?1|l1|cp819|ibm819|windows-1252|cp1252|x-cp1252|us-ascii|ascii)$/i;
const XML_ENCODING = /^<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/;
/**
 * Decodes bytes as UTF-8 (BOM tolerated), UTF-16 by BOM, or ISO-8859-1 / windows-1252 / US-ASCII as
 * declared; any other declared encoding is refused with XML_ENCODING_UNSUPPORTED naming it.
 */
function decodeXmlBytes(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const declared = declaredEncoding(bytes.subarray(start));
    if (declared && !/^utf-?8$/i.test(declared)) {
        if (WINDOWS_1252.test(declared))
            return decodeWindows1252(bytes.subarray(start));
        throw new XmlError('XML_ENCODING_UNSUPPORTED', `unsupported XML encoding "${declared}" (UTF-8, UTF-16, ISO-8859-1 or windows-1252 expected)`, 1);
    }
    try {
        return UTF8.decode(bytes.subarray(start));
    }
    catch {
        throw new XmlError('XML_NOT_WELL_FORMED', 'XML bytes are not valid UTF-8', 1);
    }
}
/** The encoding named by the XML declaration, when there is one. */
function declaredEncoding(bytes) {
    return XML_ENCODING.exec(LATIN1.decode(bytes.subarray(0, 200)))?.[1];
}
/**
 * The same document as UTF-8 bytes, its declaration saying so: what the XML tools downstream (the
 * schema validator) read, whatever encoding the invoice came in. UTF-8 bytes are returned as they are.
 */
function utf8XmlBytes(bytes) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const declared = utf16 ? 'UTF-16' : declaredEncoding(bytes);
    if (!declared || /^utf-?8$/i.test(declared))
        return bytes;
    const text = decodeXmlBytes(bytes).replace(XML_ENCODING, (decl, name) => decl.slice(0, decl.length - name.length - 1) + 'UTF-8' + decl.slice(-1));
    return Buffer.from(text, 'utf8');
}
/** Child elements with this local name (any namespace unless given). */
function children(el, name, ns) {
    if (!el)
        return [];
    return el.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns));
}
/** First child element with this local name. */
function child(el, name, ns) {
    return el?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}
/** Follows a path of local names (first match at each step). */
function at(el, ...names) {
    let cur = el;
    for (const n of names)
        cur = child(cur, n);
    return cur;
}
/** Trimmed text of the element at the path, or undefined when absent. */
function textAt(el, ...names) {
    const found = at(el, ...names);
    return found ? found.text.trim() : undefined;
}
/** An XPath-like location for findings, e.g. /Invoice/cac:AccountingSupplierParty[1]. */
function locationOf(el) {
    const parts = [];
    for (let cur = el; cur; cur = cur.parent) {
        const siblings = cur.parent ? cur.parent.children.filter((c) => c.qname === cur.qname) : [cur];
        const index = siblings.length > 1 ? `[${siblings.indexOf(cur) + 1}]` : '';
        parts.unshift(cur.qname + index);
    }
    return '/' + parts.join('/');
}
//# sourceMappingURL=xml.js.map