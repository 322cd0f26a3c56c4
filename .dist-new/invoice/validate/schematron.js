"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileSchematron = compileSchematron;
exports.runSchematron = runSchematron;
const xml_1 = require("../xml");
const context_1 = require("./context");
const compile_1 = require("./xpath/compile");
const schema_functions_1 = require("./schema-functions");
const documents_1 = require("./xpath/documents");
const generate_1 = require("./xpath/generate");
const parser_1 = require("./xpath/parser");
const values_1 = require("./xpath/values");
function defaultEngine() {
    return process.env.FACTURFLOW_RULES_ENGINE === 'generated' ? 'generated' : 'interpreter';
}
/**
 * Invoices have a few hundred distinct paths; beyond this many (a hostile document), elements on new
 * paths have their candidates decided per element instead of being remembered.
 */
const REMEMBERED_PATHS = 20_000;
/**
 * Compiles a Schematron schema once: contexts become node matchers indexed by element name, tests
 * become closures. Follows ISO Schematron semantics: in each pattern, a node is checked by the first
 * rule whose context it matches.
 */
function compileSchematron(schema, options = {}) {
    const ns = schema.namespaces;
    const engine = options.engine ?? defaultEngine();
    const tests = compileTests(schema, engine);
    let next = 0;
    for (const [name, lists] of Object.entries(schema.codeLists ?? {}))
        (0, documents_1.registerCodeListDocument)(name, lists);
    const functions = (0, schema_functions_1.schemaFunctions)(schema.functions ?? [], ns);
    const globals = (schema.lets ?? []).map((l) => ({ name: l.name, value: (0, compile_1.compileXPath)(l.value, ns) }));
    const named = schema.patterns.map(() => new Map());
    const wild = schema.patterns.map(() => []);
    const attributes = schema.patterns.map(() => []);
    schema.patterns.forEach((pattern, p) => {
        pattern.rules.forEach((rule, index) => {
            const compiled = {
                index,
                lets: (rule.lets ?? []).map((l) => ({ name: l.name, value: (0, compile_1.compileXPath)(l.value, ns) })),
                asserts: rule.asserts.map((a) => ({
                    id: a.id,
                    flag: a.flag,
                    message: a.message,
                    test: tests.compiled[next++],
                    report: a.report === true,
                })),
            };
            for (const branch of (0, context_1.unionBranches)((0, parser_1.parseXPath)(rule.context))) {
                const attribute = attributeContext(branch, ns);
                if (attribute) {
                    attributes[p].push({ rule: compiled, ...attribute });
                    continue;
                }
                const candidate = {
                    rule: compiled,
                    matches: (0, context_1.contextMatcher)(branch, ns),
                    namesOnly: (0, context_1.dependsOnNamesOnly)(branch),
                };
                const name = (0, context_1.lastStepName)(branch);
                if (name === undefined)
                    wild[p].push(candidate);
                else
                    named[p].set(name, [...(named[p].get(name) ?? []), candidate]);
            }
        });
    });
    const byName = new Map();
    for (const name of new Set(named.flatMap((m) => [...m.keys()]))) {
        // Stable sort: schema order, and branch order within a rule.
        byName.set(name, named.map((m, p) => [...(m.get(name) ?? []), ...wild[p]].sort((x, y) => x.rule.index - y.rule.index)));
    }
    return {
        byName,
        anyName: wild,
        paths: { candidates: wild, next: new Map() },
        pathCount: 0,
        globals,
        functions,
        attributes,
        engine: { name: engine, tests: tests.compiled.length, fallbacks: tests.fallbacks, fallbackKinds: tests.kinds },
    };
}
/** Every assert's test, in schema order, by the engine asked for. */
function compileTests(schema, engine) {
    const sources = schema.patterns.flatMap((p) => p.rules.flatMap((r) => r.asserts.map((a) => a.test)));
    if (engine === 'interpreter')
        return { compiled: sources.map((t) => (0, compile_1.compileXPathTest)(t, schema.namespaces)), fallbacks: 0, kinds: {} };
    const generated = (0, generate_1.generateTests)(sources.map(parser_1.parseXPath), schema.namespaces);
    return {
        compiled: (0, generate_1.loadGeneratedTests)(generated),
        fallbacks: generated.fallbacks,
        kinds: generated.fallbackKinds,
    };
}
/** For a context whose last step is on the attribute axis: the attribute's name and its element's matcher. */
function attributeContext(branch, ns) {
    if (branch.k !== 'path')
        return undefined;
    const last = branch.steps[branch.steps.length - 1];
    if (last.k !== 'axis' || last.axis !== 'attribute')
        return undefined;
    if (last.preds.length || last.test.kind !== 'name' || last.test.prefix)
        throw new values_1.XPathError('unsupported rule context: only unprefixed attributes without predicates');
    const owner = (0, context_1.contextMatcher)({ k: 'path', steps: branch.steps.slice(0, -1) }, ns);
    return { name: last.test.local === '*' ? undefined : last.test.local, owner };
}
const ALWAYS = () => true;
/**
 * The candidates for an element whose parent's path is `parent`. Contexts that depend only on names
 * (`cac:Party/cac:PostalAddress`, `//ram:*[ends-with(name(), 'ID')]`) match every element on the same
 * path alike, so they are decided once per path: dropped when they do not match, and when one does,
 * it ends the list, since no later rule of the pattern is reached.
 */
function candidatesFor(compiled, parent, el, document) {
    let byQname = parent.next.get(el.ns);
    const known = byQname?.get(el.qname);
    if (known)
        return known;
    const base = compiled.byName.get(el.name) ?? compiled.anyName;
    const decided = base.map((list) => {
        const out = [];
        for (const c of list) {
            if (!c.namesOnly)
                out.push(c);
            else if (c.matches(el, document)) {
                out.push({ ...c, matches: ALWAYS });
                break;
            }
        }
        return out;
    });
    const path = { candidates: decided, next: new Map() };
    if (compiled.pathCount < REMEMBERED_PATHS) {
        if (!byQname)
            parent.next.set(el.ns, (byQname = new Map()));
        byQname.set(el.qname, path);
        compiled.pathCount++;
    }
    return path;
}
/** Runs every pattern over the document node and every element, as the official XSLT does. */
function runSchematron(compiled, root) {
    const document = (0, compile_1.xpathDocument)(root);
    document.functions = compiled.functions;
    const globals = globalVariables(compiled, document);
    document.globals = globals;
    const findings = [];
    const nodes = [document.doc];
    const candidates = [compiled.anyName];
    // Document order, each element with the path of names that leads to it.
    const visit = (el, parent) => {
        const path = candidatesFor(compiled, parent, el, document);
        nodes.push(el);
        candidates.push(path.candidates);
        for (const c of el.children)
            visit(c, path);
    };
    visit(root, compiled.paths);
    for (let p = 0; p < compiled.anyName.length; p++) {
        for (let n = 0; n < nodes.length; n++) {
            const node = nodes[n];
            const rule = firstMatchingRule(candidates[n][p], node, document);
            if (rule)
                check(rule, node, document, findings, globals);
        }
        if (compiled.attributes[p].length)
            checkAttributes(compiled.attributes[p], nodes, document, findings, globals);
    }
    return findings;
}
/** The pattern's attribute rules, on each attribute of each element, the first matching rule only. */
function checkAttributes(candidates, nodes, document, findings, globals) {
    for (const node of nodes) {
        if (node instanceof values_1.DocNode || node instanceof values_1.AttrNode)
            continue;
        for (const [qname, value] of Object.entries(node.attrs)) {
            if (qname === 'xmlns' || qname.startsWith('xmlns:'))
                continue;
            const hit = candidates.find((c) => (c.name === undefined || c.name === qname) && c.owner(node, document));
            if (hit)
                check(hit.rule, new values_1.AttrNode(node, qname, value), document, findings, globals);
        }
    }
}
/**
 * The schema's global variables for one document, in order (a later one may use an earlier one). One
 * that cannot be evaluated stays unbound: the rules using it then fail, as the XSLT stops there.
 */
function globalVariables(compiled, document) {
    if (compiled.globals.length === 0)
        return context_1.NO_VARS;
    const vars = {};
    const ctx = { item: document.doc, pos: 1, size: 1, vars, document };
    for (const g of compiled.globals) {
        try {
            vars[g.name] = g.value(ctx);
        }
        catch (err) {
            if (!(err instanceof values_1.XPathError))
                throw err;
        }
    }
    return vars;
}
function firstMatchingRule(candidates, node, document) {
    for (let i = 0; i < candidates.length; i++) {
        if (candidates[i].matches(node, document))
            return candidates[i].rule;
    }
    return undefined;
}
function check(rule, node, document, findings, globals) {
    const vars = rule.lets.length ? { ...globals } : globals;
    const ctx = { item: node, pos: 1, size: 1, vars, document };
    let letsFailed = false;
    for (const l of rule.lets) {
        try {
            ctx.vars[l.name] = l.value(ctx);
        }
        catch (err) {
            if (!(err instanceof values_1.XPathError))
                throw err;
            letsFailed = true;
        }
    }
    for (const a of rule.asserts) {
        // A report fires when its test holds, an assert when it fails.
        let holds;
        let stopped = letsFailed;
        try {
            holds = !letsFailed && a.test(ctx) !== a.report;
        }
        catch (err) {
            // The official XSLT stops with a dynamic error here (e.g. xs:decimal('abc'), two values where
            // one is expected): the data cannot satisfy the rule, so it is reported as violated rather than
            // silently passed, and fatal whatever its flag, as the official validation ends without a verdict.
            if (!(err instanceof values_1.XPathError))
                throw err;
            holds = false;
            stopped = true;
        }
        if (!holds) {
            findings.push({
                rule: a.id,
                severity: stopped ? 'fatal' : a.flag,
                message: a.message,
                location: locationOfNode(node),
            });
        }
    }
}
function locationOfNode(node) {
    if (node instanceof values_1.DocNode)
        return '/';
    if (node instanceof values_1.AttrNode)
        return `${(0, xml_1.locationOf)(node.parent)}/@${node.qname}`;
    return (0, xml_1.locationOf)(node);
}
//# sourceMappingURL=schematron.js.map