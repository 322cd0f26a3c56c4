/** Static analysis of path steps, done once at compile time. */
import type { Ast } from './ast';
import type { Namespaces } from './axes';

export const BOOLEAN_FUNCTIONS = new Set([
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
export function nonPositional(pred: Ast): boolean {
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
      return BOOLEAN_FUNCTIONS.has(pred.name);
    default:
      return false;
  }
}

function isDescendantOrSelfNode(step: Ast): boolean {
  return (
    step.k === 'axis' &&
    step.axis === 'descendant-or-self' &&
    step.test.kind === 'node' &&
    step.preds.length === 0
  );
}

/** A union of child steps, each free of positional predicates. */
function childUnion(ast: Ast): boolean {
  if (ast.k === 'union') return childUnion(ast.l) && childUnion(ast.r);
  return ast.k === 'axis' && ast.axis === 'child' && ast.preds.every(nonPositional);
}

function descendantUnion(ast: Ast): Ast {
  if (ast.k === 'union') return { k: 'union', l: descendantUnion(ast.l), r: descendantUnion(ast.r) };
  return ast.k === 'axis' ? { ...ast, axis: 'descendant' } : ast;
}

/** `descendant-or-self::node()/child::x[p]` is `descendant::x[p]` when p is not positional. */
export function simplifySteps(steps: Ast[]): Ast[] {
  const out: Ast[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const next = steps[i + 1];
    if (
      s.k === 'axis' &&
      s.axis === 'descendant-or-self' &&
      s.test.kind === 'node' &&
      s.preds.length === 0 &&
      next?.k === 'axis' &&
      next.axis === 'child' &&
      next.preds.every(nonPositional)
    ) {
      out.push({ ...next, axis: 'descendant' });
      i++;
    } else if (isDescendantOrSelfNode(s) && next?.k === 'union' && childUnion(next)) {
      // `//(a|b)` (BR-CO-10's `//(cac:InvoiceLine|cac:CreditNoteLine)`) is `descendant::a | descendant::b`.
      out.push(descendantUnion(next));
      i++;
    } else out.push(s);
  }
  return out;
}

/**
 * Names a path can only produce results through: when the document holds no element (attribute)
 * of one of them, the path is empty whatever the context, which settles most "must not be present"
 * syntax rules without walking the tree.
 */
export interface RequiredNames {
  /** Elements as [namespace URI, local name]. */
  elements: [string, string][];
  attributes: string[];
}

export function requiredNames(steps: Ast[], ns: Namespaces): RequiredNames {
  const elements: [string, string][] = [];
  const attributes: string[] = [];
  // Paths into another document (the code lists of `document()`) need names of that document.
  const first = steps[0];
  if (first.k === 'call' && first.name === 'document') return { elements, attributes };
  for (const step of steps) {
    if (step.k !== 'axis' || step.test.kind !== 'name' || step.test.local === '*') continue;
    if (step.axis === 'attribute') {
      if (!step.test.prefix) attributes.push(step.test.local);
    } else elements.push([step.test.prefix ? ns[step.test.prefix] : '', step.test.local]);
  }
  return { elements, attributes };
}

export function usesVariables(ast: Ast): boolean {
  if (ast.k === 'var') return true;
  return Object.values(ast).some((v) =>
    Array.isArray(v)
      ? v.some(
          (x) =>
            typeof x === 'object' &&
            x !== null &&
            ('k' in x ? usesVariables(x as Ast) : 'in' in x && usesVariables((x as { in: Ast }).in)),
        )
      : typeof v === 'object' && v !== null && 'k' in v && usesVariables(v as Ast),
  );
}
