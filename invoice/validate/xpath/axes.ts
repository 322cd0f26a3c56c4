/** The generic XPath axes over the element tree, for the steps the compiler does not specialise. */
import type { XmlElement } from '../../xml';
import type { Axis, NodeTest } from './ast';
import type { XPathDocument } from './document';
import { AttrNode, DocNode, isNode, type Item, type XNode, XPathError } from './values';

/** Namespace URIs by the prefixes the rules use. */
export type Namespaces = Record<string, string>;

export function orderOf(node: XNode, document: XPathDocument): number {
  if (node instanceof DocNode) return 0;
  if (node instanceof AttrNode) return (document.order.get(node.parent) ?? 0) + 0.5;
  return document.order.get(node) ?? 0;
}

export function sameNode(a: XNode, b: XNode): boolean {
  if (a instanceof AttrNode && b instanceof AttrNode) return a.parent === b.parent && a.qname === b.qname;
  return a === b;
}

export function sortNodes(nodes: XNode[], document: XPathDocument): XNode[] {
  const sorted = [...nodes].sort((a, b) => orderOf(a, document) - orderOf(b, document));
  return sorted.filter((n, i) => i === 0 || !sameNode(n, sorted[i - 1]));
}

export function testMatcher(test: NodeTest, ns: Namespaces, axis: Axis): (n: XNode) => boolean {
  if (test.kind === 'node') return () => true;
  if (test.kind === 'any') return (n) => !(n instanceof DocNode);
  const uri = test.prefix ? ns[test.prefix] : '';
  if (uri === undefined) throw new XPathError(`undeclared namespace prefix "${test.prefix}"`);
  const local = test.local;
  if (axis === 'attribute') {
    return (n) =>
      n instanceof AttrNode && (n.qname === local || n.qname.endsWith(`:${local}`)) && !test.prefix;
  }
  if (local === '*') return (n) => !(n instanceof DocNode) && !(n instanceof AttrNode) && n.ns === uri;
  return (n) => !(n instanceof DocNode) && !(n instanceof AttrNode) && n.name === local && n.ns === uri;
}

export function axisNodes(axis: Axis, node: Item, document: XPathDocument): XNode[] {
  if (!isNode(node)) throw new XPathError('path step on an atomic value');
  const parentOf = (n: XNode): XNode | undefined =>
    n instanceof DocNode ? undefined : n instanceof AttrNode ? n.parent : (n.parent ?? document.doc);
  switch (axis) {
    case 'child':
      if (node instanceof DocNode) return [node.root];
      return node instanceof AttrNode ? [] : node.children;
    case 'attribute':
      if (node instanceof DocNode || node instanceof AttrNode) return [];
      return Object.entries(node.attrs).map(([q, v]) => new AttrNode(node, q, v));
    case 'self':
      return [node];
    case 'parent': {
      const p = parentOf(node);
      return p ? [p] : [];
    }
    case 'ancestor':
    case 'ancestor-or-self': {
      const out: XNode[] = axis === 'ancestor-or-self' ? [node] : [];
      for (let p = parentOf(node); p; p = parentOf(p)) out.push(p);
      return out;
    }
    case 'descendant':
    case 'descendant-or-self': {
      const out: XNode[] = axis === 'descendant-or-self' ? [node] : [];
      const walk = (el: XmlElement) => {
        out.push(el);
        for (const c of el.children) walk(c);
      };
      if (node instanceof DocNode) walk(node.root);
      else if (!(node instanceof AttrNode)) for (const c of node.children) walk(c);
      return out;
    }
    case 'preceding-sibling':
    case 'following-sibling': {
      if (node instanceof DocNode || node instanceof AttrNode || !node.parent) return [];
      const siblings = node.parent.children;
      const i = siblings.indexOf(node);
      return axis === 'preceding-sibling' ? siblings.slice(0, i).reverse() : siblings.slice(i + 1);
    }
    case 'preceding':
    case 'following': {
      // Element-only documents: everything before (after) in document order, minus ancestors (descendants).
      const self = node instanceof AttrNode ? node.parent : node;
      if (self instanceof DocNode) return [];
      const at = document.order.get(self) ?? 0;
      const ancestors = new Set<XNode>();
      for (let p = self.parent; p; p = p.parent) ancestors.add(p);
      const out: XNode[] = [];
      for (const [el, order] of document.order) {
        if (axis === 'preceding' ? order < at && !ancestors.has(el) : order > at && !isAncestor(self, el))
          out.push(el);
      }
      return axis === 'preceding' ? out.reverse() : out;
    }
  }
}

function isAncestor(ancestor: XmlElement, el: XmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

export const REVERSE_AXES = new Set<Axis>([
  'ancestor',
  'ancestor-or-self',
  'parent',
  'preceding',
  'preceding-sibling',
]);
