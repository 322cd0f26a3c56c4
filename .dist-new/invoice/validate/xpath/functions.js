"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FUNCTIONS = void 0;
exports.stringOf = stringOf;
const values_1 = require("./values");
const documents_1 = require("./documents");
const ops_1 = require("./ops");
const regexCache = new Map();
function stringOf(seq) {
    if (seq.length === 0)
        return '';
    if (seq.length > 1)
        throw new values_1.XPathError('a sequence of several items where one string is expected');
    return (0, values_1.asString)((0, values_1.atomize)(seq[0]));
}
function one(seq) {
    if (seq.length > 1)
        throw new values_1.XPathError('a sequence of several items where at most one is expected');
    return seq.length ? (0, values_1.atomize)(seq[0]) : undefined;
}
const XML_SPACE_RUN = /[ \t\r\n]+/g;
/** XPath normalize-space: only XML whitespace counts (a no-break space is content). */
function normalizeSpace(s) {
    const collapsed = s.replace(XML_SPACE_RUN, ' ');
    const start = collapsed.startsWith(' ') ? 1 : 0;
    const end = collapsed.length > start && collapsed.endsWith(' ') ? collapsed.length - 1 : collapsed.length;
    return collapsed.slice(start, end);
}
/** XPath numeric rounding: half towards positive infinity, keeping the operand's type. */
function round(a) {
    if (a instanceof values_1.Dec)
        return a.toDecimalPlaces(0, values_1.Dec.ROUND_HALF_CEIL);
    const x = (0, values_1.toDouble)(a);
    if (!Number.isFinite(x))
        return x;
    const r = Math.floor(x + 0.5);
    // round(-0.4) and round(-0.0) are -0.0 in XPath, which matters to Saxon's comparisons with 0.
    return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}
function numericArg(a) {
    if (a instanceof values_1.Untyped)
        return (0, values_1.toDouble)(a);
    if (typeof a === 'number' || a instanceof values_1.Dec)
        return a;
    throw new values_1.XPathError(`"${(0, values_1.asString)(a)}" is not numeric`);
}
function sum(values) {
    if (values.length === 0)
        return new values_1.Dec(0);
    const nums = values.map(numericArg);
    if (nums.every((n) => n instanceof values_1.Dec))
        return nums.reduce((acc, n) => acc.plus(n), new values_1.Dec(0));
    return nums.reduce((acc, n) => acc + (0, values_1.toDouble)(n), 0);
}
function nodeName(args, context, local) {
    const node = args.length ? args[0][0] : context;
    if (node === undefined)
        return [''];
    if (!(0, values_1.isNode)(node) || node instanceof values_1.DocNode)
        return [''];
    const qname = node instanceof values_1.AttrNode ? node.qname : node.qname;
    return [local ? qname.slice(qname.indexOf(':') + 1) : qname];
}
/** The functions the EN 16931 Schematron calls, by their XPath names. */
exports.FUNCTIONS = {
    true: () => [true],
    false: () => [false],
    not: ([a]) => [!(0, values_1.ebv)(a)],
    boolean: ([a]) => [(0, values_1.ebv)(a)],
    exists: ([a]) => [a.length > 0],
    empty: ([a]) => [a.length === 0],
    count: ([a]) => [new values_1.Dec(a.length)],
    string: (args, context) => [stringOf(args.length ? args[0] : [context])],
    'normalize-space': (args, context) => [normalizeSpace(stringOf(args.length ? args[0] : [context]))],
    'string-length': (args, context) => [new values_1.Dec([...stringOf(args.length ? args[0] : [context])].length)],
    'upper-case': ([a]) => [stringOf(a).toUpperCase()],
    'lower-case': ([a]) => [stringOf(a).toLowerCase()],
    concat: (args) => [args.map(stringOf).join('')],
    contains: ([a, b]) => [stringOf(a).includes(stringOf(b))],
    'starts-with': ([a, b]) => [stringOf(a).startsWith(stringOf(b))],
    'ends-with': ([a, b]) => [stringOf(a).endsWith(stringOf(b))],
    'substring-before': ([a, b]) => {
        const s = stringOf(a);
        const i = s.indexOf(stringOf(b));
        return [i < 0 ? '' : s.slice(0, i)];
    },
    'substring-after': ([a, b]) => {
        const s = stringOf(a);
        const t = stringOf(b);
        const i = s.indexOf(t);
        return [i < 0 ? '' : s.slice(i + t.length)];
    },
    substring: ([a, start, len]) => {
        const chars = [...stringOf(a)];
        const first = Math.floor((0, values_1.toDouble)(one(start) ?? NaN) + 0.5);
        const end = len === undefined ? Infinity : first + Math.floor((0, values_1.toDouble)(one(len) ?? NaN) + 0.5);
        return [chars.filter((_, i) => i + 1 >= first && i + 1 < end).join('')];
    },
    matches: ([a, pattern]) => {
        const p = stringOf(pattern);
        let re = regexCache.get(p);
        if (!re) {
            re = new RegExp(p);
            regexCache.set(p, re);
        }
        return [re.test(stringOf(a))];
    },
    name: (args, context) => nodeName(args, context, false),
    'local-name': (args, context) => nodeName(args, context, true),
    round: ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [round(v instanceof values_1.Untyped ? (0, values_1.toDouble)(v) : v)];
    },
    abs: ([a]) => {
        const v = one(a);
        if (v === undefined)
            return [];
        const n = numericArg(v);
        return [n instanceof values_1.Dec ? n.abs() : Math.abs(n)];
    },
    sum: ([a]) => [sum((0, values_1.atomizeSeq)(a))],
    number: (args, context) => {
        const v = one(args.length ? args[0] : [context]);
        if (v === undefined)
            return [NaN];
        try {
            return [(0, values_1.toDouble)(v)];
        }
        catch {
            return [NaN];
        }
    },
    'distinct-values': ([a]) => {
        const out = [];
        for (const v of (0, values_1.atomizeSeq)(a)) {
            const value = v instanceof values_1.Untyped ? v.value : v;
            if (!out.some((o) => (0, ops_1.generalCompare)('=', [o], [value])))
                out.push(value);
        }
        return out;
    },
    tokenize: ([a, pattern]) => {
        const s = stringOf(a);
        if (s === '')
            return [];
        return s.split(new RegExp(stringOf(pattern), 'g'));
    },
    document: ([a]) => [(0, documents_1.codeListDocument)(stringOf(a))],
    // The tree keeps an element's text, not text nodes: `x/text()` is that text, untyped, when there is any.
    text: (_args, context) => ((0, values_1.isElement)(context) && context.text !== '' ? [new values_1.Untyped(context.text)] : []),
    // The check-digit and format functions of the Peppol rules.
    reverse: ([a]) => [...a].reverse(),
    'string-to-codepoints': ([a]) => [...stringOf(a)].map((c) => new values_1.Dec(c.codePointAt(0))),
    'codepoints-to-string': ([a]) => [
        String.fromCodePoint(...(0, values_1.atomizeSeq)(a).map((c) => (0, values_1.toDecimal)(c).toNumber())),
    ],
    'string-join': ([a, separator]) => [(0, values_1.atomizeSeq)(a).map(values_1.asString).join(stringOf(separator))],
    translate: ([a, from, to]) => {
        const [source, replacement] = [[...stringOf(from)], [...stringOf(to)]];
        const mapped = [...stringOf(a)].map((c) => {
            const i = source.indexOf(c);
            return i < 0 ? c : (replacement[i] ?? '');
        });
        return [mapped.join('')];
    },
    replace: ([a, pattern, replacement]) => [
        stringOf(a).replace(new RegExp(stringOf(pattern), 'g'), stringOf(replacement).replace(/\$/g, '$$$$')),
    ],
    'xs:decimal': ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [(0, values_1.toDecimal)(v)];
    },
    'xs:integer': ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [(0, values_1.toDecimal)(v).trunc()];
    },
    'xs:double': ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [(0, values_1.toDouble)(v)];
    },
    'xs:string': ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [(0, values_1.asString)(v)];
    },
    'xs:date': ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [(0, values_1.toDate)(v)];
    },
    'xs:boolean': ([a]) => {
        const v = one(a);
        return v === undefined ? [] : [(0, values_1.toBoolean)(v)];
    },
};
//# sourceMappingURL=functions.js.map