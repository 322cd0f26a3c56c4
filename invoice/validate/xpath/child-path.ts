import type { XmlElement } from '../../xml';
import type { Ctx, Test } from './compile';
import { AttrNode, DocNode, isNode, type Item, XPathError } from './values';

/**
 * Relative paths made only of child steps (`cac:Party/cac:PostalAddress/cbc:CityName`, with or
 * without predicates) are most of what the rules evaluate. From one context node their result is a
 * depth-first walk, already in document order and free of duplicates, so it needs none of the
 * per-step sequences, contexts and sorting of the general path evaluation; `exists()` stops at the
 * first hit.
 */
export interface ChildStep {
  /** Required namespace URI, or undefined for any. */
  uri: string | undefined;
  /** Required local name, or undefined for any. */
  local: string | undefined;
  /** Predicates, applied per parent as XPath does (`a/b[1]` is the first b of each a). */
  preds: Test[];
}

const NONE: readonly XmlElement[] = [];

/** The elements the first step scans from the context item. */
export function startOf(item: Item): readonly XmlElement[] {
  if (item instanceof DocNode) return [item.root];
  if (!isNode(item)) throw new XPathError('path step on an atomic value');
  return item instanceof AttrNode ? NONE : item.children;
}

function matches(step: ChildStep, el: XmlElement): boolean {
  return (
    (step.local === undefined || el.name === step.local) && (step.uri === undefined || el.ns === step.uri)
  );
}

/** The candidates of a step with predicates, filtered one predicate at a time with positions. */
export function filtered(candidates: readonly XmlElement[], step: ChildStep, ctx: Ctx): XmlElement[] {
  let cur = candidates.filter((c) => matches(step, c));
  for (const pred of step.preds) {
    const size = cur.length;
    const kept: XmlElement[] = [];
    for (let i = 0; i < size; i++) {
      if (pred({ item: cur[i], pos: i + 1, size, vars: ctx.vars, document: ctx.document })) kept.push(cur[i]);
    }
    cur = kept;
  }
  return cur;
}

function collect(
  candidates: readonly XmlElement[],
  steps: ChildStep[],
  i: number,
  ctx: Ctx,
  out: XmlElement[],
): void {
  const step = steps[i];
  const last = i === steps.length - 1;
  if (step.preds.length > 0) {
    for (const c of filtered(candidates, step, ctx)) {
      if (last) out.push(c);
      else collect(c.children, steps, i + 1, ctx, out);
    }
    return;
  }
  const { local, uri } = step;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if ((local === undefined || c.name === local) && (uri === undefined || c.ns === uri)) {
      if (last) out.push(c);
      else collect(c.children, steps, i + 1, ctx, out);
    }
  }
}

function any(candidates: readonly XmlElement[], steps: ChildStep[], i: number, ctx: Ctx): boolean {
  const step = steps[i];
  const last = i === steps.length - 1;
  if (step.preds.length > 0) {
    for (const c of filtered(candidates, step, ctx)) {
      if (last || any(c.children, steps, i + 1, ctx)) return true;
    }
    return false;
  }
  const { local, uri } = step;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if ((local === undefined || c.name === local) && (uri === undefined || c.ns === uri)) {
      if (last || any(c.children, steps, i + 1, ctx)) return true;
    }
  }
  return false;
}

const EMPTY: XmlElement[] = [];

/** The path's result from the context item, in document order. */
export function childPath(steps: ChildStep[], ctx: Ctx): XmlElement[] {
  const start = startOf(ctx.item);
  if (start.length === 0) return EMPTY;
  const out: XmlElement[] = [];
  collect(start, steps, 0, ctx, out);
  return out.length ? out : EMPTY;
}

/** Whether the path selects anything from the context item. */
export function childPathExists(steps: ChildStep[], ctx: Ctx): boolean {
  const start = startOf(ctx.item);
  return start.length > 0 && any(start, steps, 0, ctx);
}
