"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startOf = startOf;
exports.filtered = filtered;
exports.childPath = childPath;
exports.childPathExists = childPathExists;
const values_1 = require("./values");
const NONE = [];
/** The elements the first step scans from the context item. */
function startOf(item) {
    if (item instanceof values_1.DocNode)
        return [item.root];
    if (!(0, values_1.isNode)(item))
        throw new values_1.XPathError('path step on an atomic value');
    return item instanceof values_1.AttrNode ? NONE : item.children;
}
function matches(step, el) {
    return ((step.local === undefined || el.name === step.local) && (step.uri === undefined || el.ns === step.uri));
}
/** The candidates of a step with predicates, filtered one predicate at a time with positions. */
function filtered(candidates, step, ctx) {
    let cur = candidates.filter((c) => matches(step, c));
    for (const pred of step.preds) {
        const size = cur.length;
        const kept = [];
        for (let i = 0; i < size; i++) {
            if (pred({ item: cur[i], pos: i + 1, size, vars: ctx.vars, document: ctx.document }))
                kept.push(cur[i]);
        }
        cur = kept;
    }
    return cur;
}
function collect(candidates, steps, i, ctx, out) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if (step.preds.length > 0) {
        for (const c of filtered(candidates, step, ctx)) {
            if (last)
                out.push(c);
            else
                collect(c.children, steps, i + 1, ctx, out);
        }
        return;
    }
    const { local, uri } = step;
    for (let k = 0; k < candidates.length; k++) {
        const c = candidates[k];
        if ((local === undefined || c.name === local) && (uri === undefined || c.ns === uri)) {
            if (last)
                out.push(c);
            else
                collect(c.children, steps, i + 1, ctx, out);
        }
    }
}
function any(candidates, steps, i, ctx) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if (step.preds.length > 0) {
        for (const c of filtered(candidates, step, ctx)) {
            if (last || any(c.children, steps, i + 1, ctx))
                return true;
        }
        return false;
    }
    const { local, uri } = step;
    for (let k = 0; k < candidates.length; k++) {
        const c = candidates[k];
        if ((local === undefined || c.name === local) && (uri === undefined || c.ns === uri)) {
            if (last || any(c.children, steps, i + 1, ctx))
                return true;
        }
    }
    return false;
}
const EMPTY = [];
/** The path's result from the context item, in document order. */
function childPath(steps, ctx) {
    const start = startOf(ctx.item);
    if (start.length === 0)
        return EMPTY;
    const out = [];
    collect(start, steps, 0, ctx, out);
    return out.length ? out : EMPTY;
}
/** Whether the path selects anything from the context item. */
function childPathExists(steps, ctx) {
    const start = startOf(ctx.item);
    return start.length > 0 && any(start, steps, 0, ctx);
}
//# sourceMappingURL=child-path.js.map