"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.XDate = exports.Untyped = exports.AttrNode = exports.DocNode = exports.XPathError = exports.Dec = void 0;
exports.isNode = isNode;
exports.isElement = isElement;
exports.stringValue = stringValue;
exports.atomize = atomize;
exports.atomizeSeq = atomizeSeq;
exports.isNumeric = isNumeric;
exports.asString = asString;
exports.toDecimal = toDecimal;
exports.toDouble = toDouble;
exports.toDate = toDate;
exports.toBoolean = toBoolean;
exports.ebv = ebv;
const decimal_js_1 = __importDefault(require("decimal.js"));
/**
 * XPath 2.0 values as the official Schematron sees them. Decimal arithmetic is exact with enough
 * precision that `x div 100` and rounding behave as in Saxon; untyped node content stays a distinct
 * type because comparisons and arithmetic treat it differently from strings (it becomes xs:double
 * against numbers, a string against strings).
 */
exports.Dec = decimal_js_1.default.clone({ precision: 40, rounding: decimal_js_1.default.ROUND_HALF_UP });
class XPathError extends Error {
}
exports.XPathError = XPathError;
/** The document node above the root element (the XmlElement tree has none). */
class DocNode {
    root;
    constructor(root) {
        this.root = root;
    }
}
exports.DocNode = DocNode;
class AttrNode {
    parent;
    qname;
    value;
    constructor(parent, qname, value) {
        this.parent = parent;
        this.qname = qname;
        this.value = value;
    }
}
exports.AttrNode = AttrNode;
/** xs:untypedAtomic: the typed value of a node in an untyped (schema-less) document. */
class Untyped {
    value;
    constructor(value) {
        this.value = value;
    }
}
exports.Untyped = Untyped;
/** xs:date, kept as its canonical yyyy-mm-dd for ordering (time zones do not occur in invoices). */
class XDate {
    value;
    constructor(value) {
        this.value = value;
    }
}
exports.XDate = XDate;
function isNode(item) {
    return (typeof item === 'object' && (item instanceof DocNode || item instanceof AttrNode || 'children' in item));
}
function isElement(item) {
    return typeof item === 'object' && 'children' in item && !(item instanceof DocNode);
}
function stringValue(node) {
    if (node instanceof AttrNode)
        return node.value;
    if (node instanceof DocNode)
        return stringValue(node.root);
    if (node.children.length === 0)
        return node.text;
    let s = node.text;
    for (const c of node.children)
        s += stringValue(c);
    return s;
}
function atomize(item) {
    return isNode(item) ? new Untyped(stringValue(item)) : item;
}
function atomizeSeq(seq) {
    return seq.map(atomize);
}
function isNumeric(a) {
    return typeof a === 'number' || a instanceof exports.Dec;
}
function asString(a) {
    if (typeof a === 'string')
        return a;
    if (a instanceof Untyped || a instanceof XDate)
        return a.value;
    if (typeof a === 'boolean')
        return a ? 'true' : 'false';
    if (typeof a === 'number')
        return doubleToString(a);
    return decimalToString(a);
}
function doubleToString(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (!Number.isFinite(n))
        return n > 0 ? 'INF' : '-INF';
    return String(n);
}
function decimalToString(d) {
    return d.toFixed();
}
// Casts ignore leading and trailing XML whitespace only (XML Schema whiteSpace="collapse").
const DECIMAL_LEXICAL = /^[ \t\r\n]*[+-]?(\d+(\.\d*)?|\.\d+)[ \t\r\n]*$/;
const DOUBLE_LEXICAL = /^[ \t\r\n]*(([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)|-?INF|NaN)[ \t\r\n]*$/;
const XML_SPACE_EDGES = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const INTEGER_LEXICAL = /^[+-]?\d+$/;
const DATE_LEXICAL = /^[ \t\r\n]*(-?\d{4,})-(\d\d)-(\d\d)(Z|[+-]\d\d:\d\d)?[ \t\r\n]*$/;
function toDecimal(a) {
    if (a instanceof exports.Dec)
        return a;
    if (typeof a === 'number') {
        if (!Number.isFinite(a))
            throw new XPathError(`cannot convert ${a} to xs:decimal`);
        return exactDecimal(a);
    }
    if (typeof a === 'boolean')
        return new exports.Dec(a ? 1 : 0);
    const s = asString(a);
    let d = decimals.get(s);
    if (d)
        return d;
    if (!DECIMAL_LEXICAL.test(s))
        throw new XPathError(`"${s}" is not a valid xs:decimal`);
    d = new exports.Dec(s.replace(XML_SPACE_EDGES, ''));
    // Decimals are immutable, and the VAT rules cast the same few amounts and rates many times over.
    if (decimals.size >= DECIMAL_CACHE_SIZE)
        decimals.clear();
    decimals.set(s, d);
    return d;
}
/**
 * A double's exact binary value as a decimal, as Saxon casts it (`xs:decimal(0.18e0)` is
 * 0.17999999999999999333…, not 0.18): tolerance rules such as BR-FXEXT-CO-13 compare sums of untyped
 * amounts, which are doubles, after such a cast.
 */
function exactDecimal(n) {
    if (Number.isInteger(n))
        return new exports.Dec(n);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, n);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 0x7ffn);
    const fraction = bits & 0xfffffffffffffn;
    // value = mantissa × 2^-shift = mantissa × 5^shift / 10^shift, every double's value has finitely many digits
    const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
    const shift = 1075 - Math.max(biased, 1);
    const digits = (mantissa * 5n ** BigInt(shift)).toString().padStart(shift + 1, '0');
    const text = `${n < 0 ? '-' : ''}${digits.slice(0, -shift)}.${digits.slice(-shift)}`;
    return new exports.Dec(text);
}
const DECIMAL_CACHE_SIZE = 10_000;
const decimals = new Map();
function toDouble(a) {
    if (typeof a === 'number')
        return a;
    if (a instanceof exports.Dec)
        return a.toNumber();
    if (typeof a === 'boolean')
        return a ? 1 : 0;
    const s = asString(a);
    if (!DOUBLE_LEXICAL.test(s))
        throw new XPathError(`"${s}" is not a valid xs:double`);
    const t = s.replace(XML_SPACE_EDGES, '');
    if (t === 'INF')
        return Infinity;
    if (t === '-INF')
        return -Infinity;
    const n = Number(t);
    // Saxon reads integer-looking text as a long first, so "-0" is +0 there while "-0.00" stays -0.
    return n === 0 && INTEGER_LEXICAL.test(t) ? 0 : n;
}
function toDate(a) {
    if (a instanceof XDate)
        return a;
    const s = asString(a);
    const m = DATE_LEXICAL.exec(s);
    if (!m)
        throw new XPathError(`"${s}" is not a valid xs:date`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (!days || day < 1 || day > days)
        throw new XPathError(`"${s}" is not a valid xs:date`);
    return new XDate(`${m[1]}-${m[2]}-${m[3]}`);
}
function toBoolean(a) {
    if (typeof a === 'boolean')
        return a;
    if (isNumeric(a))
        return typeof a === 'number' ? a !== 0 && !Number.isNaN(a) : !a.isZero();
    const s = asString(a).replace(XML_SPACE_EDGES, '');
    if (s === 'true' || s === '1')
        return true;
    if (s === 'false' || s === '0')
        return false;
    throw new XPathError(`"${s}" is not a valid xs:boolean`);
}
/** Effective boolean value (XPath 2.0 §2.4.3). */
function ebv(seq) {
    if (seq.length === 0)
        return false;
    const first = seq[0];
    if (isNode(first))
        return true;
    if (seq.length > 1)
        throw new XPathError('effective boolean value of a sequence of several atomic values');
    if (typeof first === 'boolean')
        return first;
    if (typeof first === 'string')
        return first.length > 0;
    if (first instanceof Untyped)
        return first.value.length > 0;
    if (typeof first === 'number')
        return first !== 0 && !Number.isNaN(first);
    if (first instanceof exports.Dec)
        return !first.isZero();
    throw new XPathError('no effective boolean value for xs:date');
}
//# sourceMappingURL=values.js.map