import {
  asString,
  Atomic,
  atomize,
  atomizeSeq,
  Dec,
  isNumeric,
  Seq,
  toBoolean,
  toDate,
  toDecimal,
  toDouble,
  Untyped,
  XDate,
  XPathError,
} from './values';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

function order(op: CompareOp, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function compareDoubles(op: CompareOp, x: number, y: number): boolean {
  // NaN compares false with everything, except that it is != to everything.
  if (Number.isNaN(x) || Number.isNaN(y)) return op === '!=';
  return order(op, x < y ? -1 : x > y ? 1 : 0);
}

function compareStrings(op: CompareOp, x: string, y: string): boolean {
  return order(op, x < y ? -1 : x > y ? 1 : 0);
}

const stringy = (v: Atomic) => typeof v === 'string' || v instanceof Untyped;

/** Value comparison of two atomic values already promoted per the general- or value-comparison rules. */
function compareAtomics(op: CompareOp, a: Atomic, b: Atomic): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    if (a instanceof Dec && b instanceof Dec) return order(op, a.comparedTo(b));
    return compareDoubles(op, toDouble(a), toDouble(b));
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return order(op, Number(a) - Number(b));
  if (a instanceof XDate && b instanceof XDate) return compareStrings(op, a.value, b.value);
  if (stringy(a) && stringy(b)) return compareStrings(op, asString(a), asString(b));
  throw new XPathError(`cannot compare ${asString(a)} with ${asString(b)}`);
}

/** General comparison (`=`, `<`, …): true when any pair of atomized items satisfies it. */
export function generalCompare(op: CompareOp, left: Seq, right: Seq): boolean {
  if (left.length === 0 || right.length === 0) return false;
  return generalCompareAtomic(op, left, atomizeSeq(right));
}

/** General comparison with the right operand already atomized (a literal, atomized once at compile time). */
export function generalCompareAtomic(op: CompareOp, left: Seq, right: readonly Atomic[]): boolean {
  for (const item of left) {
    const a = atomize(item);
    for (const b of right) if (comparePair(op, a, b)) return true;
  }
  return false;
}

/** Untyped operands of a general comparison take the type of the other side (xs:double for numbers). */
function comparePair(op: CompareOp, a: Atomic, b: Atomic): boolean {
  const untypedA = a instanceof Untyped;
  const untypedB = b instanceof Untyped;
  if (!untypedA && !untypedB) return compareAtomics(op, a, b);
  if (untypedA && untypedB) return compareStrings(op, a.value, b.value);
  const x = untypedA ? castLike(a, b) : a;
  const y = untypedB ? castLike(b, a) : b;
  if (isNumeric(x) && isNumeric(y)) return compareUntypedDoubles(op, toDouble(x), toDouble(y));
  return compareAtomics(op, x, y);
}

/**
 * Saxon (the reference implementation behind the official results) orders node content cast to
 * xs:double with Java's Double.compare, where -0.0 < 0.0: "-0.00" in an invoice is not "= 0" there.
 */
function compareUntypedDoubles(op: CompareOp, x: number, y: number): boolean {
  if (x === 0 && y === 0 && Object.is(x, -0) !== Object.is(y, -0))
    return order(op, Object.is(x, -0) ? -1 : 1);
  return compareDoubles(op, x, y);
}

function castLike(u: Untyped, other: Atomic): Atomic {
  if (isNumeric(other)) return toDouble(u);
  if (typeof other === 'boolean') return toBoolean(u);
  if (other instanceof XDate) return toDate(u);
  return u.value;
}

/** Value comparison (`eq`, `lt`, …): singletons, untyped treated as string; empty operand gives empty. */
export function valueCompare(op: CompareOp, left: Seq, right: Seq): boolean | undefined {
  const l = atomizeSeq(left);
  const r = atomizeSeq(right);
  if (l.length === 0 || r.length === 0) return undefined;
  if (l.length > 1 || r.length > 1) throw new XPathError('value comparison of a sequence');
  const a = l[0] instanceof Untyped ? l[0].value : l[0];
  const b = r[0] instanceof Untyped ? r[0].value : r[0];
  return compareAtomics(op, a, b);
}

export type ArithOp = '+' | '-' | '*' | 'div' | 'mod' | 'idiv';

/** Arithmetic: untyped becomes xs:double; decimal stays exact unless a double is involved. */
export function arithmetic(op: ArithOp, left: Seq, right: Seq): Seq {
  const l = atomizeSeq(left);
  const r = atomizeSeq(right);
  if (l.length === 0 || r.length === 0) return [];
  if (l.length > 1 || r.length > 1) throw new XPathError('arithmetic on a sequence');
  const a = l[0] instanceof Untyped ? toDouble(l[0]) : l[0];
  const b = r[0] instanceof Untyped ? toDouble(r[0]) : r[0];
  if (!isNumeric(a) || !isNumeric(b)) throw new XPathError('arithmetic on a non-numeric value');
  if (a instanceof Dec && b instanceof Dec) {
    switch (op) {
      case '+':
        return [a.plus(b)];
      case '-':
        return [a.minus(b)];
      case '*':
        return [a.times(b)];
      case 'div':
        if (b.isZero()) throw new XPathError('decimal division by zero');
        return [a.div(b)];
      case 'mod':
        return [a.mod(b)];
      case 'idiv':
        return [a.div(b).trunc()];
    }
  }
  const x = toDouble(a);
  const y = toDouble(b);
  switch (op) {
    case '+':
      return [x + y];
    case '-':
      return [x - y];
    case '*':
      return [x * y];
    case 'div':
      return [x / y];
    case 'mod':
      return [x % y];
    case 'idiv':
      return [new Dec(Math.trunc(x / y))];
  }
}

export function negate(seq: Seq): Seq {
  const v = atomizeSeq(seq);
  if (v.length === 0) return [];
  const a = v[0] instanceof Untyped ? toDouble(v[0]) : v[0];
  if (a instanceof Dec) return [a.neg()];
  if (typeof a === 'number') return [-a];
  throw new XPathError('negation of a non-numeric value');
}

export { toDecimal };
