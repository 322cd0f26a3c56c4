"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BOOLEAN_FUNCTIONS = void 0;
exports.nonPositional = nonPositional;
exports.simplifySteps = simplifySteps;
exports.requiredNames = requiredNames;
exports.usesVariables = usesVariables;
exports.BOOLEAN_FUNCTIONS = new Set([
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
function nonPositional(pred) {
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
            return exports.BOOLEAN_FUNCTIONS.has(pred.name);
        default:
            return false;
    }
}
function isDescendantOrSelfNode(step) {
    return (step.k === 'axis' &&
        step.axis === 'descendant-or-self' &&
        step.test.kind === 'node' &&
        step.preds.length === 0);
}
/** A union of child steps, each free of positional predicates. */
function childUnion(ast) {
    if (ast.k === 'union')
        return childUnion(ast.l) && childUnion(ast.r);
    return ast.k === 'axis' && ast.axis === 'child' && ast.preds.every(nonPositional);
}
function descendantUnion(ast) {
    if (ast.k === 'union')
        return { k: 'union', l: descendantUnion(ast.l), r: descendantUnion(ast.r) };
    return ast.k === 'axis' ? { ...ast, axis: 'descendant' } : ast;
}
/** `descendant-or-self::node()/child::x[p]` is `descendant::x[p]` when p is not positional. */
function simplifySteps(steps) {
    const out = [];
    for (let i = 0; i < steps.length; i++) {
        const s = steps[i];
        const next = steps[i + 1];
        if (s.k === 'axis' &&
            s.axis === 'descendant-or-self' &&
            s.test.kind === 'node' &&
            s.preds.length === 0 &&
            next?.k === 'axis' &&
            next.axis === 'child' &&
            next.preds.every(nonPositional)) {
            out.push({ ...next, axis: 'descendant' });
            i++;
        }
        else if (isDescendantOrSelfNode(s) && next?.k === 'union' && childUnion(next)) {
            // `//(a|b)` (BR-CO-10's `//(cac:InvoiceLine|cac:CreditNoteLine)`) is `descendant::a | descendant::b`.
            out.push(descendantUnion(next));
            i++;
        }
        else
            out.push(s);
    }
    return out;
}
function requiredNames(steps, ns) {
    const elements = [];
    const attributes = [];
    // Paths into another document (the code lists of `document()`) need names of that document.
    const first = steps[0];
    if (first.k === 'call' && first.name === 'document')
        return { elements, attributes };
    for (const step of steps) {
        if (step.k !== 'axis' || step.test.kind !== 'name' || step.test.local === '*')
            continue;
        if (step.axis === 'attribute') {
            if (!step.test.prefix)
                attributes.push(step.test.local);
        }
        else
            elements.push([step.test.prefix ? ns[step.test.prefix] : '', step.test.local]);
    }
    return { elements, attributes };
}
function usesVariables(ast) {
    if (ast.k === 'var')
        return true;
    return Object.values(ast).some((v) => Array.isArray(v)
        ? v.some((x) => typeof x === 'object' &&
            x !== null &&
            ('k' in x ? usesVariables(x) : 'in' in x && usesVariables(x.in)))
        : typeof v === 'object' && v !== null && 'k' in v && usesVariables(v));
}
//# sourceMappingURL=steps.js.map