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
import { DocNode, XPathError, type XNode } from './xpath/values';

type Matcher = (node: XNode, document: XPathDocument) => boolean;

interface CompiledRule {
  index: number;
  matches: Matcher;
  lets: { name: string; value: Compiled }[];
  asserts: { id: string; flag: 'fatal' | 'warning'; message: string; test: Test; report: boolean }[];
}

interface CompiledPattern {
  /** Rules that can only match elements of this local name, in schema order. */
  byName: Map<string, CompiledRule[]>;
  /** Rules whose context can match any element name (wildcards), or the document node. */
  anyName: CompiledRule[];
}

export interface CompiledSchematron {
  patterns: CompiledPattern[];
}

/**
 * Compiles a Schematron schema once: contexts become node matchers indexed by element name, tests
 * become closures. Follows ISO Schematron semantics: in each pattern, a node is checked by the first
 * rule whose context it matches.
 */
export function compileSchematron(schema: SchematronSchema): CompiledSchematron {
  const ns = schema.namespaces;
  for (const [name, lists] of Object.entries(schema.codeLists ?? {})) registerCodeListDocument(name, lists);
  return {
    patterns: schema.patterns.map((pattern) => {
      const byName = new Map<string, CompiledRule[]>();
      const anyName: CompiledRule[] = [];
      pattern.rules.forEach((rule, index) => {
        const ast = parseXPath(rule.context);
        const compiled: CompiledRule = {
          index,
          matches: contextMatcher(ast, ns),
          lets: (rule.lets ?? []).map((l) => ({ name: l.name, value: compileXPath(l.value, ns) })),
          asserts: rule.asserts.map((a) => ({
            id: a.id,
            flag: a.flag,
            message: a.message,
            test: compileXPathTest(a.test, ns),
            report: a.report === true,
          })),
        };
        const names = lastStepNames(ast);
        if (!names) anyName.push(compiled);
        else
          for (const name of names) {
            const list = byName.get(name) ?? [];
            list.push(compiled);
            byName.set(name, list);
          }
      });
      return { byName, anyName };
    }),
  };
}

/** Runs every pattern over the document node and every element, as the official XSLT does. */
export function runSchematron(compiled: CompiledSchematron, root: XmlElement): Finding[] {
  const document = xpathDocument(root);
  const findings: Finding[] = [];
  const nodes: XNode[] = [document.doc, ...document.order.keys()];
  for (const pattern of compiled.patterns) {
    for (const node of nodes) {
      const rule = firstMatchingRule(pattern, node, document);
      if (!rule) continue;
      const ctx: Ctx = { item: node, pos: 1, size: 1, vars: {}, document };
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
  }
  return findings;
}

function firstMatchingRule(
  pattern: CompiledPattern,
  node: XNode,
  document: XPathDocument,
): CompiledRule | undefined {
  const named = node instanceof DocNode ? undefined : pattern.byName.get((node as XmlElement).name);
  let best: CompiledRule | undefined;
  for (const list of [named, pattern.anyName]) {
    if (!list) continue;
    for (const rule of list) {
      if (best && rule.index > best.index) break;
      if (rule.matches(node, document)) {
        best = rule;
        break;
      }
    }
  }
  return best;
}

/** Local names a context's final step requires, or undefined when it may match any node. */
function lastStepNames(ast: Ast): string[] | undefined {
  if (ast.k === 'union') {
    const l = lastStepNames(ast.l);
    const r = lastStepNames(ast.r);
    return l && r ? [...l, ...r] : undefined;
  }
  const last = ast.k === 'path' ? ast.steps[ast.steps.length - 1] : ast;
  if (last.k === 'axis' && last.axis === 'child' && last.test.kind === 'name' && last.test.local !== '*') {
    return [last.test.local];
  }
  return undefined;
}

/** XSLT pattern semantics for a context: the node matches the last step, its parent the one before, … */
function contextMatcher(ast: Ast, ns: Namespaces): Matcher {
  if (ast.k === 'union') {
    const l = contextMatcher(ast.l, ns);
    const r = contextMatcher(ast.r, ns);
    return (node, document) => l(node, document) || r(node, document);
  }
  const steps = ast.k === 'path' ? ast.steps : [ast];
  const tests = steps.map((step) => stepMatcher(step, ns));
  const parentOf = (n: XNode, document: XPathDocument): XNode | undefined =>
    n instanceof DocNode ? undefined : ((n as XmlElement).parent ?? document.doc);
  const matchFrom = (i: number, node: XNode, document: XPathDocument): boolean => {
    const step = steps[i];
    if (isDescendantOrSelf(step)) {
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
  return (node, document) => matchFrom(steps.length - 1, node, document);
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
  const preds = step.preds.map((p) => compileXPathAstTest(p, ns));
  return (node, document) => {
    if (node instanceof DocNode) return false;
    const el = node as XmlElement;
    if (test.kind === 'name' && ((test.local !== '*' && el.name !== test.local) || el.ns !== uri))
      return false;
    const ctx: Ctx = { item: el, pos: 1, size: 1, vars: {}, document };
    try {
      return preds.every((p) => p(ctx));
    } catch (err) {
      // XSLT 2.0 (§6.4): a dynamic error in a pattern predicate means the pattern does not match.
      if (err instanceof XPathError) return false;
      throw err;
    }
  };
}
