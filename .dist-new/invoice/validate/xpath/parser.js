"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseXPath = parseXPath;
const xml_fast_1 = require("../../xml-fast");
const values_1 = require("./values");
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
const GENERAL = {
    '=': '=',
    '!=': '!=',
    '<': '<',
    '<=': '<=',
    '>': '>',
    '>=': '>=',
};
const VALUE = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '(' && src[i + 1] === ':') {
            const end = src.indexOf(':)', i);
            if (end < 0)
                throw new values_1.XPathError('unterminated comment');
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
                if (j >= src.length)
                    throw new values_1.XPathError('unterminated string literal');
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
            if (!m)
                throw new values_1.XPathError('bad variable reference');
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
        if (!op)
            throw new values_1.XPathError(`unexpected character "${c}" in XPath`);
        out.push({ t: 'op', v: op });
        i += op.length;
    }
    out.push({ t: 'eof', v: '' });
    return out;
}
/** Parses one XPath 2.0 expression of the subset the official EN 16931 Schematron uses. */
function parseXPath(src) {
    const parser = new Parser(src);
    const result = parser.expr();
    if (parser.peek().t !== 'eof')
        throw new values_1.XPathError(`unexpected "${parser.peek().v}" after expression in ${src}`);
    return result;
}
/** Recursive descent over the tokens, one method per grammar rule, from `expr` down to `primary`. */
class Parser {
    src;
    toks;
    p = 0;
    constructor(src) {
        this.src = src;
        this.toks = tokenize(src);
    }
    peek(o = 0) {
        return this.toks[this.p + o];
    }
    isOp(v, o = 0) {
        return this.peek(o).t === 'op' && this.peek(o).v === v;
    }
    isName(v, o = 0) {
        return this.peek(o).t === 'name' && this.peek(o).v === v;
    }
    expectOp(v) {
        if (!this.isOp(v))
            throw new values_1.XPathError(`expected "${v}" but found "${this.peek().v}" in ${this.src}`);
        this.p++;
    }
    expectName(v) {
        if (!this.isName(v))
            throw new values_1.XPathError(`expected "${v}" but found "${this.peek().v}" in ${this.src}`);
        this.p++;
    }
    expr() {
        const first = this.exprSingle();
        if (!this.isOp(','))
            return first;
        const items = [first];
        while (this.isOp(',')) {
            this.p++;
            items.push(this.exprSingle());
        }
        return { k: 'sequence', items };
    }
    bindings() {
        const out = [];
        do {
            if (out.length)
                this.p++;
            const v = this.peek();
            if (v.t !== 'var')
                throw new values_1.XPathError(`expected a variable in ${this.src}`);
            this.p++;
            this.expectName('in');
            out.push({ name: v.v, in: this.exprSingle() });
        } while (this.isOp(','));
        return out;
    }
    exprSingle() {
        if ((this.isName('every') || this.isName('some')) && this.peek(1).t === 'var') {
            const every = this.peek().v === 'every';
            this.p++;
            const b = this.bindings();
            this.expectName('satisfies');
            return { k: 'quantified', every, bindings: b, satisfies: this.exprSingle() };
        }
        if (this.isName('for') && this.peek(1).t === 'var') {
            this.p++;
            const b = this.bindings();
            this.expectName('return');
            return { k: 'for', bindings: b, ret: this.exprSingle() };
        }
        if (this.isName('if') && this.isOp('(', 1)) {
            this.p += 2;
            const cond = this.expr();
            this.expectOp(')');
            this.expectName('then');
            const then = this.exprSingle();
            this.expectName('else');
            return { k: 'if', cond, then, else: this.exprSingle() };
        }
        return this.or();
    }
    or() {
        let l = this.and();
        while (this.isName('or')) {
            this.p++;
            l = { k: 'or', l, r: this.and() };
        }
        return l;
    }
    and() {
        let l = this.comparison();
        while (this.isName('and')) {
            this.p++;
            l = { k: 'and', l, r: this.comparison() };
        }
        return l;
    }
    comparison() {
        const l = this.range();
        const t = this.peek();
        if (t.t === 'op' && GENERAL[t.v]) {
            this.p++;
            return { k: 'general', op: GENERAL[t.v], l, r: this.range() };
        }
        if (t.t === 'name' && VALUE[t.v]) {
            this.p++;
            return { k: 'value', op: VALUE[t.v], l, r: this.range() };
        }
        return l;
    }
    range() {
        const l = this.additive();
        if (this.isName('to')) {
            this.p++;
            return { k: 'range', l, r: this.additive() };
        }
        return l;
    }
    additive() {
        let l = this.multiplicative();
        while (this.isOp('+') || this.isOp('-')) {
            const op = this.peek().v;
            this.p++;
            l = { k: 'arith', op, l, r: this.multiplicative() };
        }
        return l;
    }
    multiplicative() {
        let l = this.union();
        while (this.isOp('*') || this.isName('div') || this.isName('idiv') || this.isName('mod')) {
            const op = this.peek().v;
            this.p++;
            l = { k: 'arith', op, l, r: this.union() };
        }
        return l;
    }
    union() {
        let l = this.intersectExcept();
        while (this.isOp('|') || this.isName('union')) {
            this.p++;
            l = { k: 'union', l, r: this.intersectExcept() };
        }
        return l;
    }
    intersectExcept() {
        let l = this.cast();
        while (this.isName('except') || this.isName('intersect')) {
            const k = this.peek().v;
            this.p++;
            l = { k, l, r: this.cast() };
        }
        return l;
    }
    cast() {
        const e = this.unary();
        if (this.isName('castable') && this.isName('as', 1)) {
            this.p += 2;
            const type = this.peek().v;
            this.p++;
            const optional = this.isOp('?');
            if (optional)
                this.p++;
            return { k: 'castable', e, type, optional };
        }
        if (this.isName('cast') && this.isName('as', 1)) {
            this.p += 2;
            const type = this.peek().v;
            this.p++;
            const optional = this.isOp('?');
            return { k: 'cast', e, type, optional };
        }
        return e;
    }
    unary() {
        if (this.isOp('-')) {
            this.p++;
            return { k: 'negate', e: this.unary() };
        }
        if (this.isOp('+')) {
            this.p++;
            return this.unary();
        }
        return this.path();
    }
    startsStep() {
        const t = this.peek();
        if (t.t === 'name' || t.t === 'num' || t.t === 'str' || t.t === 'var')
            return true;
        return t.t === 'op' && ['@', '.', '..', '*', '('].includes(t.v);
    }
    path() {
        if (this.isOp('/')) {
            this.p++;
            if (!this.startsStep())
                return { k: 'root' };
            return { k: 'path', steps: [{ k: 'root' }, ...this.relativeSteps()] };
        }
        if (this.isOp('//')) {
            this.p++;
            return { k: 'path', steps: [{ k: 'root' }, DESCENDANT_OR_SELF, ...this.relativeSteps()] };
        }
        const steps = this.relativeSteps();
        return steps.length === 1 ? steps[0] : { k: 'path', steps };
    }
    relativeSteps() {
        const steps = [this.step()];
        for (;;) {
            if (this.isOp('/')) {
                this.p++;
                steps.push(this.step());
            }
            else if (this.isOp('//')) {
                this.p++;
                steps.push(DESCENDANT_OR_SELF, this.step());
            }
            else
                return steps;
        }
    }
    predicates() {
        const preds = [];
        while (this.isOp('[')) {
            this.p++;
            preds.push(this.expr());
            this.expectOp(']');
        }
        return preds;
    }
    nodeTest() {
        if (this.isOp('*')) {
            this.p++;
            return { kind: 'any' };
        }
        const t = this.peek();
        if (t.t !== 'name')
            throw new values_1.XPathError(`expected a name test but found "${t.v}" in ${this.src}`);
        this.p++;
        if (t.v === 'node' && this.isOp('(') && this.isOp(')', 1)) {
            this.p += 2;
            return { kind: 'node' };
        }
        // Interned like the parsed documents' names, so matching compares identities.
        const colon = t.v.indexOf(':');
        return colon < 0
            ? { kind: 'name', prefix: '', local: (0, xml_fast_1.internName)(t.v) }
            : { kind: 'name', prefix: t.v.slice(0, colon), local: (0, xml_fast_1.internName)(t.v.slice(colon + 1)) };
    }
    step() {
        if (this.isOp('..')) {
            this.p++;
            return { k: 'axis', axis: 'parent', test: { kind: 'node' }, preds: [] };
        }
        if (this.isOp('@')) {
            this.p++;
            return { k: 'axis', axis: 'attribute', test: this.nodeTest(), preds: this.predicates() };
        }
        const t = this.peek();
        if (t.t === 'name' && this.isOp('::', 1) && AXES.has(t.v)) {
            this.p += 2;
            const axis = t.v;
            return { k: 'axis', axis, test: this.nodeTest(), preds: this.predicates() };
        }
        if (this.isOp('*') || (t.t === 'name' && !this.isOp('(', 1))) {
            return { k: 'axis', axis: 'child', test: this.nodeTest(), preds: this.predicates() };
        }
        const e = this.primary();
        const preds = this.predicates();
        return preds.length ? { k: 'filter', e, preds } : e;
    }
    primary() {
        const t = this.peek();
        if (t.t === 'num') {
            this.p++;
            return { k: 'literal', v: /[eE]/.test(t.v) ? Number(t.v) : new values_1.Dec(t.v) };
        }
        if (t.t === 'str') {
            this.p++;
            return { k: 'literal', v: t.v };
        }
        if (t.t === 'var') {
            this.p++;
            return { k: 'var', name: t.v };
        }
        if (this.isOp('.')) {
            this.p++;
            return { k: 'context' };
        }
        if (this.isOp('(')) {
            this.p++;
            if (this.isOp(')')) {
                this.p++;
                return { k: 'sequence', items: [] };
            }
            const e = this.expr();
            this.expectOp(')');
            return e;
        }
        if (t.t === 'name' && this.isOp('(', 1)) {
            this.p += 2;
            const args = [];
            if (!this.isOp(')')) {
                args.push(this.exprSingle());
                while (this.isOp(',')) {
                    this.p++;
                    args.push(this.exprSingle());
                }
            }
            this.expectOp(')');
            return { k: 'call', name: t.v, args };
        }
        throw new values_1.XPathError(`unexpected "${t.v}" in ${this.src}`);
    }
}
const DESCENDANT_OR_SELF = { k: 'axis', axis: 'descendant-or-self', test: { kind: 'node' }, preds: [] };
//# sourceMappingURL=parser.js.map