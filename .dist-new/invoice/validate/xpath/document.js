"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.elementNameId = elementNameId;
exports.attributeNameId = attributeNameId;
exports.memoSlot = memoSlot;
exports.predicateSlot = predicateSlot;
exports.xpathDocument = xpathDocument;
exports.elementsNamed = elementsNamed;
exports.hasAttributeNamed = hasAttributeNamed;
const values_1 = require("./values");
// Names and paths are numbered at compile time, so per-document state is flat arrays rather than
// maps keyed by strings, which would hash and compare namespace URIs on every rule evaluation.
const elementIds = new Map();
let elementCount = 0;
const attributeIds = new Map();
const memoSlots = new Map();
const predicateSlots = new Map();
function elementNameId(ns, local) {
    let locals = elementIds.get(ns);
    if (!locals)
        elementIds.set(ns, (locals = new Map()));
    let id = locals.get(local);
    if (id === undefined)
        locals.set(local, (id = elementCount++));
    return id;
}
/** Attributes are matched by their name as written (the rules only test unprefixed ones). */
function attributeNameId(qname) {
    let id = attributeIds.get(qname);
    if (id === undefined)
        attributeIds.set(qname, (id = attributeIds.size));
    return id;
}
/** One slot per distinct absolute path text, so rules sharing a path share its result. */
function memoSlot(key) {
    let slot = memoSlots.get(key);
    if (slot === undefined)
        memoSlots.set(key, (slot = memoSlots.size));
    return slot;
}
/** One slot per distinct predicate (its text and namespaces), so rules repeating one share its answers. */
function predicateSlot(key) {
    let slot = predicateSlots.get(key);
    if (slot === undefined)
        predicateSlots.set(key, (slot = predicateSlots.size));
    return slot;
}
function xpathDocument(root) {
    const order = new Map();
    const named = new Array(elementCount);
    const attributes = new Uint8Array(attributeIds.size);
    let count = 0;
    // Elements mostly share a few namespace strings: remember the last one's names.
    let lastNs;
    let locals;
    const walk = (el) => {
        for (const a in el.attrs) {
            const id = attributeIds.get(a);
            if (id !== undefined)
                attributes[id] = 1;
        }
        order.set(el, ++count);
        if (el.ns !== lastNs) {
            lastNs = el.ns;
            locals = elementIds.get(el.ns);
        }
        const id = locals?.get(el.name);
        if (id !== undefined) {
            const list = named[id];
            if (list)
                list.push(el);
            else
                named[id] = [el];
        }
        const children = el.children;
        for (let i = 0; i < children.length; i++)
            walk(children[i]);
    };
    walk(root);
    return {
        doc: new values_1.DocNode(root),
        order,
        named,
        attributes,
        memo: new Array(memoSlots.size),
        predicates: new Array(predicateSlots.size),
        indexed: { elements: elementCount, attributes: attributeIds.size },
    };
}
/** Elements of a name id in document order, or undefined when the document has none. */
function elementsNamed(document, id) {
    if (id < document.indexed.elements)
        return document.named[id];
    for (const [ns, locals] of elementIds) {
        for (const [local, other] of locals) {
            if (other !== id)
                continue;
            const found = [...document.order.keys()].filter((el) => el.ns === ns && el.name === local);
            return found.length ? found : undefined;
        }
    }
    return undefined;
}
function hasAttributeNamed(document, id) {
    if (id < document.indexed.attributes)
        return document.attributes[id] === 1;
    const qname = [...attributeIds].find(([, other]) => other === id)?.[0];
    return [...document.order.keys()].some((el) => qname !== undefined && qname in el.attrs);
}
//# sourceMappingURL=document.js.map