import { internName } from '../../xml-fast';
import type { Ast, Axis, NodeTest } from './ast';
import type { ArithOp, CompareOp } from './ops';
import { Dec, XPathError } from './values';

type Token = { t: 'num' | 'str' | 'name' | 'var' | 'op' | 'eof'; v: string };

const OPS = [
  '?',
  '//',
  '/',
  '(',
  ')',
  '[',
  ']',
  ',',
  '@',
  '..',
  '.',
  '|',
  '!=',
  '<=',
  '>=',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '::',
];
const NAME = /[A-Za-z_][\w.-]*(:([A-Za-z_][\w.-]*|\*))?/y;
const NUMBER = /(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y;
const AXES = new Set([
  'child',
  'attribute',
  'self',
  'parent',
  'ancestor',
  'ancestor-or-self',
  'descendant',
  'descendant-or-self',
  'preceding',
  'following',
  'preceding-sibling',
  'following-sibling',
]);
const GENERAL: Record<string, CompareOp> = {
  '=': '=',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const VALUE: Record<string, CompareOp> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' && src[i + 1] === ':') {
      const end = src.indexOf(':)', i);
      if (end < 0) throw new XPathError('unterminated comment');
      i = end + 2;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /[\d]/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? '')) ? NUMBER.exec(src) : null;
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new XPathError('unterminated string literal');
        if (src[j] === c) {
          if (src[j + 1] === c) {
            s += c;
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    if (c === '$') {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(src);
      if (!m) throw new XPathError('bad variable reference');
      out.push({ t: 'var', v: m[0] });
      i += 1 + m[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name) {
      // "child::x" lexes as a name then "::" although NAME would take "child:" greedily only with a local part.
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new XPathError(`unexpected character "${c}" in XPath`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  out.push({ t: 'eof', v: '' });
  return out;
}

/** Parses one XPath 2.0 expression of the subset the official EN 16931 Schematron uses. */
export function parseXPath(src: string): Ast {
  const toks = tokenize(src);
  let p = 0;
  const peek = (o = 0) => toks[p + o];
  const isOp = (v: string, o = 0) => peek(o).t === 'op' && peek(o).v === v;
  const isName = (v: string, o = 0) => peek(o).t === 'name' && peek(o).v === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new XPathError(`expected "${v}" but found "${peek().v}" in ${src}`);
    p++;
  };
  const expectName = (v: string) => {
    if (!isName(v)) throw new XPathError(`expected "${v}" but found "${peek().v}" in ${src}`);
    p++;
  };

  function expr(): Ast {
    const first = exprSingle();
    if (!isOp(',')) return first;
    const items = [first];
    while (isOp(',')) {
      p++;
      items.push(exprSingle());
    }
    return { k: 'sequence', items };
  }

  function bindings(): { name: string; in: Ast }[] {
    const out: { name: string; in: Ast }[] = [];
    do {
      if (out.length) p++;
      const v = peek();
      if (v.t !== 'var') throw new XPathError(`expected a variable in ${src}`);
      p++;
      expectName('in');
      out.push({ name: v.v, in: exprSingle() });
    } while (isOp(','));
    return out;
  }

  function exprSingle(): Ast {
    if ((isName('every') || isName('some')) && peek(1).t === 'var') {
      const every = peek().v === 'every';
      p++;
      const b = bindings();
      expectName('satisfies');
      return { k: 'quantified', every, bindings: b, satisfies: exprSingle() };
    }
    if (isName('for') && peek(1).t === 'var') {
      p++;
      const b = bindings();
      expectName('return');
      return { k: 'for', bindings: b, ret: exprSingle() };
    }
    if (isName('if') && isOp('(', 1)) {
      p += 2;
      const cond = expr();
      expectOp(')');
      expectName('then');
      const then = exprSingle();
      expectName('else');
      return { k: 'if', cond, then, else: exprSingle() };
    }
    return or();
  }

  function or(): Ast {
    let l = and();
    while (isName('or')) {
      p++;
      l = { k: 'or', l, r: and() };
    }
    return l;
  }

  function and(): Ast {
    let l = comparison();
    while (isName('and')) {
      p++;
      l = { k: 'and', l, r: comparison() };
    }
    return l;
  }

  function comparison(): Ast {
    const l = range();
    const t = peek();
    if (t.t === 'op' && GENERAL[t.v]) {
      p++;
      return { k: 'general', op: GENERAL[t.v], l, r: range() };
    }
    if (t.t === 'name' && VALUE[t.v]) {
      p++;
      return { k: 'value', op: VALUE[t.v], l, r: range() };
    }
    return l;
  }

  function range(): Ast {
    const l = additive();
    if (isName('to')) {
      p++;
      return { k: 'range', l, r: additive() };
    }
    return l;
  }

  function additive(): Ast {
    let l = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = peek().v as ArithOp;
      p++;
      l = { k: 'arith', op, l, r: multiplicative() };
    }
    return l;
  }

  function multiplicative(): Ast {
    let l = union();
    while (isOp('*') || isName('div') || isName('idiv') || isName('mod')) {
      const op = peek().v as ArithOp;
      p++;
      l = { k: 'arith', op, l, r: union() };
    }
    return l;
  }

  function union(): Ast {
    let l = intersectExcept();
    while (isOp('|') || isName('union')) {
      p++;
      l = { k: 'union', l, r: intersectExcept() };
    }
    return l;
  }

  function intersectExcept(): Ast {
    let l = cast();
    while (isName('except') || isName('intersect')) {
      const k = peek().v as 'except' | 'intersect';
      p++;
      l = { k, l, r: cast() };
    }
    return l;
  }

  function cast(): Ast {
    const e = unary();
    if (isName('cast') && isName('as', 1)) {
      p += 2;
      const type = peek().v;
      p++;
      const optional = isOp('?');
      return { k: 'cast', e, type, optional };
    }
    return e;
  }

  function unary(): Ast {
    if (isOp('-')) {
      p++;
      return { k: 'negate', e: unary() };
    }
    if (isOp('+')) {
      p++;
      return unary();
    }
    return path();
  }

  function startsStep(): boolean {
    const t = peek();
    if (t.t === 'name' || t.t === 'num' || t.t === 'str' || t.t === 'var') return true;
    return t.t === 'op' && ['@', '.', '..', '*', '('].includes(t.v);
  }

  function path(): Ast {
    if (isOp('/')) {
      p++;
      if (!startsStep()) return { k: 'root' };
      return { k: 'path', steps: [{ k: 'root' }, ...relativeSteps()] };
    }
    if (isOp('//')) {
      p++;
      return { k: 'path', steps: [{ k: 'root' }, DESCENDANT_OR_SELF, ...relativeSteps()] };
    }
    const steps = relativeSteps();
    return steps.length === 1 ? steps[0] : { k: 'path', steps };
  }

  function relativeSteps(): Ast[] {
    const steps = [step()];
    for (;;) {
      if (isOp('/')) {
        p++;
        steps.push(step());
      } else if (isOp('//')) {
        p++;
        steps.push(DESCENDANT_OR_SELF, step());
      } else return steps;
    }
  }

  function predicates(): Ast[] {
    const preds: Ast[] = [];
    while (isOp('[')) {
      p++;
      preds.push(expr());
      expectOp(']');
    }
    return preds;
  }

  function nodeTest(): NodeTest {
    if (isOp('*')) {
      p++;
      return { kind: 'any' };
    }
    const t = peek();
    if (t.t !== 'name') throw new XPathError(`expected a name test but found "${t.v}" in ${src}`);
    p++;
    if (t.v === 'node' && isOp('(') && isOp(')', 1)) {
      p += 2;
      return { kind: 'node' };
    }
    // Interned like the parsed documents' names, so matching compares identities.
    const colon = t.v.indexOf(':');
    return colon < 0
      ? { kind: 'name', prefix: '', local: internName(t.v) }
      : { kind: 'name', prefix: t.v.slice(0, colon), local: internName(t.v.slice(colon + 1)) };
  }

  function step(): Ast {
    if (isOp('..')) {
      p++;
      return { k: 'axis', axis: 'parent', test: { kind: 'node' }, preds: [] };
    }
    if (isOp('@')) {
      p++;
      return { k: 'axis', axis: 'attribute', test: nodeTest(), preds: predicates() };
    }
    const t = peek();
    if (t.t === 'name' && isOp('::', 1) && AXES.has(t.v)) {
      p += 2;
      const axis = t.v as Axis;
      return { k: 'axis', axis, test: nodeTest(), preds: predicates() };
    }
    if (isOp('*') || (t.t === 'name' && !isOp('(', 1))) {
      return { k: 'axis', axis: 'child', test: nodeTest(), preds: predicates() };
    }
    const e = primary();
    const preds = predicates();
    return preds.length ? { k: 'filter', e, preds } : e;
  }

  function primary(): Ast {
    const t = peek();
    if (t.t === 'num') {
      p++;
      return { k: 'literal', v: /[eE]/.test(t.v) ? Number(t.v) : new Dec(t.v) };
    }
    if (t.t === 'str') {
      p++;
      return { k: 'literal', v: t.v };
    }
    if (t.t === 'var') {
      p++;
      return { k: 'var', name: t.v };
    }
    if (isOp('.')) {
      p++;
      return { k: 'context' };
    }
    if (isOp('(')) {
      p++;
      if (isOp(')')) {
        p++;
        return { k: 'sequence', items: [] };
      }
      const e = expr();
      expectOp(')');
      return e;
    }
    if (t.t === 'name' && isOp('(', 1)) {
      p += 2;
      const args: Ast[] = [];
      if (!isOp(')')) {
        args.push(exprSingle());
        while (isOp(',')) {
          p++;
          args.push(exprSingle());
        }
      }
      expectOp(')');
      return { k: 'call', name: t.v, args };
    }
    throw new XPathError(`unexpected "${t.v}" in ${src}`);
  }

  const result = expr();
  if (peek().t !== 'eof') throw new XPathError(`unexpected "${peek().v}" after expression in ${src}`);
  return result;
}

const DESCENDANT_OR_SELF: Ast = { k: 'axis', axis: 'descendant-or-self', test: { kind: 'node' }, preds: [] };
