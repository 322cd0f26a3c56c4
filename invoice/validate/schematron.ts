import { locationOf, type XmlElement } from '../xml';
import type { Finding } from './finding';
import type { SchematronSchema } from './rules/types';
import {
  contextMatcher,
  dependsOnNamesOnly,
  lastStepName,
  NO_VARS,
  unionBranches,
  type Matcher,
} from './context';
import {
  compileXPath,
  compileXPathTest,
  xpathDocument,
  type Compiled,
  type Ctx,
  type Test,
  type XPathDocument,
} from './xpath/compile';
import { schemaFunctions } from './schema-functions';
import { registerCodeListDocument } from './xpath/documents';
import type { Ast } from './xpath/ast';
import { generateRules, loadGeneratedRules, type RuleRun } from './xpath/generate';
import { parseXPath } from './xpath/parser';
import type { UserFunctions } from './xpath/user-functions';
import { AttrNode, DocNode, XPathError, type Seq, type XNode } from './xpath/values';

interface CompiledRule {
  index: number;
  lets: { name: string; value: Compiled }[];
  asserts: { id: string; flag: 'fatal' | 'warning'; message: string }[];
  /** Evaluates every assert on a context node (see `RuleRun`). */
  run: RuleRun;
}

/** A rule as reachable through one branch of its context (`a | b` has two). */
interface Candidate {
  rule: CompiledRule;
  matches: Matcher;
  /** The context depends only on the names of the element and its ancestors (see `dependsOnNamesOnly`). */
  namesOnly: boolean;
}

/** Per pattern, in schema order, the candidates for one element name. */
type PatternCandidates = Candidate[][];

export interface CompiledSchematron {
  /** By element local name, for the names some rule context ends with (wildcard contexts merged in). */
  byName: Map<string, PatternCandidates>;
  /** For the document node and any other name: the contexts that end with a wildcard or `/`. */
  anyName: PatternCandidates;
  /** Candidates by the names on the path from the root, filled as paths are met (see `candidatesFor`). */
  paths: NamePath;
  pathCount: number;
  /** The schema's global `<let>`s, evaluated per document before any rule. */
  globals: { name: string; value: Compiled }[];
  functions: UserFunctions;
  /** Per pattern, the rules whose context ends with an attribute (`…/cbc:ValueQuantity/@unitCode`). */
  attributes: AttributeCandidate[][];
  /**
   * How the tests run, and for generated JavaScript, how many functions the tests share and how many
   * sub-expressions it left to the interpreter.
   */
  engine: {
    name: RulesEngine;
    tests: number;
    functions: number;
    fallbacks: number;
    fallbackKinds: Record<string, number>;
  };
}

/**
 * `interpreter`: the closures of `xpath/compile.ts`, the reference; `generated`: each rule is a
 * JavaScript function generated from its XPath (`xpath/generate.ts`), held to the same findings.
 */
export type RulesEngine = 'generated' | 'interpreter';

export interface SchematronOptions {
  /** Default: `generated` when FACTURFLOW_RULES_ENGINE says so, else `interpreter`. */
  engine?: RulesEngine;
}

function defaultEngine(): RulesEngine {
  return process.env.FACTURFLOW_RULES_ENGINE === 'generated' ? 'generated' : 'interpreter';
}

/** A rule reached through an attribute: the attribute's name, and a matcher for its element. */
interface AttributeCandidate {
  rule: CompiledRule;
  /** The attribute's name (unprefixed: no namespace), or undefined for `@*`. */
  name: string | undefined;
  owner: Matcher;
}

/** One path of names from the root: its elements' candidates, and the paths one element longer. */
interface NamePath {
  candidates: PatternCandidates;
  /** By namespace, then qualified name. */
  next: Map<string, Map<string, NamePath>>;
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
export function compileSchematron(
  schema: SchematronSchema,
  options: SchematronOptions = {},
): CompiledSchematron {
  const ns = schema.namespaces;
  const engine = options.engine ?? defaultEngine();
  const tests = compileRules(schema, engine);
  let next = 0;
  for (const [name, lists] of Object.entries(schema.codeLists ?? {})) registerCodeListDocument(name, lists);
  const functions = schemaFunctions(schema.functions ?? [], ns);
  const globals = (schema.lets ?? []).map((l) => ({ name: l.name, value: compileXPath(l.value, ns) }));
  const named = schema.patterns.map(() => new Map<string, Candidate[]>());
  const wild = schema.patterns.map((): Candidate[] => []);
  const attributes = schema.patterns.map((): AttributeCandidate[] => []);
  schema.patterns.forEach((pattern, p) => {
    pattern.rules.forEach((rule, index) => {
      const compiled: CompiledRule = {
        index,
        lets: (rule.lets ?? []).map((l) => ({ name: l.name, value: compileXPath(l.value, ns) })),
        asserts: rule.asserts.map((a) => ({ id: a.id, flag: a.flag, message: a.message })),
        run: tests.runs[next++],
      };
      for (const branch of unionBranches(parseXPath(rule.context))) {
        const attribute = attributeContext(branch, ns);
        if (attribute) {
          attributes[p].push({ rule: compiled, ...attribute });
          continue;
        }
        const candidate = {
          rule: compiled,
          matches: contextMatcher(branch, ns),
          namesOnly: dependsOnNamesOnly(branch),
        };
        const name = lastStepName(branch);
        if (name === undefined) wild[p].push(candidate);
        else named[p].set(name, [...(named[p].get(name) ?? []), candidate]);
      }
    });
  });
  const byName = new Map<string, PatternCandidates>();
  for (const name of new Set(named.flatMap((m) => [...m.keys()]))) {
    // Stable sort: schema order, and branch order within a rule.
    byName.set(
      name,
      named.map((m, p) => [...(m.get(name) ?? []), ...wild[p]].sort((x, y) => x.rule.index - y.rule.index)),
    );
  }
  return {
    byName,
    anyName: wild,
    paths: { candidates: wild, next: new Map() },
    pathCount: 0,
    globals,
    functions,
    attributes,
    engine: {
      name: engine,
      tests: tests.tests,
      functions: tests.functions,
      fallbacks: tests.fallbacks,
      fallbackKinds: tests.kinds,
    },
  };
}

/** Every rule's asserts, in schema order, by the engine asked for. */
function compileRules(
  schema: SchematronSchema,
  engine: RulesEngine,
): { runs: RuleRun[]; tests: number; functions: number; fallbacks: number; kinds: Record<string, number> } {
  const rules = schema.patterns.flatMap((p) => p.rules);
  const tests = rules.reduce((n, r) => n + r.asserts.length, 0);
  if (engine === 'interpreter') {
    const runs = rules.map((r) =>
      interpretedRule(
        r.asserts.map((a) => compileXPathTest(a.test, schema.namespaces)),
        r.asserts.map((a) => a.report === true),
      ),
    );
    return { runs, tests, functions: 0, fallbacks: 0, kinds: {} };
  }
  const generated = generateRules(
    rules.map((r) => ({
      tests: r.asserts.map((a) => parseXPath(a.test)),
      reports: r.asserts.map((a) => a.report === true),
    })),
    schema.namespaces,
  );
  return {
    runs: loadGeneratedRules(generated),
    tests,
    functions: generated.functions,
    fallbacks: generated.fallbacks,
    kinds: generated.fallbackKinds,
  };
}

/** The interpreter's closures of a rule's tests, run in order (what a generated rule function does). */
function interpretedRule(tests: Test[], reports: boolean[]): RuleRun {
  return (ctx, violations) => {
    for (let i = 0; i < tests.length; i++) {
      try {
        if (tests[i](ctx) === reports[i]) violations.push(i);
      } catch (err) {
        if (!(err instanceof XPathError)) throw err;
        violations.push(~i);
      }
    }
  };
}

/** For a context whose last step is on the attribute axis: the attribute's name and its element's matcher. */
function attributeContext(
  branch: Ast,
  ns: Record<string, string>,
): Omit<AttributeCandidate, 'rule'> | undefined {
  if (branch.k !== 'path') return undefined;
  const last = branch.steps[branch.steps.length - 1];
  if (last.k !== 'axis' || last.axis !== 'attribute') return undefined;
  if (last.preds.length || last.test.kind !== 'name' || last.test.prefix)
    throw new XPathError('unsupported rule context: only unprefixed attributes without predicates');
  const owner = contextMatcher({ k: 'path', steps: branch.steps.slice(0, -1) }, ns);
  return { name: last.test.local === '*' ? undefined : last.test.local, owner };
}

const ALWAYS: Matcher = () => true;

/**
 * The candidates for an element whose parent's path is `parent`. Contexts that depend only on names
 * (`cac:Party/cac:PostalAddress`, `//ram:*[ends-with(name(), 'ID')]`) match every element on the same
 * path alike, so they are decided once per path: dropped when they do not match, and when one does,
 * it ends the list, since no later rule of the pattern is reached.
 */
function candidatesFor(
  compiled: CompiledSchematron,
  parent: NamePath,
  el: XmlElement,
  document: XPathDocument,
): NamePath {
  let byQname = parent.next.get(el.ns);
  const known = byQname?.get(el.qname);
  if (known) return known;
  const base = compiled.byName.get(el.name) ?? compiled.anyName;
  const decided = base.map((list) => {
    const out: Candidate[] = [];
    for (const c of list) {
      if (!c.namesOnly) out.push(c);
      else if (c.matches(el, document)) {
        out.push({ ...c, matches: ALWAYS });
        break;
      }
    }
    return out;
  });
  const path: NamePath = { candidates: decided, next: new Map() };
  if (compiled.pathCount < REMEMBERED_PATHS) {
    if (!byQname) parent.next.set(el.ns, (byQname = new Map()));
    byQname.set(el.qname, path);
    compiled.pathCount++;
  }
  return path;
}

/** Runs every pattern over the document node and every element, as the official XSLT does. */
export function runSchematron(compiled: CompiledSchematron, root: XmlElement): Finding[] {
  const document = xpathDocument(root);
  document.functions = compiled.functions;
  const globals = globalVariables(compiled, document);
  document.globals = globals;
  const findings: Finding[] = [];
  const nodes: XNode[] = [document.doc];
  const candidates: PatternCandidates[] = [compiled.anyName];
  // Document order, each element with the path of names that leads to it.
  const visit = (el: XmlElement, parent: NamePath) => {
    const path = candidatesFor(compiled, parent, el, document);
    nodes.push(el);
    candidates.push(path.candidates);
    for (const c of el.children) visit(c, path);
  };
  visit(root, compiled.paths);
  for (let p = 0; p < compiled.anyName.length; p++) {
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      const rule = firstMatchingRule(candidates[n][p], node, document);
      if (rule) check(rule, node, document, findings, globals);
    }
    if (compiled.attributes[p].length)
      checkAttributes(compiled.attributes[p], nodes, document, findings, globals);
  }
  return findings;
}

/** The pattern's attribute rules, on each attribute of each element, the first matching rule only. */
function checkAttributes(
  candidates: AttributeCandidate[],
  nodes: XNode[],
  document: XPathDocument,
  findings: Finding[],
  globals: Record<string, Seq>,
): void {
  for (const node of nodes) {
    if (node instanceof DocNode || node instanceof AttrNode) continue;
    for (const [qname, value] of Object.entries(node.attrs)) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const hit = candidates.find(
        (c) => (c.name === undefined || c.name === qname) && c.owner(node, document),
      );
      if (hit) check(hit.rule, new AttrNode(node, qname, value), document, findings, globals);
    }
  }
}

/**
 * The schema's global variables for one document, in order (a later one may use an earlier one). One
 * that cannot be evaluated stays unbound: the rules using it then fail, as the XSLT stops there.
 */
function globalVariables(compiled: CompiledSchematron, document: XPathDocument): Record<string, Seq> {
  if (compiled.globals.length === 0) return NO_VARS;
  const vars: Record<string, Seq> = {};
  const ctx: Ctx = { item: document.doc, pos: 1, size: 1, vars, document };
  for (const g of compiled.globals) {
    try {
      vars[g.name] = g.value(ctx);
    } catch (err) {
      if (!(err instanceof XPathError)) throw err;
    }
  }
  return vars;
}

function firstMatchingRule(
  candidates: Candidate[],
  node: XNode,
  document: XPathDocument,
): CompiledRule | undefined {
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i].matches(node, document)) return candidates[i].rule;
  }
  return undefined;
}

function check(
  rule: CompiledRule,
  node: XNode,
  document: XPathDocument,
  findings: Finding[],
  globals: Record<string, Seq>,
): void {
  const vars = rule.lets.length ? { ...globals } : globals;
  const ctx: Ctx = { item: node, pos: 1, size: 1, vars, document };
  let letsFailed = false;
  for (const l of rule.lets) {
    try {
      ctx.vars[l.name] = l.value(ctx);
    } catch (err) {
      if (!(err instanceof XPathError)) throw err;
      letsFailed = true;
    }
  }
  if (letsFailed) {
    // A variable that cannot be evaluated stops the official XSLT before any test of the rule.
    for (const a of rule.asserts) findings.push(finding(a, 'fatal', node));
    return;
  }
  // A report fires when its test holds, an assert when it fails. A test that stops with a dynamic
  // error (e.g. xs:decimal('abc'), two values where one is expected) is one the official XSLT stops
  // on: the data cannot satisfy the rule, so it is reported as violated rather than silently passed,
  // and fatal whatever its flag, as the official validation ends without a verdict.
  const violations: number[] = [];
  rule.run(ctx, violations);
  for (const v of violations) {
    const a = rule.asserts[v < 0 ? ~v : v];
    findings.push(finding(a, v < 0 ? 'fatal' : a.flag, node));
  }
}

function finding(a: CompiledRule['asserts'][number], severity: Finding['severity'], node: XNode): Finding {
  return { rule: a.id, severity, message: a.message, location: locationOfNode(node) };
}

function locationOfNode(node: XNode): string {
  if (node instanceof DocNode) return '/';
  if (node instanceof AttrNode) return `${locationOf(node.parent)}/@${node.qname}`;
  return locationOf(node);
}
