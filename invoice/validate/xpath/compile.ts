import type { XmlElement } from '../../xml';
import type { Ast } from './ast';
import { axisNodes, type Namespaces, REVERSE_AXES, sameNode, sortNodes, testMatcher } from './axes';
import { childPath, childPathExists, type ChildStep } from './child-path';
import {
  attributeNameId,
  elementNameId,
  elementsNamed,
  hasAttributeNamed,
  memoSlot,
  predicateSlot,
  type XPathDocument,
} from './document';
import { FUNCTIONS, stringOf } from './functions';
import { expandedName } from './user-functions';
import { arithmetic, generalCompare, generalCompareAtomic, negate, valueCompare } from './ops';
import { parseXPath } from './parser';
import { BOOLEAN_FUNCTIONS, requiredNames, simplifySteps, usesVariables } from './steps';
import {
  asString,
  atomize,
  atomizeSeq,
  AttrNode,
  Dec,
  DocNode,
  ebv,
  isElement,
  isNode,
  type Item,
  type Seq,
  toBoolean,
  toDecimal,
  Untyped,
  type XNode,
  XPathError,
} from './values';

export type { Namespaces } from './axes';
export { xpathDocument, type XPathDocument } from './document';

export interface Ctx {
  item: Item;
  pos: number;
  size: number;
  vars: Record<string, Seq>;
  document: XPathDocument;
}

export type Compiled = (ctx: Ctx) => Seq;
/**
 * An expression where only its effective boolean value counts (a rule's test, an operand of `and`,
 * `not()`, a predicate): evaluated without building the sequences the value would need.
 */
export type Test = (ctx: Ctx) => boolean;

const EMPTY: Seq = [];
const TRUE: Seq = [true];
const FALSE: Seq = [false];

function at(ctx: Ctx, item: Item, pos: number, size: number): Ctx {
  return { item, pos, size, vars: ctx.vars, document: ctx.document };
}

/** Elements of this name below a node, from the document index (document order). */
function descendantsNamed(node: Item, id: number, document: XPathDocument): Seq {
  const list = elementsNamed(document, id);
  if (!list) return EMPTY;
  if (node instanceof DocNode) return list;
  if (!isNode(node) || node instanceof AttrNode) return EMPTY;
  const from = document.order.get(node) ?? 0;
  // The subtree ends at its last descendant, found down the last children.
  let last: XmlElement = node;
  while (last.children.length) last = last.children[last.children.length - 1];
  const to = document.order.get(last) ?? 0;
  const out: XmlElement[] = [];
  for (const el of list) {
    const o = document.order.get(el) ?? 0;
    if (o > to) break;
    if (o > from) out.push(el);
  }
  return out;
}

/**
 * `@name`: the attributes an unprefixed name test matches (also `p:name`, as the generic axis does),
 * read off the element without building the whole attribute axis.
 */
function attributesNamed(local: string): Compiled {
  const suffix = `:${local}`;
  return (ctx) => {
    const node = ctx.item;
    if (!isNode(node)) throw new XPathError('path step on an atomic value');
    if (node instanceof DocNode || node instanceof AttrNode) return EMPTY;
    let out: AttrNode[] | undefined;
    for (const qname in node.attrs) {
      if (qname === local || qname.endsWith(suffix))
        (out ??= []).push(new AttrNode(node, qname, node.attrs[qname]));
    }
    return out ?? EMPTY;
  };
}

/** The names a path needs (see `requiredNames`), as ids. */
export interface NameCheck {
  elements: number[];
  attributes: number[];
}

export function nameCheck(steps: Ast[], ns: Namespaces): NameCheck | undefined {
  const required = requiredNames(steps, ns);
  if (required.elements.length === 0 && required.attributes.length === 0) return undefined;
  return {
    elements: required.elements.map(([uri, local]) => elementNameId(uri, local)),
    attributes: required.attributes.map(attributeNameId),
  };
}

export function hasNames(check: NameCheck | undefined, document: XPathDocument): boolean {
  if (!check) return true;
  for (const id of check.elements) if (!elementsNamed(document, id)) return false;
  for (const id of check.attributes) if (!hasAttributeNamed(document, id)) return false;
  return true;
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

/** Compiles an expression once into closures, so evaluation never re-parses. */
export function compileXPath(src: string, ns: Namespaces): Compiled {
  return compile(parseXPath(src), ns);
}

export function compileXPathAst(ast: Ast, ns: Namespaces): Compiled {
  return compile(ast, ns);
}

/** Compiles an expression for its effective boolean value only. */
export function compileXPathTest(src: string, ns: Namespaces): Test {
  return compileTest(parseXPath(src), ns);
}

function applyPredicates(items: Seq, preds: Test[], ctx: Ctx): Seq {
  let cur = items;
  for (const pred of preds) {
    const size = cur.length;
    const kept: Item[] = [];
    for (let i = 0; i < size; i++) if (pred(at(ctx, cur[i], i + 1, size))) kept.push(cur[i]);
    cur = kept;
  }
  return cur;
}

/** True when an expression's value is a boolean or a sequence of nodes, never a number. */
export function neverNumeric(ast: Ast): boolean {
  switch (ast.k) {
    case 'general':
    case 'value':
    case 'and':
    case 'or':
    case 'axis':
      return true;
    case 'call':
      return BOOLEAN_FUNCTIONS.has(ast.name);
    case 'path':
      return ast.steps[ast.steps.length - 1].k === 'axis';
    default:
      return false;
  }
}

/** A predicate: a number selects by position (`[1]`), anything else filters by its boolean value. */
export function compilePredicate(ast: Ast, ns: Namespaces): Test {
  if (neverNumeric(ast)) return compileFilter(ast, ns);
  const e = compile(ast, ns);
  return (ctx) => {
    const r = e(ctx);
    if (r.length === 1) {
      const v = r[0];
      if (typeof v === 'number') return v === ctx.pos;
      if (v instanceof Dec) return v.equals(ctx.pos);
    }
    return ebv(r);
  };
}

/**
 * A predicate free of variables answers the same on the same element, and the rules ask the same ones
 * over and over (`[cac:TaxCategory/normalize-space(cbc:ID)='S']` in a dozen VAT rules), so each
 * document keeps its answers per element.
 */
export function memoisedPredicate(test: Test, key: string): Test {
  const slot = predicateSlot(key);
  return (ctx) => {
    const item = ctx.item;
    if (!isElement(item)) return test(ctx);
    const { document } = ctx;
    // An element of another document (a code list read with `document()`) is not kept.
    const at = document.order.get(item);
    if (at === undefined) return test(ctx);
    let answers = document.predicates[slot];
    if (!answers) document.predicates[slot] = answers = new Uint8Array(document.order.size + 1);
    const known = answers[at];
    if (known !== 0) return known === 2;
    const v = test(ctx);
    answers[at] = v ? 2 : 1;
    return v;
  };
}

/**
 * A predicate that filters by truth only (no position): what rule contexts and most path steps
 * use. Without variables its answers are kept per element and document, shared by every rule that
 * repeats the same predicate.
 */
export function compileFilter(ast: Ast, ns: Namespaces): Test {
  const test = compileTest(ast, ns);
  return usesVariables(ast) ? test : memoisedPredicate(test, JSON.stringify([ast, ns]));
}

/** The child steps of a relative path (or lone step) made of nothing else, or undefined. */
export function childSteps(ast: Ast, ns: Namespaces): ChildStep[] | undefined {
  const steps = ast.k === 'path' ? ast.steps : [ast];
  const out: ChildStep[] = [];
  for (const step of steps) {
    if (step.k !== 'axis' || step.axis !== 'child') return undefined;
    const preds = step.preds.map((p) => compilePredicate(p, ns));
    const { test } = step;
    if (test.kind !== 'name') {
      // `*` and `node()`: every child is an element in this tree.
      out.push({ uri: undefined, local: undefined, preds });
      continue;
    }
    const uri = test.prefix ? ns[test.prefix] : '';
    if (uri === undefined) throw new XPathError(`undeclared namespace prefix "${test.prefix}"`);
    out.push({ uri, local: test.local === '*' ? undefined : test.local, preds });
  }
  return out;
}

/** `exists(path)` (or, negated, `empty(path)`), stopping at the first node found. */
function compileExists(ast: Ast, ns: Namespaces, negated = false): Test {
  const steps = childSteps(ast, ns);
  if (steps) {
    const check = nameCheck(ast.k === 'path' ? ast.steps : [ast], ns);
    return negated
      ? (ctx) => !hasNames(check, ctx.document) || !childPathExists(steps, ctx)
      : (ctx) => hasNames(check, ctx.document) && childPathExists(steps, ctx);
  }
  const e = compile(ast, ns);
  return negated ? (ctx) => e(ctx).length === 0 : (ctx) => e(ctx).length > 0;
}

export function compileTest(ast: Ast, ns: Namespaces): Test {
  switch (ast.k) {
    case 'and': {
      const l = compileTest(ast.l, ns);
      const r = compileTest(ast.r, ns);
      return (ctx) => l(ctx) && r(ctx);
    }
    case 'or': {
      const l = compileTest(ast.l, ns);
      const r = compileTest(ast.r, ns);
      return (ctx) => l(ctx) || r(ctx);
    }
    case 'general': {
      const { op } = ast;
      const l = compile(ast.l, ns);
      if (ast.r.k === 'literal') {
        // `cbc:ID = 'S'`: the literal side is atomized once, here.
        const right = [ast.r.v];
        return (ctx) => generalCompareAtomic(op, l(ctx), right);
      }
      const r = compile(ast.r, ns);
      return (ctx) => generalCompare(op, l(ctx), r(ctx));
    }
    case 'value': {
      const { op } = ast;
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => valueCompare(op, l(ctx), r(ctx)) === true;
    }
    case 'axis':
    case 'path':
      // A node sequence is true when not empty.
      if (neverNumeric(ast)) return compileExists(ast, ns);
      break;
    case 'call': {
      const [arg] = ast.args;
      if (ast.args.length === 0 && (ast.name === 'true' || ast.name === 'false')) {
        const v = ast.name === 'true';
        return () => v;
      }
      if (ast.args.length !== 1) break;
      if (ast.name === 'not') {
        // `not(path)`, `not(exists(path))`: one closure answers the negated existence.
        if ((arg.k === 'axis' || arg.k === 'path') && neverNumeric(arg)) return compileExists(arg, ns, true);
        if (arg.k === 'call' && arg.name === 'exists' && arg.args.length === 1)
          return compileExists(arg.args[0], ns, true);
        const t = compileTest(arg, ns);
        return (ctx) => !t(ctx);
      }
      if (ast.name === 'boolean') return compileTest(arg, ns);
      if (ast.name === 'exists') return compileExists(arg, ns);
      if (ast.name === 'empty') return compileExists(arg, ns, true);
      break;
    }
  }
  const e = compile(ast, ns);
  return (ctx) => ebv(e(ctx));
}

/**
 * `contains(' AED AFN … ', concat(' ', code, ' '))` is how the code-list rules (BR-CL-*) test
 * membership in lists of up to thousands of codes. A single space-delimited code is looked up in a
 * set of the list's tokens, which gives the same answer as the substring search; anything else (a
 * code with inner spaces, an empty one) still takes the substring search.
 */
function codeListContains(list: string, needle: Compiled): Test {
  const tokens = new Set(list.split(' '));
  return (ctx) => {
    const s = stringOf(needle(ctx));
    const last = s.length - 1;
    if (last >= 2 && s.charCodeAt(0) === 32 && s.charCodeAt(last) === 32) {
      const code = s.slice(1, last);
      if (!code.includes(' ')) return tokens.has(code);
    }
    return list.includes(s);
  };
}

/** A boolean-valued expression in a value position. */
function asValue(t: Test): Compiled {
  return (ctx) => (t(ctx) ? TRUE : FALSE);
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
    case 'call':
      return compileCall(ast, ns);
    case 'or':
    case 'and':
    case 'general':
      return asValue(compileTest(ast, ns));
    case 'value': {
      const { op } = ast;
      const l = compile(ast.l, ns);
      const r = compile(ast.r, ns);
      return (ctx) => {
        const v = valueCompare(op, l(ctx), r(ctx));
        return v === undefined ? EMPTY : v ? TRUE : FALSE;
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
    case 'intersect':
      return compileNodeSetOperation(ast, ns);
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
    case 'castable': {
      const e = compile(ast.e, ns);
      const fn = FUNCTIONS[ast.type];
      if (!fn) throw new XPathError(`unsupported castable as ${ast.type}`);
      const { optional } = ast;
      return (ctx) => {
        const v = e(ctx);
        if (v.length !== 1) return [v.length === 0 && optional];
        const a = atomize(v[0]);
        // xs:integer('1.5') is an error, which the decimal conversion below would not see.
        if (ast.type === 'xs:integer' && (typeof a === 'string' || a instanceof Untyped))
          return [/^[ \t\r\n]*[+-]?\d+[ \t\r\n]*$/.test(asString(a))];
        try {
          fn([v], ctx.item);
          return [true];
        } catch (err) {
          if (err instanceof XPathError) return [false];
          throw err;
        }
      };
    }
    case 'quantified':
      return compileQuantified(ast, ns);
    case 'for':
      return compileFor(ast, ns);
    case 'if': {
      const c = compileTest(ast.cond, ns);
      const t = compile(ast.then, ns);
      const e = compile(ast.else, ns);
      return (ctx) => (c(ctx) ? t(ctx) : e(ctx));
    }
    case 'axis':
      return compileAxis(ast, ns);
    case 'filter': {
      const e = compile(ast.e, ns);
      const preds = ast.preds.map((p) => compilePredicate(p, ns));
      return (ctx) => applyPredicates(e(ctx), preds, ctx);
    }
    case 'path':
      return compilePath(ast.steps, ns, usesVariables(ast));
  }
}

/** A call of a function the schema defines, found by its namespace when first called. */
function compileUserCall(ast: Extract<Ast, { k: 'call' }>, ns: Namespaces): Compiled {
  const colon = ast.name.indexOf(':');
  const uri = colon > 0 ? ns[ast.name.slice(0, colon)] : undefined;
  if (uri === undefined) throw new XPathError(`unsupported function ${ast.name}()`);
  const name = expandedName(uri, ast.name.slice(colon + 1));
  const args = ast.args.map((a) => compile(a, ns));
  return (ctx) => {
    const fn = ctx.document.functions?.get(name);
    if (!fn) throw new XPathError(`unknown function ${ast.name}()`);
    return fn(
      args.map((a) => a(ctx)),
      ctx,
    );
  };
}

/** A function call; `contains` on a literal list of codes becomes a set lookup. */
function compileCall(ast: Extract<Ast, { k: 'call' }>, ns: Namespaces): Compiled {
  if (ast.args.length === 0 && ast.name === 'last') return (ctx) => [new Dec(ctx.size)];
  if (ast.args.length === 0 && ast.name === 'position') return (ctx) => [new Dec(ctx.pos)];
  const fn = FUNCTIONS[ast.name];
  if (!fn) return compileUserCall(ast, ns);
  const [first] = ast.args;
  if (
    ast.name === 'contains' &&
    ast.args.length === 2 &&
    first.k === 'literal' &&
    typeof first.v === 'string'
  ) {
    return asValue(codeListContains(first.v, compile(ast.args[1], ns)));
  }
  if (ast.args.length === 1 && ['not', 'exists', 'empty', 'boolean'].includes(ast.name))
    return asValue(compileTest(ast, ns));
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

/** `|`/`union`, `except`, `intersect`: node sequences in document order. */
function compileNodeSetOperation(
  ast: Extract<Ast, { k: 'union' | 'except' | 'intersect' }>,
  ns: Namespaces,
): Compiled {
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

/** `some`/`every … satisfies`, stopping at the first binding that decides. */
function compileQuantified(ast: Extract<Ast, { k: 'quantified' }>, ns: Namespaces): Compiled {
  const every = ast.every;
  const bindings = ast.bindings.map((b) => ({ name: b.name, in: compile(b.in, ns) }));
  const sat = compileTest(ast.satisfies, ns);
  return (ctx) => {
    const search = (i: number, vars: Record<string, Seq>): boolean => {
      if (i === bindings.length) return sat({ ...ctx, vars });
      for (const item of bindings[i].in({ ...ctx, vars })) {
        const r = search(i + 1, { ...vars, [bindings[i].name]: [item] });
        if (r !== every) return r;
      }
      return every;
    };
    return search(0, ctx.vars) ? TRUE : FALSE;
  };
}

/** `for … return`: the concatenated results over every binding. */
function compileFor(ast: Extract<Ast, { k: 'for' }>, ns: Namespaces): Compiled {
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

/** One axis step, with the fast paths for child paths, plain attributes and named descendants. */
function compileAxis(ast: Extract<Ast, { k: 'axis' }>, ns: Namespaces): Compiled {
  const { axis, test } = ast;
  if (axis === 'child') {
    const steps = childSteps(ast, ns)!;
    return (ctx) => childPath(steps, ctx);
  }
  const preds = ast.preds.map((p) => compilePredicate(p, ns));
  if (axis === 'attribute' && preds.length === 0 && test.kind === 'name' && !test.prefix) {
    return attributesNamed(test.local);
  }
  if (axis === 'descendant' && test.kind === 'name' && test.local !== '*') {
    const uri = test.prefix ? ns[test.prefix] : '';
    if (uri === undefined) throw new XPathError(`undeclared namespace prefix "${test.prefix}"`);
    const id = elementNameId(uri, test.local);
    return (ctx) => {
      const found = descendantsNamed(ctx.item, id, ctx.document);
      return preds.length ? applyPredicates(found, preds, ctx) : found;
    };
  }
  const match = testMatcher(test, ns, axis);
  const reverse = REVERSE_AXES.has(axis);
  return (ctx) => {
    const found = axisNodes(axis, ctx.item, ctx.document).filter(match);
    if (preds.length === 0) return reverse ? found.reverse() : found;
    const kept = applyPredicates(found, preds, ctx);
    return reverse ? kept.reverse() : kept;
  };
}

function compilePath(source: Ast[], ns: Namespaces, variables: boolean): Compiled {
  const simplified = simplifySteps(source);
  const check = nameCheck(simplified, ns);
  const children = source[0].k === 'root' ? undefined : childSteps({ k: 'path', steps: simplified }, ns);
  if (children) return (ctx) => (hasNames(check, ctx.document) ? childPath(children, ctx) : EMPTY);
  const steps = simplified.map((s) => compile(s, ns));
  if (source[0].k !== 'root' || variables) {
    return (ctx) => (hasNames(check, ctx.document) ? applySteps(steps[0](ctx), steps, 1, ctx) : EMPTY);
  }
  // Every prefix of an absolute path is memoised per document under its own text, so the many
  // rules that start from the same `//cac:TaxCategory[…VAT…]` share one evaluation.
  let prefix: Compiled = steps[0];
  for (let s = 1; s < steps.length; s++) {
    const slot = memoSlot(JSON.stringify(simplified.slice(0, s + 1)));
    const before = prefix;
    const step = [steps[s]];
    prefix = (ctx) => {
      const memo = ctx.document.memo;
      let v = memo[slot];
      if (v === undefined) {
        v = applySteps(before(ctx), step, 0, ctx);
        memo[slot] = v;
      }
      return v;
    };
  }
  const whole = prefix;
  return (ctx) => (hasNames(check, ctx.document) ? whole(ctx) : EMPTY);
}
