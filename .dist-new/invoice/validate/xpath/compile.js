"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.xpathDocument = void 0;
exports.nameCheck = nameCheck;
exports.hasNames = hasNames;
exports.compileXPath = compileXPath;
exports.compileXPathAst = compileXPathAst;
exports.compileXPathTest = compileXPathTest;
exports.neverNumeric = neverNumeric;
exports.compilePredicate = compilePredicate;
exports.memoisedPredicate = memoisedPredicate;
exports.compileFilter = compileFilter;
exports.childSteps = childSteps;
exports.compileTest = compileTest;
const axes_1 = require("./axes");
const child_path_1 = require("./child-path");
const document_1 = require("./document");
const functions_1 = require("./functions");
const user_functions_1 = require("./user-functions");
const ops_1 = require("./ops");
const parser_1 = require("./parser");
const steps_1 = require("./steps");
const values_1 = require("./values");
var document_2 = require("./document");
Object.defineProperty(exports, "xpathDocument", { enumerable: true, get: function () { return document_2.xpathDocument; } });
const EMPTY = [];
const TRUE = [true];
const FALSE = [false];
function at(ctx, item, pos, size) {
    return { item, pos, size, vars: ctx.vars, document: ctx.document };
}
/** Elements of this name below a node, from the document index (document order). */
function descendantsNamed(node, id, document) {
    const list = (0, document_1.elementsNamed)(document, id);
    if (!list)
        return EMPTY;
    if (node instanceof values_1.DocNode)
        return list;
    if (!(0, values_1.isNode)(node) || node instanceof values_1.AttrNode)
        return EMPTY;
    const from = document.order.get(node) ?? 0;
    // The subtree ends at its last descendant, found down the last children.
    let last = node;
    while (last.children.length)
        last = last.children[last.children.length - 1];
    const to = document.order.get(last) ?? 0;
    const out = [];
    for (const el of list) {
        const o = document.order.get(el) ?? 0;
        if (o > to)
            break;
        if (o > from)
            out.push(el);
    }
    return out;
}
/**
 * `@name`: the attributes an unprefixed name test matches (also `p:name`, as the generic axis does),
 * read off the element without building the whole attribute axis.
 */
function attributesNamed(local) {
    const suffix = `:${local}`;
    return (ctx) => {
        const node = ctx.item;
        if (!(0, values_1.isNode)(node))
            throw new values_1.XPathError('path step on an atomic value');
        if (node instanceof values_1.DocNode || node instanceof values_1.AttrNode)
            return EMPTY;
        let out;
        for (const qname in node.attrs) {
            if (qname === local || qname.endsWith(suffix))
                (out ??= []).push(new values_1.AttrNode(node, qname, node.attrs[qname]));
        }
        return out ?? EMPTY;
    };
}
function nameCheck(steps, ns) {
    const required = (0, steps_1.requiredNames)(steps, ns);
    if (required.elements.length === 0 && required.attributes.length === 0)
        return undefined;
    return {
        elements: required.elements.map(([uri, local]) => (0, document_1.elementNameId)(uri, local)),
        attributes: required.attributes.map(document_1.attributeNameId),
    };
}
function hasNames(check, document) {
    if (!check)
        return true;
    for (const id of check.elements)
        if (!(0, document_1.elementsNamed)(document, id))
            return false;
    for (const id of check.attributes)
        if (!(0, document_1.hasAttributeNamed)(document, id))
            return false;
    return true;
}
/** Applies path steps from index `from` on, in document order without duplicates as XPath requires. */
function applySteps(start, steps, from, ctx) {
    let cur = start;
    for (let s = from; s < steps.length; s++) {
        const size = cur.length;
        if (size === 0)
            return EMPTY;
        if (size === 1) {
            const item = cur[0];
            if (!(0, values_1.isNode)(item))
                throw new values_1.XPathError('path step applied to an atomic value');
            cur = steps[s](at(ctx, item, 1, 1));
            continue;
        }
        const out = [];
        for (let i = 0; i < size; i++) {
            const item = cur[i];
            if (!(0, values_1.isNode)(item))
                throw new values_1.XPathError('path step applied to an atomic value');
            const r = steps[s](at(ctx, item, i + 1, size));
            for (const x of r)
                out.push(x);
        }
        cur = out.length > 1 && out.every(values_1.isNode) ? (0, axes_1.sortNodes)(out, ctx.document) : out;
    }
    return cur;
}
/** Compiles an expression once into closures, so evaluation never re-parses. */
function compileXPath(src, ns) {
    return compile((0, parser_1.parseXPath)(src), ns);
}
function compileXPathAst(ast, ns) {
    return compile(ast, ns);
}
/** Compiles an expression for its effective boolean value only. */
function compileXPathTest(src, ns) {
    return compileTest((0, parser_1.parseXPath)(src), ns);
}
function applyPredicates(items, preds, ctx) {
    let cur = items;
    for (const pred of preds) {
        const size = cur.length;
        const kept = [];
        for (let i = 0; i < size; i++)
            if (pred(at(ctx, cur[i], i + 1, size)))
                kept.push(cur[i]);
        cur = kept;
    }
    return cur;
}
/** True when an expression's value is a boolean or a sequence of nodes, never a number. */
function neverNumeric(ast) {
    switch (ast.k) {
        case 'general':
        case 'value':
        case 'and':
        case 'or':
        case 'axis':
            return true;
        case 'call':
            return steps_1.BOOLEAN_FUNCTIONS.has(ast.name);
        case 'path':
            return ast.steps[ast.steps.length - 1].k === 'axis';
        default:
            return false;
    }
}
/** A predicate: a number selects by position (`[1]`), anything else filters by its boolean value. */
function compilePredicate(ast, ns) {
    if (neverNumeric(ast))
        return compileFilter(ast, ns);
    const e = compile(ast, ns);
    return (ctx) => {
        const r = e(ctx);
        if (r.length === 1) {
            const v = r[0];
            if (typeof v === 'number')
                return v === ctx.pos;
            if (v instanceof values_1.Dec)
                return v.equals(ctx.pos);
        }
        return (0, values_1.ebv)(r);
    };
}
/**
 * A predicate free of variables answers the same on the same element, and the rules ask the same ones
 * over and over (`[cac:TaxCategory/normalize-space(cbc:ID)='S']` in a dozen VAT rules), so each
 * document keeps its answers per element.
 */
function memoisedPredicate(test, key) {
    const slot = (0, document_1.predicateSlot)(key);
    return (ctx) => {
        const item = ctx.item;
        if (!(0, values_1.isElement)(item))
            return test(ctx);
        const memo = ctx.document.predicates;
        let answers = memo[slot];
        if (!answers)
            memo[slot] = answers = new Map();
        let v = answers.get(item);
        if (v === undefined) {
            v = test(ctx);
            answers.set(item, v);
        }
        return v;
    };
}
/**
 * A predicate that filters by truth only (no position): what rule contexts and most path steps
 * use. Without variables its answers are kept per element and document, shared by every rule that
 * repeats the same predicate.
 */
function compileFilter(ast, ns) {
    const test = compileTest(ast, ns);
    return (0, steps_1.usesVariables)(ast) ? test : memoisedPredicate(test, JSON.stringify([ast, ns]));
}
/** The child steps of a relative path (or lone step) made of nothing else, or undefined. */
function childSteps(ast, ns) {
    const steps = ast.k === 'path' ? ast.steps : [ast];
    const out = [];
    for (const step of steps) {
        if (step.k !== 'axis' || step.axis !== 'child')
            return undefined;
        const preds = step.preds.map((p) => compilePredicate(p, ns));
        const { test } = step;
        if (test.kind !== 'name') {
            // `*` and `node()`: every child is an element in this tree.
            out.push({ uri: undefined, local: undefined, preds });
            continue;
        }
        const uri = test.prefix ? ns[test.prefix] : '';
        if (uri === undefined)
            throw new values_1.XPathError(`undeclared namespace prefix "${test.prefix}"`);
        out.push({ uri, local: test.local === '*' ? undefined : test.local, preds });
    }
    return out;
}
/** `exists(path)` (or, negated, `empty(path)`), stopping at the first node found. */
function compileExists(ast, ns, negated = false) {
    const steps = childSteps(ast, ns);
    if (steps) {
        const check = nameCheck(ast.k === 'path' ? ast.steps : [ast], ns);
        return negated
            ? (ctx) => !hasNames(check, ctx.document) || !(0, child_path_1.childPathExists)(steps, ctx)
            : (ctx) => hasNames(check, ctx.document) && (0, child_path_1.childPathExists)(steps, ctx);
    }
    const e = compile(ast, ns);
    return negated ? (ctx) => e(ctx).length === 0 : (ctx) => e(ctx).length > 0;
}
function compileTest(ast, ns) {
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
                return (ctx) => (0, ops_1.generalCompareAtomic)(op, l(ctx), right);
            }
            const r = compile(ast.r, ns);
            return (ctx) => (0, ops_1.generalCompare)(op, l(ctx), r(ctx));
        }
        case 'value': {
            const { op } = ast;
            const l = compile(ast.l, ns);
            const r = compile(ast.r, ns);
            return (ctx) => (0, ops_1.valueCompare)(op, l(ctx), r(ctx)) === true;
        }
        case 'axis':
        case 'path':
            // A node sequence is true when not empty.
            if (neverNumeric(ast))
                return compileExists(ast, ns);
            break;
        case 'call': {
            const [arg] = ast.args;
            if (ast.args.length === 0 && (ast.name === 'true' || ast.name === 'false')) {
                const v = ast.name === 'true';
                return () => v;
            }
            if (ast.args.length !== 1)
                break;
            if (ast.name === 'not') {
                // `not(path)`, `not(exists(path))`: one closure answers the negated existence.
                if ((arg.k === 'axis' || arg.k === 'path') && neverNumeric(arg))
                    return compileExists(arg, ns, true);
                if (arg.k === 'call' && arg.name === 'exists' && arg.args.length === 1)
                    return compileExists(arg.args[0], ns, true);
                const t = compileTest(arg, ns);
                return (ctx) => !t(ctx);
            }
            if (ast.name === 'boolean')
                return compileTest(arg, ns);
            if (ast.name === 'exists')
                return compileExists(arg, ns);
            if (ast.name === 'empty')
                return compileExists(arg, ns, true);
            break;
        }
    }
    const e = compile(ast, ns);
    return (ctx) => (0, values_1.ebv)(e(ctx));
}
/**
 * `contains(' AED AFN … ', concat(' ', code, ' '))` is how the code-list rules (BR-CL-*) test
 * membership in lists of up to thousands of codes. A single space-delimited code is looked up in a
 * set of the list's tokens, which gives the same answer as the substring search; anything else (a
 * code with inner spaces, an empty one) still takes the substring search.
 */
function codeListContains(list, needle) {
    const tokens = new Set(list.split(' '));
    return (ctx) => {
        const s = (0, functions_1.stringOf)(needle(ctx));
        const last = s.length - 1;
        if (last >= 2 && s.charCodeAt(0) === 32 && s.charCodeAt(last) === 32) {
            const code = s.slice(1, last);
            if (!code.includes(' '))
                return tokens.has(code);
        }
        return list.includes(s);
    };
}
/** A boolean-valued expression in a value position. */
function asValue(t) {
    return (ctx) => (t(ctx) ? TRUE : FALSE);
}
function compile(ast, ns) {
    switch (ast.k) {
        case 'literal': {
            const v = [ast.v];
            return () => v;
        }
        case 'var': {
            const name = ast.name;
            return (ctx) => {
                const v = ctx.vars[name];
                if (!v)
                    throw new values_1.XPathError(`unbound variable $${name}`);
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
                const v = (0, ops_1.valueCompare)(op, l(ctx), r(ctx));
                return v === undefined ? EMPTY : v ? TRUE : FALSE;
            };
        }
        case 'arith': {
            const { op } = ast;
            const l = compile(ast.l, ns);
            const r = compile(ast.r, ns);
            return (ctx) => (0, ops_1.arithmetic)(op, l(ctx), r(ctx));
        }
        case 'negate': {
            const e = compile(ast.e, ns);
            return (ctx) => (0, ops_1.negate)(e(ctx));
        }
        case 'range': {
            const l = compile(ast.l, ns);
            const r = compile(ast.r, ns);
            return (ctx) => {
                const [a] = (0, values_1.atomizeSeq)(l(ctx));
                const [b] = (0, values_1.atomizeSeq)(r(ctx));
                if (a === undefined || b === undefined)
                    return [];
                const out = [];
                for (let i = (0, values_1.toDecimal)(a).toNumber(); i <= (0, values_1.toDecimal)(b).toNumber(); i++)
                    out.push(new values_1.Dec(i));
                return out;
            };
        }
        case 'union':
        case 'except':
        case 'intersect':
            return compileNodeSetOperation(ast, ns);
        case 'cast': {
            const e = compile(ast.e, ns);
            const fn = functions_1.FUNCTIONS[ast.type];
            if (!fn)
                throw new values_1.XPathError(`unsupported cast to ${ast.type}`);
            const optional = ast.optional;
            return (ctx) => {
                const v = e(ctx);
                if (v.length === 0 && !optional)
                    throw new values_1.XPathError(`empty sequence cast as ${ast.type}`);
                return ast.type === 'xs:boolean' ? (0, values_1.atomizeSeq)(v).map(values_1.toBoolean) : fn([v], ctx.item);
            };
        }
        case 'castable': {
            const e = compile(ast.e, ns);
            const fn = functions_1.FUNCTIONS[ast.type];
            if (!fn)
                throw new values_1.XPathError(`unsupported castable as ${ast.type}`);
            const { optional } = ast;
            return (ctx) => {
                const v = e(ctx);
                if (v.length !== 1)
                    return [v.length === 0 && optional];
                const a = (0, values_1.atomize)(v[0]);
                // xs:integer('1.5') is an error, which the decimal conversion below would not see.
                if (ast.type === 'xs:integer' && (typeof a === 'string' || a instanceof values_1.Untyped))
                    return [/^[ \t\r\n]*[+-]?\d+[ \t\r\n]*$/.test((0, values_1.asString)(a))];
                try {
                    fn([v], ctx.item);
                    return [true];
                }
                catch (err) {
                    if (err instanceof values_1.XPathError)
                        return [false];
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
            return compilePath(ast.steps, ns, (0, steps_1.usesVariables)(ast));
    }
}
/** A call of a function the schema defines, found by its namespace when first called. */
function compileUserCall(ast, ns) {
    const colon = ast.name.indexOf(':');
    const uri = colon > 0 ? ns[ast.name.slice(0, colon)] : undefined;
    if (uri === undefined)
        throw new values_1.XPathError(`unsupported function ${ast.name}()`);
    const name = (0, user_functions_1.expandedName)(uri, ast.name.slice(colon + 1));
    const args = ast.args.map((a) => compile(a, ns));
    return (ctx) => {
        const fn = ctx.document.functions?.get(name);
        if (!fn)
            throw new values_1.XPathError(`unknown function ${ast.name}()`);
        return fn(args.map((a) => a(ctx)), ctx);
    };
}
/** A function call; `contains` on a literal list of codes becomes a set lookup. */
function compileCall(ast, ns) {
    if (ast.args.length === 0 && ast.name === 'last')
        return (ctx) => [new values_1.Dec(ctx.size)];
    if (ast.args.length === 0 && ast.name === 'position')
        return (ctx) => [new values_1.Dec(ctx.pos)];
    const fn = functions_1.FUNCTIONS[ast.name];
    if (!fn)
        return compileUserCall(ast, ns);
    const [first] = ast.args;
    if (ast.name === 'contains' &&
        ast.args.length === 2 &&
        first.k === 'literal' &&
        typeof first.v === 'string') {
        return asValue(codeListContains(first.v, compile(ast.args[1], ns)));
    }
    if (ast.args.length === 1 && ['not', 'exists', 'empty', 'boolean'].includes(ast.name))
        return asValue(compileTest(ast, ns));
    const args = ast.args.map((a) => compile(a, ns));
    if (args.length === 1) {
        const [arg] = args;
        return (ctx) => fn([arg(ctx)], ctx.item);
    }
    return (ctx) => fn(args.map((a) => a(ctx)), ctx.item);
}
/** `|`/`union`, `except`, `intersect`: node sequences in document order. */
function compileNodeSetOperation(ast, ns) {
    const kind = ast.k;
    const l = compile(ast.l, ns);
    const r = compile(ast.r, ns);
    return (ctx) => {
        const a = l(ctx);
        const b = r(ctx);
        if (!a.every(values_1.isNode) || !b.every(values_1.isNode))
            throw new values_1.XPathError(`${kind} of non-nodes`);
        const inB = (n) => b.some((m) => (0, axes_1.sameNode)(n, m));
        if (kind === 'union')
            return (0, axes_1.sortNodes)([...a, ...b], ctx.document);
        const kept = a.filter((n) => (kind === 'except' ? !inB(n) : inB(n)));
        return (0, axes_1.sortNodes)(kept, ctx.document);
    };
}
/** `some`/`every … satisfies`, stopping at the first binding that decides. */
function compileQuantified(ast, ns) {
    const every = ast.every;
    const bindings = ast.bindings.map((b) => ({ name: b.name, in: compile(b.in, ns) }));
    const sat = compileTest(ast.satisfies, ns);
    return (ctx) => {
        const search = (i, vars) => {
            if (i === bindings.length)
                return sat({ ...ctx, vars });
            for (const item of bindings[i].in({ ...ctx, vars })) {
                const r = search(i + 1, { ...vars, [bindings[i].name]: [item] });
                if (r !== every)
                    return r;
            }
            return every;
        };
        return search(0, ctx.vars) ? TRUE : FALSE;
    };
}
/** `for … return`: the concatenated results over every binding. */
function compileFor(ast, ns) {
    const bindings = ast.bindings.map((b) => ({ name: b.name, in: compile(b.in, ns) }));
    const ret = compile(ast.ret, ns);
    return (ctx) => {
        const out = [];
        const loop = (i, vars) => {
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
function compileAxis(ast, ns) {
    const { axis, test } = ast;
    if (axis === 'child') {
        const steps = childSteps(ast, ns);
        return (ctx) => (0, child_path_1.childPath)(steps, ctx);
    }
    const preds = ast.preds.map((p) => compilePredicate(p, ns));
    if (axis === 'attribute' && preds.length === 0 && test.kind === 'name' && !test.prefix) {
        return attributesNamed(test.local);
    }
    if (axis === 'descendant' && test.kind === 'name' && test.local !== '*') {
        const uri = test.prefix ? ns[test.prefix] : '';
        if (uri === undefined)
            throw new values_1.XPathError(`undeclared namespace prefix "${test.prefix}"`);
        const id = (0, document_1.elementNameId)(uri, test.local);
        return (ctx) => {
            const found = descendantsNamed(ctx.item, id, ctx.document);
            return preds.length ? applyPredicates(found, preds, ctx) : found;
        };
    }
    const match = (0, axes_1.testMatcher)(test, ns, axis);
    const reverse = axes_1.REVERSE_AXES.has(axis);
    return (ctx) => {
        const found = (0, axes_1.axisNodes)(axis, ctx.item, ctx.document).filter(match);
        if (preds.length === 0)
            return reverse ? found.reverse() : found;
        const kept = applyPredicates(found, preds, ctx);
        return reverse ? kept.reverse() : kept;
    };
}
function compilePath(source, ns, variables) {
    const simplified = (0, steps_1.simplifySteps)(source);
    const check = nameCheck(simplified, ns);
    const children = source[0].k === 'root' ? undefined : childSteps({ k: 'path', steps: simplified }, ns);
    if (children)
        return (ctx) => (hasNames(check, ctx.document) ? (0, child_path_1.childPath)(children, ctx) : EMPTY);
    const steps = simplified.map((s) => compile(s, ns));
    if (source[0].k !== 'root' || variables) {
        return (ctx) => (hasNames(check, ctx.document) ? applySteps(steps[0](ctx), steps, 1, ctx) : EMPTY);
    }
    // Every prefix of an absolute path is memoised per document under its own text, so the many
    // rules that start from the same `//cac:TaxCategory[…VAT…]` share one evaluation.
    let prefix = steps[0];
    for (let s = 1; s < steps.length; s++) {
        const slot = (0, document_1.memoSlot)(JSON.stringify(simplified.slice(0, s + 1)));
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
//# sourceMappingURL=compile.js.map