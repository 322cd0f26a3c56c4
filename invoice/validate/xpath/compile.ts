import type { XmlElement } from '../../xml';
import type { Ast, Axis, NodeTest } from './ast';
import { FUNCTIONS, stringOf } from './functions';
import { arithmetic, generalCompare, negate, valueCompare } from './ops';
import { parseXPath } from './parser';
import {
  atomizeSeq,
  AttrNode,
  Dec,
  DocNode,
  ebv,
  isNode,
  Item,
  Seq,
  toBoolean,
  toDecimal,
  XNode,
  XPathError,
} from './values';

/**
 * Per-document evaluation state, built once per validation: document order, a by-name index that
 * turns `//name` into a lookup, and memoised results of absolute paths, which do not depend on the
 * context node and are shared by many rules.
 */
export interface XPathDocument {
  doc: DocNode;
  order: Map<XmlElement, number>;
  /** Document-order index of the last element inside each element's subtree. */
  end: Map<XmlElement, number>;
  byName: Map<string, XmlElement[]>;
  /** Every attribute name used anywhere in the document. */
  attrNames: Set<string>;
  all: XmlElement[];
  memo: Map<string, Seq>;
  /** Per compiled path (by its number): 1 when the document holds all names it needs, 2 when not. */
  present: number[];
}

export interface Ctx {
  item: Item;
  pos: number;
  size: number;
  vars: Record<string, Seq>;
  document: XPathDocument;
}

export type Compiled = (ctx: Ctx) => Seq;
export type Namespaces = Record<string, string>;

const nameKey = (ns: string, local: string) => `${ns} ${local}`;

export function xpathDocument(root: XmlElement): XPathDocument {
  const order = new Map<XmlElement, number>();
  const end = new Map<XmlElement, number>();
  const byName = new Map<string, XmlElement[]>();
  const all: XmlElement[] = [];
  const attrNames = new Set<string>();
  const walk = (el: XmlElement) => {
    all.push(el);
    for (const a in el.attrs) attrNames.add(a);
    order.set(el, all.length);
    const key = nameKey(el.ns, el.name);
    const list = byName.get(key);
    if (list) list.push(el);
    else byName.set(key, [el]);
    for (const c of el.children) walk(c);
    end.set(el, all.length);
  };
  walk(root);
  return {
    doc: new DocNode(root),
    order,
    end,
    byName,
    attrNames,
    all,
    memo: new Map(),
    present: [],
  };
}

function at(ctx: Ctx, item: Item, pos: number, size: number): Ctx {
  return { item, pos, size, vars: ctx.vars, document: ctx.document };
}

/** Elements named by the test below a node, from the document index (document order). */
function descendantsNamed(node: Item, test: NodeTest, ns: Namespaces, document: XPathDocument): XmlElement[] {
  if (test.kind !== 'name' || test.local === '*') throw new XPathError('indexed lookup needs a name');
  const list = document.byName.get(nameKey(test.prefix ? ns[test.prefix] : '', test.local)) ?? [];
  if (node instanceof DocNode) return list;
  if (!isNode(node) || node instanceof AttrNode) return [];
  const from = document.order.get(node) ?? 0;
  const to = document.end.get(node) ?? 0;
  return list.filter((el) => {
    const o = document.order.get(el) ?? 0;
    return o > from && o <= to;
  });
}

const BOOLEAN_FUNCTIONS = new Set([
  'not',
  'exists',
  'empty',
  'boolean',
  'true',
  'false',
  'contains',
  'starts-with',
  'ends-with',
  'matches',
]);

/** True when a predicate can only filter by truth, never select by position, so `//x[p]` may use an index. */
function nonPositional(pred: Ast): boolean {
  switch (pred.k) {
    case 'general':
    case 'value':
    case 'and':
    case 'or':
    case 'axis':
    case 'path':
    case 'union':
      return true;
    case 'call':
      return BOOLEAN_FUNCTIONS.has(pred.name);
    default:
      return false;
  }
}

function isDescendantOrSelfNode(step: Ast): boolean {
  return (
    step.k === 'axis' &&
    step.axis === 'descendant-or-self' &&
    step.test.kind === 'node' &&
    step.preds.length === 0
  );
}

/** A union of child steps, each free of positional predicates. */
function childUnion(ast: Ast): boolean {
  if (ast.k === 'union') return childUnion(ast.l) && childUnion(ast.r);
  return ast.k === 'axis' && ast.axis === 'child' && ast.preds.every(nonPositional);
}

function descendantUnion(ast: Ast): Ast {
  if (ast.k === 'union') return { k: 'union', l: descendantUnion(ast.l), r: descendantUnion(ast.r) };
  return ast.k === 'axis' ? { ...ast, axis: 'descendant' } : ast;
}

/** `descendant-or-self::node()/child::x[p]` is `descendant::x[p]` when p is not positional. */
function simplifySteps(steps: Ast[]): Ast[] {
  const out: Ast[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const next = steps[i + 1];
    if (
      s.k === 'axis' &&
      s.axis === 'descendant-or-self' &&
      s.test.kind === 'node' &&
      s.preds.length === 0 &&
      next?.k === 'axis' &&
      next.axis === 'child' &&
      next.preds.every(nonPositional)
    ) {
      out.push({ ...next, axis: 'descendant' });
      i++;
    } else if (isDescendantOrSelfNode(s) && next?.k === 'union' && childUnion(next)) {
      // `//(a|b)` (BR-CO-10's `//(cac:InvoiceLine|cac:CreditNoteLine)`) is `descendant::a | descendant::b`.
      out.push(descendantUnion(next));
      i++;
    } else out.push(s);
  }
  return out;
}

/**
 * Names a path can only produce results through: when the document holds no element (attribute)
 * of one of them, the path is empty whatever the context, which settles most "must not be present"
 * syntax rules without walking the tree.
 */
function requiredNames(steps: Ast[], ns: Namespaces): RequiredNames {
  const elements: string[] = [];
  const attributes: string[] = [];
  // Paths into another document (the code lists of `document()`) need names of that document.
  const first = steps[0];
  if (first.k === 'call' && first.name === 'document') return { id: pathCount++, elements, attributes };
  for (const step of steps) {
    if (step.k !== 'axis' || step.test.kind !== 'name' || step.test.local === '*') continue;
    if (step.axis === 'attribute') {
      if (!step.test.prefix) attributes.push(step.test.local);
    } else elements.push(nameKey(step.test.prefix ? ns[step.test.prefix] : '', step.test.local));
  }
  return { id: pathCount++, elements, attributes };
}

const EMPTY: Seq = [];

/** Numbers compiled paths, so each document answers `hasNames` once per path rather than per call. */
let pathCount = 0;

interface RequiredNames {
  id: number;
  elements: string[];
  attributes: string[];
}

function hasNames(required: RequiredNames, document: XPathDocument): boolean {
  const known = document.present[required.id];
  if (known !== undefined) return known === 1;
  let found = true;
  for (const key of required.elements) if (!document.byName.has(key)) found = false;
  for (const name of required.attributes) if (!document.attrNames.has(name)) found = false;
  document.present[required.id] = found ? 1 : 2;
  return found;
}

/** Applies path steps from index `from` on, in document order without duplicates as XPath requires. */
function applySteps(start: Seq, steps: Compiled[], from: number, ctx: Ctx): Seq {
  let cur = start;
  for (let s = from; s < steps.length; s++) {
    const size = cur.length;
    if (size === 0) return EMPTY;
    if (size === 1) {
      const item = cur[0];
      if (!isNode(item)) throw new XPathError('path step applied to an atomic value');
      cur = steps[s](at(ctx, item, 1, 1));
      continue;
    }
    const out: Item[] = [];
    for (let i = 0; i < size; i++) {
      const item = cur[i];
      if (!isNode(item)) throw new XPathError('path step applied to an atomic value');
      const r = steps[s](at(ctx, item, i + 1, size));
      for (const x of r) out.push(x);
    }
    cur = out.length > 1 && out.every(isNode) ? sortNodes(out as XNode[], ctx.document) : out;
  }
  return cur;
}

function usesVariables(ast: Ast): boolean {
  if (ast.k === 'var') return true;
  return Object.values(ast).some((v) =>
    Array.isArray(v)
      ? v.some(
          (x) =>
            typeof x === 'object' &&
            x !== null &&
            ('k' in x ? usesVariables(x as Ast) : 'in' in x && usesVariables((x as { in: Ast }).in)),
        )
      : typeof v === 'object' && v !== null && 'k' in v && usesVariables(v as Ast),
  );
}

/** Compiles an expression once into closures, so evaluation never re-parses. */
export function compileXPath(src: string, ns: Namespaces): Compiled {
  return compile(parseXPath(src), ns);
}

export function compileXPathAst(ast: Ast, ns: Namespaces): Compiled {
  return compile(ast, ns);
}

function orderOf(node: XNode, document: XPathDocument): number {
  if (node instanceof DocNode) return 0;
  if (node instanceof AttrNode) return (document.order.get(node.parent) ?? 0) + 0.5;
  return document.order.get(node) ?? 0;
}

function sameNode(a: XNode, b: XNode): boolean {
  if (a instanceof AttrNode && b instanceof AttrNode) return a.parent === b.parent && a.qname === b.qname;
  return a === b;
}

function sortNodes(nodes: XNode[], document: XPathDocument): XNode[] {
  const sorted = [...nodes].sort((a, b) => orderOf(a, document) - orderOf(b, document));
  return sorted.filter((n, i) => i === 0 || !sameNode(n, sorted[i - 1]));
}

function testMatcher(test: NodeTest, ns: Namespaces, axis: Axis): (n: XNode) => boolean {
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

function axisNodes(axis: Axis, node: Item, document: XPathDocument): XNode[] {
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

function applyPredicates(items: Seq, preds: Compiled[], ctx: Ctx): Seq {
  let cur = items;
  for (const pred of preds) {
    const size = cur.length;
    cur = cur.filter((item, i) => {
      const r = pred(at(ctx, item, i + 1, size));
      if (r.length === 1 && (typeof r[0] === 'number' || r[0] instanceof Dec)) {
        return typeof r[0] === 'number' ? r[0] === i + 1 : r[0].equals(i + 1);
      }
      return ebv(r);
    });
  }
  return cur;
}

const REVERSE_AXES = new Set<Axis>([
  'ancestor',
  'ancestor-or-self',
  'parent',
  'preceding',
  'preceding-sibling',
]);

/**
 * `contains(' AED AFN … ', concat(' ', code, ' '))` is how the code-list rules (BR-CL-*) test
 * membership in lists of up to thousands of codes. A single space-delimited code is looked up in a
 * set of the list's tokens, which gives the same answer as the substring search; anything else (a
 * code with inner spaces, an empty one) still takes the substring search.
 */
function codeListContains(list: string, needle: Compiled): Compiled {
  const tokens = new Set(list.split(' '));
  return (ctx) => {
    const s = stringOf(needle(ctx));
    const last = s.length - 1;
    if (last >= 2 && s.charCodeAt(0) === 32 && s.charCodeAt(last) === 32) {
      const code = s.slice(1, last);
      if (!code.includes(' ')) return [tokens.has(code)];
    }
    return [list.includes(s)];
  };
}

function compile(ast: Ast, ns: Namespaces): Compiled {
  switch (ast.k) {
    case 'literal': {
      const v = [ast.v];
      return () => v;
    }
    case 'var': {
      const name = ast.name;
      return (ctx) => {
        const v = ctx.vars[name];
        if (!v) throw new XPathError(`unbound variable $${name}`);
        return v;
      };
    }
    case 'context':
      return (ctx) => [ctx.item];
    case 'root':
      return (ctx) => [ctx.document.doc];
    case 'sequence': {
      const items = ast.items.map((i) => compile(i, ns));
      return (ctx) => items.flatMap((i) => i(ctx));
    }
    case 'call': {
      const fn = FUNCTIONS[ast.name];
      if (!fn) throw new XPathError(`unsupported function ${ast.name}()`);
      const [first] = ast.args;
      if (
        ast.name === 'contains' &&
        ast.args.length === 2 &&
        first.k === 'literal' &&
        typeof first.v === 'string'
      ) {
        return codeListContains(first.v, compile(ast.args[1], ns));
      }
      const args = ast.args.map((a) => compile(a, ns));
      if (args.length === 1) {
        const [arg] = args;
        return (ctx) => fn([arg(ctx)], ctx.item);
      }
      return (ctx) =>
        fn(
          args.map((a) => a(ctx)),
          ctx.item,
        );
    }
    case 'or': {
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => [ebv(l(ctx)) || ebv(r(ctx))];
    }
    case 'and': {
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => [ebv(l(ctx)) && ebv(r(ctx))];
    }
    case 'general': {
      const { op } = ast;
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => [generalCompare(op, l(ctx), r(ctx))];
    }
    case 'value': {
      const { op } = ast;
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => {
        const v = valueCompare(op, l(ctx), r(ctx));
        return v === undefined ? [] : [v];
      };
    }
    case 'arith': {
      const { op } = ast;
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => arithmetic(op, l(ctx), r(ctx));
    }
    case 'negate': {
      const e = compile(ast.e, ns);
      return (ctx) => negate(e(ctx));
    }
    case 'range': {
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => {
        const [a] = atomizeSeq(l(ctx));
        const [b] = atomizeSeq(r(ctx));
        if (a === undefined || b === undefined) return [];
        const out: Seq = [];
        for (let i = toDecimal(a).toNumber(); i <= toDecimal(b).toNumber(); i++) out.push(new Dec(i));
        return out;
      };
    }
    case 'union':
    case 'except':
    case 'intersect': {
      const kind = ast.k;
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (!a.every(isNode) || !b.every(isNode)) throw new XPathError(`${kind} of non-nodes`);
        const inB = (n: XNode) => (b as XNode[]).some((m) => sameNode(n, m));
        if (kind === 'union') return sortNodes([...(a as XNode[]), ...(b as XNode[])], ctx.document);
        const kept = (a as XNode[]).filter((n) => (kind === 'except' ? !inB(n) : inB(n)));
        return sortNodes(kept, ctx.document);
      };
    }
    case 'cast': {
      const e = compile(ast.e, ns);
      const fn = FUNCTIONS[ast.type];
      if (!fn) throw new XPathError(`unsupported cast to ${ast.type}`);
      const optional = ast.optional;
      return (ctx) => {
        const v = e(ctx);
        if (v.length === 0 && !optional) throw new XPathError(`empty sequence cast as ${ast.type}`);
        return ast.type === 'xs:boolean' ? atomizeSeq(v).map(toBoolean) : fn([v], ctx.item);
      };
    }
    case 'quantified': {
      const every = ast.every;
      const bindings = ast.bindings.map((b) => ({ name: b.name, in: compile(b.in, ns) }));
      const sat = compile(ast.satisfies, ns);
      return (ctx) => {
        const search = (i: number, vars: Record<string, Seq>): boolean => {
          if (i === bindings.length) return ebv(sat({ ...ctx, vars }));
          for (const item of bindings[i].in({ ...ctx, vars })) {
            const r = search(i + 1, { ...vars, [bindings[i].name]: [item] });
            if (r !== every) return r;
          }
          return every;
        };
        return [search(0, ctx.vars)];
      };
    }
    case 'for': {
      const bindings = ast.bindings.map((b) => ({ name: b.name, in: compile(b.in, ns) }));
      const ret = compile(ast.ret, ns);
      return (ctx) => {
        const out: Seq = [];
        const loop = (i: number, vars: Record<string, Seq>) => {
          if (i === bindings.length) {
            out.push(...ret({ ...ctx, vars }));
            return;
          }
          for (const item of bindings[i].in({ ...ctx, vars }))
            loop(i + 1, { ...vars, [bindings[i].name]: [item] });
        };
        loop(0, ctx.vars);
        return out;
      };
    }
    case 'if': {
      const c = compile(ast.cond, ns);
      const t = compile(ast.then, ns);
      const e = compile(ast.else, ns);
      return (ctx) => (ebv(c(ctx)) ? t(ctx) : e(ctx));
    }
    case 'axis': {
      const { axis, test } = ast;
      const match = testMatcher(test, ns, axis);
      const preds = ast.preds.map((p) => compile(p, ns));
      const reverse = REVERSE_AXES.has(axis);
      if (axis === 'descendant' && test.kind === 'name' && test.local !== '*') {
        return (ctx) => {
          const found = descendantsNamed(ctx.item, test, ns, ctx.document);
          return preds.length ? applyPredicates(found, preds, ctx) : found;
        };
      }
      if (axis === 'child' && preds.length === 0 && test.kind === 'name' && test.local !== '*') {
        // The hot path of most rules: children of an element by name, without generic axis machinery.
        const uri = test.prefix ? ns[test.prefix] : '';
        const local = test.local;
        return (ctx) => {
          const node = ctx.item;
          if (node instanceof DocNode) return match(node.root) ? [node.root] : EMPTY;
          if (!isNode(node)) throw new XPathError('path step on an atomic value');
          if (node instanceof AttrNode) return EMPTY;
          let out: XmlElement[] | undefined;
          for (const c of node.children) if (c.name === local && c.ns === uri) (out ??= []).push(c);
          return out ?? EMPTY;
        };
      }
      return (ctx) => {
        const found = axisNodes(axis, ctx.item, ctx.document).filter(match);
        if (preds.length === 0) return reverse ? found.reverse() : found;
        const kept = applyPredicates(found, preds, ctx);
        return reverse ? kept.reverse() : kept;
      };
    }
    case 'filter': {
      const e = compile(ast.e, ns);
      const preds = ast.preds.map((p) => compile(p, ns));
      return (ctx) => applyPredicates(e(ctx), preds, ctx);
    }
    case 'path': {
      const simplified = simplifySteps(ast.steps);
      const steps = simplified.map((s) => compile(s, ns));
      const absolute = ast.steps[0].k === 'root' && !usesVariables(ast);
      const required = requiredNames(simplified, ns);
      if (!absolute) {
        return (ctx) => (hasNames(required, ctx.document) ? applySteps(steps[0](ctx), steps, 1, ctx) : EMPTY);
      }
      // Every prefix of an absolute path is memoised per document under its own text, so the many
      // rules that start from the same `//cac:TaxCategory[…VAT…]` share one evaluation.
      let prefix: Compiled = steps[0];
      for (let s = 1; s < steps.length; s++) {
        const key = JSON.stringify(simplified.slice(0, s + 1));
        const before = prefix;
        const step = steps[s];
        prefix = (ctx) => {
          let v = ctx.document.memo.get(key);
          if (!v) {
            v = applySteps(before(ctx), [step], 0, ctx);
            ctx.document.memo.set(key, v);
          }
          return v;
        };
      }
      const whole = prefix;
      return (ctx) => (hasNames(required, ctx.document) ? whole(ctx) : EMPTY);
    }
  }
}
