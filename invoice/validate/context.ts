import type { XmlElement } from '../xml';
import type { Ast } from './xpath/ast';
import { compileFilter, type Ctx, type Namespaces, type XPathDocument } from './xpath/compile';
import { DocNode, type Seq, XPathError, type XNode } from './xpath/values';

/** Rule contexts as XSLT match patterns: which nodes a rule applies to. */
export type Matcher = (node: XNode, document: XPathDocument) => boolean;

/** Matchers never write variables; they share one empty scope. */
export const NO_VARS: Record<string, Seq> = Object.freeze({}) as Record<string, Seq>;

/** The branches of a context; `(a | b)[p]` is `a[p] | b[p]`. */
export function unionBranches(ast: Ast): Ast[] {
  if (ast.k === 'union') return [...unionBranches(ast.l), ...unionBranches(ast.r)];
  if (ast.k === 'filter') return unionBranches(ast.e).map((branch) => withPredicates(branch, ast.preds));
  if (ast.k === 'path' && (ast.steps[0]?.k === 'union' || ast.steps[0]?.k === 'filter')) {
    // `(a | b)[p]/c` is `a[p]/c | b[p]/c`.
    const [first, ...rest] = ast.steps;
    return unionBranches(first).map((b): Ast => ({
      k: 'path',
      steps: [...(b.k === 'path' ? b.steps : [b]), ...rest],
    }));
  }
  return [ast];
}

function withPredicates(branch: Ast, preds: Ast[]): Ast {
  if (branch.k === 'axis') return { ...branch, preds: [...branch.preds, ...preds] };
  if (branch.k === 'path') {
    const steps = branch.steps.slice(0, -1);
    return { ...branch, steps: [...steps, withPredicates(branch.steps[branch.steps.length - 1], preds)] };
  }
  throw new XPathError(`unsupported rule context: predicates on ${branch.k}`);
}

/** The local name a context branch's final step requires, or undefined when it may match any node. */
export function lastStepName(ast: Ast): string | undefined {
  const last = ast.k === 'path' ? ast.steps[ast.steps.length - 1] : ast;
  if (last.k === 'axis' && last.axis === 'child' && last.test.kind === 'name' && last.test.local !== '*') {
    return last.test.local;
  }
  return undefined;
}

/** XSLT pattern semantics for a context: the node matches the last step, its parent the one before, … */
export function contextMatcher(ast: Ast, ns: Namespaces): Matcher {
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
  const preds = step.preds.map((p) => compileFilter(p, ns));
  return (node, document) => {
    if (!named(node)) return false;
    const ctx: Ctx = { item: node, pos: 1, size: 1, vars: document.globals ?? NO_VARS, document };
    try {
      return preds.every((p) => p(ctx));
    } catch (err) {
      // XSLT 2.0 (§6.4): a dynamic error in a pattern predicate means the pattern does not match.
      if (err instanceof XPathError) return false;
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
export function dependsOnNamesOnly(ast: Ast): boolean {
  const steps = ast.k === 'path' ? ast.steps : [ast];
  return steps.every(
    (step) =>
      step.k === 'root' ||
      (step.k === 'axis' &&
        (step.axis === 'child' || (step.axis === 'descendant-or-self' && step.test.kind === 'node')) &&
        step.preds.every(nameOnly)),
  );
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

function nameOnly(ast: Ast): boolean {
  switch (ast.k) {
    case 'literal':
      return true;
    case 'call':
      if (NAME_FUNCTIONS.has(ast.name)) return ast.args.length === 0;
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
