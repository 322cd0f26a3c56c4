"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NO_VARS = void 0;
exports.unionBranches = unionBranches;
exports.lastStepName = lastStepName;
exports.contextMatcher = contextMatcher;
exports.dependsOnNamesOnly = dependsOnNamesOnly;
const compile_1 = require("./xpath/compile");
const values_1 = require("./xpath/values");
/** Matchers never write variables; they share one empty scope. */
exports.NO_VARS = Object.freeze({});
/** The branches of a context; `(a | b)[p]` is `a[p] | b[p]`. */
function unionBranches(ast) {
    if (ast.k === 'union')
        return [...unionBranches(ast.l), ...unionBranches(ast.r)];
    if (ast.k === 'filter')
        return unionBranches(ast.e).map((branch) => withPredicates(branch, ast.preds));
    if (ast.k === 'path' && (ast.steps[0]?.k === 'union' || ast.steps[0]?.k === 'filter')) {
        // `(a | b)[p]/c` is `a[p]/c | b[p]/c`.
        const [first, ...rest] = ast.steps;
        return unionBranches(first).map((b) => ({
            k: 'path',
            steps: [...(b.k === 'path' ? b.steps : [b]), ...rest],
        }));
    }
    return [ast];
}
function withPredicates(branch, preds) {
    if (branch.k === 'axis')
        return { ...branch, preds: [...branch.preds, ...preds] };
    if (branch.k === 'path') {
        const steps = branch.steps.slice(0, -1);
        return { ...branch, steps: [...steps, withPredicates(branch.steps[branch.steps.length - 1], preds)] };
    }
    throw new values_1.XPathError(`unsupported rule context: predicates on ${branch.k}`);
}
/** The local name a context branch's final step requires, or undefined when it may match any node. */
function lastStepName(ast) {
    const last = ast.k === 'path' ? ast.steps[ast.steps.length - 1] : ast;
    if (last.k === 'axis' && last.axis === 'child' && last.test.kind === 'name' && last.test.local !== '*') {
        return last.test.local;
    }
    return undefined;
}
/** XSLT pattern semantics for a context: the node matches the last step, its parent the one before, … */
function contextMatcher(ast, ns) {
    const steps = ast.k === 'path' ? ast.steps : [ast];
    const tests = steps.map((step) => stepMatcher(step, ns));
    const last = steps.length - 1;
    if (!steps.some(isDescendantOrSelf)) {
        return (node, document) => {
            let n = node;
            for (let i = last; i >= 0; i--) {
                if (n === undefined || !tests[i](n, document))
                    return false;
                n = parentOf(n, document);
            }
            return true;
        };
    }
    const matchFrom = (i, node, document) => {
        if (isDescendantOrSelf(steps[i])) {
            // "//" before step i+1 was consumed by the caller; reaching it here means "any ancestor".
            for (let a = node; a; a = parentOf(a, document))
                if (matchFrom(i - 1, a, document))
                    return true;
            return false;
        }
        if (!tests[i](node, document))
            return false;
        if (i === 0)
            return true;
        const parent = parentOf(node, document);
        return parent !== undefined && matchFrom(i - 1, parent, document);
    };
    return (node, document) => matchFrom(last, node, document);
}
function parentOf(n, document) {
    return n instanceof values_1.DocNode ? undefined : (n.parent ?? document.doc);
}
function isDescendantOrSelf(step) {
    return step.k === 'axis' && step.axis === 'descendant-or-self';
}
function stepMatcher(step, ns) {
    if (step.k === 'root')
        return (node) => node instanceof values_1.DocNode;
    if (isDescendantOrSelf(step))
        return () => true;
    if (step.k !== 'axis' || step.axis !== 'child')
        throw new values_1.XPathError(`unsupported rule context step ${step.k}`);
    const test = step.test;
    const uri = test.kind === 'name' ? (test.prefix ? ns[test.prefix] : '') : undefined;
    const local = test.kind === 'name' && test.local !== '*' ? test.local : undefined;
    const named = (node) => {
        if (node instanceof values_1.DocNode)
            return false;
        const el = node;
        return uri === undefined || ((local === undefined || el.name === local) && el.ns === uri);
    };
    if (step.preds.length === 0)
        return named;
    const preds = step.preds.map((p) => (0, compile_1.compileFilter)(p, ns));
    return (node, document) => {
        if (!named(node))
            return false;
        const ctx = { item: node, pos: 1, size: 1, vars: document.globals ?? exports.NO_VARS, document };
        try {
            return preds.every((p) => p(ctx));
        }
        catch (err) {
            // XSLT 2.0 (§6.4): a dynamic error in a pattern predicate means the pattern does not match.
            if (err instanceof values_1.XPathError)
                return false;
            throw err;
        }
    };
}
/**
 * Whether a context depends on nothing but the names of the element and its ancestors: child steps
 * (`cac:Party/cac:PostalAddress`), `/` and `//`, and predicates over the step's own name only
 * (`//ram:*[ends-with(name(), 'Amount')]`). Whether it matches is then the same for every element
 * reached by the same path of names, and can be decided once per path.
 */
function dependsOnNamesOnly(ast) {
    const steps = ast.k === 'path' ? ast.steps : [ast];
    return steps.every((step) => step.k === 'root' ||
        (step.k === 'axis' &&
            (step.axis === 'child' || (step.axis === 'descendant-or-self' && step.test.kind === 'node')) &&
            step.preds.every(nameOnly)));
}
const NAME_FUNCTIONS = new Set(['name', 'local-name']);
const PURE_FUNCTIONS = new Set([
    'not',
    'boolean',
    'true',
    'false',
    'ends-with',
    'starts-with',
    'contains',
    'concat',
    'upper-case',
    'lower-case',
]);
function nameOnly(ast) {
    switch (ast.k) {
        case 'literal':
            return true;
        case 'call':
            if (NAME_FUNCTIONS.has(ast.name))
                return ast.args.length === 0;
            return PURE_FUNCTIONS.has(ast.name) && ast.args.every(nameOnly);
        case 'and':
        case 'or':
        case 'general':
        case 'value':
            return nameOnly(ast.l) && nameOnly(ast.r);
        case 'axis':
            return ast.axis === 'self' && ast.preds.length === 0;
        default:
            return false;
    }
}
//# sourceMappingURL=context.js.map