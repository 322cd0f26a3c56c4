import { locationOf, type XmlElement } from '../xml';
import type { Finding } from './finding';
import type { SchematronSchema } from './rules/types';
import type { Ast } from './xpath/ast';
import {
  compileXPath,
  compileXPathAstTest,
  compileXPathTest,
  xpathDocument,
  type Compiled,
  type Ctx,
  type Namespaces,
  type Test,
  type XPathDocument,
} from './xpath/compile';
import { registerCodeListDocument } from './xpath/documents';
import { parseXPath } from './xpath/parser';
import { DocNode, XPathError, type Seq, type XNode } from './xpath/values';

type Matcher = (node: XNode, document: XPathDocument) => boolean;

interface CompiledRule {
  index: number;
  lets: { name: string; value: Compiled }[];
  asserts: { id: string; flag: 'fatal' | 'warning'; message: string; test: Test; report: boolean }[];
}

/** A rule as reachable through one branch of its context (`a | b` has two). */
interface Candidate {
  rule: CompiledRule;
  matches: Matcher;
}

/** Per pattern, in schema order, the candidates for one element name. */
type PatternCandidates = Candidate[][];

export interface CompiledSchematron {
  /** By element local name, for the names some rule context ends with (wildcard contexts merged in). */
  byName: Map<string, PatternCandidates>;
  /** For the document node and any other name: the contexts that end with a wildcard or `/`. */
  anyName: PatternCandidates;
}

/**
 * Compiles a Schematron schema once: contexts become node matchers indexed by element name, tests
 * become closures. Follows ISO Schematron semantics: in each pattern, a node is checked by the first
 * rule whose context it matches.
 */
export function compileSchematron(schema: SchematronSchema): CompiledSchematron {
  const ns = schema.namespaces;
  for (const [name, lists] of Object.entries(schema.codeLists ?? {})) registerCodeListDocument(name, lists);
  const named = schema.patterns.map(() => new Map<string, Candidate[]>());
  const wild = schema.patterns.map((): Candidate[] => []);
  schema.patterns.forEach((pattern, p) => {
    pattern.rules.forEach((rule, index) => {
      const compiled: CompiledRule = {
        index,
        lets: (rule.lets ?? []).map((l) => ({ name: l.name, value: compileXPath(l.value, ns) })),
        asserts: rule.asserts.map((a) => ({
          id: a.id,
          flag: a.flag,
          message: a.message,
          test: compileXPathTest(a.test, ns),
          report: a.report === true,
        })),
      };
      for (const branch of unionBranches(parseXPath(rule.context))) {
        const candidate = { rule: compiled, matches: contextMatcher(branch, ns) };
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
  return { byName, anyName: wild };
}

/** Contexts checked on every element use one shared, never-written variable scope. */
const NO_VARS: Record<string, Seq> = Object.freeze({}) as Record<string, Seq>;

/** Runs every pattern over the document node and every element, as the official XSLT does. */
export function runSchematron(compiled: CompiledSchematron, root: XmlElement): Finding[] {
  const document = xpathDocument(root);
  const findings: Finding[] = [];
  const nodes: XNode[] = [document.doc];
  const candidates: PatternCandidates[] = [compiled.anyName];
  for (const el of document.order.keys()) {
    nodes.push(el);
    candidates.push(compiled.byName.get(el.name) ?? compiled.anyName);
  }
  for (let p = 0; p < compiled.anyName.length; p++) {
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      const rule = firstMatchingRule(candidates[n][p], node, document);
      if (rule) check(rule, node, document, findings);
    }
  }
  return findings;
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

function check(rule: CompiledRule, node: XNode, document: XPathDocument, findings: Finding[]): void {
  const ctx: Ctx = { item: node, pos: 1, size: 1, vars: rule.lets.length ? {} : NO_VARS, document };
  let letsFailed = false;
  for (const l of rule.lets) {
    try {
      ctx.vars[l.name] = l.value(ctx);
    } catch (err) {
      if (!(err instanceof XPathError)) throw err;
      letsFailed = true;
    }
  }
  for (const a of rule.asserts) {
    // A report fires when its test holds, an assert when it fails.
    let holds: boolean;
    try {
      holds = !letsFailed && a.test(ctx) !== a.report;
    } catch (err) {
      // The official XSLT stops with a dynamic error here (e.g. xs:decimal('abc')): the data
      // cannot satisfy the rule, so it is reported as violated rather than silently passed.
      if (!(err instanceof XPathError)) throw err;
      holds = false;
    }
    if (!holds) {
      findings.push({
        rule: a.id,
        severity: a.flag,
        message: a.message,
        location: node instanceof DocNode ? '/' : locationOf(node as XmlElement),
      });
    }
  }
}

function unionBranches(ast: Ast): Ast[] {
  return ast.k === 'union' ? [...unionBranches(ast.l), ...unionBranches(ast.r)] : [ast];
}

/** The local name a context branch's final step requires, or undefined when it may match any node. */
function lastStepName(ast: Ast): string | undefined {
  const last = ast.k === 'path' ? ast.steps[ast.steps.length - 1] : ast;
  if (last.k === 'axis' && last.axis === 'child' && last.test.kind === 'name' && last.test.local !== '*') {
    return last.test.local;
  }
  return undefined;
}

/** XSLT pattern semantics for a context: the node matches the last step, its parent the one before, … */
function contextMatcher(ast: Ast, ns: Namespaces): Matcher {
  const steps = ast.k === 'path' ? ast.steps : [ast];
  const tests = steps.map((step) => stepMatcher(step, ns));
  const last = steps.length - 1;
  if (!steps.some(isDescendantOrSelf)) {
    return (node, document) => {
      let n: XNode | undefined = node;
      for (let i = last; i >= 0; i--) {
        if (n === undefined || !tests[i](n, document)) return false;
        n = parentOf(n, document);
      }
      return true;
    };
  }
  const matchFrom = (i: number, node: XNode, document: XPathDocument): boolean => {
    if (isDescendantOrSelf(steps[i])) {
      // "//" before step i+1 was consumed by the caller; reaching it here means "any ancestor".
      for (let a: XNode | undefined = node; a; a = parentOf(a, document))
        if (matchFrom(i - 1, a, document)) return true;
      return false;
    }
    if (!tests[i](node, document)) return false;
    if (i === 0) return true;
    const parent = parentOf(node, document);
    return parent !== undefined && matchFrom(i - 1, parent, document);
  };
  return (node, document) => matchFrom(last, node, document);
}

function parentOf(n: XNode, document: XPathDocument): XNode | undefined {
  return n instanceof DocNode ? undefined : ((n as XmlElement).parent ?? document.doc);
}

function isDescendantOrSelf(step: Ast): boolean {
  return step.k === 'axis' && step.axis === 'descendant-or-self';
}

function stepMatcher(step: Ast, ns: Namespaces): Matcher {
  if (step.k === 'root') return (node) => node instanceof DocNode;
  if (isDescendantOrSelf(step)) return () => true;
  if (step.k !== 'axis' || step.axis !== 'child')
    throw new XPathError(`unsupported rule context step ${step.k}`);
  const test = step.test;
  const uri = test.kind === 'name' ? (test.prefix ? ns[test.prefix] : '') : undefined;
  const local = test.kind === 'name' && test.local !== '*' ? test.local : undefined;
  const named = (node: XNode): boolean => {
    if (node instanceof DocNode) return false;
    const el = node as XmlElement;
    return uri === undefined || ((local === undefined || el.name === local) && el.ns === uri);
  };
  if (step.preds.length === 0) return named;
  const preds = step.preds.map((p) => compileXPathAstTest(p, ns));
  return (node, document) => {
    if (!named(node)) return false;
    const ctx: Ctx = { item: node, pos: 1, size: 1, vars: NO_VARS, document };
    try {
      return preds.every((p) => p(ctx));
    } catch (err) {
      // XSLT 2.0 (§6.4): a dynamic error in a pattern predicate means the pattern does not match.
      if (err instanceof XPathError) return false;
      throw err;
    }
  };
}
