"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REVERSE_AXES = void 0;
exports.orderOf = orderOf;
exports.sameNode = sameNode;
exports.sortNodes = sortNodes;
exports.testMatcher = testMatcher;
exports.axisNodes = axisNodes;
const values_1 = require("./values");
function orderOf(node, document) {
    if (node instanceof values_1.DocNode)
        return 0;
    if (node instanceof values_1.AttrNode)
        return (document.order.get(node.parent) ?? 0) + 0.5;
    return document.order.get(node) ?? 0;
}
function sameNode(a, b) {
    if (a instanceof values_1.AttrNode && b instanceof values_1.AttrNode)
        return a.parent === b.parent && a.qname === b.qname;
    return a === b;
}
function sortNodes(nodes, document) {
    const sorted = [...nodes].sort((a, b) => orderOf(a, document) - orderOf(b, document));
    return sorted.filter((n, i) => i === 0 || !sameNode(n, sorted[i - 1]));
}
function testMatcher(test, ns, axis) {
    if (test.kind === 'node')
        return () => true;
    if (test.kind === 'any')
        return (n) => !(n instanceof values_1.DocNode);
    const uri = test.prefix ? ns[test.prefix] : '';
    if (uri === undefined)
        throw new values_1.XPathError(`undeclared namespace prefix "${test.prefix}"`);
    const local = test.local;
    if (axis === 'attribute') {
        return (n) => n instanceof values_1.AttrNode && (n.qname === local || n.qname.endsWith(`:${local}`)) && !test.prefix;
    }
    if (local === '*')
        return (n) => !(n instanceof values_1.DocNode) && !(n instanceof values_1.AttrNode) && n.ns === uri;
    return (n) => !(n instanceof values_1.DocNode) && !(n instanceof values_1.AttrNode) && n.name === local && n.ns === uri;
}
function axisNodes(axis, node, document) {
    if (!(0, values_1.isNode)(node))
        throw new values_1.XPathError('path step on an atomic value');
    const parentOf = (n) => n instanceof values_1.DocNode ? undefined : n instanceof values_1.AttrNode ? n.parent : (n.parent ?? document.doc);
    switch (axis) {
        case 'child':
            if (node instanceof values_1.DocNode)
                return [node.root];
            return node instanceof values_1.AttrNode ? [] : node.children;
        case 'attribute':
            if (node instanceof values_1.DocNode || node instanceof values_1.AttrNode)
                return [];
            return Object.entries(node.attrs).map(([q, v]) => new values_1.AttrNode(node, q, v));
        case 'self':
            return [node];
        case 'parent': {
            const p = parentOf(node);
            return p ? [p] : [];
        }
        case 'ancestor':
        case 'ancestor-or-self': {
            const out = axis === 'ancestor-or-self' ? [node] : [];
            for (let p = parentOf(node); p; p = parentOf(p))
                out.push(p);
            return out;
        }
        case 'descendant':
        case 'descendant-or-self': {
            const out = axis === 'descendant-or-self' ? [node] : [];
            const walk = (el) => {
                out.push(el);
                for (const c of el.children)
                    walk(c);
            };
            if (node instanceof values_1.DocNode)
                walk(node.root);
            else if (!(node instanceof values_1.AttrNode))
                for (const c of node.children)
                    walk(c);
            return out;
        }
        case 'preceding-sibling':
        case 'following-sibling': {
            if (node instanceof values_1.DocNode || node instanceof values_1.AttrNode || !node.parent)
                return [];
            const siblings = node.parent.children;
            const i = siblings.indexOf(node);
            return axis === 'preceding-sibling' ? siblings.slice(0, i).reverse() : siblings.slice(i + 1);
        }
        case 'preceding':
        case 'following': {
            // Element-only documents: everything before (after) in document order, minus ancestors (descendants).
            const self = node instanceof values_1.AttrNode ? node.parent : node;
            if (self instanceof values_1.DocNode)
                return [];
            const at = document.order.get(self) ?? 0;
            const ancestors = new Set();
            for (let p = self.parent; p; p = p.parent)
                ancestors.add(p);
            const out = [];
            for (const [el, order] of document.order) {
                if (axis === 'preceding' ? order < at && !ancestors.has(el) : order > at && !isAncestor(self, el))
                    out.push(el);
            }
            return axis === 'preceding' ? out.reverse() : out;
        }
    }
}
function isAncestor(ancestor, el) {
    for (let p = el.parent; p; p = p.parent)
        if (p === ancestor)
            return true;
    return false;
}
exports.REVERSE_AXES = new Set([
    'ancestor',
    'ancestor-or-self',
    'parent',
    'preceding',
    'preceding-sibling',
]);
//# sourceMappingURL=axes.js.map