"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toDecimal = void 0;
exports.generalCompare = generalCompare;
exports.generalCompareAtomic = generalCompareAtomic;
exports.valueCompare = valueCompare;
exports.arithmetic = arithmetic;
exports.negate = negate;
const values_1 = require("./values");
Object.defineProperty(exports, "toDecimal", { enumerable: true, get: function () { return values_1.toDecimal; } });
function order(op, c) {
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
function compareDoubles(op, x, y) {
    // NaN compares false with everything, except that it is != to everything.
    if (Number.isNaN(x) || Number.isNaN(y))
        return op === '!=';
    return order(op, x < y ? -1 : x > y ? 1 : 0);
}
function compareStrings(op, x, y) {
    return order(op, x < y ? -1 : x > y ? 1 : 0);
}
const stringy = (v) => typeof v === 'string' || v instanceof values_1.Untyped;
/** Value comparison of two atomic values already promoted per the general- or value-comparison rules. */
function compareAtomics(op, a, b) {
    if ((0, values_1.isNumeric)(a) && (0, values_1.isNumeric)(b)) {
        if (a instanceof values_1.Dec && b instanceof values_1.Dec)
            return order(op, a.comparedTo(b));
        return compareDoubles(op, (0, values_1.toDouble)(a), (0, values_1.toDouble)(b));
    }
    if (typeof a === 'boolean' && typeof b === 'boolean')
        return order(op, Number(a) - Number(b));
    if (a instanceof values_1.XDate && b instanceof values_1.XDate)
        return compareStrings(op, a.value, b.value);
    if (stringy(a) && stringy(b))
        return compareStrings(op, (0, values_1.asString)(a), (0, values_1.asString)(b));
    throw new values_1.XPathError(`cannot compare ${(0, values_1.asString)(a)} with ${(0, values_1.asString)(b)}`);
}
/** General comparison (`=`, `<`, …): true when any pair of atomized items satisfies it. */
function generalCompare(op, left, right) {
    if (left.length === 0 || right.length === 0)
        return false;
    return generalCompareAtomic(op, left, (0, values_1.atomizeSeq)(right));
}
/** General comparison with the right operand already atomized (a literal, atomized once at compile time). */
function generalCompareAtomic(op, left, right) {
    for (const item of left) {
        const a = (0, values_1.atomize)(item);
        for (const b of right)
            if (comparePair(op, a, b))
                return true;
    }
    return false;
}
/** Untyped operands of a general comparison take the type of the other side (xs:double for numbers). */
function comparePair(op, a, b) {
    const untypedA = a instanceof values_1.Untyped;
    const untypedB = b instanceof values_1.Untyped;
    if (!untypedA && !untypedB)
        return compareAtomics(op, a, b);
    if (untypedA && untypedB)
        return compareStrings(op, a.value, b.value);
    const x = untypedA ? castLike(a, b) : a;
    const y = untypedB ? castLike(b, a) : b;
    if ((0, values_1.isNumeric)(x) && (0, values_1.isNumeric)(y))
        return compareUntypedDoubles(op, (0, values_1.toDouble)(x), (0, values_1.toDouble)(y));
    return compareAtomics(op, x, y);
}
/**
 * Saxon (the reference implementation behind the official results) orders node content cast to
 * xs:double with Java's Double.compare, where -0.0 < 0.0: "-0.00" in an invoice is not "= 0" there.
 */
function compareUntypedDoubles(op, x, y) {
    if (x === 0 && y === 0 && Object.is(x, -0) !== Object.is(y, -0))
        return order(op, Object.is(x, -0) ? -1 : 1);
    return compareDoubles(op, x, y);
}
function castLike(u, other) {
    if ((0, values_1.isNumeric)(other))
        return (0, values_1.toDouble)(u);
    if (typeof other === 'boolean')
        return (0, values_1.toBoolean)(u);
    if (other instanceof values_1.XDate)
        return (0, values_1.toDate)(u);
    return u.value;
}
/** Value comparison (`eq`, `lt`, …): singletons, untyped treated as string; empty operand gives empty. */
function valueCompare(op, left, right) {
    const l = (0, values_1.atomizeSeq)(left);
    const r = (0, values_1.atomizeSeq)(right);
    if (l.length === 0 || r.length === 0)
        return undefined;
    if (l.length > 1 || r.length > 1)
        throw new values_1.XPathError('value comparison of a sequence');
    const a = l[0] instanceof values_1.Untyped ? l[0].value : l[0];
    const b = r[0] instanceof values_1.Untyped ? r[0].value : r[0];
    return compareAtomics(op, a, b);
}
/** Arithmetic: untyped becomes xs:double; decimal stays exact unless a double is involved. */
function arithmetic(op, left, right) {
    const l = (0, values_1.atomizeSeq)(left);
    const r = (0, values_1.atomizeSeq)(right);
    if (l.length === 0 || r.length === 0)
        return [];
    if (l.length > 1 || r.length > 1)
        throw new values_1.XPathError('arithmetic on a sequence');
    const a = l[0] instanceof values_1.Untyped ? (0, values_1.toDouble)(l[0]) : l[0];
    const b = r[0] instanceof values_1.Untyped ? (0, values_1.toDouble)(r[0]) : r[0];
    if (!(0, values_1.isNumeric)(a) || !(0, values_1.isNumeric)(b))
        throw new values_1.XPathError('arithmetic on a non-numeric value');
    if (a instanceof values_1.Dec && b instanceof values_1.Dec) {
        switch (op) {
            case '+':
                return [a.plus(b)];
            case '-':
                return [a.minus(b)];
            case '*':
                return [a.times(b)];
            case 'div':
                if (b.isZero())
                    throw new values_1.XPathError('decimal division by zero');
                return [a.div(b)];
            case 'mod':
                return [a.mod(b)];
            case 'idiv':
                return [a.div(b).trunc()];
        }
    }
    const x = (0, values_1.toDouble)(a);
    const y = (0, values_1.toDouble)(b);
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
            return [new values_1.Dec(Math.trunc(x / y))];
    }
}
function negate(seq) {
    const v = (0, values_1.atomizeSeq)(seq);
    if (v.length === 0)
        return [];
    const a = v[0] instanceof values_1.Untyped ? (0, values_1.toDouble)(v[0]) : v[0];
    if (a instanceof values_1.Dec)
        return [a.neg()];
    if (typeof a === 'number')
        return [-a];
    throw new values_1.XPathError('negation of a non-numeric value');
}
//# sourceMappingURL=ops.js.map