"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.leaf = leaf;
exports.node = node;
exports.always = always;
exports.when = when;
exports.withAttrs = withAttrs;
exports.serializeXml = serializeXml;
function attrList(attrs) {
    return Object.entries(attrs).filter((e) => e[1] !== undefined);
}
/** A text element, or undefined when the value is absent. */
function leaf(name, value, attrs = {}) {
    return value === undefined ? undefined : { name, attrs: attrList(attrs), text: value, children: [] };
}
/** An element with children, or undefined when none of them is present. */
function node(name, ...children) {
    const kids = children.flat(Infinity).filter((c) => c !== undefined);
    return kids.length ? { name, attrs: [], children: kids } : undefined;
}
/** An element written even when all its children are absent (mandatory in the schema). */
function always(name, ...children) {
    return node(name, ...children) ?? { name, attrs: [], children: [] };
}
/** Present (possibly empty) when `present` is true, whatever its children. */
function when(present, name, ...children) {
    return present ? always(name, ...children) : undefined;
}
function withAttrs(el, attrs) {
    if (el)
        el.attrs.push(...attrList(attrs));
    return el;
}
function escapeText(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
function escapeAttr(s) {
    return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
/** Serialises with two-space indentation; namespace declarations go on the root element. */
function serializeXml(root, namespaces) {
    const decls = Object.entries(namespaces).map(([prefix, uri]) => [
        prefix ? `xmlns:${prefix}` : 'xmlns',
        uri,
    ]);
    const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
    const write = (el, depth, extra) => {
        const pad = '  '.repeat(depth);
        const attrs = [...extra, ...el.attrs].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
        if (el.children.length) {
            out.push(`${pad}<${el.name}${attrs}>\n`);
            for (const c of el.children)
                write(c, depth + 1, []);
            out.push(`${pad}</${el.name}>\n`);
        }
        else if (el.text) {
            out.push(`${pad}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>\n`);
        }
        else {
            out.push(`${pad}<${el.name}${attrs}/>\n`);
        }
    };
    write(root, 0, decls);
    return out.join('');
}
//# sourceMappingURL=xml-write.js.map