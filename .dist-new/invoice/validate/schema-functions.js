"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.convert = convert;
exports.schemaFunctions = schemaFunctions;
const compile_1 = require("./xpath/compile");
const user_functions_1 = require("./xpath/user-functions");
const values_1 = require("./xpath/values");
/** `xsl:value-of`: the text of the values, space-separated, as an untyped text node would give it. */
const asText = (seq) => [new values_1.Untyped((0, values_1.atomizeSeq)(seq).map(values_1.asString).join(' '))];
/** XSLT's conversion of a value to a declared `as` type (the atomic types the rules declare). */
function convert(seq, as) {
    if (!as)
        return seq;
    const type = as.replace(/[?*+]$/, '');
    const optional = as !== type;
    if (type === 'element()')
        return elements(seq, as, optional);
    const values = (0, values_1.atomizeSeq)(seq);
    if (values.length === 0 && optional)
        return [];
    if (values.length !== 1)
        throw new values_1.XPathError(`${values.length} values where one ${as} is expected`);
    const [v] = values;
    switch (type) {
        case 'xs:boolean':
            return [(0, values_1.toBoolean)(v)];
        case 'xs:decimal':
            return [(0, values_1.toDecimal)(v)];
        case 'xs:integer':
            return [(0, values_1.toDecimal)(v).trunc()];
        case 'xs:string':
            return [(0, values_1.asString)(v)];
        default:
            throw new values_1.XPathError(`unsupported type ${as}`);
    }
}
/** Nodes are passed as they are; XSLT checks only that they are elements, and how many. */
function elements(seq, as, optional) {
    if (!seq.every(values_1.isElement))
        throw new values_1.XPathError(`a value that is no element where ${as} is expected`);
    if (seq.length > 1 || (seq.length === 0 && !optional))
        throw new values_1.XPathError(`${seq.length} elements where ${as} is expected`);
    return seq;
}
function compileSteps(steps, ns) {
    return steps.map((s) => {
        if ('let' in s)
            return { let: s.let, value: (0, compile_1.compileXPath)(s.value, ns), as: s.as, text: s.text === true };
        if ('result' in s)
            return { result: (0, compile_1.compileXPath)(s.result, ns), text: s.text === true };
        return {
            choose: s.choose.map((w) => ({ test: (0, compile_1.compileXPathTest)(w.test, ns), steps: compileSteps(w.steps, ns) })),
            otherwise: compileSteps(s.otherwise, ns),
        };
    });
}
function run(steps, ctx) {
    for (const step of steps) {
        if ('let' in step) {
            const value = step.value(ctx);
            ctx.vars[step.let] = convert(step.text ? asText(value) : value, step.as);
        }
        else if ('result' in step) {
            const value = step.result(ctx);
            return step.text ? asText(value) : value;
        }
        else {
            const branch = step.choose.find((w) => w.test(ctx))?.steps ?? step.otherwise;
            return run(branch, ctx);
        }
    }
    return undefined;
}
/**
 * The schema's `<xsl:function>`s, callable from its tests once the document carries them. Bodies compile on first call; each
 * call binds the parameters (converted to their declared types) over the caller's variables, which
 * hold the schema's global `<let>`s, as XSLT functions see global variables.
 */
function schemaFunctions(functions, ns) {
    const table = new Map();
    for (const fn of functions) {
        const colon = fn.name.indexOf(':');
        const uri = ns[fn.name.slice(0, colon)];
        if (colon < 0 || uri === undefined)
            throw new Error(`function ${fn.name} has no declared namespace`);
        let steps;
        table.set((0, user_functions_1.expandedName)(uri, fn.name.slice(colon + 1)), (args, caller) => {
            steps ??= compileSteps(fn.steps, ns);
            if (args.length !== fn.params.length)
                throw new values_1.XPathError(`${fn.name} takes ${fn.params.length} arguments`);
            const vars = { ...caller.vars };
            fn.params.forEach((p, i) => (vars[p.name] = convert(args[i], p.as)));
            const ctx = { ...caller, vars };
            const result = run(steps, ctx);
            if (!result)
                throw new values_1.XPathError(`${fn.name} gives no result`);
            return convert(result, fn.as);
        });
    }
    return table;
}
//# sourceMappingURL=schema-functions.js.map