"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerCodeListDocument = registerCodeListDocument;
exports.codeListDocument = codeListDocument;
const values_1 = require("./values");
/**
 * The documents rules may read with `document(name)`: the Factur-X code lists, which the published
 * Schematron looks up as `document('…_codedb.xml')/codedb/cl[@id=N]/enumeration[@value=$code]`. They
 * are kept as data and rebuilt here into the same tree, so those tests run exactly as written.
 */
const documents = new Map();
function registerCodeListDocument(name, lists) {
    if (documents.has(name))
        return;
    const element = (local, attrs, parent) => {
        const el = {
            ns: '',
            name: local,
            qname: local,
            attrs,
            children: [],
            text: '',
            parent,
            line: 0,
        };
        parent?.children.push(el);
        return el;
    };
    const root = element('codedb', {});
    for (const [id, values] of Object.entries(lists)) {
        const cl = element('cl', { id }, root);
        for (const value of values)
            element('enumeration', { value }, cl);
    }
    documents.set(name, new values_1.DocNode(root));
}
function codeListDocument(name) {
    const doc = documents.get(name);
    if (!doc)
        throw new values_1.XPathError(`document('${name}') is not available`);
    return doc;
}
//# sourceMappingURL=documents.js.map