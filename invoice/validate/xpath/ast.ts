import type { Dec } from './values';
import type { ArithOp, CompareOp } from './ops';

/** Syntax tree of the XPath 2.0 subset used by the EN 16931 Schematron. */
/** `local` is '*' for a `prefix:*` test. */
export type NodeTest = { kind: 'name'; prefix: string; local: string } | { kind: 'any' } | { kind: 'node' };

export type Axis =
  | 'child'
  | 'attribute'
  | 'self'
  | 'parent'
  | 'ancestor'
  | 'ancestor-or-self'
  | 'descendant'
  | 'descendant-or-self'
  | 'preceding'
  | 'following'
  | 'preceding-sibling'
  | 'following-sibling';

export type Ast =
  | { k: 'literal'; v: string | number | Dec }
  | { k: 'var'; name: string }
  | { k: 'context' }
  | { k: 'sequence'; items: Ast[] }
  | { k: 'call'; name: string; args: Ast[] }
  | { k: 'or' | 'and'; l: Ast; r: Ast }
  | { k: 'general'; op: CompareOp; l: Ast; r: Ast }
  | { k: 'value'; op: CompareOp; l: Ast; r: Ast }
  | { k: 'arith'; op: ArithOp; l: Ast; r: Ast }
  | { k: 'negate'; e: Ast }
  | { k: 'union' | 'except' | 'intersect'; l: Ast; r: Ast }
  | { k: 'range'; l: Ast; r: Ast }
  | { k: 'cast' | 'castable'; e: Ast; type: string; optional: boolean }
  | { k: 'quantified'; every: boolean; bindings: { name: string; in: Ast }[]; satisfies: Ast }
  | { k: 'for'; bindings: { name: string; in: Ast }[]; ret: Ast }
  | { k: 'if'; cond: Ast; then: Ast; else: Ast }
  | { k: 'root' }
  | { k: 'path'; steps: Ast[] }
  | { k: 'axis'; axis: Axis; test: NodeTest; preds: Ast[] }
  | { k: 'filter'; e: Ast; preds: Ast[] };
