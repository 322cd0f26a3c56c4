import type { FunctionStep, SchematronFunction } from './rules/types';
import { compileXPath, compileXPathTest, type Compiled, type Ctx, type Test } from './xpath/compile';
import { expandedName, type UserFunctions } from './xpath/user-functions';
import {
  asString,
  atomizeSeq,
  isElement,
  toBoolean,
  toDecimal,
  Untyped,
  XPathError,
  type Seq,
} from './xpath/values';

type Namespaces = Record<string, string>;

type Step =
  | { let: string; value: Compiled; as?: string; text: boolean }
  | { result: Compiled; text: boolean }
  | { choose: { test: Test; steps: Step[] }[]; otherwise: Step[] };

/** `xsl:value-of`: the text of the values, space-separated, as an untyped text node would give it. */
const asText = (seq: Seq): Seq => [new Untyped(atomizeSeq(seq).map(asString).join(' '))];

/** XSLT's conversion of a value to a declared `as` type (the atomic types the rules declare). */
export function convert(seq: Seq, as: string | undefined): Seq {
  if (!as) return seq;
  const type = as.replace(/[?*+]$/, '');
  const optional = as !== type;
  if (type === 'element()') return elements(seq, as, optional);
  const values = atomizeSeq(seq);
  if (values.length === 0 && optional) return [];
  if (values.length !== 1) throw new XPathError(`${values.length} values where one ${as} is expected`);
  const [v] = values;
  switch (type) {
    case 'xs:boolean':
      return [toBoolean(v)];
    case 'xs:decimal':
      return [toDecimal(v)];
    case 'xs:integer':
      return [toDecimal(v).trunc()];
    case 'xs:string':
      return [asString(v)];
    default:
      throw new XPathError(`unsupported type ${as}`);
  }
}

/** Nodes are passed as they are; XSLT checks only that they are elements, and how many. */
function elements(seq: Seq, as: string, optional: boolean): Seq {
  if (!seq.every(isElement)) throw new XPathError(`a value that is no element where ${as} is expected`);
  if (seq.length > 1 || (seq.length === 0 && !optional))
    throw new XPathError(`${seq.length} elements where ${as} is expected`);
  return seq;
}

function compileSteps(steps: FunctionStep[], ns: Namespaces): Step[] {
  return steps.map((s): Step => {
    if ('let' in s) return { let: s.let, value: compileXPath(s.value, ns), as: s.as, text: s.text === true };
    if ('result' in s) return { result: compileXPath(s.result, ns), text: s.text === true };
    return {
      choose: s.choose.map((w) => ({ test: compileXPathTest(w.test, ns), steps: compileSteps(w.steps, ns) })),
      otherwise: compileSteps(s.otherwise, ns),
    };
  });
}

function run(steps: Step[], ctx: Ctx): Seq | undefined {
  for (const step of steps) {
    if ('let' in step) {
      const value = step.value(ctx);
      ctx.vars[step.let] = convert(step.text ? asText(value) : value, step.as);
    } else if ('result' in step) {
      const value = step.result(ctx);
      return step.text ? asText(value) : value;
    } else {
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
export function schemaFunctions(functions: SchematronFunction[], ns: Namespaces): UserFunctions {
  const table: UserFunctions = new Map();
  for (const fn of functions) {
    const colon = fn.name.indexOf(':');
    const uri = ns[fn.name.slice(0, colon)];
    if (colon < 0 || uri === undefined) throw new Error(`function ${fn.name} has no declared namespace`);
    let steps: Step[] | undefined;
    table.set(expandedName(uri, fn.name.slice(colon + 1)), (args, caller) => {
      steps ??= compileSteps(fn.steps, ns);
      if (args.length !== fn.params.length)
        throw new XPathError(`${fn.name} takes ${fn.params.length} arguments`);
      const vars = { ...caller.vars };
      fn.params.forEach((p, i) => (vars[p.name] = convert(args[i], p.as)));
      const ctx = { ...(caller as Ctx), vars };
      const result = run(steps, ctx);
      if (!result) throw new XPathError(`${fn.name} gives no result`);
      return convert(result, fn.as);
    });
  }
  return table;
}
